import { describe, expect, it } from '@jest/globals';
import { InMemoryCache } from '@apollo/client';
import { typePolicies } from './cache-policies';
import {
  addNotificationToCache,
  badgeText,
  formatNotificationTime,
  markAllReadInCache,
  markReadInCache,
  MyNotifications,
  notificationHref,
  UnreadNotificationsCount,
  unreadLabel,
  type NotificationView,
} from './notifications';

const notification = (id: string, readAt: string | null = null): NotificationView => ({ __typename: 'Notification',
  id,
  kind: 'payment.confirmed',
  title: `Aviso ${id}`,
  body: 'Recebemos o seu PIX.',
  link: `/pagamentos/${id}`,
  createdAt: '2026-12-04T12:00:00.000Z',
  readAt,
});

/** A cache holding what the bell and the page would have asked: the count and both lists. */
function cacheWith(all: NotificationView[], unread: number, { endCursor = 'c2', hasNextPage = true } = {}) {
  const cache = new InMemoryCache({ typePolicies });
  const page = (nodes: NotificationView[]) => ({
    __typename: 'NotificationConnection' as const,
    edges: nodes.map((node, index) => ({ __typename: 'NotificationEdge' as const, cursor: `c${index + 1}`, node })),
    pageInfo: { __typename: 'PageInfo' as const, hasNextPage, endCursor },
  });
  cache.writeQuery({ query: UnreadNotificationsCount, data: { __typename: 'Query', unreadNotificationsCount: unread } });
  cache.writeQuery({ query: MyNotifications, variables: { first: 20, unreadOnly: false }, data: { __typename: 'Query', myNotifications: page(all) } });
  cache.writeQuery({ query: MyNotifications, variables: { first: 20, unreadOnly: true }, data: { __typename: 'Query', myNotifications: page(all.filter((n) => !n.readAt)) } });
  return cache;
}

const list = (cache: InMemoryCache, unreadOnly: boolean) => cache.readQuery({ query: MyNotifications, variables: { first: 20, unreadOnly } })!.myNotifications;
const ids = (cache: InMemoryCache, unreadOnly: boolean) => list(cache, unreadOnly).edges.map((edge) => edge.node.id);
const count = (cache: InMemoryCache) => cache.readQuery({ query: UnreadNotificationsCount })!.unreadNotificationsCount;

describe('the notifications in the cache', () => {
  it('puts a new notification at the top of both lists and counts it once, keeping where the next page starts', () => {
    const cache = cacheWith([notification('b'), notification('a', '2026-12-04T11:00:00.000Z')], 1);
    expect(addNotificationToCache(cache, notification('c'))).toBe(true);
    expect(ids(cache, false)).toEqual(['c', 'b', 'a']);
    expect(ids(cache, true)).toEqual(['c', 'b']);
    expect(count(cache)).toBe(2);
    expect(list(cache, false).pageInfo).toMatchObject({ hasNextPage: true, endCursor: 'c2' });

    // The same notification again (a reconnection replaying it) changes nothing.
    expect(addNotificationToCache(cache, notification('c'))).toBe(false);
    expect(ids(cache, false)).toEqual(['c', 'b', 'a']);
    expect(count(cache)).toBe(2);
  });

  it('counts a new notification even when no list has been asked yet', () => {
    const cache = new InMemoryCache({ typePolicies });
    cache.writeQuery({ query: UnreadNotificationsCount, data: { __typename: 'Query', unreadNotificationsCount: 4 } });
    expect(addNotificationToCache(cache, notification('x'))).toBe(true);
    expect(count(cache)).toBe(5);
  });

  it('marks an opened notification read, takes it out of the unread list and takes the count the graph answered', () => {
    const cache = cacheWith([notification('c'), notification('b'), notification('a')], 3);
    markReadInCache(cache, ['b'], 2, new Date('2026-12-04T13:00:00.000Z'));
    expect(list(cache, false).edges.map((edge) => edge.node.readAt)).toEqual([null, '2026-12-04T13:00:00.000Z', null]);
    expect(ids(cache, true)).toEqual(['c', 'a']);
    expect(count(cache)).toBe(2);
  });

  it('marks everything read: every notification, an empty unread list with no next page, and the count', () => {
    const cache = cacheWith([notification('c'), notification('b'), notification('a', '2026-12-01T00:00:00.000Z')], 2);
    markAllReadInCache(cache, new Date('2026-12-04T13:00:00.000Z'));
    expect(list(cache, false).edges.map((edge) => edge.node.readAt)).toEqual(['2026-12-04T13:00:00.000Z', '2026-12-04T13:00:00.000Z', '2026-12-01T00:00:00.000Z']);
    expect(list(cache, true).edges).toEqual([]);
    expect(list(cache, true).pageInfo.hasNextPage).toBe(false);
    expect(count(cache)).toBe(0);
  });
});

describe('notification words and links', () => {
  it('says the unread count in Portuguese and caps the badge', () => {
    expect(unreadLabel(0)).toBe('Nenhuma notificação não lida');
    expect(unreadLabel(1)).toBe('1 notificação não lida');
    expect(unreadLabel(12)).toBe('12 notificações não lidas');
    expect(badgeText(7)).toBe('7');
    expect(badgeText(150)).toBe('99+');
  });

  it('opens paths of the app and https addresses, nothing else', () => {
    expect(notificationHref('/pagamentos/123')).toEqual({ href: '/pagamentos/123', external: false });
    expect(notificationHref('https://medpay.com.br/ajuda')).toEqual({ href: 'https://medpay.com.br/ajuda', external: true });
    for (const unsafe of ['javascript:alert(1)', '//evil.example/x', '/\\evil.example', 'http://medpay.com.br', 'data:text/html,x', '', null, undefined]) expect(notificationHref(unsafe)).toBeNull();
  });

  it('tells how long ago, then the date', () => {
    const now = new Date('2026-12-04T12:00:00.000Z');
    expect(formatNotificationTime('2026-12-04T11:59:30.000Z', now)).toBe('agora');
    expect(formatNotificationTime('2026-12-04T11:55:00.000Z', now)).toBe('há 5 minutos');
    expect(formatNotificationTime('2026-12-04T10:00:00.000Z', now)).toBe('há 2 horas');
    expect(formatNotificationTime('2026-12-03T11:00:00.000Z', now)).toBe('ontem');
    expect(formatNotificationTime('2026-12-01T12:00:00.000Z', now)).toBe('há 3 dias');
    expect(formatNotificationTime('2026-11-01T12:00:00.000Z', now)).toBe('01/11/2026 às 09:00');
  });
});

// What the three apps' notification bell and page share: the operations on the notifications subgraph,
// how a new, read or all-read notification changes Apollo's cache (one live subscription, in the bell,
// keeps every list on screen current), the channel names, and which links a notification may open.
import type { ApolloCache, Reference } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { formatDateTime } from './format';
import { graphql } from './graphql/index';
import type { NotificationChannel, NotificationItemFragment } from './graphql/graphql';

export const NotificationItem = graphql(`
  fragment NotificationItem on Notification {
    id kind title body link createdAt readAt
  }
`);

export const UnreadNotificationsCount = graphql(`
  query UnreadNotificationsCount {
    unreadNotificationsCount
  }
`);

export const MyNotifications = graphql(`
  query MyNotifications($first: Int!, $after: String, $unreadOnly: Boolean!) {
    myNotifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
      edges { cursor node { ...NotificationItem } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const NotificationAdded = graphql(`
  subscription NotificationAdded {
    notificationAdded { ...NotificationItem }
  }
`);

export const MarkNotificationsRead = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]!) {
    markNotificationsRead(ids: $ids)
  }
`);

export const MarkAllNotificationsRead = graphql(`
  mutation MarkAllNotificationsRead {
    markAllNotificationsRead
  }
`);

/** One page of the notification lists (the bell shows the first few of the same list). */
export const NOTIFICATIONS_PAGE_SIZE = 20;

export type NotificationView = NotificationItemFragment;

export const channelLabel: Record<NotificationChannel, string> = {
  IN_APP: 'Aplicativo',
  EMAIL: 'E-mail',
  SMS: 'SMS',
  WHATSAPP: 'WhatsApp',
  PUSH: 'Notificações no navegador',
};

/** '3 notificações não lidas', as the bell's live region says it. */
export function unreadLabel(count: number): string {
  if (count === 0) return 'Nenhuma notificação não lida';
  return count === 1 ? '1 notificação não lida' : `${count} notificações não lidas`;
}

/** The badge's text: the count, capped so it fits the bell. */
export const badgeText = (count: number) => (count > 99 ? '99+' : String(count));

/**
 * Where a notification may lead: a path of this app (not `//host`, which browsers read as another
 * site), or an https address. Anything else (javascript:, data:, http:) opens nothing.
 */
export function notificationHref(link: string | null | undefined): { href: string; external: boolean } | null {
  if (!link) return null;
  if (link.startsWith('/') && !link.startsWith('//') && !link.startsWith('/\\')) return { href: link, external: false };
  try {
    const url = new URL(link);
    return url.protocol === 'https:' ? { href: url.href, external: true } : null;
  } catch {
    return null;
  }
}

const relative = new Intl.RelativeTimeFormat('pt-BR', { numeric: 'auto' });

/** 'agora', 'há 5 minutos', 'há 2 horas', 'ontem', 'há 3 dias'; after a week, the date and time. */
export function formatNotificationTime(at: string, now = new Date()): string {
  const seconds = Math.round((now.getTime() - new Date(at).getTime()) / 1000);
  if (seconds < 60) return 'agora';
  if (seconds < 3600) return relative.format(-Math.floor(seconds / 60), 'minute');
  if (seconds < 86_400) return relative.format(-Math.floor(seconds / 3600), 'hour');
  if (seconds < 7 * 86_400) return relative.format(-Math.floor(seconds / 86_400), 'day');
  return formatDateTime(at);
}

// How Apollo keeps `myNotifications` under relayStylePagination(['unreadOnly']) (apollo.tsx): one
// connection per value of unreadOnly, edges holding references to the normalized notifications.
interface StoredEdge {
  __typename?: string;
  cursor: string;
  node: Reference;
}
interface StoredConnection {
  edges: StoredEdge[];
  pageInfo?: { hasNextPage?: boolean; endCursor?: string | null };
}
const isConnection = (value: unknown): value is StoredConnection => typeof value === 'object' && value !== null && 'edges' in value && Array.isArray(value.edges);
const isUnreadOnly = (storeFieldName: string) => storeFieldName.includes('"unreadOnly":true');
const notificationId = (cache: ApolloCache, id: string) => cache.identify({ __typename: 'Notification', id });

/**
 * A notification that just arrived (notificationAdded): at the top of every cached list, and one more
 * unread. Returns false when the cache already knew it (nothing is counted twice). The subscription runs
 * with fetchPolicy 'no-cache', so this is where it enters the cache.
 */
export function addNotificationToCache(cache: ApolloCache, notification: NotificationView): boolean {
  const id = notificationId(cache, notification.id);
  const known = cache.readFragment({ id, fragment: NotificationItem }) !== null;
  const data: NotificationView & { __typename: 'Notification' } = { ...notification, __typename: 'Notification' };
  const node = cache.writeFragment({ fragment: NotificationItem, data });
  if (known || !node) return false;
  cache.modify({
    id: 'ROOT_QUERY',
    fields: {
      myNotifications(existing: unknown, { readField }) {
        if (!isConnection(existing) || existing.edges.some((edge) => readField('id', edge.node) === notification.id)) return existing;
        // No cursor: the next page still starts after the server's endCursor, which pageInfo keeps.
        return { ...existing, edges: [{ __typename: 'NotificationEdge', cursor: '', node }, ...existing.edges] };
      },
      unreadNotificationsCount: (count: number) => (notification.readAt ? count : count + 1),
    },
  });
  return true;
}

/** Some notifications read (markNotificationsRead answered `unreadCount`): marked, and out of the unread-only lists. */
export function markReadInCache(cache: ApolloCache, ids: readonly string[], unreadCount: number, now = new Date()) {
  const at = now.toISOString();
  for (const id of ids) cache.modify({ id: notificationId(cache, id), fields: { readAt: (readAt: string | null) => readAt ?? at } });
  cache.modify({
    id: 'ROOT_QUERY',
    fields: {
      myNotifications(existing: unknown, { storeFieldName, readField }) {
        if (!isConnection(existing) || !isUnreadOnly(storeFieldName)) return existing;
        return { ...existing, edges: existing.edges.filter((edge) => !ids.includes(readField<string>('id', edge.node) ?? '')) };
      },
      unreadNotificationsCount: () => unreadCount,
    },
  });
}

/**
 * Everything read (markAllNotificationsRead): every cached notification marked, the unread-only lists
 * emptied, nothing unread. (What the mutation's Int means is not in the contract, so it is not used.)
 */
export function markAllReadInCache(cache: ApolloCache, now = new Date()) {
  const at = now.toISOString();
  const store = cache.extract();
  for (const key of typeof store === 'object' && store !== null ? Object.keys(store) : []) {
    if (key.startsWith('Notification:')) cache.modify({ id: key, fields: { readAt: (readAt: string | null) => readAt ?? at } });
  }
  cache.modify({
    id: 'ROOT_QUERY',
    fields: {
      myNotifications(existing: unknown, { storeFieldName }) {
        if (!isConnection(existing) || !isUnreadOnly(storeFieldName)) return existing;
        return { ...existing, edges: [], pageInfo: { ...existing.pageInfo, hasNextPage: false } };
      },
      unreadNotificationsCount: () => 0,
    },
  });
}

/** Marking read, as the bell and the page both do it; the cache follows each answer. */
export function useNotificationActions() {
  const [markMutation, marking] = useMutation(MarkNotificationsRead);
  const [markAllMutation, markingAll] = useMutation(MarkAllNotificationsRead);
  return {
    /** Marks one notification read when it is opened (nothing is asked for one already read). */
    open(notification: NotificationView) {
      if (notification.readAt) return;
      void markMutation({
        variables: { ids: [notification.id] },
        update: (cache, { data }) => {
          if (data) markReadInCache(cache, [notification.id], data.markNotificationsRead);
        },
      }).catch(() => undefined);
    },
    markAll: () =>
      markAllMutation({
        update: (cache, { data }) => {
          if (data) markAllReadInCache(cache);
        },
      }),
    markingAll: markingAll.loading,
    error: marking.error ?? markingAll.error,
  };
}

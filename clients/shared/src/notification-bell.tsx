'use client';
// The notification bell in every app's header: the unread count as a badge (and in words, in a live
// region), a panel with the latest notifications that opens from the keyboard as well as the mouse, and
// the one notificationAdded subscription of the app, which keeps the badge and every list current.
import { useQuery, useSubscription } from '@apollo/client/react';
import Link from 'next/link';
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import {
  addNotificationToCache,
  badgeText,
  formatNotificationTime,
  MyNotifications,
  NotificationAdded,
  notificationHref,
  NOTIFICATIONS_PAGE_SIZE,
  UnreadNotificationsCount,
  unreadLabel,
  useNotificationActions,
  type NotificationView,
} from './notifications';
import { ErrorNotice } from './ui';

/** How many of the latest notifications the bell's panel shows; the page shows them all. */
export const BELL_SIZE = 8;

function NotificationTarget({ notification, onOpen, children }: { notification: NotificationView; onOpen(notification: NotificationView): void; children: ReactNode }) {
  const target = notificationHref(notification.link);
  const open = () => onOpen(notification);
  if (target?.external) return <a className="notification-target" href={target.href} target="_blank" rel="noopener noreferrer" onClick={open}>{children}</a>;
  if (target) return <Link className="notification-target" href={target.href} onClick={open}>{children}</Link>;
  // Nowhere to go: opening it is reading it.
  if (!notification.readAt) return <button type="button" className="notification-target" onClick={open}>{children}</button>;
  return <div className="notification-target">{children}</div>;
}

/** Notifications newest first; unread ones marked (in words too), each opening its link. */
export function NotificationList({ notifications, onOpen, now }: { notifications: NotificationView[]; onOpen(notification: NotificationView): void; now?: Date }) {
  return (
    <ul className="notifications">
      {notifications.map((notification) => {
        const unread = !notification.readAt;
        return (
          <li key={notification.id} className={unread ? 'notification unread' : 'notification'} data-notification-id={notification.id} data-unread={unread}>
            <NotificationTarget notification={notification} onOpen={onOpen}>
              <span className="notification-title">
                {unread ? <span className="visually-hidden">Não lida: </span> : null}
                {notification.title}
              </span>
              <span className="notification-body">{notification.body}</span>
              <time className="notification-time" dateTime={notification.createdAt}>{formatNotificationTime(notification.createdAt, now)}</time>
            </NotificationTarget>
          </li>
        );
      })}
    </ul>
  );
}

export interface NotificationBellViewProps {
  /** undefined until the count has been asked */
  unreadCount: number | undefined;
  /** the latest notifications; null while the first page loads */
  notifications: NotificationView[] | null;
  /** what the live region says, e.g. 'Nova notificação: Pagamento confirmado. 1 notificação não lida' */
  announcement: string;
  listError?: unknown;
  markingAll?: boolean;
  preferencesHref?: string;
  onOpenChange(open: boolean): void;
  onOpenNotification(notification: NotificationView): void;
  onMarkAll(): void;
  now?: Date;
}

const focusables = (panel: HTMLElement | null) => [...(panel?.querySelectorAll<HTMLElement>('a[href], button:not([disabled])') ?? [])];

/** The bell and its panel, drawn from what the container (NotificationBell) asks of the graph. */
export function NotificationBellView(props: NotificationBellViewProps) {
  const { unreadCount = 0, notifications, onOpenChange } = props;
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const focusFirstItem = useRef(false);
  const panelId = useId();
  const titleId = useId();

  const toggle = useCallback(
    (next: boolean, { returnFocus = false } = {}) => {
      setOpen(next);
      onOpenChange(next);
      if (!next && returnFocus) button.current?.focus();
    },
    [onOpenChange],
  );

  // Opened, the panel takes the focus (the first notification when asked with the arrow key). On a phone
  // it spans the screen just under the bell, wherever the header's wrapping put the bell.
  useEffect(() => {
    if (!open) return;
    const bottom = button.current?.getBoundingClientRect().bottom;
    if (bottom !== undefined) panel.current?.style.setProperty('--bell-bottom', `${Math.round(bottom)}px`);
    const first = focusFirstItem.current ? panel.current?.querySelector<HTMLElement>('.notification-target:is(a, button)') : null;
    (first ?? panel.current)?.focus();
    focusFirstItem.current = false;
  }, [open]);

  // A click anywhere else closes it.
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) toggle(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open, toggle]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' && open) {
      event.preventDefault();
      toggle(false, { returnFocus: true });
      return;
    }
    if (event.target === button.current) {
      if (event.key === 'ArrowDown' && !open) {
        event.preventDefault();
        focusFirstItem.current = true;
        toggle(true);
      }
      return;
    }
    const items = focusables(panel.current);
    if (!items.length || !['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) return;
    event.preventDefault();
    const at = items.indexOf(document.activeElement as HTMLElement);
    const next =
      event.key === 'Home' ? 0
      : event.key === 'End' ? items.length - 1
      : event.key === 'ArrowDown' ? (at + 1) % items.length
      : (at <= 0 ? items.length : at) - 1;
    items[next]?.focus();
  };

  const shown = notifications?.slice(0, BELL_SIZE) ?? null;
  const openNotification = (notification: NotificationView) => {
    props.onOpenNotification(notification);
    toggle(false);
  };

  return (
    <div
      className="bell"
      ref={root}
      onKeyDown={onKeyDown}
      // Tabbing out of the panel closes it.
      onBlur={(event) => {
        if (open && event.relatedTarget && !root.current?.contains(event.relatedTarget as Node)) toggle(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className="bell-button"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => toggle(!open)}
      >
        <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="22" height="22">
          <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
        </svg>
        <span className="visually-hidden">Notificações{unreadCount ? ` (${unreadCount} não ${unreadCount === 1 ? 'lida' : 'lidas'})` : ''}</span>
        {unreadCount ? <span className="bell-count" aria-hidden="true" data-testid="notification-count">{badgeText(unreadCount)}</span> : null}
      </button>
      <span className="visually-hidden" role="status" aria-live="polite" data-testid="notification-announcement">{props.announcement}</span>
      {open ? (
        <div
          id={panelId}
          ref={panel}
          className="bell-panel"
          role="dialog"
          aria-labelledby={titleId}
          tabIndex={-1}
        >
          <div className="bell-panel-head">
            <h2 id={titleId}>Notificações</h2>
            {unreadCount ? (
              <button
                type="button"
                className="link"
                disabled={props.markingAll}
                onClick={() => {
                  props.onMarkAll();
                  // the button goes once nothing is unread; the focus stays in the panel
                  panel.current?.focus();
                }}
              >
                Marcar todas como lidas
              </button>
            ) : null}
          </div>
          <ErrorNotice error={props.listError} />
          {shown === null ? (
            props.listError ? null : <p className="muted bell-empty">Carregando…</p>
          ) : shown.length === 0 ? (
            <p className="muted bell-empty">Nenhuma notificação por enquanto.</p>
          ) : (
            <NotificationList notifications={shown} onOpen={openNotification} now={props.now} />
          )}
          <div className="bell-panel-foot">
            <Link href="/notificacoes" onClick={() => toggle(false)}>Ver todas as notificações</Link>
            {props.preferencesHref ? <Link href={props.preferencesHref} onClick={() => toggle(false)}>Preferências</Link> : null}
          </div>
        </div>
      ) : null}
    </div>
  );
}

/**
 * The bell for a signed-in user: the count always, the list once the panel has been opened, and
 * notificationAdded through the router's graphql-ws socket. The subscription skips Apollo's own cache
 * write ('no-cache') so that addNotificationToCache can tell a new notification from a known one.
 */
export function NotificationBell({ preferencesHref }: { preferencesHref?: string }) {
  const [wanted, setWanted] = useState(false);
  const [arrival, setArrival] = useState<string | null>(null);
  const count = useQuery(UnreadNotificationsCount);
  const list = useQuery(MyNotifications, { variables: { first: NOTIFICATIONS_PAGE_SIZE, unreadOnly: false }, skip: !wanted });
  const actions = useNotificationActions();
  useSubscription(NotificationAdded, {
    fetchPolicy: 'no-cache',
    onData: ({ client, data }) => {
      const notification = data.data?.notificationAdded;
      if (notification && addNotificationToCache(client.cache, notification)) setArrival(notification.title);
    },
  });

  const unreadCount = count.data?.unreadNotificationsCount;
  const announcement = unreadCount === undefined ? '' : `${arrival ? `Nova notificação: ${arrival}. ` : ''}${unreadLabel(unreadCount)}`;
  const onOpenChange = useCallback(
    (open: boolean) => {
      if (!open) return;
      setArrival(null);
      // Reopened: ask again, in case the socket was down while something arrived.
      if (wanted) {
        void count.refetch().catch(() => undefined);
        void list.refetch().catch(() => undefined);
      } else setWanted(true);
    },
    [wanted, count, list],
  );

  return (
    <NotificationBellView
      unreadCount={unreadCount}
      notifications={list.data ? list.data.myNotifications.edges.map((edge) => edge.node) : null}
      announcement={announcement}
      listError={list.error ?? actions.error}
      markingAll={actions.markingAll}
      preferencesHref={preferencesHref}
      onOpenChange={onOpenChange}
      onOpenNotification={(notification) => {
        setArrival(null);
        actions.open(notification);
      }}
      onMarkAll={() => {
        setArrival(null);
        void actions.markAll().catch(() => undefined);
      }}
    />
  );
}

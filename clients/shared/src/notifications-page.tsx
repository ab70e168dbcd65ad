'use client';
// Every notification of the signed-in person, newest first, a page at a time ("Carregar mais"), with
// the unread ones alone on request; the same screen at /notificacoes in the three apps. The bell's
// subscription keeps it current.
import { useQuery } from '@apollo/client/react';
import { useState, type ReactNode } from 'react';
import { NotificationList } from './notification-bell';
import { MyNotifications, NOTIFICATIONS_PAGE_SIZE, UnreadNotificationsCount, unreadLabel, useNotificationActions } from './notifications';
import { ErrorNotice, Loading, LoadMore } from './ui';

export function NotificationsPage({ children }: { children?: ReactNode }) {
  const [unreadOnly, setUnreadOnly] = useState(false);
  const { data, loading, error, fetchMore } = useQuery(MyNotifications, { variables: { first: NOTIFICATIONS_PAGE_SIZE, unreadOnly } });
  const count = useQuery(UnreadNotificationsCount);
  const actions = useNotificationActions();
  const [markAllError, setMarkAllError] = useState<unknown>(null);
  const unread = count.data?.unreadNotificationsCount ?? 0;
  const connection = data?.myNotifications;
  const notifications = connection?.edges.map((edge) => edge.node) ?? [];

  return (
    <>
      <h1>Notificações</h1>
      <div className="spread notifications-toolbar">
        <p className="muted" data-testid="unread-summary">{count.data ? unreadLabel(unread) : ''}</p>
        <div className="row">
          <label className="check">
            <input type="checkbox" checked={unreadOnly} onChange={(event) => setUnreadOnly(event.target.checked)} /> Mostrar só as não lidas
          </label>
          <button
            type="button"
            className="button secondary"
            disabled={unread === 0 || actions.markingAll}
            onClick={() => {
              setMarkAllError(null);
              void actions.markAll().catch(setMarkAllError);
            }}
          >
            Marcar todas como lidas
          </button>
        </div>
      </div>
      {children}
      <ErrorNotice error={error ?? markAllError} />
      {loading && !data ? <Loading /> : null}
      {data && notifications.length === 0 ? (
        <p className="notice notice-info">{unreadOnly ? 'Nenhuma notificação não lida.' : 'Você ainda não tem notificações.'}</p>
      ) : null}
      {notifications.length ? (
        <section className="card notifications-page" aria-label={unreadOnly ? 'Notificações não lidas' : 'Todas as notificações'}>
          <NotificationList notifications={notifications} onOpen={actions.open} />
        </section>
      ) : null}
      <LoadMore label="Carregar mais" pageInfo={connection?.pageInfo} onMore={(after) => void fetchMore({ variables: { after } })} />
    </>
  );
}

// The notifications graph: a person's own bell, channel choices and devices (the `user` policy says
// "a person" before any resolver runs; every query here is scoped to the caller's id), the back
// office's dead letters, and the partner webhooks (their resolvers in webhooks/).
import { AppError, Caller, pageSize, toConnection, type RequestContext } from '@medpay/runtime';
import type { ClinicMembership } from '@medpay/contracts';
import type { Resolvers } from './__generated__/resolvers-types.js';
import { pushEndpointAllowed } from './channels/push.js';
import type { Dispatcher } from './dispatcher.js';
import type { Message } from './generated/prisma/client.js';
import type { LiveNotifications } from './live.js';
import type { NotificationStore, NotificationView } from './store.js';
import { webhookResolvers, type Webhooks } from './webhooks/index.js';

export interface NotificationsContext extends RequestContext {
  caller: Caller<ClinicMembership['role']>;
  store: NotificationStore;
  live: LiveNotifications;
  dispatcher: Dispatcher;
  webhooks: Webhooks;
  webPushPublicKey: string;
  /** the push services a browser's subscription may point at */
  pushEndpoints: string[];
}

const iso = (date: Date | null) => date?.toISOString() ?? null;
const MAX_IDS = 100;

export const resolvers: Resolvers = {
  PersonalData: {
    __resolveReference: ({ userId }) => ({ userId }),
    notifications: ({ userId }, _, { caller, store }) => {
      caller.assertSelf(userId);
      return store.personalDataOf(userId);
    },
  },
  Query: {
    myNotifications: async (_root, { first, after, unreadOnly }, { caller, store }) =>
      toConnection(await store.notifications(caller.requireUser(), pageSize(first, 20), after, unreadOnly ?? false)),
    unreadNotificationsCount: (_root, _args, { caller, store }) => store.unreadCount(caller.requireUser()),
    myNotificationPreferences: (_root, _args, { caller, store }) => store.preferences(caller.requireUser()),
    failedMessages: async (_root, { first, after }, { caller, store }) => {
      caller.assertPlatformAdmin();
      return toConnection(await store.failedMessages(pageSize(first, 20), after));
    },
    webPushPublicKey: (_root, _args, { webPushPublicKey }) => webPushPublicKey,
    ...webhookResolvers.Query,
  },
  Mutation: {
    markNotificationsRead: (_root, { ids }, { caller, store }) => {
      if (ids.length > MAX_IDS) throw new AppError('BAD_USER_INPUT', `Marque no máximo ${MAX_IDS} notificações por vez.`, { field: 'ids' });
      return store.markRead(caller.requireUser(), ids);
    },
    markAllNotificationsRead: (_root, _args, { caller, store }) => store.markRead(caller.requireUser()),
    setNotificationPreferences: (_root, { preferences }, { caller, store }) => {
      if (preferences.some((choice) => choice.channel === 'IN_APP' && choice.purpose === 'TRANSACTIONAL' && !choice.enabled)) {
        throw new AppError('BAD_USER_INPUT', 'Os avisos no aplicativo sobre seus pagamentos não podem ser desativados.', { field: 'preferences' });
      }
      return store.setPreferences(caller.requireUser(), preferences);
    },
    subscribeWebPush: async (_root, { subscription }, { caller, store, pushEndpoints }) => {
      // The endpoint is where this server will send requests: only a known push service's (no SSRF).
      if (subscription.endpoint.length > 2048 || !pushEndpointAllowed(subscription.endpoint, pushEndpoints)) {
        throw new AppError('BAD_USER_INPUT', 'Inscrição de notificações do navegador inválida.', { field: 'subscription' });
      }
      await store.subscribePush(caller.requireUser(), subscription);
      return true;
    },
    unsubscribeWebPush: (_root, { endpoint }, { caller, store }) => store.unsubscribePush(caller.requireUser(), endpoint),
    retryMessage: async (_root, { id }, { caller, store, dispatcher }) => {
      caller.assertPlatformAdmin();
      const message = await store.reopen(id);
      if (!message) throw new AppError('BAD_USER_INPUT', 'Só mensagens com falha podem ser reenviadas.', { field: 'id' });
      await dispatcher.enqueue(message);
      return message;
    },
    ...webhookResolvers.Mutation,
  },
  Subscription: {
    notificationAdded: {
      subscribe: (_root, _args, { caller, live }) => live.watch(caller.requireUser()),
      resolve: (notification: NotificationView) => notification,
    },
  },
  Notification: {
    createdAt: (notification) => notification.createdAt.toISOString(),
    readAt: (notification) => iso(notification.readAt),
  },
  OutboundMessage: {
    scheduledFor: (message: Message) => message.scheduledFor.toISOString(),
    sentAt: (message: Message) => iso(message.sentAt),
  },
};

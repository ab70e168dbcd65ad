import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { NotificationView } from '../store.js';
import type { Message } from '../generated/prisma/client.js';
import type { NotificationsContext } from '../resolvers.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A JSON value: the parts of a person's data export. */
  JSON: { input: unknown; output: unknown; }
  _FieldSet: { input: string; output: string; }
};

export type ChannelPreference = {
  __typename?: 'ChannelPreference';
  channel: NotificationChannel;
  enabled: Scalars['Boolean']['output'];
  purpose: NotificationPurpose;
};

export type ChannelPreferenceInput = {
  channel: NotificationChannel;
  enabled: Scalars['Boolean']['input'];
  purpose: NotificationPurpose;
};

export type MessageStatus =
  /** no longer due: the installment was paid, the payment refunded */
  | 'CANCELED'
  | 'DELIVERED'
  /** the provider refused it for good, or it ran out of retries (dead letter) */
  | 'FAILED'
  /** waiting for its time (a reminder, or quiet hours) or for a retry */
  | 'PENDING'
  | 'SENT';

export type Mutation = {
  __typename?: 'Mutation';
  createWebhookEndpoint: WebhookEndpointWithSecret;
  deleteWebhookEndpoint: Scalars['Boolean']['output'];
  markAllNotificationsRead: Scalars['Int']['output'];
  /** Marks the caller's notifications read; ids of others are ignored. Returns the unread count after. */
  markNotificationsRead: Scalars['Int']['output'];
  /** Delivers a message again now, with the same webhook-id. */
  redeliverWebhook: WebhookDelivery;
  /** Sends a failed message again (a new attempt with the same idempotency key); platform admins only. */
  retryMessage: OutboundMessage;
  /** A new secret; the old one stays valid (deliveries are signed with both) for 24 hours. */
  rotateWebhookSecret: WebhookEndpointWithSecret;
  setNotificationPreferences: Array<ChannelPreference>;
  setWebhookEndpointEnabled: WebhookEndpoint;
  /** Registers this browser for Web Push (idempotent per endpoint). */
  subscribeWebPush: Scalars['Boolean']['output'];
  unsubscribeWebPush: Scalars['Boolean']['output'];
};


export type MutationCreateWebhookEndpointArgs = {
  clinicId: Scalars['ID']['input'];
  events: Array<Scalars['String']['input']>;
  url: Scalars['String']['input'];
};


export type MutationDeleteWebhookEndpointArgs = {
  id: Scalars['ID']['input'];
};


export type MutationMarkNotificationsReadArgs = {
  ids: Array<Scalars['ID']['input']>;
};


export type MutationRedeliverWebhookArgs = {
  deliveryId: Scalars['ID']['input'];
};


export type MutationRetryMessageArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRotateWebhookSecretArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSetNotificationPreferencesArgs = {
  preferences: Array<ChannelPreferenceInput>;
};


export type MutationSetWebhookEndpointEnabledArgs = {
  enabled: Scalars['Boolean']['input'];
  id: Scalars['ID']['input'];
};


export type MutationSubscribeWebPushArgs = {
  subscription: PushSubscriptionInput;
};


export type MutationUnsubscribeWebPushArgs = {
  endpoint: Scalars['String']['input'];
};

export type Notification = {
  __typename?: 'Notification';
  body: Scalars['String']['output'];
  createdAt: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** the template it was rendered from, e.g. payment.confirmed */
  kind: Scalars['String']['output'];
  /** where it leads in the app, a path such as /pagamentos/<id> */
  link?: Maybe<Scalars['String']['output']>;
  readAt?: Maybe<Scalars['String']['output']>;
  title: Scalars['String']['output'];
};

/**
 * What the platform told its users, and through which channel. Notifications keeps what it sent, never
 * copies of payments: a notification's text was rendered when it was sent, from the owning services'
 * data. Times are ISO 8601 strings.
 */
export type NotificationChannel =
  | 'EMAIL'
  /** the bell in the apps; always on */
  | 'IN_APP'
  /** Web Push to the devices the person allowed */
  | 'PUSH'
  | 'SMS'
  | 'WHATSAPP';

export type NotificationConnection = {
  __typename?: 'NotificationConnection';
  edges: Array<NotificationEdge>;
  pageInfo: PageInfo;
};

export type NotificationEdge = {
  __typename?: 'NotificationEdge';
  cursor: Scalars['String']['output'];
  node: Notification;
};

/**
 * Why a message is sent, which is what a person chooses channels for. TRANSACTIONAL messages (payments,
 * reminders, the clinic's and the back office's operations) reach the channels the person keeps on;
 * MARKETING is never sent without consent (LGPD).
 */
export type NotificationPurpose =
  | 'MARKETING'
  | 'TRANSACTIONAL';

/** One message on one channel (the back office's view of the dead-letter state). */
export type OutboundMessage = {
  __typename?: 'OutboundMessage';
  attempts: Scalars['Int']['output'];
  channel: NotificationChannel;
  id: Scalars['ID']['output'];
  kind: Scalars['String']['output'];
  lastError?: Maybe<Scalars['String']['output']>;
  recipientId: Scalars['ID']['output'];
  scheduledFor: Scalars['String']['output'];
  sentAt?: Maybe<Scalars['String']['output']>;
  status: MessageStatus;
};

export type OutboundMessageConnection = {
  __typename?: 'OutboundMessageConnection';
  edges: Array<OutboundMessageEdge>;
  pageInfo: PageInfo;
};

export type OutboundMessageEdge = {
  __typename?: 'OutboundMessageEdge';
  cursor: Scalars['String']['output'];
  node: OutboundMessage;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type PersonalData = {
  __typename?: 'PersonalData';
  /** The bell (with its texts), every message sent or due to the person on any channel, their channel choices and their Web Push devices. */
  notifications?: Maybe<Scalars['JSON']['output']>;
  userId: Scalars['ID']['output'];
};

/** A browser's Web Push subscription (PushSubscription.toJSON()). */
export type PushSubscriptionInput = {
  auth: Scalars['String']['input'];
  endpoint: Scalars['String']['input'];
  p256dh: Scalars['String']['input'];
};

export type Query = {
  __typename?: 'Query';
  /** Messages that ran out of retries or were refused (dead letters), newest first; platform admins only. */
  failedMessages: OutboundMessageConnection;
  /** The caller's channel choices (every channel and purpose, defaults included). */
  myNotificationPreferences: Array<ChannelPreference>;
  /** The caller's in-app notifications, newest first. */
  myNotifications: NotificationConnection;
  unreadNotificationsCount: Scalars['Int']['output'];
  /** The VAPID public key browsers subscribe to Web Push with. */
  webPushPublicKey: Scalars['String']['output'];
  webhookDeliveries: WebhookDeliveryConnection;
  /** A clinic's webhook endpoints; its admins and platform admins. */
  webhookEndpoints: Array<WebhookEndpoint>;
  /** The event types an endpoint may ask for. */
  webhookEventTypes: Array<Scalars['String']['output']>;
};


export type QueryFailedMessagesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryMyNotificationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  unreadOnly?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryWebhookDeliveriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  endpointId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryWebhookEndpointsArgs = {
  clinicId: Scalars['ID']['input'];
};

export type Subscription = {
  __typename?: 'Subscription';
  /** Each new in-app notification of the caller's. */
  notificationAdded: Notification;
};

export type WebhookDelivery = {
  __typename?: 'WebhookDelivery';
  attempts: Scalars['Int']['output'];
  createdAt: Scalars['String']['output'];
  endpointId: Scalars['ID']['output'];
  eventType: Scalars['String']['output'];
  /** the webhook-id header: the same across retries and redeliveries of one message */
  id: Scalars['ID']['output'];
  lastAttemptAt?: Maybe<Scalars['String']['output']>;
  nextAttemptAt?: Maybe<Scalars['String']['output']>;
  /** HTTP status of each attempt, oldest first (0: no answer) */
  responseCodes: Array<Scalars['Int']['output']>;
  status: WebhookDeliveryStatus;
};

export type WebhookDeliveryConnection = {
  __typename?: 'WebhookDeliveryConnection';
  edges: Array<WebhookDeliveryEdge>;
  pageInfo: PageInfo;
};

export type WebhookDeliveryEdge = {
  __typename?: 'WebhookDeliveryEdge';
  cursor: Scalars['String']['output'];
  node: WebhookDelivery;
};

export type WebhookDeliveryStatus =
  /** retries for 3 days ended without a 2xx */
  | 'FAILED'
  | 'PENDING'
  | 'SUCCEEDED';

/** A partner system's receiver of Standard Webhooks 1.0 deliveries. */
export type WebhookEndpoint = {
  __typename?: 'WebhookEndpoint';
  clinicId: Scalars['ID']['output'];
  createdAt: Scalars['String']['output'];
  enabled: Scalars['Boolean']['output'];
  /** event types delivered, e.g. payment.status_changed */
  events: Array<Scalars['String']['output']>;
  /** the last hour's deliveries all failed */
  failing: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  /** while a rotated secret is still accepted (24 h after the rotation) */
  previousSecretExpiresAt?: Maybe<Scalars['String']['output']>;
  url: Scalars['String']['output'];
};

/** An endpoint with its signing secret (whsec_…): shown once, when created or rotated. */
export type WebhookEndpointWithSecret = {
  __typename?: 'WebhookEndpointWithSecret';
  endpoint: WebhookEndpoint;
  secret: Scalars['String']['output'];
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = ResolversObject<{
  PersonalData: PersonalData;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  PersonalData:
    ( { __typename: 'PersonalData' }
    & GraphQLRecursivePick<FederationTypes['PersonalData'], {"userId":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  ChannelPreference: ResolverTypeWrapper<ChannelPreference>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ChannelPreferenceInput: ChannelPreferenceInput;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  MessageStatus: MessageStatus;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Notification: ResolverTypeWrapper<NotificationView>;
  NotificationChannel: NotificationChannel;
  NotificationConnection: ResolverTypeWrapper<Omit<NotificationConnection, 'edges'> & { edges: Array<ResolversTypes['NotificationEdge']> }>;
  NotificationEdge: ResolverTypeWrapper<Omit<NotificationEdge, 'node'> & { node: ResolversTypes['Notification'] }>;
  NotificationPurpose: NotificationPurpose;
  OutboundMessage: ResolverTypeWrapper<Message>;
  OutboundMessageConnection: ResolverTypeWrapper<Omit<OutboundMessageConnection, 'edges'> & { edges: Array<ResolversTypes['OutboundMessageEdge']> }>;
  OutboundMessageEdge: ResolverTypeWrapper<Omit<OutboundMessageEdge, 'node'> & { node: ResolversTypes['OutboundMessage'] }>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PersonalData: ResolverTypeWrapper<PersonalData>;
  PushSubscriptionInput: PushSubscriptionInput;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  WebhookDelivery: ResolverTypeWrapper<WebhookDelivery>;
  WebhookDeliveryConnection: ResolverTypeWrapper<WebhookDeliveryConnection>;
  WebhookDeliveryEdge: ResolverTypeWrapper<WebhookDeliveryEdge>;
  WebhookDeliveryStatus: WebhookDeliveryStatus;
  WebhookEndpoint: ResolverTypeWrapper<WebhookEndpoint>;
  WebhookEndpointWithSecret: ResolverTypeWrapper<WebhookEndpointWithSecret>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  ChannelPreference: ChannelPreference;
  Boolean: Scalars['Boolean']['output'];
  ChannelPreferenceInput: ChannelPreferenceInput;
  JSON: Scalars['JSON']['output'];
  Mutation: Record<PropertyKey, never>;
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  Int: Scalars['Int']['output'];
  Notification: NotificationView;
  NotificationConnection: Omit<NotificationConnection, 'edges'> & { edges: Array<ResolversParentTypes['NotificationEdge']> };
  NotificationEdge: Omit<NotificationEdge, 'node'> & { node: ResolversParentTypes['Notification'] };
  OutboundMessage: Message;
  OutboundMessageConnection: Omit<OutboundMessageConnection, 'edges'> & { edges: Array<ResolversParentTypes['OutboundMessageEdge']> };
  OutboundMessageEdge: Omit<OutboundMessageEdge, 'node'> & { node: ResolversParentTypes['OutboundMessage'] };
  PageInfo: PageInfo;
  PersonalData: PersonalData | FederationReferenceTypes['PersonalData'];
  PushSubscriptionInput: PushSubscriptionInput;
  Query: Record<PropertyKey, never>;
  Subscription: Record<PropertyKey, never>;
  WebhookDelivery: WebhookDelivery;
  WebhookDeliveryConnection: WebhookDeliveryConnection;
  WebhookDeliveryEdge: WebhookDeliveryEdge;
  WebhookEndpoint: WebhookEndpoint;
  WebhookEndpointWithSecret: WebhookEndpointWithSecret;
}>;

export type ChannelPreferenceResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['ChannelPreference'] = ResolversParentTypes['ChannelPreference']> = ResolversObject<{
  channel?: Resolver<ResolversTypes['NotificationChannel'], ParentType, ContextType>;
  enabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  purpose?: Resolver<ResolversTypes['NotificationPurpose'], ParentType, ContextType>;
}>;

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type MutationResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  createWebhookEndpoint?: Resolver<ResolversTypes['WebhookEndpointWithSecret'], ParentType, ContextType, RequireFields<MutationCreateWebhookEndpointArgs, 'clinicId' | 'events' | 'url'>>;
  deleteWebhookEndpoint?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteWebhookEndpointArgs, 'id'>>;
  markAllNotificationsRead?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  markNotificationsRead?: Resolver<ResolversTypes['Int'], ParentType, ContextType, RequireFields<MutationMarkNotificationsReadArgs, 'ids'>>;
  redeliverWebhook?: Resolver<ResolversTypes['WebhookDelivery'], ParentType, ContextType, RequireFields<MutationRedeliverWebhookArgs, 'deliveryId'>>;
  retryMessage?: Resolver<ResolversTypes['OutboundMessage'], ParentType, ContextType, RequireFields<MutationRetryMessageArgs, 'id'>>;
  rotateWebhookSecret?: Resolver<ResolversTypes['WebhookEndpointWithSecret'], ParentType, ContextType, RequireFields<MutationRotateWebhookSecretArgs, 'id'>>;
  setNotificationPreferences?: Resolver<Array<ResolversTypes['ChannelPreference']>, ParentType, ContextType, RequireFields<MutationSetNotificationPreferencesArgs, 'preferences'>>;
  setWebhookEndpointEnabled?: Resolver<ResolversTypes['WebhookEndpoint'], ParentType, ContextType, RequireFields<MutationSetWebhookEndpointEnabledArgs, 'enabled' | 'id'>>;
  subscribeWebPush?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationSubscribeWebPushArgs, 'subscription'>>;
  unsubscribeWebPush?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationUnsubscribeWebPushArgs, 'endpoint'>>;
}>;

export type NotificationResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['Notification'] = ResolversParentTypes['Notification']> = ResolversObject<{
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  link?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  readAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type NotificationConnectionResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['NotificationConnection'] = ResolversParentTypes['NotificationConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['NotificationEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type NotificationEdgeResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['NotificationEdge'] = ResolversParentTypes['NotificationEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Notification'], ParentType, ContextType>;
}>;

export type OutboundMessageResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['OutboundMessage'] = ResolversParentTypes['OutboundMessage']> = ResolversObject<{
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  channel?: Resolver<ResolversTypes['NotificationChannel'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  recipientId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  scheduledFor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sentAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['MessageStatus'], ParentType, ContextType>;
}>;

export type OutboundMessageConnectionResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['OutboundMessageConnection'] = ResolversParentTypes['OutboundMessageConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['OutboundMessageEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type OutboundMessageEdgeResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['OutboundMessageEdge'] = ResolversParentTypes['OutboundMessageEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['OutboundMessage'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PersonalDataResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['PersonalData'] = ResolversParentTypes['PersonalData'], FederationReferenceType extends FederationReferenceTypes['PersonalData'] = FederationReferenceTypes['PersonalData']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['PersonalData']> | FederationReferenceType, FederationReferenceType, ContextType>;
  notifications?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  failedMessages?: Resolver<ResolversTypes['OutboundMessageConnection'], ParentType, ContextType, RequireFields<QueryFailedMessagesArgs, 'first'>>;
  myNotificationPreferences?: Resolver<Array<ResolversTypes['ChannelPreference']>, ParentType, ContextType>;
  myNotifications?: Resolver<ResolversTypes['NotificationConnection'], ParentType, ContextType, RequireFields<QueryMyNotificationsArgs, 'first' | 'unreadOnly'>>;
  unreadNotificationsCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  webPushPublicKey?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  webhookDeliveries?: Resolver<ResolversTypes['WebhookDeliveryConnection'], ParentType, ContextType, RequireFields<QueryWebhookDeliveriesArgs, 'endpointId' | 'first'>>;
  webhookEndpoints?: Resolver<Array<ResolversTypes['WebhookEndpoint']>, ParentType, ContextType, RequireFields<QueryWebhookEndpointsArgs, 'clinicId'>>;
  webhookEventTypes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type SubscriptionResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  notificationAdded?: SubscriptionResolver<ResolversTypes['Notification'], "notificationAdded", ParentType, ContextType>;
}>;

export type WebhookDeliveryResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['WebhookDelivery'] = ResolversParentTypes['WebhookDelivery']> = ResolversObject<{
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  endpointId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  eventType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastAttemptAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nextAttemptAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  responseCodes?: Resolver<Array<ResolversTypes['Int']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['WebhookDeliveryStatus'], ParentType, ContextType>;
}>;

export type WebhookDeliveryConnectionResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['WebhookDeliveryConnection'] = ResolversParentTypes['WebhookDeliveryConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['WebhookDeliveryEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type WebhookDeliveryEdgeResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['WebhookDeliveryEdge'] = ResolversParentTypes['WebhookDeliveryEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['WebhookDelivery'], ParentType, ContextType>;
}>;

export type WebhookEndpointResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['WebhookEndpoint'] = ResolversParentTypes['WebhookEndpoint']> = ResolversObject<{
  clinicId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  enabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  events?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  failing?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  previousSecretExpiresAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type WebhookEndpointWithSecretResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['WebhookEndpointWithSecret'] = ResolversParentTypes['WebhookEndpointWithSecret']> = ResolversObject<{
  endpoint?: Resolver<ResolversTypes['WebhookEndpoint'], ParentType, ContextType>;
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = NotificationsContext> = ResolversObject<{
  ChannelPreference?: ChannelPreferenceResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  Notification?: NotificationResolvers<ContextType>;
  NotificationConnection?: NotificationConnectionResolvers<ContextType>;
  NotificationEdge?: NotificationEdgeResolvers<ContextType>;
  OutboundMessage?: OutboundMessageResolvers<ContextType>;
  OutboundMessageConnection?: OutboundMessageConnectionResolvers<ContextType>;
  OutboundMessageEdge?: OutboundMessageEdgeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PersonalData?: PersonalDataResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  WebhookDelivery?: WebhookDeliveryResolvers<ContextType>;
  WebhookDeliveryConnection?: WebhookDeliveryConnectionResolvers<ContextType>;
  WebhookDeliveryEdge?: WebhookDeliveryEdgeResolvers<ContextType>;
  WebhookEndpoint?: WebhookEndpointResolvers<ContextType>;
  WebhookEndpointWithSecret?: WebhookEndpointWithSecretResolvers<ContextType>;
}>;


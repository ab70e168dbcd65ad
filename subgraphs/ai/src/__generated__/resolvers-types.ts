import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { EntityReference, AiContext } from '../resolvers.js';
import type { TicketDoc } from '../records/support-desk.js';
import type { Turn } from '../records/conversations.js';
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

/** The patient assistant's answer to one message. */
export type AssistantReply = {
  __typename?: 'AssistantReply';
  /** the answer, in Portuguese: from the FAQ, or filled with the patient's own data */
  answer: Scalars['String']['output'];
  /** the conversation the message belongs to: the one given, or a new one */
  conversationId: Scalars['ID']['output'];
  /** what the assistant understood the patient to ask (NEXT_INSTALLMENT, HOW_ESCROW_WORKS, …; UNKNOWN when unsure) */
  intent: Scalars['String']['output'];
  /** true when talking to a person may help (a dispute, an explicit request, a message not understood) */
  offerPerson: Scalars['Boolean']['output'];
  /** questions from the FAQ the patient may have meant, when the message was not understood */
  suggestions?: Maybe<Array<Scalars['String']['output']>>;
};

export type Clinic = {
  __typename?: 'Clinic';
  id: Scalars['ID']['output'];
  /** the clinic's support tickets (procedure questions), the newest first: its staff */
  supportTickets: SupportTicketConnection;
};


export type ClinicSupportTicketsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<SupportTicketStatus>;
};

/** The anti-fraud model in service, with its held-out evaluation (npm run ai:train writes both). */
export type FraudModelInfo = {
  __typename?: 'FraudModelInfo';
  declinePrecision: Scalars['Float']['output'];
  declineRecall: Scalars['Float']['output'];
  /** the score from which a checkout is declined, and its precision and recall there */
  declineThreshold: Scalars['Int']['output'];
  heldOutFraudRows: Scalars['Int']['output'];
  /** checkouts in the held-out set, and how many were fraud */
  heldOutRows: Scalars['Int']['output'];
  reviewPrecision: Scalars['Float']['output'];
  reviewRecall: Scalars['Float']['output'];
  /** the score (0–1000) from which a checkout is held for review, and its precision and recall there */
  reviewThreshold: Scalars['Int']['output'];
  rocAuc: Scalars['Float']['output'];
  trainedAt: Scalars['String']['output'];
  version: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Asks the patient assistant (patients only, at most 500 characters). Answers about the patient's
   * installments and payments come from the graph, asked with the patient's own session.
   */
  askAssistant?: Maybe<AssistantReply>;
  /** Closes a ticket (whoever answers it); a reply from the patient reopens it. */
  closeSupportTicket: SupportTicket;
  /** A reply on a ticket: the patient's own, the clinic's staff (CLINIC queue), platform admins (BACK_OFFICE queue). */
  replyToSupportTicket: SupportTicket;
  /**
   * "Falar com uma pessoa": opens the conversation's support ticket with its transcript (or adds the
   * message to it). PROCEDURE needs the payment of the procedure (one of the patient's own): its clinic
   * answers; PAYMENT goes to the MedPay team.
   */
  requestSupport: SupportTicket;
};


export type MutationAskAssistantArgs = {
  conversationId?: InputMaybe<Scalars['ID']['input']>;
  message: Scalars['String']['input'];
};


export type MutationCloseSupportTicketArgs = {
  ticketId: Scalars['ID']['input'];
};


export type MutationReplyToSupportTicketArgs = {
  message: Scalars['String']['input'];
  ticketId: Scalars['ID']['input'];
};


export type MutationRequestSupportArgs = {
  conversationId: Scalars['ID']['input'];
  message?: InputMaybe<Scalars['String']['input']>;
  paymentId?: InputMaybe<Scalars['ID']['input']>;
  topic: SupportTopic;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type Payment = {
  __typename?: 'Payment';
  id: Scalars['ID']['output'];
};

export type PersonalData = {
  __typename?: 'PersonalData';
  /** Their assistant conversations and support tickets as stored (redacted), and how many days they are kept. */
  assistant?: Maybe<Scalars['JSON']['output']>;
  userId: Scalars['ID']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** the anti-fraud model in service and its evaluation (platform admins) */
  fraudModel?: Maybe<FraudModelInfo>;
  /** the patient's own support tickets, the newest first */
  mySupportTickets: SupportTicketConnection;
  /** the back office's support tickets (payment questions), the newest first (platform admins) */
  supportTickets: SupportTicketConnection;
};


export type QueryMySupportTicketsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySupportTicketsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<SupportTicketStatus>;
};

export type SupportAuthor =
  | 'ASSISTANT'
  | 'PATIENT'
  | 'STAFF';

/** One line of a ticket: the assistant conversation it came from, then the replies. */
export type SupportMessage = {
  __typename?: 'SupportMessage';
  at: Scalars['String']['output'];
  author: SupportAuthor;
  /** as stored: CPF, card data, contact details and health details are redacted before storage */
  text: Scalars['String']['output'];
};

/** Who answers a ticket. */
export type SupportQueue =
  /** the MedPay team */
  | 'BACK_OFFICE'
  /** the clinic of the payment the patient chose */
  | 'CLINIC';

/** A patient's request to talk to a person, opened from an assistant conversation (kept 180 days). */
export type SupportTicket = {
  __typename?: 'SupportTicket';
  /** the clinic that answers (CLINIC queue) */
  clinic?: Maybe<Clinic>;
  closedAt?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['String']['output'];
  /** the conversation's id: a conversation has one ticket */
  id: Scalars['ID']['output'];
  messages: Array<SupportMessage>;
  patient: User;
  /** the payment the patient asked about, when one was chosen */
  payment?: Maybe<Payment>;
  queue: SupportQueue;
  status: SupportTicketStatus;
  topic: SupportTopic;
  updatedAt: Scalars['String']['output'];
};

export type SupportTicketConnection = {
  __typename?: 'SupportTicketConnection';
  edges: Array<SupportTicketEdge>;
  pageInfo: PageInfo;
};

export type SupportTicketEdge = {
  __typename?: 'SupportTicketEdge';
  cursor: Scalars['String']['output'];
  node: SupportTicket;
};

export type SupportTicketStatus =
  | 'CLOSED'
  | 'OPEN';

/** What a ticket is about: a procedure (its clinic answers) or a payment (the MedPay team answers). */
export type SupportTopic =
  | 'PAYMENT'
  | 'PROCEDURE';

export type User = {
  __typename?: 'User';
  id: Scalars['ID']['output'];
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
  Clinic: Clinic;
  PersonalData: PersonalData;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Clinic:
    ( { __typename: 'Clinic' }
    & GraphQLRecursivePick<FederationTypes['Clinic'], {"id":true}> );
  PersonalData:
    ( { __typename: 'PersonalData' }
    & GraphQLRecursivePick<FederationTypes['PersonalData'], {"userId":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AssistantReply: ResolverTypeWrapper<AssistantReply>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Clinic: ResolverTypeWrapper<EntityReference>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  FraudModelInfo: ResolverTypeWrapper<FraudModelInfo>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Payment: ResolverTypeWrapper<EntityReference>;
  PersonalData: ResolverTypeWrapper<PersonalData>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SupportAuthor: SupportAuthor;
  SupportMessage: ResolverTypeWrapper<Turn>;
  SupportQueue: SupportQueue;
  SupportTicket: ResolverTypeWrapper<TicketDoc>;
  SupportTicketConnection: ResolverTypeWrapper<Omit<SupportTicketConnection, 'edges'> & { edges: Array<ResolversTypes['SupportTicketEdge']> }>;
  SupportTicketEdge: ResolverTypeWrapper<Omit<SupportTicketEdge, 'node'> & { node: ResolversTypes['SupportTicket'] }>;
  SupportTicketStatus: SupportTicketStatus;
  SupportTopic: SupportTopic;
  User: ResolverTypeWrapper<EntityReference>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AssistantReply: AssistantReply;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  Boolean: Scalars['Boolean']['output'];
  Clinic: EntityReference;
  Int: Scalars['Int']['output'];
  FraudModelInfo: FraudModelInfo;
  Float: Scalars['Float']['output'];
  JSON: Scalars['JSON']['output'];
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Payment: EntityReference;
  PersonalData: PersonalData | FederationReferenceTypes['PersonalData'];
  Query: Record<PropertyKey, never>;
  SupportMessage: Turn;
  SupportTicket: TicketDoc;
  SupportTicketConnection: Omit<SupportTicketConnection, 'edges'> & { edges: Array<ResolversParentTypes['SupportTicketEdge']> };
  SupportTicketEdge: Omit<SupportTicketEdge, 'node'> & { node: ResolversParentTypes['SupportTicket'] };
  User: EntityReference;
}>;

export type AssistantReplyResolvers<ContextType = AiContext, ParentType extends ResolversParentTypes['AssistantReply'] = ResolversParentTypes['AssistantReply']> = ResolversObject<{
  answer?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  conversationId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  intent?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  offerPerson?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  suggestions?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
}>;

export type ClinicResolvers<ContextType = AiContext, ParentType extends ResolversParentTypes['Clinic'] = ResolversParentTypes['Clinic'], FederationReferenceType extends FederationReferenceTypes['Clinic'] = FederationReferenceTypes['Clinic']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Clinic']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  supportTickets?: Resolver<ResolversTypes['SupportTicketConnection'], ParentType, ContextType, RequireFields<ClinicSupportTicketsArgs, 'first'>>;
}>;

export type FraudModelInfoResolvers<ContextType = AiContext, ParentType extends ResolversParentTypes['FraudModelInfo'] = ResolversParentTypes['FraudModelInfo']> = ResolversObject<{
  declinePrecision?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  declineRecall?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  declineThreshold?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  heldOutFraudRows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  heldOutRows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reviewPrecision?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  reviewRecall?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  reviewThreshold?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rocAuc?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  trainedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type MutationResolvers<ContextType = AiContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  askAssistant?: Resolver<Maybe<ResolversTypes['AssistantReply']>, ParentType, ContextType, RequireFields<MutationAskAssistantArgs, 'message'>>;
  closeSupportTicket?: Resolver<ResolversTypes['SupportTicket'], ParentType, ContextType, RequireFields<MutationCloseSupportTicketArgs, 'ticketId'>>;
  replyToSupportTicket?: Resolver<ResolversTypes['SupportTicket'], ParentType, ContextType, RequireFields<MutationReplyToSupportTicketArgs, 'message' | 'ticketId'>>;
  requestSupport?: Resolver<ResolversTypes['SupportTicket'], ParentType, ContextType, RequireFields<MutationRequestSupportArgs, 'conversationId' | 'topic'>>;
}>;

export type PageInfoResolvers<ContextType = AiContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PaymentResolvers<ContextType = AiContext, ParentType extends ResolversParentTypes['Payment'] = ResolversParentTypes['Payment']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type PersonalDataResolvers<ContextType = AiContext, ParentType extends ResolversParentTypes['PersonalData'] = ResolversParentTypes['PersonalData'], FederationReferenceType extends FederationReferenceTypes['PersonalData'] = FederationReferenceTypes['PersonalData']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['PersonalData']> | FederationReferenceType, FederationReferenceType, ContextType>;
  assistant?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = AiContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  fraudModel?: Resolver<Maybe<ResolversTypes['FraudModelInfo']>, ParentType, ContextType>;
  mySupportTickets?: Resolver<ResolversTypes['SupportTicketConnection'], ParentType, ContextType, RequireFields<QueryMySupportTicketsArgs, 'first'>>;
  supportTickets?: Resolver<ResolversTypes['SupportTicketConnection'], ParentType, ContextType, RequireFields<QuerySupportTicketsArgs, 'first'>>;
}>;

export type SupportMessageResolvers<ContextType = AiContext, ParentType extends ResolversParentTypes['SupportMessage'] = ResolversParentTypes['SupportMessage']> = ResolversObject<{
  at?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  author?: Resolver<ResolversTypes['SupportAuthor'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type SupportTicketResolvers<ContextType = AiContext, ParentType extends ResolversParentTypes['SupportTicket'] = ResolversParentTypes['SupportTicket']> = ResolversObject<{
  clinic?: Resolver<Maybe<ResolversTypes['Clinic']>, ParentType, ContextType>;
  closedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  messages?: Resolver<Array<ResolversTypes['SupportMessage']>, ParentType, ContextType>;
  patient?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  payment?: Resolver<Maybe<ResolversTypes['Payment']>, ParentType, ContextType>;
  queue?: Resolver<ResolversTypes['SupportQueue'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['SupportTicketStatus'], ParentType, ContextType>;
  topic?: Resolver<ResolversTypes['SupportTopic'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type SupportTicketConnectionResolvers<ContextType = AiContext, ParentType extends ResolversParentTypes['SupportTicketConnection'] = ResolversParentTypes['SupportTicketConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['SupportTicketEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type SupportTicketEdgeResolvers<ContextType = AiContext, ParentType extends ResolversParentTypes['SupportTicketEdge'] = ResolversParentTypes['SupportTicketEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['SupportTicket'], ParentType, ContextType>;
}>;

export type UserResolvers<ContextType = AiContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = AiContext> = ResolversObject<{
  AssistantReply?: AssistantReplyResolvers<ContextType>;
  Clinic?: ClinicResolvers<ContextType>;
  FraudModelInfo?: FraudModelInfoResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Payment?: PaymentResolvers<ContextType>;
  PersonalData?: PersonalDataResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SupportMessage?: SupportMessageResolvers<ContextType>;
  SupportTicket?: SupportTicketResolvers<ContextType>;
  SupportTicketConnection?: SupportTicketConnectionResolvers<ContextType>;
  SupportTicketEdge?: SupportTicketEdgeResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
}>;


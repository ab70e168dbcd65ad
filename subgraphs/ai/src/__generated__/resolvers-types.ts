import type { GraphQLResolveInfo } from 'graphql';
import type { AiContext } from '../resolvers.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
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
};


export type MutationAskAssistantArgs = {
  conversationId?: InputMaybe<Scalars['ID']['input']>;
  message: Scalars['String']['input'];
};

export type Query = {
  __typename?: 'Query';
  /** the anti-fraud model in service and its evaluation (platform admins) */
  fraudModel?: Maybe<FraudModelInfo>;
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;


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





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AssistantReply: ResolverTypeWrapper<AssistantReply>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  FraudModelInfo: ResolverTypeWrapper<FraudModelInfo>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AssistantReply: AssistantReply;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  Boolean: Scalars['Boolean']['output'];
  FraudModelInfo: FraudModelInfo;
  Float: Scalars['Float']['output'];
  Int: Scalars['Int']['output'];
  Mutation: Record<PropertyKey, never>;
  Query: Record<PropertyKey, never>;
}>;

export type AssistantReplyResolvers<ContextType = AiContext, ParentType extends ResolversParentTypes['AssistantReply'] = ResolversParentTypes['AssistantReply']> = ResolversObject<{
  answer?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  conversationId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  intent?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  offerPerson?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  suggestions?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
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

export type MutationResolvers<ContextType = AiContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  askAssistant?: Resolver<Maybe<ResolversTypes['AssistantReply']>, ParentType, ContextType, RequireFields<MutationAskAssistantArgs, 'message'>>;
}>;

export type QueryResolvers<ContextType = AiContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  fraudModel?: Resolver<Maybe<ResolversTypes['FraudModelInfo']>, ParentType, ContextType>;
}>;

export type Resolvers<ContextType = AiContext> = ResolversObject<{
  AssistantReply?: AssistantReplyResolvers<ContextType>;
  FraudModelInfo?: FraudModelInfoResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
}>;


import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { EntityReference, AnalyticsContext } from '../resolvers.js';
import type { DataAccessView } from '../access-log.js';
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

/** Of the payments paid in the period, how many were refunded (wholly or partly) and how many contested (a dispute at MedPay or a chargeback at the card's bank). */
export type AfterSaleFigures = {
  __typename?: 'AfterSaleFigures';
  disputeRate: Scalars['Float']['output'];
  disputedCount: Scalars['Int']['output'];
  refundRate: Scalars['Float']['output'];
  refundedCentavos: Scalars['Float']['output'];
  refundedCount: Scalars['Int']['output'];
};

/**
 * Figures computed from the domain events (analytics never reads another service's tables): periods are
 * YYYY-MM-DD dates in America/Sao_Paulo, both inclusive, at most 366 days. Money is in centavos, whole
 * numbers, typed Float because sums pass Int's 2^31 (exact up to 2^53). Rates are decimals (0.05 = 5 %).
 */
export type AnalyticsInterval =
  | 'DAY'
  | 'MONTH'
  /** weeks start on Monday */
  | 'WEEK';

/** How far analytics is behind the events. */
export type AnalyticsLag = {
  __typename?: 'AnalyticsLag';
  /** events published and not yet applied */
  pending: Scalars['Int']['output'];
  /** the age of the oldest event not yet applied; 0 when none is waiting */
  seconds: Scalars['Float']['output'];
};

/** How the patient paid: the method, with card installments and crediário told apart. */
export type AnalyticsPaymentMethod =
  | 'BOLETO'
  | 'CARD'
  | 'CARD_INSTALLMENTS'
  | 'CREDIARIO'
  | 'PIX';

export type AnalyticsPoint = {
  __typename?: 'AnalyticsPoint';
  clinicNetCentavos: Scalars['Float']['output'];
  grossCentavos: Scalars['Float']['output'];
  paymentsCount: Scalars['Int']['output'];
  /** the first day of the day, week or month */
  periodStart: Scalars['String']['output'];
  platformFeeCentavos: Scalars['Float']['output'];
};

export type Clinic = {
  __typename?: 'Clinic';
  /** How the clinic's business goes over a period. The clinic's staff, its partner systems and platform admins. */
  analytics?: Maybe<ClinicAnalytics>;
  id: Scalars['ID']['output'];
};


export type ClinicAnalyticsArgs = {
  from: Scalars['String']['input'];
  interval?: InputMaybe<AnalyticsInterval>;
  to: Scalars['String']['input'];
};

export type ClinicAnalytics = {
  __typename?: 'ClinicAnalytics';
  afterSale: AfterSaleFigures;
  byMethod: Array<MethodFigures>;
  byStatus: Array<StatusCount>;
  crediario: CrediarioFigures;
  from: Scalars['String']['output'];
  funnel: Funnel;
  interval: AnalyticsInterval;
  series: Array<AnalyticsPoint>;
  to: Scalars['String']['output'];
  /** the ten procedures with the most revenue */
  topProcedures: Array<ProcedureFigures>;
  totals: RevenueFigures;
};

export type ClinicRanking = {
  __typename?: 'ClinicRanking';
  clinic: Clinic;
  grossCentavos: Scalars['Float']['output'];
  paymentsCount: Scalars['Int']['output'];
  platformFeeCentavos: Scalars['Float']['output'];
};

/** Patients whose first payment fell in one month, and the share of them who paid again in each month after. */
export type Cohort = {
  __typename?: 'Cohort';
  /** YYYY-MM */
  month: Scalars['String']['output'];
  patients: Scalars['Int']['output'];
  /** retention[0] is 1 (the first month); retention[k] the share who paid in the k-th month after */
  retention: Array<Scalars['Float']['output']>;
};

/** Crediário installments due in the period up to today, and how many are still unpaid 30 and 90 days on. */
export type CrediarioFigures = {
  __typename?: 'CrediarioFigures';
  /** overdue > 90 days ÷ installments due */
  defaultRate: Scalars['Float']['output'];
  installmentsDue: Scalars['Int']['output'];
  overdue30: Scalars['Int']['output'];
  overdue90: Scalars['Int']['output'];
  /** overdue > 30 days ÷ installments due */
  overdueRate: Scalars['Float']['output'];
};

/**
 * One read of a person's sensitive data by someone else (LGPD access log): a whole CPF, health data
 * (the procedure of a payment) or other personal data read by clinic staff, partner systems or
 * MedPay's back office. A person's reads of their own data are not recorded.
 */
export type DataAccess = {
  __typename?: 'DataAccess';
  /** when it was read (ISO 8601) */
  at: Scalars['String']['output'];
  /** the field read, as Type.field (e.g. User.cpf, Payment.procedure) */
  field: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** the operation the reader's client ran ('' when anonymous) */
  operation: Scalars['String']['output'];
  purpose: DataAccessPurpose;
  /** who read it: the person (null for a partner system: see readerId) */
  reader?: Maybe<User>;
  /** the clinic the reader acted for, when the read went through one */
  readerClinic?: Maybe<Clinic>;
  /** the person's id, or the partner API key's id */
  readerId: Scalars['ID']['output'];
  readerKind: DataAccessReaderKind;
  /** the reader's platform roles at the time (PATIENT, CLINIC_STAFF, PLATFORM_ADMIN) */
  readerRoles: Array<Scalars['String']['output']>;
  /** whose data was read */
  subject: User;
};

export type DataAccessConnection = {
  __typename?: 'DataAccessConnection';
  edges: Array<DataAccessEdge>;
  pageInfo: PageInfo;
};

export type DataAccessEdge = {
  __typename?: 'DataAccessEdge';
  cursor: Scalars['String']['output'];
  node: DataAccess;
};

/** Why someone read a person's sensitive data. */
export type DataAccessPurpose =
  /** MedPay's back office supporting the person or the clinic */
  | 'BACK_OFFICE_SUPPORT'
  /** the clinic's own systems, through a partner API key */
  | 'CLINIC_INTEGRATION'
  /** the clinic's staff serving the patient */
  | 'CLINIC_SERVICE'
  /** MedPay's back office deciding a dispute */
  | 'DISPUTE_DECISION';

export type DataAccessReaderKind =
  /** a clinic's system, through a partner API key */
  | 'PARTNER'
  /** a person (clinic staff or MedPay's back office) */
  | 'USER';

/** A field (Type.field) and how often each client asked for it. */
export type FieldUsage = {
  __typename?: 'FieldUsage';
  clientName: Scalars['String']['output'];
  count: Scalars['Int']['output'];
  field: Scalars['String']['output'];
};

/** From simulation to money released, for the period: checkouts created in it, and how far they went. */
export type Funnel = {
  __typename?: 'Funnel';
  checkoutRate: Scalars['Float']['output'];
  checkouts: Scalars['Int']['output'];
  /** of those checkouts, how many were paid */
  paid: Scalars['Int']['output'];
  paymentRate: Scalars['Float']['output'];
  plansSimulated: Scalars['Int']['output'];
  releaseRate: Scalars['Float']['output'];
  /** of those checkouts, how many had the clinic's share released */
  released: Scalars['Int']['output'];
};

export type GraphUsage = {
  __typename?: 'GraphUsage';
  fields: Array<FieldUsage>;
  from: Scalars['String']['output'];
  operations: Array<OperationUsage>;
  to: Scalars['String']['output'];
};

export type MethodFigures = {
  __typename?: 'MethodFigures';
  grossCentavos: Scalars['Float']['output'];
  method: AnalyticsPaymentMethod;
  paymentsCount: Scalars['Int']['output'];
  /** this method's share of the period's gross */
  share: Scalars['Float']['output'];
};

/** One operation as the router saw it over the period, per client. */
export type OperationUsage = {
  __typename?: 'OperationUsage';
  callerKind: Scalars['String']['output'];
  clientName: Scalars['String']['output'];
  clientVersion: Scalars['String']['output'];
  count: Scalars['Int']['output'];
  /** sha256 of the document */
  documentHash: Scalars['String']['output'];
  errorCount: Scalars['Int']['output'];
  operationName: Scalars['String']['output'];
  p50Ms: Scalars['Float']['output'];
  p95Ms: Scalars['Float']['output'];
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type PaymentStatus =
  | 'AWAITING_PAYMENT'
  | 'AWAITING_SIGNATURE'
  | 'CANCELED'
  | 'CHARGED_BACK'
  | 'DECLINED'
  | 'DISPUTED'
  | 'EXPIRED'
  | 'IN_ESCROW'
  | 'PAID'
  | 'PAID_OUT'
  | 'PARTIALLY_REFUNDED'
  | 'REFUNDED'
  | 'RELEASED';

export type PersonalData = {
  __typename?: 'PersonalData';
  /** Their patient fact, the facts of their payments and installments (ids, amounts, days, statuses), and the raw events that concern them. */
  analytics?: Maybe<Scalars['JSON']['output']>;
  userId: Scalars['ID']['output'];
};

export type PlatformAnalytics = {
  __typename?: 'PlatformAnalytics';
  /** clinics with a payment paid in the period */
  activeClinics: Scalars['Int']['output'];
  /** patients who paid at least once in the period */
  activePatients: Scalars['Int']['output'];
  afterSale: AfterSaleFigures;
  byMethod: Array<MethodFigures>;
  /** cohorts by the month of each patient's first payment, for the months of the period */
  cohorts: Array<Cohort>;
  /** checkouts created in the period that were declined ÷ checkouts created */
  declineRate: Scalars['Float']['output'];
  from: Scalars['String']['output'];
  interval: AnalyticsInterval;
  /** patients who registered in the period */
  newPatients: Scalars['Int']['output'];
  series: Array<AnalyticsPoint>;
  /** platform fees ÷ GMV */
  takeRate: Scalars['Float']['output'];
  to: Scalars['String']['output'];
  /** the ten clinics with the most GMV */
  topClinics: Array<ClinicRanking>;
  /** GMV: the gross of payments paid in the period */
  totals: RevenueFigures;
};

export type Procedure = {
  __typename?: 'Procedure';
  id: Scalars['ID']['output'];
};

export type ProcedureFigures = {
  __typename?: 'ProcedureFigures';
  category: Scalars['String']['output'];
  grossCentavos: Scalars['Float']['output'];
  paymentsCount: Scalars['Int']['output'];
  procedure: Procedure;
};

export type Query = {
  __typename?: 'Query';
  analyticsLag?: Maybe<AnalyticsLag>;
  /** Which clients use which operations and fields (from the router's usage log). Platform admins only. */
  graphUsage?: Maybe<GraphUsage>;
  /** Who read my sensitive data (clinic staff, partner systems, MedPay's back office), newest first. */
  myDataAccesses?: Maybe<DataAccessConnection>;
  /** The whole platform over a period. Platform admins only. */
  platformAnalytics?: Maybe<PlatformAnalytics>;
  /** Who read this person's sensitive data, newest first. Platform admins only. */
  sensitiveDataAccesses?: Maybe<DataAccessConnection>;
};


export type QueryGraphUsageArgs = {
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
};


export type QueryMyDataAccessesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPlatformAnalyticsArgs = {
  from: Scalars['String']['input'];
  interval?: InputMaybe<AnalyticsInterval>;
  to: Scalars['String']['input'];
};


export type QuerySensitiveDataAccessesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  subjectId: Scalars['ID']['input'];
};

/** Payments paid in the period (by the day they were paid), whatever happened to them next. */
export type RevenueFigures = {
  __typename?: 'RevenueFigures';
  /** gross ÷ payments, rounded to the centavo; 0 without payments */
  averageTicketCentavos: Scalars['Float']['output'];
  clinicNetCentavos: Scalars['Float']['output'];
  grossCentavos: Scalars['Float']['output'];
  paymentsCount: Scalars['Int']['output'];
  platformFeeCentavos: Scalars['Float']['output'];
  processingCostCentavos: Scalars['Float']['output'];
};

/** Payments created (checkouts) in the period, by their status now. */
export type StatusCount = {
  __typename?: 'StatusCount';
  count: Scalars['Int']['output'];
  status: PaymentStatus;
};

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
  AfterSaleFigures: ResolverTypeWrapper<AfterSaleFigures>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  AnalyticsInterval: AnalyticsInterval;
  AnalyticsLag: ResolverTypeWrapper<AnalyticsLag>;
  AnalyticsPaymentMethod: AnalyticsPaymentMethod;
  AnalyticsPoint: ResolverTypeWrapper<AnalyticsPoint>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Clinic: ResolverTypeWrapper<EntityReference>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  ClinicAnalytics: ResolverTypeWrapper<Omit<ClinicAnalytics, 'topProcedures'> & { topProcedures: Array<ResolversTypes['ProcedureFigures']> }>;
  ClinicRanking: ResolverTypeWrapper<Omit<ClinicRanking, 'clinic'> & { clinic: ResolversTypes['Clinic'] }>;
  Cohort: ResolverTypeWrapper<Cohort>;
  CrediarioFigures: ResolverTypeWrapper<CrediarioFigures>;
  DataAccess: ResolverTypeWrapper<DataAccessView>;
  DataAccessConnection: ResolverTypeWrapper<Omit<DataAccessConnection, 'edges'> & { edges: Array<ResolversTypes['DataAccessEdge']> }>;
  DataAccessEdge: ResolverTypeWrapper<Omit<DataAccessEdge, 'node'> & { node: ResolversTypes['DataAccess'] }>;
  DataAccessPurpose: DataAccessPurpose;
  DataAccessReaderKind: DataAccessReaderKind;
  FieldUsage: ResolverTypeWrapper<FieldUsage>;
  Funnel: ResolverTypeWrapper<Funnel>;
  GraphUsage: ResolverTypeWrapper<GraphUsage>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  MethodFigures: ResolverTypeWrapper<MethodFigures>;
  OperationUsage: ResolverTypeWrapper<OperationUsage>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  PaymentStatus: PaymentStatus;
  PersonalData: ResolverTypeWrapper<PersonalData>;
  PlatformAnalytics: ResolverTypeWrapper<Omit<PlatformAnalytics, 'topClinics'> & { topClinics: Array<ResolversTypes['ClinicRanking']> }>;
  Procedure: ResolverTypeWrapper<EntityReference>;
  ProcedureFigures: ResolverTypeWrapper<Omit<ProcedureFigures, 'procedure'> & { procedure: ResolversTypes['Procedure'] }>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RevenueFigures: ResolverTypeWrapper<RevenueFigures>;
  StatusCount: ResolverTypeWrapper<StatusCount>;
  User: ResolverTypeWrapper<EntityReference>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AfterSaleFigures: AfterSaleFigures;
  Float: Scalars['Float']['output'];
  Int: Scalars['Int']['output'];
  AnalyticsLag: AnalyticsLag;
  AnalyticsPoint: AnalyticsPoint;
  String: Scalars['String']['output'];
  Clinic: EntityReference;
  ID: Scalars['ID']['output'];
  ClinicAnalytics: Omit<ClinicAnalytics, 'topProcedures'> & { topProcedures: Array<ResolversParentTypes['ProcedureFigures']> };
  ClinicRanking: Omit<ClinicRanking, 'clinic'> & { clinic: ResolversParentTypes['Clinic'] };
  Cohort: Cohort;
  CrediarioFigures: CrediarioFigures;
  DataAccess: DataAccessView;
  DataAccessConnection: Omit<DataAccessConnection, 'edges'> & { edges: Array<ResolversParentTypes['DataAccessEdge']> };
  DataAccessEdge: Omit<DataAccessEdge, 'node'> & { node: ResolversParentTypes['DataAccess'] };
  FieldUsage: FieldUsage;
  Funnel: Funnel;
  GraphUsage: GraphUsage;
  JSON: Scalars['JSON']['output'];
  MethodFigures: MethodFigures;
  OperationUsage: OperationUsage;
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  PersonalData: PersonalData | FederationReferenceTypes['PersonalData'];
  PlatformAnalytics: Omit<PlatformAnalytics, 'topClinics'> & { topClinics: Array<ResolversParentTypes['ClinicRanking']> };
  Procedure: EntityReference;
  ProcedureFigures: Omit<ProcedureFigures, 'procedure'> & { procedure: ResolversParentTypes['Procedure'] };
  Query: Record<PropertyKey, never>;
  RevenueFigures: RevenueFigures;
  StatusCount: StatusCount;
  User: EntityReference;
}>;

export type AfterSaleFiguresResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['AfterSaleFigures'] = ResolversParentTypes['AfterSaleFigures']> = ResolversObject<{
  disputeRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  disputedCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  refundRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  refundedCentavos?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  refundedCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type AnalyticsLagResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['AnalyticsLag'] = ResolversParentTypes['AnalyticsLag']> = ResolversObject<{
  pending?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  seconds?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type AnalyticsPointResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['AnalyticsPoint'] = ResolversParentTypes['AnalyticsPoint']> = ResolversObject<{
  clinicNetCentavos?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  grossCentavos?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  paymentsCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  periodStart?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  platformFeeCentavos?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type ClinicResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['Clinic'] = ResolversParentTypes['Clinic'], FederationReferenceType extends FederationReferenceTypes['Clinic'] = FederationReferenceTypes['Clinic']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Clinic']> | FederationReferenceType, FederationReferenceType, ContextType>;
  analytics?: Resolver<Maybe<ResolversTypes['ClinicAnalytics']>, ParentType, ContextType, RequireFields<ClinicAnalyticsArgs, 'from' | 'interval' | 'to'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type ClinicAnalyticsResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['ClinicAnalytics'] = ResolversParentTypes['ClinicAnalytics']> = ResolversObject<{
  afterSale?: Resolver<ResolversTypes['AfterSaleFigures'], ParentType, ContextType>;
  byMethod?: Resolver<Array<ResolversTypes['MethodFigures']>, ParentType, ContextType>;
  byStatus?: Resolver<Array<ResolversTypes['StatusCount']>, ParentType, ContextType>;
  crediario?: Resolver<ResolversTypes['CrediarioFigures'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  funnel?: Resolver<ResolversTypes['Funnel'], ParentType, ContextType>;
  interval?: Resolver<ResolversTypes['AnalyticsInterval'], ParentType, ContextType>;
  series?: Resolver<Array<ResolversTypes['AnalyticsPoint']>, ParentType, ContextType>;
  to?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  topProcedures?: Resolver<Array<ResolversTypes['ProcedureFigures']>, ParentType, ContextType>;
  totals?: Resolver<ResolversTypes['RevenueFigures'], ParentType, ContextType>;
}>;

export type ClinicRankingResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['ClinicRanking'] = ResolversParentTypes['ClinicRanking']> = ResolversObject<{
  clinic?: Resolver<ResolversTypes['Clinic'], ParentType, ContextType>;
  grossCentavos?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  paymentsCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  platformFeeCentavos?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type CohortResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['Cohort'] = ResolversParentTypes['Cohort']> = ResolversObject<{
  month?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  patients?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  retention?: Resolver<Array<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type CrediarioFiguresResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['CrediarioFigures'] = ResolversParentTypes['CrediarioFigures']> = ResolversObject<{
  defaultRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  installmentsDue?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  overdue30?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  overdue90?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  overdueRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type DataAccessResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['DataAccess'] = ResolversParentTypes['DataAccess']> = ResolversObject<{
  at?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  operation?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  purpose?: Resolver<ResolversTypes['DataAccessPurpose'], ParentType, ContextType>;
  reader?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  readerClinic?: Resolver<Maybe<ResolversTypes['Clinic']>, ParentType, ContextType>;
  readerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  readerKind?: Resolver<ResolversTypes['DataAccessReaderKind'], ParentType, ContextType>;
  readerRoles?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export type DataAccessConnectionResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['DataAccessConnection'] = ResolversParentTypes['DataAccessConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['DataAccessEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type DataAccessEdgeResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['DataAccessEdge'] = ResolversParentTypes['DataAccessEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['DataAccess'], ParentType, ContextType>;
}>;

export type FieldUsageResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['FieldUsage'] = ResolversParentTypes['FieldUsage']> = ResolversObject<{
  clientName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type FunnelResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['Funnel'] = ResolversParentTypes['Funnel']> = ResolversObject<{
  checkoutRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  checkouts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  paid?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  paymentRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  plansSimulated?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  releaseRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  released?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type GraphUsageResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['GraphUsage'] = ResolversParentTypes['GraphUsage']> = ResolversObject<{
  fields?: Resolver<Array<ResolversTypes['FieldUsage']>, ParentType, ContextType>;
  from?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  operations?: Resolver<Array<ResolversTypes['OperationUsage']>, ParentType, ContextType>;
  to?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type MethodFiguresResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['MethodFigures'] = ResolversParentTypes['MethodFigures']> = ResolversObject<{
  grossCentavos?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  method?: Resolver<ResolversTypes['AnalyticsPaymentMethod'], ParentType, ContextType>;
  paymentsCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  share?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type OperationUsageResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['OperationUsage'] = ResolversParentTypes['OperationUsage']> = ResolversObject<{
  callerKind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  clientName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  clientVersion?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  documentHash?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  errorCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  operationName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  p50Ms?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  p95Ms?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PersonalDataResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['PersonalData'] = ResolversParentTypes['PersonalData'], FederationReferenceType extends FederationReferenceTypes['PersonalData'] = FederationReferenceTypes['PersonalData']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['PersonalData']> | FederationReferenceType, FederationReferenceType, ContextType>;
  analytics?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type PlatformAnalyticsResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['PlatformAnalytics'] = ResolversParentTypes['PlatformAnalytics']> = ResolversObject<{
  activeClinics?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  activePatients?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  afterSale?: Resolver<ResolversTypes['AfterSaleFigures'], ParentType, ContextType>;
  byMethod?: Resolver<Array<ResolversTypes['MethodFigures']>, ParentType, ContextType>;
  cohorts?: Resolver<Array<ResolversTypes['Cohort']>, ParentType, ContextType>;
  declineRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  interval?: Resolver<ResolversTypes['AnalyticsInterval'], ParentType, ContextType>;
  newPatients?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  series?: Resolver<Array<ResolversTypes['AnalyticsPoint']>, ParentType, ContextType>;
  takeRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  topClinics?: Resolver<Array<ResolversTypes['ClinicRanking']>, ParentType, ContextType>;
  totals?: Resolver<ResolversTypes['RevenueFigures'], ParentType, ContextType>;
}>;

export type ProcedureResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['Procedure'] = ResolversParentTypes['Procedure']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type ProcedureFiguresResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['ProcedureFigures'] = ResolversParentTypes['ProcedureFigures']> = ResolversObject<{
  category?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  grossCentavos?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  paymentsCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  procedure?: Resolver<ResolversTypes['Procedure'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  analyticsLag?: Resolver<Maybe<ResolversTypes['AnalyticsLag']>, ParentType, ContextType>;
  graphUsage?: Resolver<Maybe<ResolversTypes['GraphUsage']>, ParentType, ContextType, RequireFields<QueryGraphUsageArgs, 'from' | 'to'>>;
  myDataAccesses?: Resolver<Maybe<ResolversTypes['DataAccessConnection']>, ParentType, ContextType, RequireFields<QueryMyDataAccessesArgs, 'first'>>;
  platformAnalytics?: Resolver<Maybe<ResolversTypes['PlatformAnalytics']>, ParentType, ContextType, RequireFields<QueryPlatformAnalyticsArgs, 'from' | 'interval' | 'to'>>;
  sensitiveDataAccesses?: Resolver<Maybe<ResolversTypes['DataAccessConnection']>, ParentType, ContextType, RequireFields<QuerySensitiveDataAccessesArgs, 'first' | 'subjectId'>>;
}>;

export type RevenueFiguresResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['RevenueFigures'] = ResolversParentTypes['RevenueFigures']> = ResolversObject<{
  averageTicketCentavos?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  clinicNetCentavos?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  grossCentavos?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  paymentsCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  platformFeeCentavos?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  processingCostCentavos?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type StatusCountResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['StatusCount'] = ResolversParentTypes['StatusCount']> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PaymentStatus'], ParentType, ContextType>;
}>;

export type UserResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = AnalyticsContext> = ResolversObject<{
  AfterSaleFigures?: AfterSaleFiguresResolvers<ContextType>;
  AnalyticsLag?: AnalyticsLagResolvers<ContextType>;
  AnalyticsPoint?: AnalyticsPointResolvers<ContextType>;
  Clinic?: ClinicResolvers<ContextType>;
  ClinicAnalytics?: ClinicAnalyticsResolvers<ContextType>;
  ClinicRanking?: ClinicRankingResolvers<ContextType>;
  Cohort?: CohortResolvers<ContextType>;
  CrediarioFigures?: CrediarioFiguresResolvers<ContextType>;
  DataAccess?: DataAccessResolvers<ContextType>;
  DataAccessConnection?: DataAccessConnectionResolvers<ContextType>;
  DataAccessEdge?: DataAccessEdgeResolvers<ContextType>;
  FieldUsage?: FieldUsageResolvers<ContextType>;
  Funnel?: FunnelResolvers<ContextType>;
  GraphUsage?: GraphUsageResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  MethodFigures?: MethodFiguresResolvers<ContextType>;
  OperationUsage?: OperationUsageResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PersonalData?: PersonalDataResolvers<ContextType>;
  PlatformAnalytics?: PlatformAnalyticsResolvers<ContextType>;
  Procedure?: ProcedureResolvers<ContextType>;
  ProcedureFigures?: ProcedureFiguresResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RevenueFigures?: RevenueFiguresResolvers<ContextType>;
  StatusCount?: StatusCountResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
}>;


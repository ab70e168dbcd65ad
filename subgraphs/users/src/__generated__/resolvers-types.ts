import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { UserMapper, ConsentMapper, ConsentRecordMapper, DataExportMapper, AccountDeletionMapper, AccountDeletionStepMapper } from '../mappers.js';
import type { UsersContext } from '../resolvers.js';
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

/** The versions of the texts the person read and accepted. */
export type AcceptedTermsInput = {
  privacyPolicyVersion: Scalars['String']['input'];
  termsVersion: Scalars['String']['input'];
};

/**
 * An account's deletion (LGPD art. 18 VI): the account is anonymized and its sessions end at once; each
 * service then anonymizes its part. Financial records and contracts are kept for 5 years under the
 * account's id, a pseudonym no longer linked to the person.
 */
export type AccountDeletion = {
  __typename?: 'AccountDeletion';
  completedAt?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  requestedAt: Scalars['String']['output'];
  status: AccountDeletionStatus;
  steps: Array<AccountDeletionStep>;
  /** the deleted account's id: the pseudonym on the records the law keeps */
  userId: Scalars['ID']['output'];
};

export type AccountDeletionStatus =
  /** every service has done its part */
  | 'COMPLETED'
  | 'IN_PROGRESS';

/** One service's part of an account deletion. */
export type AccountDeletionStep = {
  __typename?: 'AccountDeletionStep';
  completedAt?: Maybe<Scalars['String']['output']>;
  /** users, payments, providers, notifications or analytics */
  service: Scalars['String']['output'];
  status: AccountDeletionStepStatus;
};

export type AccountDeletionStepStatus =
  | 'DONE'
  | 'PENDING';

export type AuthPayload = {
  __typename?: 'AuthPayload';
  accessToken: Scalars['String']['output'];
  /** Seconds until the access token expires. */
  expiresIn: Scalars['Int']['output'];
  /** Single use: each refresh returns a new one; presenting a used one ends the session. */
  refreshToken: Scalars['String']['output'];
  /** The account that just authenticated (query `me` with the token for more). */
  user: SessionUser;
};

/** A person's consent (LGPD): the texts they accepted, and their marketing choice. */
export type Consent = {
  __typename?: 'Consent';
  /** when they accepted (ISO 8601) */
  acceptedAt?: Maybe<Scalars['String']['output']>;
  /** every acceptance, grant and revocation, newest first (at most 200) */
  history: Array<ConsentRecord>;
  /** marketing messages allowed: separate from the terms, off until granted, revocable at any time */
  marketing: Scalars['Boolean']['output'];
  /** when the marketing choice was last made; null when never */
  marketingUpdatedAt?: Maybe<Scalars['String']['output']>;
  /**
   * True when the versions in force are not the ones accepted (or none was accepted): the apps ask the
   * person to accept the current texts before anything else.
   */
  needsReacceptance: Scalars['Boolean']['output'];
  privacyPolicyVersion?: Maybe<Scalars['String']['output']>;
  /** the terms-of-use version accepted last; null until the person accepts */
  termsVersion?: Maybe<Scalars['String']['output']>;
};

export type ConsentRecord = {
  __typename?: 'ConsentRecord';
  at: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** the client's address when it was recorded */
  ipAddress: Scalars['String']['output'];
  kind: ConsentRecordKind;
  privacyPolicyVersion?: Maybe<Scalars['String']['output']>;
  /** TERMS_ACCEPTED: the versions accepted */
  termsVersion?: Maybe<Scalars['String']['output']>;
};

export type ConsentRecordKind =
  | 'MARKETING_GRANTED'
  | 'MARKETING_REVOKED'
  | 'TERMS_ACCEPTED';

export type CpfCheck = {
  __typename?: 'CpfCheck';
  /** when the Receita answered (ISO 8601); null while UNVERIFIED */
  checkedAt?: Maybe<Scalars['String']['output']>;
  /** whether the check opens crediário now: REGULAR and at most 30 days old (an older one is made again at checkout) */
  opensCredit: Scalars['Boolean']['output'];
  status: CpfStatus;
};

/** A CPF's status at the Receita Federal. */
export type CpfStatus =
  | 'CANCELADA'
  | 'NULA'
  | 'PENDENTE_DE_REGULARIZACAO'
  | 'REGULAR'
  | 'SUSPENSA'
  | 'TITULAR_FALECIDO'
  /** not checked yet: the Receita did not answer at sign-up; it is tried again */
  | 'UNVERIFIED';

export type DataExport = {
  __typename?: 'DataExport';
  /** A short-lived link to the JSON package (a new one each time the list is read); null until READY. */
  downloadUrl?: Maybe<Scalars['String']['output']>;
  /** When downloadUrl stops working. */
  expiresAt?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  readyAt?: Maybe<Scalars['String']['output']>;
  requestedAt: Scalars['String']['output'];
  status: DataExportStatus;
};

export type DataExportStatus =
  /** the package was kept for its time and deleted */
  | 'EXPIRED'
  /** could not be assembled after several attempts; ask again */
  | 'FAILED'
  /** being assembled: ready within minutes */
  | 'PENDING'
  | 'READY';

/** The versions of the terms of use and the privacy policy in force, and the days they took effect. */
export type LegalTerms = {
  __typename?: 'LegalTerms';
  /** YYYY-MM-DD */
  privacyPolicyDate: Scalars['String']['output'];
  privacyPolicyVersion: Scalars['String']['output'];
  /** YYYY-MM-DD */
  termsDate: Scalars['String']['output'];
  termsVersion: Scalars['String']['output'];
};

export type LoginInput = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** The logged-in person accepts the terms of use and the privacy policy at these versions (the ones in force). */
  acceptTerms?: Maybe<Consent>;
  /**
   * Makes the account of a sign-up from its e-mail's link and opens its session, once. Takes the
   * password chosen at sign-up again. CONFIRMATION_LINK_INVALID (used, voided or unknown),
   * CONFIRMATION_LINK_EXPIRED, INVALID_CREDENTIALS (wrong password), CPF_TAKEN / EMAIL_TAKEN (another
   * sign-up with them was confirmed first).
   */
  confirmSignUp?: Maybe<AuthPayload>;
  login?: Maybe<AuthPayload>;
  /** Ends the current session (its refresh tokens stop working). */
  logout?: Maybe<Scalars['Boolean']['output']>;
  /** Rotates the refresh token; reusing an old one revokes the whole session. */
  refreshSession?: Maybe<AuthPayload>;
  /**
   * Starts a patient's sign-up: the same answer for every valid request (it never tells whether the
   * e-mail or CPF has an account), and no session. The account is made by confirmSignUp, with the token
   * of the link sent by e-mail. Limited per client address (TOO_MANY_ATTEMPTS).
   */
  registerPatient?: Maybe<SignUpPayload>;
  /**
   * Deletes the logged-in person's account, re-confirmed with their password; refused while money of
   * theirs is still moving (ACCOUNT_HAS_MONEY_IN_FLIGHT, with what blocks it) or while a clinic has the
   * person as its only admin (ACCOUNT_IS_SOLE_CLINIC_ADMIN, with the clinics). Every session ends at once.
   */
  requestAccountDeletion?: Maybe<AccountDeletion>;
  /** Asks for a copy of everything the platform holds about the logged-in person (one in progress at a time). */
  requestDataExport?: Maybe<DataExport>;
  /** The logged-in person grants (true) or revokes (false) consent to marketing messages; each is recorded. */
  setMarketingConsent?: Maybe<Consent>;
  /** Platform admins lock or unlock an account; a locked account cannot log in or refresh. */
  setUserLocked?: Maybe<User>;
};


export type MutationAcceptTermsArgs = {
  privacyPolicyVersion: Scalars['String']['input'];
  termsVersion: Scalars['String']['input'];
};


export type MutationConfirmSignUpArgs = {
  password: Scalars['String']['input'];
  token: Scalars['String']['input'];
};


export type MutationLoginArgs = {
  input: LoginInput;
};


export type MutationRefreshSessionArgs = {
  refreshToken: Scalars['String']['input'];
};


export type MutationRegisterPatientArgs = {
  input: RegisterPatientInput;
};


export type MutationRequestAccountDeletionArgs = {
  password: Scalars['String']['input'];
};


export type MutationSetMarketingConsentArgs = {
  granted: Scalars['Boolean']['input'];
};


export type MutationSetUserLockedArgs = {
  id: Scalars['ID']['input'];
  locked: Scalars['Boolean']['input'];
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/**
 * Everything the platform holds about one person, for their data export (LGPD art. 18): each subgraph
 * contributes the part it holds, resolved only for the person themselves. Parts are JSON documents rather
 * than typed fields: the package is a file for the person (portability), not a screen, and each part lists
 * its tables' columns once, next to the store that reads them.
 */
export type PersonalData = {
  __typename?: 'PersonalData';
  /** The account: profile (with the whole CPF), roles, dates, and the person's data export requests. */
  account?: Maybe<Scalars['JSON']['output']>;
  userId: Scalars['ID']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** Platform admins follow account deletions, newest first. */
  accountDeletions?: Maybe<Array<AccountDeletion>>;
  /** The terms of use and privacy policy in force (public: the sign-up and privacy pages show them). */
  legalTerms: LegalTerms;
  /** The logged-in user. */
  me?: Maybe<User>;
  /** The logged-in person's account deletion, if they asked for one. */
  myAccountDeletion?: Maybe<AccountDeletion>;
  /** The logged-in person's data export requests, newest first (the latest 20). */
  myDataExports?: Maybe<Array<DataExport>>;
  /** Everything the platform holds about the logged-in person, assembled from every subgraph (prefer requestDataExport: a file to download). */
  myPersonalData?: Maybe<PersonalData>;
  /** A user; only themselves or a platform admin. */
  user?: Maybe<User>;
  /** Platform admins list and search users. */
  users?: Maybe<UserConnection>;
};


export type QueryAccountDeletionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryUserArgs = {
  id: Scalars['ID']['input'];
};


export type QueryUsersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<UserFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type RegisterPatientInput = {
  /**
   * The versions of the terms of use and the privacy policy the person accepted on the sign-up page
   * (they must be the ones in force: TERMS_VERSION_OUTDATED otherwise). Without it the account is asked
   * to accept them before anything else (Consent.needsReacceptance).
   */
  acceptedTerms?: InputMaybe<AcceptedTermsInput>;
  /** With or without the mask: 529.982.247-25 or 52998224725. */
  cpf: Scalars['String']['input'];
  email: Scalars['String']['input'];
  name: Scalars['String']['input'];
  password: Scalars['String']['input'];
  phone?: InputMaybe<Scalars['String']['input']>;
};

export type Role =
  | 'CLINIC_STAFF'
  | 'PATIENT'
  | 'PLATFORM_ADMIN';

/** The account a login, confirmed sign-up or refresh answers for: shown to whoever proved the credentials. */
export type SessionUser = {
  __typename?: 'SessionUser';
  email: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  roles: Array<Role>;
};

/**
 * What a sign-up answers, whether its e-mail and CPF are new or already have an account: the next step
 * is in the e-mail (a link to confirm a new account, or a note to the owner of an existing one).
 */
export type SignUpPayload = {
  __typename?: 'SignUpPayload';
  /** Enviamos um e-mail para continuar o cadastro. */
  message: Scalars['String']['output'];
};

/** Patients, clinic staff and platform admins. */
export type User = {
  __typename?: 'User';
  /** What the person accepted (LGPD): the person and platform admins. */
  consent?: Maybe<Consent>;
  /**
   * The whole CPF: the person and platform admins (back-office support). Every read by someone other
   * than the person is recorded in the sensitive-data access log.
   */
  cpf?: Maybe<Scalars['String']['output']>;
  /**
   * The CPF's check at the Receita Federal (the person and platform admins): UNVERIFIED while the
   * Receita has not answered (credit waits for it); null for accounts without a CPF.
   */
  cpfCheck?: Maybe<CpfCheck>;
  /** The CPF with its middle digits only (***.982.247-**); the full number never leaves the service. */
  cpfMasked?: Maybe<Scalars['String']['output']>;
  createdAt?: Maybe<Scalars['String']['output']>;
  email?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  locked?: Maybe<Scalars['Boolean']['output']>;
  /** Readable by the user and by platform admins. */
  name?: Maybe<Scalars['String']['output']>;
  phone?: Maybe<Scalars['String']['output']>;
  roles?: Maybe<Array<Role>>;
};

export type UserConnection = {
  __typename?: 'UserConnection';
  edges: Array<UserEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type UserEdge = {
  __typename?: 'UserEdge';
  cursor: Scalars['String']['output'];
  node: User;
};

export type UserFilter = {
  role?: InputMaybe<Role>;
  /** Name or e-mail fragment, or a whole CPF. */
  search?: InputMaybe<Scalars['String']['input']>;
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
  User: User;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  PersonalData:
    ( { __typename: 'PersonalData' }
    & GraphQLRecursivePick<FederationTypes['PersonalData'], {"userId":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AcceptedTermsInput: AcceptedTermsInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  AccountDeletion: ResolverTypeWrapper<AccountDeletionMapper>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AccountDeletionStatus: AccountDeletionStatus;
  AccountDeletionStep: ResolverTypeWrapper<AccountDeletionStepMapper>;
  AccountDeletionStepStatus: AccountDeletionStepStatus;
  AuthPayload: ResolverTypeWrapper<AuthPayload>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Consent: ResolverTypeWrapper<ConsentMapper>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ConsentRecord: ResolverTypeWrapper<ConsentRecordMapper>;
  ConsentRecordKind: ConsentRecordKind;
  CpfCheck: ResolverTypeWrapper<CpfCheck>;
  CpfStatus: CpfStatus;
  DataExport: ResolverTypeWrapper<DataExportMapper>;
  DataExportStatus: DataExportStatus;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  LegalTerms: ResolverTypeWrapper<LegalTerms>;
  LoginInput: LoginInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PersonalData: ResolverTypeWrapper<PersonalData>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RegisterPatientInput: RegisterPatientInput;
  Role: Role;
  SessionUser: ResolverTypeWrapper<SessionUser>;
  SignUpPayload: ResolverTypeWrapper<SignUpPayload>;
  User: ResolverTypeWrapper<UserMapper>;
  UserConnection: ResolverTypeWrapper<Omit<UserConnection, 'edges'> & { edges: Array<ResolversTypes['UserEdge']> }>;
  UserEdge: ResolverTypeWrapper<Omit<UserEdge, 'node'> & { node: ResolversTypes['User'] }>;
  UserFilter: UserFilter;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AcceptedTermsInput: AcceptedTermsInput;
  String: Scalars['String']['output'];
  AccountDeletion: AccountDeletionMapper;
  ID: Scalars['ID']['output'];
  AccountDeletionStep: AccountDeletionStepMapper;
  AuthPayload: AuthPayload;
  Int: Scalars['Int']['output'];
  Consent: ConsentMapper;
  Boolean: Scalars['Boolean']['output'];
  ConsentRecord: ConsentRecordMapper;
  CpfCheck: CpfCheck;
  DataExport: DataExportMapper;
  JSON: Scalars['JSON']['output'];
  LegalTerms: LegalTerms;
  LoginInput: LoginInput;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  PersonalData: PersonalData | FederationReferenceTypes['PersonalData'];
  Query: Record<PropertyKey, never>;
  RegisterPatientInput: RegisterPatientInput;
  SessionUser: SessionUser;
  SignUpPayload: SignUpPayload;
  User: UserMapper;
  UserConnection: Omit<UserConnection, 'edges'> & { edges: Array<ResolversParentTypes['UserEdge']> };
  UserEdge: Omit<UserEdge, 'node'> & { node: ResolversParentTypes['User'] };
  UserFilter: UserFilter;
}>;

export type PersonalDataDirectiveArgs = { };

export type PersonalDataDirectiveResolver<Result, Parent, ContextType = UsersContext, Args = PersonalDataDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AccountDeletionResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['AccountDeletion'] = ResolversParentTypes['AccountDeletion']> = ResolversObject<{
  completedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  requestedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['AccountDeletionStatus'], ParentType, ContextType>;
  steps?: Resolver<Array<ResolversTypes['AccountDeletionStep']>, ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type AccountDeletionStepResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['AccountDeletionStep'] = ResolversParentTypes['AccountDeletionStep']> = ResolversObject<{
  completedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  service?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['AccountDeletionStepStatus'], ParentType, ContextType>;
}>;

export type AuthPayloadResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['AuthPayload'] = ResolversParentTypes['AuthPayload']> = ResolversObject<{
  accessToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresIn?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  refreshToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['SessionUser'], ParentType, ContextType>;
}>;

export type ConsentResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['Consent'] = ResolversParentTypes['Consent']> = ResolversObject<{
  acceptedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['ConsentRecord']>, ParentType, ContextType>;
  marketing?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  marketingUpdatedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  needsReacceptance?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  privacyPolicyVersion?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  termsVersion?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type ConsentRecordResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['ConsentRecord'] = ResolversParentTypes['ConsentRecord']> = ResolversObject<{
  at?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ipAddress?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ConsentRecordKind'], ParentType, ContextType>;
  privacyPolicyVersion?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  termsVersion?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type CpfCheckResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['CpfCheck'] = ResolversParentTypes['CpfCheck']> = ResolversObject<{
  checkedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  opensCredit?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['CpfStatus'], ParentType, ContextType>;
}>;

export type DataExportResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['DataExport'] = ResolversParentTypes['DataExport']> = ResolversObject<{
  downloadUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  expiresAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  readyAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  requestedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['DataExportStatus'], ParentType, ContextType>;
}>;

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type LegalTermsResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['LegalTerms'] = ResolversParentTypes['LegalTerms']> = ResolversObject<{
  privacyPolicyDate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  privacyPolicyVersion?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  termsDate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  termsVersion?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  acceptTerms?: Resolver<Maybe<ResolversTypes['Consent']>, ParentType, ContextType, RequireFields<MutationAcceptTermsArgs, 'privacyPolicyVersion' | 'termsVersion'>>;
  confirmSignUp?: Resolver<Maybe<ResolversTypes['AuthPayload']>, ParentType, ContextType, RequireFields<MutationConfirmSignUpArgs, 'password' | 'token'>>;
  login?: Resolver<Maybe<ResolversTypes['AuthPayload']>, ParentType, ContextType, RequireFields<MutationLoginArgs, 'input'>>;
  logout?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  refreshSession?: Resolver<Maybe<ResolversTypes['AuthPayload']>, ParentType, ContextType, RequireFields<MutationRefreshSessionArgs, 'refreshToken'>>;
  registerPatient?: Resolver<Maybe<ResolversTypes['SignUpPayload']>, ParentType, ContextType, RequireFields<MutationRegisterPatientArgs, 'input'>>;
  requestAccountDeletion?: Resolver<Maybe<ResolversTypes['AccountDeletion']>, ParentType, ContextType, RequireFields<MutationRequestAccountDeletionArgs, 'password'>>;
  requestDataExport?: Resolver<Maybe<ResolversTypes['DataExport']>, ParentType, ContextType>;
  setMarketingConsent?: Resolver<Maybe<ResolversTypes['Consent']>, ParentType, ContextType, RequireFields<MutationSetMarketingConsentArgs, 'granted'>>;
  setUserLocked?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType, RequireFields<MutationSetUserLockedArgs, 'id' | 'locked'>>;
}>;

export type PageInfoResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PersonalDataResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['PersonalData'] = ResolversParentTypes['PersonalData'], FederationReferenceType extends FederationReferenceTypes['PersonalData'] = FederationReferenceTypes['PersonalData']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['PersonalData']> | FederationReferenceType, FederationReferenceType, ContextType>;
  account?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  accountDeletions?: Resolver<Maybe<Array<ResolversTypes['AccountDeletion']>>, ParentType, ContextType, RequireFields<QueryAccountDeletionsArgs, 'first'>>;
  legalTerms?: Resolver<ResolversTypes['LegalTerms'], ParentType, ContextType>;
  me?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  myAccountDeletion?: Resolver<Maybe<ResolversTypes['AccountDeletion']>, ParentType, ContextType>;
  myDataExports?: Resolver<Maybe<Array<ResolversTypes['DataExport']>>, ParentType, ContextType>;
  myPersonalData?: Resolver<Maybe<ResolversTypes['PersonalData']>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType, RequireFields<QueryUserArgs, 'id'>>;
  users?: Resolver<Maybe<ResolversTypes['UserConnection']>, ParentType, ContextType, RequireFields<QueryUsersArgs, 'first'>>;
}>;

export type SessionUserResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['SessionUser'] = ResolversParentTypes['SessionUser']> = ResolversObject<{
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['Role']>, ParentType, ContextType>;
}>;

export type SignUpPayloadResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['SignUpPayload'] = ResolversParentTypes['SignUpPayload']> = ResolversObject<{
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type UserResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  consent?: Resolver<Maybe<ResolversTypes['Consent']>, ParentType, ContextType>;
  cpf?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  cpfCheck?: Resolver<Maybe<ResolversTypes['CpfCheck']>, ParentType, ContextType>;
  cpfMasked?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  locked?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  roles?: Resolver<Maybe<Array<ResolversTypes['Role']>>, ParentType, ContextType>;
}>;

export type UserConnectionResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['UserConnection'] = ResolversParentTypes['UserConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['UserEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type UserEdgeResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['UserEdge'] = ResolversParentTypes['UserEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = UsersContext> = ResolversObject<{
  AccountDeletion?: AccountDeletionResolvers<ContextType>;
  AccountDeletionStep?: AccountDeletionStepResolvers<ContextType>;
  AuthPayload?: AuthPayloadResolvers<ContextType>;
  Consent?: ConsentResolvers<ContextType>;
  ConsentRecord?: ConsentRecordResolvers<ContextType>;
  CpfCheck?: CpfCheckResolvers<ContextType>;
  DataExport?: DataExportResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  LegalTerms?: LegalTermsResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PersonalData?: PersonalDataResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SessionUser?: SessionUserResolvers<ContextType>;
  SignUpPayload?: SignUpPayloadResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UserConnection?: UserConnectionResolvers<ContextType>;
  UserEdge?: UserEdgeResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = UsersContext> = ResolversObject<{
  personalData?: PersonalDataDirectiveResolver<any, any, ContextType>;
}>;

import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ClinicMapper, ClinicMemberMapper, ProcedureMapper, ApiKeyMapper, UserMapper, PracticeConnectionMapper } from '../mappers.js';
import type { ProvidersContext } from '../resolvers.js';
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

export type Address = {
  __typename?: 'Address';
  city: Scalars['String']['output'];
  postalCode: Scalars['String']['output'];
  /** UF, two letters */
  state: Scalars['String']['output'];
  street: Scalars['String']['output'];
};

export type AddressInput = {
  city: Scalars['String']['input'];
  postalCode: Scalars['String']['input'];
  state: Scalars['String']['input'];
  street: Scalars['String']['input'];
};

export type AgreementStatus =
  | 'CANCELED'
  /** not signed within 30 days: the back office may send a new one */
  | 'EXPIRED'
  /** the envelope is being made */
  | 'PENDING'
  /** refused by the signer: the back office may send a new one */
  | 'REFUSED'
  /** sent by e-mail to the clinic's admin who registered it, waiting for the signature */
  | 'SENT'
  | 'SIGNED';

export type ApiKey = {
  __typename?: 'ApiKey';
  createdAt: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  lastUsedAt?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  /** The visible start of the key, to recognise it (mpk_live_ab12…). */
  prefix: Scalars['String']['output'];
  revokedAt?: Maybe<Scalars['String']['output']>;
  scopes: Array<ApiKeyScope>;
};

/**
 * What a partner key may do for its clinic, chosen when it is created. Clinic staff can do all of it
 * (within their role); a key made before scopes existed reads payments only.
 */
export type ApiKeyScope =
  /** create and change procedures */
  | 'CATALOG_WRITE'
  /** receive payment events live */
  | 'EVENTS_SUBSCRIBE'
  /** confirm a procedure was performed (releases escrow) */
  | 'PAYMENTS_CONFIRM'
  /** read payments, balances, statements and receivables */
  | 'PAYMENTS_READ'
  /** refund payments */
  | 'PAYMENTS_REFUND'
  /** create and cancel payment links for the clinic's patients */
  | 'PAYMENT_LINKS_WRITE';

/** A bank in the list a clinic picks from, by ISPB. */
export type Bank = {
  __typename?: 'Bank';
  ispb: Scalars['String']['output'];
  name: Scalars['String']['output'];
};

export type BankAccount = {
  __typename?: 'BankAccount';
  /** with its check digit, no separator */
  account: Scalars['String']['output'];
  accountType: BankAccountType;
  bankName: Scalars['String']['output'];
  /** agência, four digits */
  branch: Scalars['String']['output'];
  /** the bank's ISPB (the code TED is routed by) */
  ispb: Scalars['String']['output'];
};

export type BankAccountInput = {
  account: Scalars['String']['input'];
  accountType: BankAccountType;
  branch: Scalars['String']['input'];
  ispb: Scalars['String']['input'];
};

export type BankAccountType =
  | 'CHECKING'
  | 'PAYMENT'
  | 'SAVINGS';

/** A clinic or hospital. Anyone may browse ACTIVE clinics; other states are seen by their staff and platform admins. */
export type Clinic = {
  __typename?: 'Clinic';
  address: Address;
  /** The service agreement with MedPay (the newest envelope): its staff and platform admins only. */
  agreement?: Maybe<ClinicAgreement>;
  /** Partner API keys; the clinic's admins and platform admins only. */
  apiKeys?: Maybe<Array<ApiKey>>;
  /** Formatted, numeric (11.222.333/0001-81) or alphanumeric (12.ABC.345/01DE-35). */
  cnpj: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  legalName: Scalars['String']['output'];
  /** Where the clinic's payouts go; its staff and platform admins only. */
  payoutAccount?: Maybe<ClinicPayoutAccount>;
  /** The clinic's own systems connected to MedPay (Helena CRM, NinSaúde ERP): its staff and platform admins only. */
  practiceSystems?: Maybe<Array<PracticeConnection>>;
  procedures: ProcedureConnection;
  /**
   * The CNPJ at the Receita Federal, to compare with what the clinic typed: its staff and platform
   * admins only; null until the first check answered.
   */
  receitaFederal?: Maybe<CnpjRegistration>;
  specialties: Array<Scalars['String']['output']>;
  /** The clinic's team; its staff and platform admins only. */
  staff?: Maybe<Array<ClinicMember>>;
  status: ClinicStatus;
  /** Why the platform rejected or suspended the clinic; its staff and platform admins only. */
  statusReason?: Maybe<Scalars['String']['output']>;
  tradeName: Scalars['String']['output'];
};


/** A clinic or hospital. Anyone may browse ACTIVE clinics; other states are seen by their staff and platform admins. */
export type ClinicProceduresArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type ClinicAgreement = {
  __typename?: 'ClinicAgreement';
  /** SHA-256 of that document, hex */
  documentSha256?: Maybe<Scalars['String']['output']>;
  /** the signed agreement (or the one sent, until signed): a link that works for 5 minutes */
  documentUrl?: Maybe<Scalars['String']['output']>;
  /** until when it may be signed (ISO 8601) */
  expiresAt: Scalars['String']['output'];
  sentAt: Scalars['String']['output'];
  signedAt?: Maybe<Scalars['String']['output']>;
  status: AgreementStatus;
};

export type ClinicConnection = {
  __typename?: 'ClinicConnection';
  edges: Array<ClinicEdge>;
  pageInfo: PageInfo;
};

export type ClinicEdge = {
  __typename?: 'ClinicEdge';
  cursor: Scalars['String']['output'];
  node: Clinic;
};

export type ClinicFilter = {
  city?: InputMaybe<Scalars['String']['input']>;
  /** Fragment of the clinic's name. */
  search?: InputMaybe<Scalars['String']['input']>;
  specialty?: InputMaybe<Scalars['String']['input']>;
  /** UF */
  state?: InputMaybe<Scalars['String']['input']>;
  /** Platform admins may list other states (e.g. PENDING_REVIEW); everyone else sees ACTIVE clinics. */
  status?: InputMaybe<ClinicStatus>;
};

export type ClinicMember = {
  __typename?: 'ClinicMember';
  role: StaffRole;
  since: Scalars['String']['output'];
  user: User;
};

export type ClinicMembership = {
  __typename?: 'ClinicMembership';
  clinic: Clinic;
  role: StaffRole;
};

export type ClinicPayoutAccount = {
  __typename?: 'ClinicPayoutAccount';
  /** when by TED */
  bankAccount?: Maybe<BankAccount>;
  method: PayoutMethod;
  /** the CNPJ key, when by PIX */
  pixKey?: Maybe<Scalars['String']['output']>;
};

export type ClinicStatus =
  | 'ACTIVE'
  /** approved by the back office: goes ACTIVE once its admin signs the service agreement (ClickSign) */
  | 'AWAITING_AGREEMENT'
  | 'PENDING_REVIEW'
  | 'REJECTED'
  | 'SUSPENDED';

/** What the Receita Federal holds of a clinic's CNPJ. */
export type CnpjRegistration = {
  __typename?: 'CnpjRegistration';
  /** the address on record, on one line */
  address: Scalars['String']['output'];
  /** when the Receita answered (ISO 8601) */
  checkedAt: Scalars['String']['output'];
  legalName: Scalars['String']['output'];
  /** main CNAE, formatted (8630-5/03) */
  mainCnaeCode: Scalars['String']['output'];
  mainCnaeDescription: Scalars['String']['output'];
  /** only ATIVA can be approved; an active clinic whose CNPJ stops being ATIVA is suspended */
  status: CnpjStatus;
  tradeName?: Maybe<Scalars['String']['output']>;
};

/** A CNPJ's situação cadastral at the Receita Federal. */
export type CnpjStatus =
  | 'ATIVA'
  | 'BAIXADA'
  | 'INAPTA'
  | 'NULA'
  | 'SUSPENSA';

export type CreatedApiKey = {
  __typename?: 'CreatedApiKey';
  apiKey: ApiKey;
  /** The whole key, shown once; only its hash is stored. */
  secret: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Adds an existing MedPay account (by e-mail) to the clinic's team. */
  addClinicStaff?: Maybe<ClinicMember>;
  /** Platform admins check the clinic's CNPJ at the Receita Federal again, now (RECEITA_UNAVAILABLE when it does not answer). */
  checkClinicCnpj?: Maybe<Clinic>;
  /** The clinic's admins connect its Helena or NinSaúde account (credentials encrypted at rest, never returned). */
  connectPracticeSystem?: Maybe<PracticeConnection>;
  /** A key for the clinic's own systems, with the scopes it may use (read-only unless chosen otherwise). */
  createApiKey?: Maybe<CreatedApiKey>;
  createProcedure?: Maybe<Procedure>;
  disconnectPracticeSystem?: Maybe<PracticeConnection>;
  /** Maps a procedure of the clinic's system to one of its MedPay catalog (null: unmapped). */
  mapPracticeProcedure?: Maybe<PracticeConnection>;
  /** A logged-in user registers a clinic and becomes its admin; it waits in PENDING_REVIEW. */
  registerClinic?: Maybe<Clinic>;
  removeClinicStaff?: Maybe<Scalars['Boolean']['output']>;
  revokeApiKey?: Maybe<ApiKey>;
  /** Platform admins send a clinic awaiting its agreement a new one to sign (the last was refused or expired). */
  sendClinicAgreement?: Maybe<Clinic>;
  /** The clinic's admins choose where payouts go: PIX to its CNPJ key, or TED to its bank account (the clinic's team is told). */
  setClinicPayoutAccount?: Maybe<Clinic>;
  /**
   * Platform admins review clinics: approve (ACTIVE: only with an ATIVA CNPJ, CNPJ_NOT_ACTIVE otherwise;
   * a clinic under review then waits in AWAITING_AGREEMENT until its admin signs the service agreement),
   * reject, suspend and reactivate.
   */
  setClinicStatus?: Maybe<Clinic>;
  /** Chooses what to sync. */
  setPracticeSync?: Maybe<PracticeConnection>;
  /** Syncs now (it also runs every few minutes). */
  syncPracticeSystem?: Maybe<PracticeConnection>;
  updateProcedure?: Maybe<Procedure>;
};


export type MutationAddClinicStaffArgs = {
  clinicId: Scalars['ID']['input'];
  email: Scalars['String']['input'];
  role: StaffRole;
};


export type MutationCheckClinicCnpjArgs = {
  id: Scalars['ID']['input'];
};


export type MutationConnectPracticeSystemArgs = {
  clinicId: Scalars['ID']['input'];
  credentials: PracticeCredentialsInput;
  kind: PracticeSystemKind;
};


export type MutationCreateApiKeyArgs = {
  clinicId: Scalars['ID']['input'];
  name: Scalars['String']['input'];
  scopes?: Array<ApiKeyScope>;
};


export type MutationCreateProcedureArgs = {
  clinicId: Scalars['ID']['input'];
  input: ProcedureInput;
};


export type MutationDisconnectPracticeSystemArgs = {
  connectionId: Scalars['ID']['input'];
};


export type MutationMapPracticeProcedureArgs = {
  code: Scalars['String']['input'];
  connectionId: Scalars['ID']['input'];
  procedureId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationRegisterClinicArgs = {
  input: RegisterClinicInput;
};


export type MutationRemoveClinicStaffArgs = {
  clinicId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationRevokeApiKeyArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSendClinicAgreementArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSetClinicPayoutAccountArgs = {
  bankAccount?: InputMaybe<BankAccountInput>;
  clinicId: Scalars['ID']['input'];
  method: PayoutMethod;
};


export type MutationSetClinicStatusArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
  status: ClinicStatus;
};


export type MutationSetPracticeSyncArgs = {
  connectionId: Scalars['ID']['input'];
  syncAppointments: Scalars['Boolean']['input'];
  writeBack: Scalars['Boolean']['input'];
};


export type MutationSyncPracticeSystemArgs = {
  connectionId: Scalars['ID']['input'];
};


export type MutationUpdateProcedureArgs = {
  id: Scalars['ID']['input'];
  input: ProcedureUpdate;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** How a clinic is paid out. The holder is always the clinic itself (its CNPJ). */
export type PayoutMethod =
  /** PIX to the clinic's CNPJ key */
  | 'PIX'
  /** TED to the clinic's bank account: the same day before 17:00 on a business day, the next business day after */
  | 'TED';

export type PersonalData = {
  __typename?: 'PersonalData';
  /** The clinics where the person works (role, since when) and the partner API keys they created (never the secret or its hash). */
  clinicMemberships?: Maybe<Scalars['JSON']['output']>;
  /** The clinics whose only admin is the person: their account's deletion waits until each has another admin. */
  soleAdminOf?: Maybe<Array<Clinic>>;
  userId: Scalars['ID']['output'];
};

export type PracticeAppointment = {
  __typename?: 'PracticeAppointment';
  externalId: Scalars['String']['output'];
  patientName: Scalars['String']['output'];
  /** the link made for it, when its procedure is mapped */
  paymentLinkToken?: Maybe<Scalars['String']['output']>;
  procedure?: Maybe<Procedure>;
  startsAt: Scalars['String']['output'];
  /** SCHEDULED, CONFIRMED, CANCELLED or DONE, as the system says */
  status: Scalars['String']['output'];
  /** the payment's last status written back to the system */
  writtenBackStatus?: Maybe<Scalars['String']['output']>;
};

/** A clinic's system connected to MedPay: its appointments become payment links, and payments are written back. */
export type PracticeConnection = {
  __typename?: 'PracticeConnection';
  /** the account's name in the system */
  accountName: Scalars['String']['output'];
  /** the appointments imported, by date */
  appointments: Array<PracticeAppointment>;
  connectedAt: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  kind: PracticeSystemKind;
  /** what went wrong last, in Portuguese; null when the last sync went well */
  lastError?: Maybe<Scalars['String']['output']>;
  lastSyncedAt?: Maybe<Scalars['String']['output']>;
  /** the system's procedures, each with the MedPay procedure it is mapped to (null: not charged through MedPay) */
  procedures: Array<PracticeProcedure>;
  status: PracticeConnectionStatus;
  /** import appointments with a mapped procedure as payment links */
  syncAppointments: Scalars['Boolean']['output'];
  /** the last syncs, newest first */
  syncLog: Array<PracticeSyncRun>;
  /** write payment status and receipts back to the system */
  writeBack: Scalars['Boolean']['output'];
};


/** A clinic's system connected to MedPay: its appointments become payment links, and payments are written back. */
export type PracticeConnectionAppointmentsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A clinic's system connected to MedPay: its appointments become payment links, and payments are written back. */
export type PracticeConnectionSyncLogArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type PracticeConnectionStatus =
  | 'ACTIVE'
  | 'DISCONNECTED'
  /** the system refused the credentials: connect again */
  | 'FAILED';

/** What connecting a system takes: Helena's API token; NinSaúde's login (traded once for a refresh token, the password never kept). */
export type PracticeCredentialsInput = {
  account?: InputMaybe<Scalars['String']['input']>;
  accountUnit?: InputMaybe<Scalars['Int']['input']>;
  apiToken?: InputMaybe<Scalars['String']['input']>;
  password?: InputMaybe<Scalars['String']['input']>;
  username?: InputMaybe<Scalars['String']['input']>;
  webhookSecret?: InputMaybe<Scalars['String']['input']>;
};

export type PracticeProcedure = {
  __typename?: 'PracticeProcedure';
  code: Scalars['String']['output'];
  name: Scalars['String']['output'];
  /** what the system charges, when it says */
  priceCentavos?: Maybe<Scalars['Int']['output']>;
  procedure?: Maybe<Procedure>;
};

export type PracticeSyncRun = {
  __typename?: 'PracticeSyncRun';
  /** in Portuguese, one per problem (an appointment without a mapped procedure is not one) */
  errors: Array<Scalars['String']['output']>;
  finishedAt?: Maybe<Scalars['String']['output']>;
  /** appointments read from the system */
  imported: Scalars['Int']['output'];
  /** payment links made */
  linked: Scalars['Int']['output'];
  startedAt: Scalars['String']['output'];
  /** payment changes written back */
  writtenBack: Scalars['Int']['output'];
};

export type PracticeSystemKind =
  | 'HELENA'
  | 'NINSAUDE';

export type Procedure = {
  __typename?: 'Procedure';
  active: Scalars['Boolean']['output'];
  category: Scalars['String']['output'];
  clinic: Clinic;
  description: Scalars['String']['output'];
  durationMinutes: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  /** Card installments the clinic absorbs (parcelado sem juros), 1 to 12. */
  interestFreeInstallments: Scalars['Int']['output'];
  name: Scalars['String']['output'];
  priceCentavos: Scalars['Int']['output'];
};

export type ProcedureConnection = {
  __typename?: 'ProcedureConnection';
  edges: Array<ProcedureEdge>;
  pageInfo: PageInfo;
};

export type ProcedureEdge = {
  __typename?: 'ProcedureEdge';
  cursor: Scalars['String']['output'];
  node: Procedure;
};

export type ProcedureFilter = {
  category?: InputMaybe<Scalars['String']['input']>;
  city?: InputMaybe<Scalars['String']['input']>;
  clinicId?: InputMaybe<Scalars['ID']['input']>;
  maxPriceCentavos?: InputMaybe<Scalars['Int']['input']>;
  minPriceCentavos?: InputMaybe<Scalars['Int']['input']>;
  /** Fragment of the procedure's name or description. */
  search?: InputMaybe<Scalars['String']['input']>;
};

export type ProcedureInput = {
  category: Scalars['String']['input'];
  description: Scalars['String']['input'];
  durationMinutes: Scalars['Int']['input'];
  interestFreeInstallments: Scalars['Int']['input'];
  name: Scalars['String']['input'];
  priceCentavos: Scalars['Int']['input'];
};

export type ProcedureUpdate = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  category?: InputMaybe<Scalars['String']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  durationMinutes?: InputMaybe<Scalars['Int']['input']>;
  interestFreeInstallments?: InputMaybe<Scalars['Int']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  priceCentavos?: InputMaybe<Scalars['Int']['input']>;
};

export type Query = {
  __typename?: 'Query';
  /** The banks a clinic may be paid out to by TED. */
  banks: Array<Bank>;
  clinic?: Maybe<Clinic>;
  clinics: ClinicConnection;
  procedure?: Maybe<Procedure>;
  procedures: ProcedureConnection;
};


export type QueryClinicArgs = {
  id: Scalars['ID']['input'];
};


export type QueryClinicsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ClinicFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryProcedureArgs = {
  id: Scalars['ID']['input'];
};


export type QueryProceduresArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ProcedureFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type RegisterClinicInput = {
  address: AddressInput;
  cnpj: Scalars['String']['input'];
  legalName: Scalars['String']['input'];
  specialties: Array<Scalars['String']['input']>;
  tradeName: Scalars['String']['input'];
};

export type StaffRole =
  /** Manages the clinic's catalog, team and keys. */
  | 'ADMIN'
  /** Sees payments and confirms procedures. */
  | 'STAFF';

export type User = {
  __typename?: 'User';
  /** The clinics where the user works; the user and platform admins only. */
  clinics?: Maybe<Array<ClinicMembership>>;
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
  Procedure: Procedure;
  User: User;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Clinic:
    ( { __typename: 'Clinic' }
    & GraphQLRecursivePick<FederationTypes['Clinic'], {"id":true}> );
  PersonalData:
    ( { __typename: 'PersonalData' }
    & GraphQLRecursivePick<FederationTypes['PersonalData'], {"userId":true}> );
  Procedure:
    ( { __typename: 'Procedure' }
    & GraphQLRecursivePick<FederationTypes['Procedure'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Address: ResolverTypeWrapper<Address>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  AddressInput: AddressInput;
  AgreementStatus: AgreementStatus;
  ApiKey: ResolverTypeWrapper<ApiKeyMapper>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  ApiKeyScope: ApiKeyScope;
  Bank: ResolverTypeWrapper<Bank>;
  BankAccount: ResolverTypeWrapper<BankAccount>;
  BankAccountInput: BankAccountInput;
  BankAccountType: BankAccountType;
  Clinic: ResolverTypeWrapper<ClinicMapper>;
  ClinicAgreement: ResolverTypeWrapper<ClinicAgreement>;
  ClinicConnection: ResolverTypeWrapper<Omit<ClinicConnection, 'edges'> & { edges: Array<ResolversTypes['ClinicEdge']> }>;
  ClinicEdge: ResolverTypeWrapper<Omit<ClinicEdge, 'node'> & { node: ResolversTypes['Clinic'] }>;
  ClinicFilter: ClinicFilter;
  ClinicMember: ResolverTypeWrapper<ClinicMemberMapper>;
  ClinicMembership: ResolverTypeWrapper<Omit<ClinicMembership, 'clinic'> & { clinic: ResolversTypes['Clinic'] }>;
  ClinicPayoutAccount: ResolverTypeWrapper<ClinicPayoutAccount>;
  ClinicStatus: ClinicStatus;
  CnpjRegistration: ResolverTypeWrapper<CnpjRegistration>;
  CnpjStatus: CnpjStatus;
  CreatedApiKey: ResolverTypeWrapper<Omit<CreatedApiKey, 'apiKey'> & { apiKey: ResolversTypes['ApiKey'] }>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PayoutMethod: PayoutMethod;
  PersonalData: ResolverTypeWrapper<Omit<PersonalData, 'soleAdminOf'> & { soleAdminOf?: Maybe<Array<ResolversTypes['Clinic']>> }>;
  PracticeAppointment: ResolverTypeWrapper<Omit<PracticeAppointment, 'procedure'> & { procedure?: Maybe<ResolversTypes['Procedure']> }>;
  PracticeConnection: ResolverTypeWrapper<PracticeConnectionMapper>;
  PracticeConnectionStatus: PracticeConnectionStatus;
  PracticeCredentialsInput: PracticeCredentialsInput;
  PracticeProcedure: ResolverTypeWrapper<Omit<PracticeProcedure, 'procedure'> & { procedure?: Maybe<ResolversTypes['Procedure']> }>;
  PracticeSyncRun: ResolverTypeWrapper<PracticeSyncRun>;
  PracticeSystemKind: PracticeSystemKind;
  Procedure: ResolverTypeWrapper<ProcedureMapper>;
  ProcedureConnection: ResolverTypeWrapper<Omit<ProcedureConnection, 'edges'> & { edges: Array<ResolversTypes['ProcedureEdge']> }>;
  ProcedureEdge: ResolverTypeWrapper<Omit<ProcedureEdge, 'node'> & { node: ResolversTypes['Procedure'] }>;
  ProcedureFilter: ProcedureFilter;
  ProcedureInput: ProcedureInput;
  ProcedureUpdate: ProcedureUpdate;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RegisterClinicInput: RegisterClinicInput;
  StaffRole: StaffRole;
  User: ResolverTypeWrapper<UserMapper>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Address: Address;
  String: Scalars['String']['output'];
  AddressInput: AddressInput;
  ApiKey: ApiKeyMapper;
  ID: Scalars['ID']['output'];
  Bank: Bank;
  BankAccount: BankAccount;
  BankAccountInput: BankAccountInput;
  Clinic: ClinicMapper;
  ClinicAgreement: ClinicAgreement;
  ClinicConnection: Omit<ClinicConnection, 'edges'> & { edges: Array<ResolversParentTypes['ClinicEdge']> };
  ClinicEdge: Omit<ClinicEdge, 'node'> & { node: ResolversParentTypes['Clinic'] };
  ClinicFilter: ClinicFilter;
  ClinicMember: ClinicMemberMapper;
  ClinicMembership: Omit<ClinicMembership, 'clinic'> & { clinic: ResolversParentTypes['Clinic'] };
  ClinicPayoutAccount: ClinicPayoutAccount;
  CnpjRegistration: CnpjRegistration;
  CreatedApiKey: Omit<CreatedApiKey, 'apiKey'> & { apiKey: ResolversParentTypes['ApiKey'] };
  JSON: Scalars['JSON']['output'];
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  PersonalData: Omit<PersonalData, 'soleAdminOf'> & { soleAdminOf?: Maybe<Array<ResolversParentTypes['Clinic']>> } | FederationReferenceTypes['PersonalData'];
  PracticeAppointment: Omit<PracticeAppointment, 'procedure'> & { procedure?: Maybe<ResolversParentTypes['Procedure']> };
  PracticeConnection: PracticeConnectionMapper;
  PracticeCredentialsInput: PracticeCredentialsInput;
  PracticeProcedure: Omit<PracticeProcedure, 'procedure'> & { procedure?: Maybe<ResolversParentTypes['Procedure']> };
  PracticeSyncRun: PracticeSyncRun;
  Procedure: ProcedureMapper;
  ProcedureConnection: Omit<ProcedureConnection, 'edges'> & { edges: Array<ResolversParentTypes['ProcedureEdge']> };
  ProcedureEdge: Omit<ProcedureEdge, 'node'> & { node: ResolversParentTypes['Procedure'] };
  ProcedureFilter: ProcedureFilter;
  ProcedureInput: ProcedureInput;
  ProcedureUpdate: ProcedureUpdate;
  Query: Record<PropertyKey, never>;
  RegisterClinicInput: RegisterClinicInput;
  User: UserMapper;
  Boolean: Scalars['Boolean']['output'];
  Int: Scalars['Int']['output'];
}>;

export type CacheControlDirectiveArgs = {
  inheritMaxAge?: Maybe<Scalars['Boolean']['input']>;
  maxAge?: Maybe<Scalars['Int']['input']>;
};

export type CacheControlDirectiveResolver<Result, Parent, ContextType = ProvidersContext, Args = CacheControlDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AddressResolvers<ContextType = ProvidersContext, ParentType extends ResolversParentTypes['Address'] = ResolversParentTypes['Address']> = ResolversObject<{
  city?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  postalCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  street?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ApiKeyResolvers<ContextType = ProvidersContext, ParentType extends ResolversParentTypes['ApiKey'] = ResolversParentTypes['ApiKey']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastUsedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  prefix?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  scopes?: Resolver<Array<ResolversTypes['ApiKeyScope']>, ParentType, ContextType>;
}>;

export type BankResolvers<ContextType = ProvidersContext, ParentType extends ResolversParentTypes['Bank'] = ResolversParentTypes['Bank']> = ResolversObject<{
  ispb?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type BankAccountResolvers<ContextType = ProvidersContext, ParentType extends ResolversParentTypes['BankAccount'] = ResolversParentTypes['BankAccount']> = ResolversObject<{
  account?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  accountType?: Resolver<ResolversTypes['BankAccountType'], ParentType, ContextType>;
  bankName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  branch?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ispb?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ClinicResolvers<ContextType = ProvidersContext, ParentType extends ResolversParentTypes['Clinic'] = ResolversParentTypes['Clinic'], FederationReferenceType extends FederationReferenceTypes['Clinic'] = FederationReferenceTypes['Clinic']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Clinic']> | FederationReferenceType, FederationReferenceType, ContextType>;
  address?: Resolver<ResolversTypes['Address'], ParentType, ContextType>;
  agreement?: Resolver<Maybe<ResolversTypes['ClinicAgreement']>, ParentType, ContextType>;
  apiKeys?: Resolver<Maybe<Array<ResolversTypes['ApiKey']>>, ParentType, ContextType>;
  cnpj?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  legalName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  payoutAccount?: Resolver<Maybe<ResolversTypes['ClinicPayoutAccount']>, ParentType, ContextType>;
  practiceSystems?: Resolver<Maybe<Array<ResolversTypes['PracticeConnection']>>, ParentType, ContextType>;
  procedures?: Resolver<ResolversTypes['ProcedureConnection'], ParentType, ContextType, RequireFields<ClinicProceduresArgs, 'first'>>;
  receitaFederal?: Resolver<Maybe<ResolversTypes['CnpjRegistration']>, ParentType, ContextType>;
  specialties?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  staff?: Resolver<Maybe<Array<ResolversTypes['ClinicMember']>>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ClinicStatus'], ParentType, ContextType>;
  statusReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  tradeName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ClinicAgreementResolvers<ContextType = ProvidersContext, ParentType extends ResolversParentTypes['ClinicAgreement'] = ResolversParentTypes['ClinicAgreement']> = ResolversObject<{
  documentSha256?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  documentUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sentAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  signedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['AgreementStatus'], ParentType, ContextType>;
}>;

export type ClinicConnectionResolvers<ContextType = ProvidersContext, ParentType extends ResolversParentTypes['ClinicConnection'] = ResolversParentTypes['ClinicConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ClinicEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type ClinicEdgeResolvers<ContextType = ProvidersContext, ParentType extends ResolversParentTypes['ClinicEdge'] = ResolversParentTypes['ClinicEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Clinic'], ParentType, ContextType>;
}>;

export type ClinicMemberResolvers<ContextType = ProvidersContext, ParentType extends ResolversParentTypes['ClinicMember'] = ResolversParentTypes['ClinicMember']> = ResolversObject<{
  role?: Resolver<ResolversTypes['StaffRole'], ParentType, ContextType>;
  since?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export type ClinicMembershipResolvers<ContextType = ProvidersContext, ParentType extends ResolversParentTypes['ClinicMembership'] = ResolversParentTypes['ClinicMembership']> = ResolversObject<{
  clinic?: Resolver<ResolversTypes['Clinic'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['StaffRole'], ParentType, ContextType>;
}>;

export type ClinicPayoutAccountResolvers<ContextType = ProvidersContext, ParentType extends ResolversParentTypes['ClinicPayoutAccount'] = ResolversParentTypes['ClinicPayoutAccount']> = ResolversObject<{
  bankAccount?: Resolver<Maybe<ResolversTypes['BankAccount']>, ParentType, ContextType>;
  method?: Resolver<ResolversTypes['PayoutMethod'], ParentType, ContextType>;
  pixKey?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type CnpjRegistrationResolvers<ContextType = ProvidersContext, ParentType extends ResolversParentTypes['CnpjRegistration'] = ResolversParentTypes['CnpjRegistration']> = ResolversObject<{
  address?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  checkedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  legalName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  mainCnaeCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  mainCnaeDescription?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['CnpjStatus'], ParentType, ContextType>;
  tradeName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type CreatedApiKeyResolvers<ContextType = ProvidersContext, ParentType extends ResolversParentTypes['CreatedApiKey'] = ResolversParentTypes['CreatedApiKey']> = ResolversObject<{
  apiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType>;
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type MutationResolvers<ContextType = ProvidersContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  addClinicStaff?: Resolver<Maybe<ResolversTypes['ClinicMember']>, ParentType, ContextType, RequireFields<MutationAddClinicStaffArgs, 'clinicId' | 'email' | 'role'>>;
  checkClinicCnpj?: Resolver<Maybe<ResolversTypes['Clinic']>, ParentType, ContextType, RequireFields<MutationCheckClinicCnpjArgs, 'id'>>;
  connectPracticeSystem?: Resolver<Maybe<ResolversTypes['PracticeConnection']>, ParentType, ContextType, RequireFields<MutationConnectPracticeSystemArgs, 'clinicId' | 'credentials' | 'kind'>>;
  createApiKey?: Resolver<Maybe<ResolversTypes['CreatedApiKey']>, ParentType, ContextType, RequireFields<MutationCreateApiKeyArgs, 'clinicId' | 'name' | 'scopes'>>;
  createProcedure?: Resolver<Maybe<ResolversTypes['Procedure']>, ParentType, ContextType, RequireFields<MutationCreateProcedureArgs, 'clinicId' | 'input'>>;
  disconnectPracticeSystem?: Resolver<Maybe<ResolversTypes['PracticeConnection']>, ParentType, ContextType, RequireFields<MutationDisconnectPracticeSystemArgs, 'connectionId'>>;
  mapPracticeProcedure?: Resolver<Maybe<ResolversTypes['PracticeConnection']>, ParentType, ContextType, RequireFields<MutationMapPracticeProcedureArgs, 'code' | 'connectionId'>>;
  registerClinic?: Resolver<Maybe<ResolversTypes['Clinic']>, ParentType, ContextType, RequireFields<MutationRegisterClinicArgs, 'input'>>;
  removeClinicStaff?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType, RequireFields<MutationRemoveClinicStaffArgs, 'clinicId' | 'userId'>>;
  revokeApiKey?: Resolver<Maybe<ResolversTypes['ApiKey']>, ParentType, ContextType, RequireFields<MutationRevokeApiKeyArgs, 'id'>>;
  sendClinicAgreement?: Resolver<Maybe<ResolversTypes['Clinic']>, ParentType, ContextType, RequireFields<MutationSendClinicAgreementArgs, 'id'>>;
  setClinicPayoutAccount?: Resolver<Maybe<ResolversTypes['Clinic']>, ParentType, ContextType, RequireFields<MutationSetClinicPayoutAccountArgs, 'clinicId' | 'method'>>;
  setClinicStatus?: Resolver<Maybe<ResolversTypes['Clinic']>, ParentType, ContextType, RequireFields<MutationSetClinicStatusArgs, 'id' | 'status'>>;
  setPracticeSync?: Resolver<Maybe<ResolversTypes['PracticeConnection']>, ParentType, ContextType, RequireFields<MutationSetPracticeSyncArgs, 'connectionId' | 'syncAppointments' | 'writeBack'>>;
  syncPracticeSystem?: Resolver<Maybe<ResolversTypes['PracticeConnection']>, ParentType, ContextType, RequireFields<MutationSyncPracticeSystemArgs, 'connectionId'>>;
  updateProcedure?: Resolver<Maybe<ResolversTypes['Procedure']>, ParentType, ContextType, RequireFields<MutationUpdateProcedureArgs, 'id' | 'input'>>;
}>;

export type PageInfoResolvers<ContextType = ProvidersContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PersonalDataResolvers<ContextType = ProvidersContext, ParentType extends ResolversParentTypes['PersonalData'] = ResolversParentTypes['PersonalData'], FederationReferenceType extends FederationReferenceTypes['PersonalData'] = FederationReferenceTypes['PersonalData']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['PersonalData']> | FederationReferenceType, FederationReferenceType, ContextType>;
  clinicMemberships?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  soleAdminOf?: Resolver<Maybe<Array<ResolversTypes['Clinic']>>, ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type PracticeAppointmentResolvers<ContextType = ProvidersContext, ParentType extends ResolversParentTypes['PracticeAppointment'] = ResolversParentTypes['PracticeAppointment']> = ResolversObject<{
  externalId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  patientName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  paymentLinkToken?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  procedure?: Resolver<Maybe<ResolversTypes['Procedure']>, ParentType, ContextType>;
  startsAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  writtenBackStatus?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PracticeConnectionResolvers<ContextType = ProvidersContext, ParentType extends ResolversParentTypes['PracticeConnection'] = ResolversParentTypes['PracticeConnection']> = ResolversObject<{
  accountName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  appointments?: Resolver<Array<ResolversTypes['PracticeAppointment']>, ParentType, ContextType, RequireFields<PracticeConnectionAppointmentsArgs, 'first'>>;
  connectedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['PracticeSystemKind'], ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastSyncedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  procedures?: Resolver<Array<ResolversTypes['PracticeProcedure']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PracticeConnectionStatus'], ParentType, ContextType>;
  syncAppointments?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  syncLog?: Resolver<Array<ResolversTypes['PracticeSyncRun']>, ParentType, ContextType, RequireFields<PracticeConnectionSyncLogArgs, 'first'>>;
  writeBack?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PracticeProcedureResolvers<ContextType = ProvidersContext, ParentType extends ResolversParentTypes['PracticeProcedure'] = ResolversParentTypes['PracticeProcedure']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  priceCentavos?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  procedure?: Resolver<Maybe<ResolversTypes['Procedure']>, ParentType, ContextType>;
}>;

export type PracticeSyncRunResolvers<ContextType = ProvidersContext, ParentType extends ResolversParentTypes['PracticeSyncRun'] = ResolversParentTypes['PracticeSyncRun']> = ResolversObject<{
  errors?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  imported?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  linked?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  writtenBack?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ProcedureResolvers<ContextType = ProvidersContext, ParentType extends ResolversParentTypes['Procedure'] = ResolversParentTypes['Procedure'], FederationReferenceType extends FederationReferenceTypes['Procedure'] = FederationReferenceTypes['Procedure']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Procedure']> | FederationReferenceType, FederationReferenceType, ContextType>;
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  category?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  clinic?: Resolver<ResolversTypes['Clinic'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  durationMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  interestFreeInstallments?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  priceCentavos?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ProcedureConnectionResolvers<ContextType = ProvidersContext, ParentType extends ResolversParentTypes['ProcedureConnection'] = ResolversParentTypes['ProcedureConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ProcedureEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type ProcedureEdgeResolvers<ContextType = ProvidersContext, ParentType extends ResolversParentTypes['ProcedureEdge'] = ResolversParentTypes['ProcedureEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Procedure'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = ProvidersContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  banks?: Resolver<Array<ResolversTypes['Bank']>, ParentType, ContextType>;
  clinic?: Resolver<Maybe<ResolversTypes['Clinic']>, ParentType, ContextType, RequireFields<QueryClinicArgs, 'id'>>;
  clinics?: Resolver<ResolversTypes['ClinicConnection'], ParentType, ContextType, RequireFields<QueryClinicsArgs, 'first'>>;
  procedure?: Resolver<Maybe<ResolversTypes['Procedure']>, ParentType, ContextType, RequireFields<QueryProcedureArgs, 'id'>>;
  procedures?: Resolver<ResolversTypes['ProcedureConnection'], ParentType, ContextType, RequireFields<QueryProceduresArgs, 'first'>>;
}>;

export type UserResolvers<ContextType = ProvidersContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  clinics?: Resolver<Maybe<Array<ResolversTypes['ClinicMembership']>>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = ProvidersContext> = ResolversObject<{
  Address?: AddressResolvers<ContextType>;
  ApiKey?: ApiKeyResolvers<ContextType>;
  Bank?: BankResolvers<ContextType>;
  BankAccount?: BankAccountResolvers<ContextType>;
  Clinic?: ClinicResolvers<ContextType>;
  ClinicAgreement?: ClinicAgreementResolvers<ContextType>;
  ClinicConnection?: ClinicConnectionResolvers<ContextType>;
  ClinicEdge?: ClinicEdgeResolvers<ContextType>;
  ClinicMember?: ClinicMemberResolvers<ContextType>;
  ClinicMembership?: ClinicMembershipResolvers<ContextType>;
  ClinicPayoutAccount?: ClinicPayoutAccountResolvers<ContextType>;
  CnpjRegistration?: CnpjRegistrationResolvers<ContextType>;
  CreatedApiKey?: CreatedApiKeyResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PersonalData?: PersonalDataResolvers<ContextType>;
  PracticeAppointment?: PracticeAppointmentResolvers<ContextType>;
  PracticeConnection?: PracticeConnectionResolvers<ContextType>;
  PracticeProcedure?: PracticeProcedureResolvers<ContextType>;
  PracticeSyncRun?: PracticeSyncRunResolvers<ContextType>;
  Procedure?: ProcedureResolvers<ContextType>;
  ProcedureConnection?: ProcedureConnectionResolvers<ContextType>;
  ProcedureEdge?: ProcedureEdgeResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = ProvidersContext> = ResolversObject<{
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
}>;

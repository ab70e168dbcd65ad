import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { PaymentMapper, InstallmentMapper, PaymentStatusChangeMapper, PaymentEventMapper, StatementEntryMapper, PixInstructionsMapper, BoletoInstructionsMapper, CardResultMapper, PaymentConnectionMapper, CrediarioPayoffMapper, CrediarioPayoffQuoteMapper, CrediarioContractMapper, PaymentLinkMapper, PaymentLinkViewMapper, EntityReferenceMapper } from '../resolvers/mappers.js';
import type { PaymentsContext } from '../resolvers/context.js';
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

export type BoletoInstructions = {
  __typename?: 'BoletoInstructions';
  /** 44 digits, for the barcode (Interleaved 2 of 5) */
  barcode: Scalars['String']['output'];
  /** YYYY-MM-DD */
  dueDate: Scalars['String']['output'];
  /** linha digitável (47 digits) */
  line: Scalars['String']['output'];
};

export type CancelCrediarioInput = {
  idempotencyKey: Scalars['String']['input'];
  paymentId: Scalars['ID']['input'];
  /** why the patient gives up the contract (3 to 200 characters kept) */
  reason: Scalars['String']['input'];
};

export type CardResult = {
  __typename?: 'CardResult';
  approved: Scalars['Boolean']['output'];
  brand: Scalars['String']['output'];
  declineReason?: Maybe<Scalars['String']['output']>;
  last4: Scalars['String']['output'];
};

export type CheckoutInput = {
  /** crediário: contractTermsHash of the plan the patient read and accepted */
  acceptedContractTermsHash?: InputMaybe<Scalars['String']['input']>;
  /** from the gateway's card tokenization in the browser */
  cardToken?: InputMaybe<Scalars['String']['input']>;
  /** crediário: day of the month for the installments (1–28) */
  firstDueDay?: InputMaybe<Scalars['Int']['input']>;
  /** the same key retried returns the same payment (8–100 characters) */
  idempotencyKey: Scalars['String']['input'];
  /** crediário: the patient's monthly income band, declared for the credit decision */
  incomeBand?: InputMaybe<IncomeBand>;
  method: PaymentMethod;
  /** paying through a clinic's payment link: its token (the procedure must be the link's) */
  paymentLinkToken?: InputMaybe<Scalars['String']['input']>;
  /** a PaymentPlan id from paymentPlans */
  planId: Scalars['ID']['input'];
  procedureId: Scalars['ID']['input'];
};

export type Clinic = {
  __typename?: 'Clinic';
  balance?: Maybe<ClinicBalance>;
  id: Scalars['ID']['output'];
  /** The statement of a closed month (YYYY-MM) as a PDF, issued the first time it is asked for; the clinic's staff, partner systems and platform admins. */
  monthlyStatement?: Maybe<DocumentFile>;
  /** The clinic's payment links, newest first (the clinic's staff, partner systems and platform admins). */
  paymentLinks?: Maybe<Array<PaymentLink>>;
  /** the clinic's staff, partner systems and platform admins; newest first */
  payments?: Maybe<PaymentConnection>;
  /**
   * Money over time for a chart, per day or week (dates YYYY-MM-DD in America/Sao_Paulo, at most 366
   * days): released to the clinic, paid out, and what escrow is expected to release.
   */
  receivables?: Maybe<Array<ReceivablesPoint>>;
  /**
   * The clinic's movements from the ledger over a period (dates YYYY-MM-DD in America/Sao_Paulo, both
   * inclusive, at most 366 days): escrow in, release (with the split's fees), payouts, refunds, with
   * the running balances of escrow and available. The clinic's staff, partner systems and platform admins.
   */
  statement?: Maybe<ClinicStatement>;
};


export type ClinicMonthlyStatementArgs = {
  month: Scalars['String']['input'];
};


export type ClinicPaymentLinksArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<PaymentLinkStatus>;
};


export type ClinicPaymentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ClinicPaymentFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<PaymentStatus>;
};


export type ClinicReceivablesArgs = {
  from: Scalars['String']['input'];
  interval?: InputMaybe<ReceivablesInterval>;
  to: Scalars['String']['input'];
};


export type ClinicStatementArgs = {
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
};

export type ClinicBalance = {
  __typename?: 'ClinicBalance';
  /** released and not yet paid out */
  availableCentavos: Scalars['Int']['output'];
  inEscrowCentavos: Scalars['Int']['output'];
  paidOutCentavos: Scalars['Int']['output'];
  payoutsInTransitCentavos: Scalars['Int']['output'];
};

/** Filters of a clinic's payments; dates are YYYY-MM-DD in America/Sao_Paulo, both inclusive. */
export type ClinicPaymentFilter = {
  /** created on or after this day */
  from?: InputMaybe<Scalars['String']['input']>;
  method?: InputMaybe<PaymentMethod>;
  /**
   * A payment id, a whole CPF (matched through the users service's blind index) or a fragment of the
   * payer's name (3 characters or more), among the clinic's own payers.
   */
  patient?: InputMaybe<Scalars['String']['input']>;
  /** any of these statuses */
  statuses?: InputMaybe<Array<PaymentStatus>>;
  /** created on or before this day */
  to?: InputMaybe<Scalars['String']['input']>;
};

export type ClinicStatement = {
  __typename?: 'ClinicStatement';
  closingAvailableCentavos: Scalars['Int']['output'];
  closingEscrowCentavos: Scalars['Int']['output'];
  /** oldest first */
  entries: Array<StatementEntry>;
  from: Scalars['String']['output'];
  openingAvailableCentavos: Scalars['Int']['output'];
  openingEscrowCentavos: Scalars['Int']['output'];
  /** payouts requested in the period (Σ of PAYOUT minus PAYOUT_RETURNED), positive */
  payoutsCentavos: Scalars['Int']['output'];
  /** of which the bank confirmed */
  payoutsConfirmedCentavos: Scalars['Int']['output'];
  to: Scalars['String']['output'];
};

export type CreatePaymentLinkInput = {
  clinicId: Scalars['ID']['input'];
  /** ISO 8601, from 1 hour to 90 days ahead */
  expiresAt: Scalars['String']['input'];
  patient: PaymentLinkPatientInput;
  procedureId: Scalars['ID']['input'];
};

export type CrediarioContract = {
  __typename?: 'CrediarioContract';
  /** the contract as issued, with the CET, IOF, rate and schedule */
  document?: Maybe<DocumentFile>;
  /** until when the patient may sign (ISO 8601) */
  expiresAt: Scalars['String']['output'];
  signedAt?: Maybe<Scalars['String']['output']>;
  /** the signed copy, once signed */
  signedDocument?: Maybe<DocumentFile>;
  /** the patient's own signing page, while it may be signed (the payer only) */
  signingUrl?: Maybe<Scalars['String']['output']>;
  status: SignatureStatus;
};

/** A PIX that settles installments early, at the quote of the day it was made. */
export type CrediarioPayoff = {
  __typename?: 'CrediarioPayoff';
  installmentNumbers: Array<Scalars['Int']['output']>;
  /** null once paid, cancelled or expired */
  pix?: Maybe<PixInstructions>;
  totalCentavos: Scalars['Int']['output'];
};

/** Early settlement of a crediário (CDC art. 52 §2) on a day: the interest not yet accrued is removed pro rata die. */
export type CrediarioPayoffQuote = {
  __typename?: 'CrediarioPayoffQuote';
  date: Scalars['String']['output'];
  /** the interest not yet accrued that settling now removes */
  discountCentavos: Scalars['Int']['output'];
  installments: Array<PayoffInstallment>;
  totalCentavos: Scalars['Int']['output'];
};

/**
 * Whether MedPay finances a procedure for the patient in crediário: the largest amount and, at it, the
 * longest term approved, and the reasons when refused or limited. Never a score.
 */
export type CreditOffer = {
  __typename?: 'CreditOffer';
  approved: Scalars['Boolean']['output'];
  /** the most MedPay finances of the procedure's price (centavos; the financed IOF comes on top); 0 when refused */
  maxAmountCentavos: Scalars['Int']['output'];
  /** the longest term approved at that amount; 0 when refused */
  maxInstallments: Scalars['Int']['output'];
  reasons: Array<CreditReason>;
};

/** Why credit was refused or limited: a stable code and its text in Portuguese. */
export type CreditReason = {
  __typename?: 'CreditReason';
  code: Scalars['String']['output'];
  text: Scalars['String']['output'];
};

export type DisputeOutcome =
  | 'CLINIC'
  | 'PATIENT';

/** A PDF the platform issued: a link to download it that works for a few minutes (ask again for another). */
export type DocumentFile = {
  __typename?: 'DocumentFile';
  filename: Scalars['String']['output'];
  issuedAt: Scalars['String']['output'];
  kind: DocumentKind;
  /** SHA-256 of the file, hex: recompute it on the download to check it is the document issued */
  sha256: Scalars['String']['output'];
  url: Scalars['String']['output'];
  urlExpiresAt: Scalars['String']['output'];
};

export type DocumentKind =
  | 'CONTRACT'
  | 'RECEIPT'
  | 'SIGNED_CONTRACT'
  | 'STATEMENT';

/** Where the clinic's money stands. */
export type EscrowState =
  /** received and held until the procedure is confirmed */
  | 'HELD'
  /** nothing received yet */
  | 'NONE'
  | 'PAID_OUT'
  /** released to the clinic, payout on its way */
  | 'RELEASED'
  /** given back to the patient */
  | 'RETURNED';

export type FraudAssessment = {
  __typename?: 'FraudAssessment';
  assessedAt: Scalars['String']['output'];
  decision: FraudDecision;
  features: Array<FraudFeature>;
  /** the model file the score came from (rules: none) */
  modelVersion: Scalars['String']['output'];
  reasons: Array<FraudReason>;
  /** the back office's decision on a REVIEW */
  review?: Maybe<FraudReview>;
  /** 0–1000; null when the AI service did not answer and checkout went on by its rules */
  score?: Maybe<Scalars['Int']['output']>;
  /** MODEL, or RULES when checkout decided by its own rules (the AI service down or late, or the screen switched off) */
  source: Scalars['String']['output'];
};

export type FraudDecision =
  | 'APPROVE'
  | 'DECLINE'
  | 'REVIEW';

/** One input of the anti-fraud model, as the checkout was scored. */
export type FraudFeature = {
  __typename?: 'FraudFeature';
  name: Scalars['String']['output'];
  value: Scalars['Float']['output'];
};

/** One reason behind an anti-fraud decision: a stable code and its text in Portuguese. */
export type FraudReason = {
  __typename?: 'FraudReason';
  code: Scalars['String']['output'];
  text: Scalars['String']['output'];
};

export type FraudReview = {
  __typename?: 'FraudReview';
  decidedAt: Scalars['String']['output'];
  decision: FraudReviewDecision;
  note?: Maybe<Scalars['String']['output']>;
};

export type FraudReviewDecision =
  | 'APPROVE'
  | 'DECLINE';

/** A monthly income band, in minimum wages (salários mínimos). */
export type IncomeBand =
  | 'ACIMA_10_SM'
  | 'ATE_2_SM'
  | 'DE_2_A_4_SM'
  | 'DE_4_A_10_SM';

export type Installment = {
  __typename?: 'Installment';
  amountCentavos: Scalars['Int']['output'];
  boleto?: Maybe<BoletoInstructions>;
  dueDate: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** multa (2 %) plus juros de mora (1 % a.m. pro rata die) when overdue, as of today */
  lateChargesCentavos: Scalars['Int']['output'];
  number: Scalars['Int']['output'];
  payment: Payment;
  pix?: Maybe<PixInstructions>;
  status: InstallmentStatus;
};

export type InstallmentStatus =
  | 'ISSUED'
  | 'OVERDUE'
  | 'PAID'
  | 'SCHEDULED';

export type LedgerEntry = {
  __typename?: 'LedgerEntry';
  account: Scalars['String']['output'];
  amountCentavos: Scalars['Int']['output'];
  at: Scalars['String']['output'];
  description: Scalars['String']['output'];
  direction: Scalars['String']['output'];
  transactionId: Scalars['String']['output'];
};

export type LedgerHealth = {
  __typename?: 'LedgerHealth';
  /** Σ debits = Σ credits, each transaction balanced, each balance equal to its entries */
  balanced: Scalars['Boolean']['output'];
  creditsCentavos: Scalars['Float']['output'];
  debitsCentavos: Scalars['Float']['output'];
  discrepancies: Array<Scalars['String']['output']>;
  /** cash at the gateway as our books have it (below zero when chargebacks overdrew the account), and as the gateway's charges and transfers add up */
  gatewayCashCentavos: Scalars['Float']['output'];
};

export type MoneyInFlight = {
  __typename?: 'MoneyInFlight';
  paymentId: Scalars['ID']['output'];
  reason: MoneyInFlightReason;
};

export type MoneyInFlightReason =
  /** a PIX or boleto not yet paid nor expired */
  | 'AWAITING_PAYMENT'
  | 'DISPUTE_OPEN'
  /** paid and held in escrow until the clinic confirms the procedure */
  | 'ESCROW_HELD'
  /** crediário installments still to pay */
  | 'INSTALLMENTS_OPEN'
  | 'REFUND_IN_PROGRESS';

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Cancels a crediário before the clinic confirms the procedure (its payer, or a platform admin). Within 7
   * days of signing (CDC art. 49) everything paid comes back, interest included; after that, what was paid
   * less the interest of the installments already paid. Before the first installment is paid it just ends.
   */
  cancelCrediario?: Maybe<Payment>;
  /** Cancels a link not used yet; once used, PAYMENT_LINK_USED. */
  cancelPaymentLink?: Maybe<PaymentLink>;
  checkout?: Maybe<Payment>;
  /** The clinic confirms the procedure was performed: escrow is released and the payout starts. */
  confirmProcedurePerformed?: Maybe<Payment>;
  /** A link for a patient to pay one of the clinic's procedures (the clinic's staff, and partner systems with PAYMENT_LINKS_WRITE). */
  createPaymentLink?: Maybe<PaymentLink>;
  /** decides a checkout held for anti-fraud review, once: APPROVE issues its charge, DECLINE declines it (platform admins; note up to 500 characters) */
  decideFraudReview?: Maybe<Payment>;
  openDispute?: Maybe<Payment>;
  /** The patient pays a crediário installment now, by PIX: an overdue one with its late charges. */
  payInstallment?: Maybe<Installment>;
  /** A PIX that settles the next open installments (or all) early, for less: the interest not yet accrued removed (the payer only). */
  payOffCrediario?: Maybe<CrediarioPayoff>;
  /** pays a card payment the back office approved after review with the card presented again (the payer only) */
  payWithCard?: Maybe<Payment>;
  refundPayment?: Maybe<Payment>;
  resolveDispute?: Maybe<Payment>;
};


export type MutationCancelCrediarioArgs = {
  input: CancelCrediarioInput;
};


export type MutationCancelPaymentLinkArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCheckoutArgs = {
  input: CheckoutInput;
};


export type MutationConfirmProcedurePerformedArgs = {
  paymentId: Scalars['ID']['input'];
};


export type MutationCreatePaymentLinkArgs = {
  input: CreatePaymentLinkInput;
};


export type MutationDecideFraudReviewArgs = {
  decision: FraudReviewDecision;
  note?: InputMaybe<Scalars['String']['input']>;
  paymentId: Scalars['ID']['input'];
};


export type MutationOpenDisputeArgs = {
  paymentId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationPayInstallmentArgs = {
  installmentId: Scalars['ID']['input'];
};


export type MutationPayOffCrediarioArgs = {
  input: PayOffCrediarioInput;
};


export type MutationPayWithCardArgs = {
  cardToken: Scalars['String']['input'];
  paymentId: Scalars['ID']['input'];
};


export type MutationRefundPaymentArgs = {
  input: RefundInput;
};


export type MutationResolveDisputeArgs = {
  inFavorOf: DisputeOutcome;
  paymentId: Scalars['ID']['input'];
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type PayOffCrediarioInput = {
  idempotencyKey: Scalars['String']['input'];
  /** how many of the next open installments, in due order; all when omitted */
  installments?: InputMaybe<Scalars['Int']['input']>;
  paymentId: Scalars['ID']['input'];
};

export type Payment = {
  __typename?: 'Payment';
  amounts?: Maybe<PaymentAmounts>;
  boleto?: Maybe<BoletoInstructions>;
  card?: Maybe<CardResult>;
  cetAnnualRate?: Maybe<Scalars['Float']['output']>;
  clinic?: Maybe<Clinic>;
  /** crediário: the contract and its digital signature; the payer and platform admins */
  contract?: Maybe<CrediarioContract>;
  createdAt?: Maybe<Scalars['String']['output']>;
  disputeReason?: Maybe<Scalars['String']['output']>;
  escrowReleaseDueAt?: Maybe<Scalars['String']['output']>;
  escrowState?: Maybe<EscrowState>;
  /** the anti-fraud assessment the checkout was decided by; platform admins only (patients and clinics never see scores) */
  fraudAssessment?: Maybe<FraudAssessment>;
  history?: Maybe<Array<PaymentStatusChange>>;
  /** why the payment waits before it can be paid (FRAUD_REVIEW: em análise); null when it does not */
  hold?: Maybe<PaymentHold>;
  id: Scalars['ID']['output'];
  installmentCount?: Maybe<Scalars['Int']['output']>;
  installments?: Maybe<Array<Installment>>;
  iofCentavos?: Maybe<Scalars['Int']['output']>;
  /** the ledger transactions of this payment; platform admins only */
  ledgerEntries?: Maybe<Array<LedgerEntry>>;
  method?: Maybe<PaymentMethod>;
  monthlyInterestRate?: Maybe<Scalars['Float']['output']>;
  payer?: Maybe<User>;
  /** what the patient needs to pay now */
  pix?: Maybe<PixInstructions>;
  planKind?: Maybe<PlanKind>;
  procedure?: Maybe<Procedure>;
  /** the receipts (comprovantes) of what was paid, one per paid charge (each crediário installment), oldest first; the payer, the clinic and platform admins */
  receipts?: Maybe<Array<DocumentFile>>;
  status?: Maybe<PaymentStatus>;
};

export type PaymentAmounts = {
  __typename?: 'PaymentAmounts';
  clinicNetCentavos: Scalars['Int']['output'];
  /** the procedure's price, the basis of the split */
  grossCentavos: Scalars['Int']['output'];
  /** what the patient pays in all (interest and IOF included) */
  patientTotalCentavos: Scalars['Int']['output'];
  platformFeeCentavos: Scalars['Int']['output'];
  processingCostCentavos: Scalars['Int']['output'];
  refundedCentavos: Scalars['Int']['output'];
};

export type PaymentConnection = {
  __typename?: 'PaymentConnection';
  edges: Array<PaymentEdge>;
  pageInfo: PageInfo;
  /** how many payments match, across all pages */
  totalCount: Scalars['Int']['output'];
};

export type PaymentEdge = {
  __typename?: 'PaymentEdge';
  cursor: Scalars['String']['output'];
  node: Payment;
};

/** A change to a payment, as the live subscriptions deliver it. */
export type PaymentEvent = {
  __typename?: 'PaymentEvent';
  /** when the change was committed (ISO 8601) */
  at: Scalars['String']['output'];
  escrowState: EscrowState;
  /** the status before the change (null when the payment was created) */
  from?: Maybe<PaymentStatus>;
  /** the outbox event's id: the same change always arrives under the same id */
  id: Scalars['ID']['output'];
  payment: Payment;
  reason: Scalars['String']['output'];
  /** the payment's status after the change */
  status: PaymentStatus;
  /** what happened, e.g. payment.status_changed */
  type: Scalars['String']['output'];
};

export type PaymentHold =
  /** the back office reviews the checkout before its charge is issued (em análise) */
  | 'FRAUD_REVIEW';

/** A link a clinic (or its system) sends a patient to pay one procedure: single use, until it expires or is canceled. */
export type PaymentLink = {
  __typename?: 'PaymentLink';
  clinic: Clinic;
  createdAt: Scalars['String']['output'];
  /** ISO 8601 */
  expiresAt: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  patientEmail: Scalars['String']['output'];
  patientName: Scalars['String']['output'];
  patientPhone?: Maybe<Scalars['String']['output']>;
  /** the payment made through it, once used */
  payment?: Maybe<Payment>;
  procedure: Procedure;
  /** where it came from: an appointment in the clinic's system (NINSAUDE:…, HELENA:…), or null when made by hand */
  source?: Maybe<Scalars['String']['output']>;
  status: PaymentLinkStatus;
  /** short and unguessable: whoever has it may open the checkout */
  token: Scalars['String']['output'];
  /** the patient app's page of the link */
  url: Scalars['String']['output'];
};

export type PaymentLinkPatientInput = {
  /** when given, only the patient with this CPF may pay through the link */
  cpf?: InputMaybe<Scalars['String']['input']>;
  email: Scalars['String']['input'];
  name: Scalars['String']['input'];
  phone?: InputMaybe<Scalars['String']['input']>;
};

export type PaymentLinkStatus =
  | 'ACTIVE'
  | 'CANCELED'
  | 'EXPIRED'
  /** paid through (one payment per link) */
  | 'USED';

/** What opening a link shows (whoever has its token): what to pay, and to whom. */
export type PaymentLinkView = {
  __typename?: 'PaymentLinkView';
  clinic: Clinic;
  expiresAt: Scalars['String']['output'];
  /** for the greeting: the first name the clinic gave */
  patientFirstName: Scalars['String']['output'];
  procedure: Procedure;
  status: PaymentLinkStatus;
  token: Scalars['String']['output'];
};

export type PaymentMethod =
  | 'BOLETO'
  | 'CARD'
  | 'PIX';

export type PaymentMethodCount = {
  __typename?: 'PaymentMethodCount';
  count: Scalars['Int']['output'];
  grossCentavos: Scalars['Float']['output'];
  method: PaymentMethod;
};

/** A way to pay for a procedure, as simulated today. Amounts in centavos; rates as decimals (0.0249 = 2,49 %). */
export type PaymentPlan = {
  __typename?: 'PaymentPlan';
  /** Custo Efetivo Total, a.a.: the IRR of the release and the installments on their real dates, over a 365-day year (Resolução CMN 4.881) */
  cetAnnualRate: Scalars['Float']['output'];
  cetMonthlyRate: Scalars['Float']['output'];
  /** Crediário: the exact contract text to show before acceptance, and its hash to send back to checkout. */
  contractTerms?: Maybe<Scalars['String']['output']>;
  contractTermsHash?: Maybe<Scalars['String']['output']>;
  /** YYYY-MM-DD: when the first (or only) payment falls due; for crediário, the chosen day at least 8 days after today, its interest counted for those days (pro rata die) */
  firstDueDate: Scalars['String']['output'];
  firstInstallmentCentavos: Scalars['Int']['output'];
  /** PIX, BOLETO, CARD:<n> or CREDIARIO:<n>: pass it to checkout */
  id: Scalars['ID']['output'];
  installmentCentavos: Scalars['Int']['output'];
  installmentCount: Scalars['Int']['output'];
  interestFree: Scalars['Boolean']['output'];
  iofCentavos: Scalars['Int']['output'];
  kind: PlanKind;
  methods: Array<PaymentMethod>;
  monthlyInterestRate: Scalars['Float']['output'];
  schedule: Array<ScheduledInstallment>;
  totalCentavos: Scalars['Int']['output'];
};

/** A platform-wide payment search for admins (a payer's CPF: users(filter: {search}) then User.payments). */
export type PaymentSearch = {
  clinicId?: InputMaybe<Scalars['ID']['input']>;
  /** created on or after this day (YYYY-MM-DD, America/Sao_Paulo) */
  from?: InputMaybe<Scalars['String']['input']>;
  /** the whole payment id */
  id?: InputMaybe<Scalars['ID']['input']>;
  method?: InputMaybe<PaymentMethod>;
  payerId?: InputMaybe<Scalars['ID']['input']>;
  statuses?: InputMaybe<Array<PaymentStatus>>;
  /** created on or before this day */
  to?: InputMaybe<Scalars['String']['input']>;
};

export type PaymentStatus =
  | 'AWAITING_PAYMENT'
  /** crediário: the contract waits for the patient's digital signature (48 h) before any charge */
  | 'AWAITING_SIGNATURE'
  | 'CANCELED'
  /** the cardholder's bank took the money back (chargeback); final */
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

export type PaymentStatusChange = {
  __typename?: 'PaymentStatusChange';
  at: Scalars['String']['output'];
  from?: Maybe<PaymentStatus>;
  reason: Scalars['String']['output'];
  to: PaymentStatus;
};

export type PaymentStatusCount = {
  __typename?: 'PaymentStatusCount';
  count: Scalars['Int']['output'];
  /** Σ of the procedures' prices (centavos) */
  grossCentavos: Scalars['Float']['output'];
  status: PaymentStatus;
};

export type PayoffInstallment = {
  __typename?: 'PayoffInstallment';
  /** as scheduled */
  amountCentavos: Scalars['Int']['output'];
  dueDate: Scalars['String']['output'];
  number: Scalars['Int']['output'];
  /** what settling it costs on the quote's day: discounted when early, with late charges when overdue */
  payoffCentavos: Scalars['Int']['output'];
};

export type PersonalData = {
  __typename?: 'PersonalData';
  /** What keeps the person from deleting their account: money of theirs still moving. */
  moneyInFlight?: Maybe<Array<MoneyInFlight>>;
  /** Every payment the person made: charges, installments, status history, refunds; procedure names and contract terms in clear. */
  payments?: Maybe<Scalars['JSON']['output']>;
  userId: Scalars['ID']['output'];
};

export type PixInstructions = {
  __typename?: 'PixInstructions';
  /** BR Code to paste in a bank app */
  copiaECola: Scalars['String']['output'];
  expiresAt: Scalars['String']['output'];
  /** the same payload, for the app to draw the QR code */
  qrCodePayload: Scalars['String']['output'];
};

export type PlanKind =
  | 'A_VISTA'
  | 'CARD_INSTALLMENTS'
  | 'CREDIARIO';

/** What a clinic would receive for a price, per way of paying, before it saves a procedure. */
export type PlanNet = {
  __typename?: 'PlanNet';
  clinicNetCentavos: Scalars['Int']['output'];
  grossCentavos: Scalars['Int']['output'];
  /** CREDIARIO: the most installments offered */
  installmentCount: Scalars['Int']['output'];
  /** card: the clinic absorbs the installments (sem juros) */
  interestFree: Scalars['Boolean']['output'];
  kind: PlanKind;
  /** what the patient pays in all (crediário: the price; its interest and IOF are MedPay's credit, not the clinic's) */
  patientTotalCentavos: Scalars['Int']['output'];
  /** PIX, BOLETO, CARD:<n> or CREDIARIO (the same split for any number of installments) */
  planId: Scalars['ID']['output'];
  platformFeeCentavos: Scalars['Int']['output'];
  processingCostCentavos: Scalars['Int']['output'];
};

/** Platform figures from the payments data (centavos as Float: sums may pass 2³¹). */
export type PlatformFigures = {
  __typename?: 'PlatformFigures';
  byMethod: Array<PaymentMethodCount>;
  byStatus: Array<PaymentStatusCount>;
  /** now: released to clinics and not yet paid out */
  clinicsAvailableCentavos: Scalars['Float']['output'];
  /** now: money held in escrow across all clinics */
  escrowHeldCentavos: Scalars['Float']['output'];
  from: Scalars['String']['output'];
  paidCount: Scalars['Int']['output'];
  /** payments created in the period */
  paymentCount: Scalars['Int']['output'];
  /** now: the platform's fee revenue in the books */
  platformRevenueCentavos: Scalars['Float']['output'];
  refundedCentavos: Scalars['Float']['output'];
  to: Scalars['String']['output'];
  /** Σ of the prices of payments created in the period that were paid (whatever happened next) */
  volumeCentavos: Scalars['Float']['output'];
};

export type Procedure = {
  __typename?: 'Procedure';
  id: Scalars['ID']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** What settling a crediário's next open installments (or all) costs on a day, today when omitted (its payer and platform admins). */
  crediarioPayoffQuote?: Maybe<CrediarioPayoffQuote>;
  /** the caller's crediário offer for a procedure, given the monthly income band they declare */
  creditOffer?: Maybe<CreditOffer>;
  /** checkouts held for the back office's anti-fraud review, newest first (platform admins) */
  fraudReviewQueue?: Maybe<PaymentConnection>;
  /** The books' health: platform admins only. */
  ledgerHealth?: Maybe<LedgerHealth>;
  /** The logged-in patient's crediário installments. */
  myInstallments?: Maybe<Array<Installment>>;
  /** The logged-in patient's payments, newest first. */
  myPayments?: Maybe<PaymentConnection>;
  /** A payment; its payer, its clinic's staff and platform admins only. */
  payment?: Maybe<Payment>;
  /** A payment link as whoever opens it sees it (the token is the key): null when there is no such link. */
  paymentLink?: Maybe<PaymentLinkView>;
  /** Every plan for a procedure today; anyone may simulate. */
  paymentPlans: Array<PaymentPlan>;
  /** Payments across the platform, newest first: platform admins only. */
  payments?: Maybe<PaymentConnection>;
  /** The split of a price per way of paying, as a clinic would receive it (interest-free card installments: 1–12). */
  planNets?: Maybe<Array<PlanNet>>;
  /** Volume, counts and balances over a period (YYYY-MM-DD, America/Sao_Paulo; default: the last 30 days): platform admins only. */
  platformFigures?: Maybe<PlatformFigures>;
};


export type QueryCrediarioPayoffQuoteArgs = {
  date?: InputMaybe<Scalars['String']['input']>;
  installments?: InputMaybe<Scalars['Int']['input']>;
  paymentId: Scalars['ID']['input'];
};


export type QueryCreditOfferArgs = {
  incomeBand: IncomeBand;
  procedureId: Scalars['ID']['input'];
};


export type QueryFraudReviewQueueArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryMyPaymentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPaymentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPaymentLinkArgs = {
  token: Scalars['String']['input'];
};


export type QueryPaymentPlansArgs = {
  firstDueDay?: InputMaybe<Scalars['Int']['input']>;
  procedureId: Scalars['ID']['input'];
};


export type QueryPaymentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PaymentSearch>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPlanNetsArgs = {
  interestFreeInstallments: Scalars['Int']['input'];
  priceCentavos: Scalars['Int']['input'];
};


export type QueryPlatformFiguresArgs = {
  from?: InputMaybe<Scalars['String']['input']>;
  to?: InputMaybe<Scalars['String']['input']>;
};

export type ReceivablesInterval =
  | 'DAY'
  /** weeks start on Monday */
  | 'WEEK';

export type ReceivablesPoint = {
  __typename?: 'ReceivablesPoint';
  /** first day of the bucket (YYYY-MM-DD) */
  date: Scalars['String']['output'];
  /** the clinic's net share of payments in escrow whose automatic release falls in the bucket (overdue ones count today) */
  expectedCentavos: Scalars['Int']['output'];
  /** payouts the bank confirmed in the bucket */
  paidOutCentavos: Scalars['Int']['output'];
  /** the clinic's net share released in the bucket */
  releasedCentavos: Scalars['Int']['output'];
};

export type RefundInput = {
  amountCentavos: Scalars['Int']['input'];
  idempotencyKey: Scalars['String']['input'];
  paymentId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};

export type ScheduledInstallment = {
  __typename?: 'ScheduledInstallment';
  amountCentavos: Scalars['Int']['output'];
  /** YYYY-MM-DD */
  dueDate: Scalars['String']['output'];
  number: Scalars['Int']['output'];
};

/** A crediário contract's digital signature (ClickSign). */
export type SignatureStatus =
  | 'CANCELED'
  /** not signed in 48 hours: the payment expired */
  | 'EXPIRED'
  /** the envelope is being made */
  | 'PENDING'
  /** the patient refused to sign: the payment is canceled */
  | 'REFUSED'
  /** waiting for the patient's signature */
  | 'SENT'
  | 'SIGNED';

/** One movement of the clinic's money. Amounts in centavos; movements are signed (+ in, − out). */
export type StatementEntry = {
  __typename?: 'StatementEntry';
  at: Scalars['String']['output'];
  /** available after this movement */
  availableBalanceCentavos: Scalars['Int']['output'];
  /** change in the money released and not yet paid out */
  availableCentavos: Scalars['Int']['output'];
  description: Scalars['String']['output'];
  /** escrow after this movement */
  escrowBalanceCentavos: Scalars['Int']['output'];
  /** change in escrow */
  escrowCentavos: Scalars['Int']['output'];
  /** on RELEASE: platform fee plus processing cost kept from the escrow released */
  feesCentavos: Scalars['Int']['output'];
  /** the ledger transaction */
  id: Scalars['ID']['output'];
  kind: StatementEntryKind;
  payment?: Maybe<Payment>;
  /** PAYOUT and REFUND: where that transfer stands now at the bank */
  transferStatus?: Maybe<TransferStatus>;
};

export type StatementEntryKind =
  /** any other booking on the clinic's accounts */
  | 'ADJUSTMENT'
  /** money the cardholder's bank took back (chargeback): from escrow, or from available after release */
  | 'CHARGEBACK'
  /** a payment received and held in escrow */
  | 'ESCROW_IN'
  /** the clinic's available money sent to its account */
  | 'PAYOUT'
  /** a payout the bank refused: the money is back in available, to be sent again */
  | 'PAYOUT_RETURNED'
  /** money given back to the patient (from escrow, or from available after release) */
  | 'REFUND'
  /** a refund that failed: the money is back where it came from */
  | 'REFUND_RETURNED'
  /** escrow released to the clinic: its net share becomes available, fees go to the platform and gateway */
  | 'RELEASE';

/** Live payment status over graphql-ws (the router's /graphql): each event is sent once the change is committed. */
export type Subscription = {
  __typename?: 'Subscription';
  /** Changes to a clinic's payments; its staff, its partner systems and platform admins only. */
  clinicPaymentEvents: PaymentEvent;
  /** Changes to the logged-in patient's own payments. */
  myPaymentEvents: PaymentEvent;
  /** A payment's new state at each change; its payer, its clinic's staff and platform admins only. */
  paymentStatusChanged: Payment;
};


/** Live payment status over graphql-ws (the router's /graphql): each event is sent once the change is committed. */
export type SubscriptionClinicPaymentEventsArgs = {
  clinicId: Scalars['ID']['input'];
};


/** Live payment status over graphql-ws (the router's /graphql): each event is sent once the change is committed. */
export type SubscriptionPaymentStatusChangedArgs = {
  paymentId: Scalars['ID']['input'];
};

export type TransferStatus =
  | 'CONFIRMED'
  | 'FAILED'
  | 'PENDING'
  | 'REQUESTED';

export type User = {
  __typename?: 'User';
  id: Scalars['ID']['output'];
  /** the user's own payments; the user and platform admins */
  payments?: Maybe<PaymentConnection>;
};


export type UserPaymentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
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
  Payment: Payment;
  PersonalData: PersonalData;
  Procedure: Procedure;
  User: User;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Clinic:
    ( { __typename: 'Clinic' }
    & GraphQLRecursivePick<FederationTypes['Clinic'], {"id":true}> );
  Payment:
    ( { __typename: 'Payment' }
    & GraphQLRecursivePick<FederationTypes['Payment'], {"id":true}> );
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
  BoletoInstructions: ResolverTypeWrapper<BoletoInstructionsMapper>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  CancelCrediarioInput: CancelCrediarioInput;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  CardResult: ResolverTypeWrapper<CardResultMapper>;
  CheckoutInput: CheckoutInput;
  Clinic: ResolverTypeWrapper<EntityReferenceMapper>;
  ClinicBalance: ResolverTypeWrapper<ClinicBalance>;
  ClinicPaymentFilter: ClinicPaymentFilter;
  ClinicStatement: ResolverTypeWrapper<Omit<ClinicStatement, 'entries'> & { entries: Array<ResolversTypes['StatementEntry']> }>;
  CreatePaymentLinkInput: CreatePaymentLinkInput;
  CrediarioContract: ResolverTypeWrapper<CrediarioContractMapper>;
  CrediarioPayoff: ResolverTypeWrapper<CrediarioPayoffMapper>;
  CrediarioPayoffQuote: ResolverTypeWrapper<CrediarioPayoffQuoteMapper>;
  CreditOffer: ResolverTypeWrapper<CreditOffer>;
  CreditReason: ResolverTypeWrapper<CreditReason>;
  DisputeOutcome: DisputeOutcome;
  DocumentFile: ResolverTypeWrapper<DocumentFile>;
  DocumentKind: DocumentKind;
  EscrowState: EscrowState;
  FraudAssessment: ResolverTypeWrapper<FraudAssessment>;
  FraudDecision: FraudDecision;
  FraudFeature: ResolverTypeWrapper<FraudFeature>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  FraudReason: ResolverTypeWrapper<FraudReason>;
  FraudReview: ResolverTypeWrapper<FraudReview>;
  FraudReviewDecision: FraudReviewDecision;
  IncomeBand: IncomeBand;
  Installment: ResolverTypeWrapper<InstallmentMapper>;
  InstallmentStatus: InstallmentStatus;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  LedgerEntry: ResolverTypeWrapper<LedgerEntry>;
  LedgerHealth: ResolverTypeWrapper<LedgerHealth>;
  MoneyInFlight: ResolverTypeWrapper<MoneyInFlight>;
  MoneyInFlightReason: MoneyInFlightReason;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PayOffCrediarioInput: PayOffCrediarioInput;
  Payment: ResolverTypeWrapper<PaymentMapper>;
  PaymentAmounts: ResolverTypeWrapper<PaymentAmounts>;
  PaymentConnection: ResolverTypeWrapper<PaymentConnectionMapper>;
  PaymentEdge: ResolverTypeWrapper<Omit<PaymentEdge, 'node'> & { node: ResolversTypes['Payment'] }>;
  PaymentEvent: ResolverTypeWrapper<PaymentEventMapper>;
  PaymentHold: PaymentHold;
  PaymentLink: ResolverTypeWrapper<PaymentLinkMapper>;
  PaymentLinkPatientInput: PaymentLinkPatientInput;
  PaymentLinkStatus: PaymentLinkStatus;
  PaymentLinkView: ResolverTypeWrapper<PaymentLinkViewMapper>;
  PaymentMethod: PaymentMethod;
  PaymentMethodCount: ResolverTypeWrapper<PaymentMethodCount>;
  PaymentPlan: ResolverTypeWrapper<PaymentPlan>;
  PaymentSearch: PaymentSearch;
  PaymentStatus: PaymentStatus;
  PaymentStatusChange: ResolverTypeWrapper<PaymentStatusChangeMapper>;
  PaymentStatusCount: ResolverTypeWrapper<PaymentStatusCount>;
  PayoffInstallment: ResolverTypeWrapper<PayoffInstallment>;
  PersonalData: ResolverTypeWrapper<PersonalData>;
  PixInstructions: ResolverTypeWrapper<PixInstructionsMapper>;
  PlanKind: PlanKind;
  PlanNet: ResolverTypeWrapper<PlanNet>;
  PlatformFigures: ResolverTypeWrapper<PlatformFigures>;
  Procedure: ResolverTypeWrapper<EntityReferenceMapper>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ReceivablesInterval: ReceivablesInterval;
  ReceivablesPoint: ResolverTypeWrapper<ReceivablesPoint>;
  RefundInput: RefundInput;
  ScheduledInstallment: ResolverTypeWrapper<ScheduledInstallment>;
  SignatureStatus: SignatureStatus;
  StatementEntry: ResolverTypeWrapper<StatementEntryMapper>;
  StatementEntryKind: StatementEntryKind;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  TransferStatus: TransferStatus;
  User: ResolverTypeWrapper<EntityReferenceMapper>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  BoletoInstructions: BoletoInstructionsMapper;
  String: Scalars['String']['output'];
  CancelCrediarioInput: CancelCrediarioInput;
  ID: Scalars['ID']['output'];
  CardResult: CardResultMapper;
  CheckoutInput: CheckoutInput;
  Clinic: EntityReferenceMapper;
  ClinicBalance: ClinicBalance;
  ClinicPaymentFilter: ClinicPaymentFilter;
  ClinicStatement: Omit<ClinicStatement, 'entries'> & { entries: Array<ResolversParentTypes['StatementEntry']> };
  CreatePaymentLinkInput: CreatePaymentLinkInput;
  CrediarioContract: CrediarioContractMapper;
  CrediarioPayoff: CrediarioPayoffMapper;
  CrediarioPayoffQuote: CrediarioPayoffQuoteMapper;
  CreditOffer: CreditOffer;
  CreditReason: CreditReason;
  DocumentFile: DocumentFile;
  FraudAssessment: FraudAssessment;
  FraudFeature: FraudFeature;
  Float: Scalars['Float']['output'];
  FraudReason: FraudReason;
  FraudReview: FraudReview;
  Installment: InstallmentMapper;
  JSON: Scalars['JSON']['output'];
  LedgerEntry: LedgerEntry;
  LedgerHealth: LedgerHealth;
  MoneyInFlight: MoneyInFlight;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  PayOffCrediarioInput: PayOffCrediarioInput;
  Payment: PaymentMapper;
  PaymentAmounts: PaymentAmounts;
  PaymentConnection: PaymentConnectionMapper;
  PaymentEdge: Omit<PaymentEdge, 'node'> & { node: ResolversParentTypes['Payment'] };
  PaymentEvent: PaymentEventMapper;
  PaymentLink: PaymentLinkMapper;
  PaymentLinkPatientInput: PaymentLinkPatientInput;
  PaymentLinkView: PaymentLinkViewMapper;
  PaymentMethodCount: PaymentMethodCount;
  PaymentPlan: PaymentPlan;
  PaymentSearch: PaymentSearch;
  PaymentStatusChange: PaymentStatusChangeMapper;
  PaymentStatusCount: PaymentStatusCount;
  PayoffInstallment: PayoffInstallment;
  PersonalData: PersonalData | FederationReferenceTypes['PersonalData'];
  PixInstructions: PixInstructionsMapper;
  PlanNet: PlanNet;
  PlatformFigures: PlatformFigures;
  Procedure: EntityReferenceMapper;
  Query: Record<PropertyKey, never>;
  ReceivablesPoint: ReceivablesPoint;
  RefundInput: RefundInput;
  ScheduledInstallment: ScheduledInstallment;
  StatementEntry: StatementEntryMapper;
  Subscription: Record<PropertyKey, never>;
  User: EntityReferenceMapper;
  Boolean: Scalars['Boolean']['output'];
  Int: Scalars['Int']['output'];
}>;

export type BroadcastDirectiveArgs = { };

export type BroadcastDirectiveResolver<Result, Parent, ContextType = PaymentsContext, Args = BroadcastDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type CacheControlDirectiveArgs = {
  inheritMaxAge?: Maybe<Scalars['Boolean']['input']>;
  maxAge?: Maybe<Scalars['Int']['input']>;
};

export type CacheControlDirectiveResolver<Result, Parent, ContextType = PaymentsContext, Args = CacheControlDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type PersonalDataDirectiveArgs = { };

export type PersonalDataDirectiveResolver<Result, Parent, ContextType = PaymentsContext, Args = PersonalDataDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type BoletoInstructionsResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['BoletoInstructions'] = ResolversParentTypes['BoletoInstructions']> = ResolversObject<{
  barcode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  dueDate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  line?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type CardResultResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['CardResult'] = ResolversParentTypes['CardResult']> = ResolversObject<{
  approved?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  brand?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  declineReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  last4?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ClinicResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['Clinic'] = ResolversParentTypes['Clinic'], FederationReferenceType extends FederationReferenceTypes['Clinic'] = FederationReferenceTypes['Clinic']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Clinic']> | FederationReferenceType, FederationReferenceType, ContextType>;
  balance?: Resolver<Maybe<ResolversTypes['ClinicBalance']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  monthlyStatement?: Resolver<Maybe<ResolversTypes['DocumentFile']>, ParentType, ContextType, RequireFields<ClinicMonthlyStatementArgs, 'month'>>;
  paymentLinks?: Resolver<Maybe<Array<ResolversTypes['PaymentLink']>>, ParentType, ContextType, RequireFields<ClinicPaymentLinksArgs, 'first'>>;
  payments?: Resolver<Maybe<ResolversTypes['PaymentConnection']>, ParentType, ContextType, RequireFields<ClinicPaymentsArgs, 'first'>>;
  receivables?: Resolver<Maybe<Array<ResolversTypes['ReceivablesPoint']>>, ParentType, ContextType, RequireFields<ClinicReceivablesArgs, 'from' | 'interval' | 'to'>>;
  statement?: Resolver<Maybe<ResolversTypes['ClinicStatement']>, ParentType, ContextType, RequireFields<ClinicStatementArgs, 'from' | 'to'>>;
}>;

export type ClinicBalanceResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['ClinicBalance'] = ResolversParentTypes['ClinicBalance']> = ResolversObject<{
  availableCentavos?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  inEscrowCentavos?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  paidOutCentavos?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  payoutsInTransitCentavos?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ClinicStatementResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['ClinicStatement'] = ResolversParentTypes['ClinicStatement']> = ResolversObject<{
  closingAvailableCentavos?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  closingEscrowCentavos?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  entries?: Resolver<Array<ResolversTypes['StatementEntry']>, ParentType, ContextType>;
  from?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  openingAvailableCentavos?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  openingEscrowCentavos?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  payoutsCentavos?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  payoutsConfirmedCentavos?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type CrediarioContractResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['CrediarioContract'] = ResolversParentTypes['CrediarioContract']> = ResolversObject<{
  document?: Resolver<Maybe<ResolversTypes['DocumentFile']>, ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  signedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  signedDocument?: Resolver<Maybe<ResolversTypes['DocumentFile']>, ParentType, ContextType>;
  signingUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['SignatureStatus'], ParentType, ContextType>;
}>;

export type CrediarioPayoffResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['CrediarioPayoff'] = ResolversParentTypes['CrediarioPayoff']> = ResolversObject<{
  installmentNumbers?: Resolver<Array<ResolversTypes['Int']>, ParentType, ContextType>;
  pix?: Resolver<Maybe<ResolversTypes['PixInstructions']>, ParentType, ContextType>;
  totalCentavos?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type CrediarioPayoffQuoteResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['CrediarioPayoffQuote'] = ResolversParentTypes['CrediarioPayoffQuote']> = ResolversObject<{
  date?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  discountCentavos?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  installments?: Resolver<Array<ResolversTypes['PayoffInstallment']>, ParentType, ContextType>;
  totalCentavos?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type CreditOfferResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['CreditOffer'] = ResolversParentTypes['CreditOffer']> = ResolversObject<{
  approved?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  maxAmountCentavos?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  maxInstallments?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reasons?: Resolver<Array<ResolversTypes['CreditReason']>, ParentType, ContextType>;
}>;

export type CreditReasonResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['CreditReason'] = ResolversParentTypes['CreditReason']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type DocumentFileResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['DocumentFile'] = ResolversParentTypes['DocumentFile']> = ResolversObject<{
  filename?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  issuedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['DocumentKind'], ParentType, ContextType>;
  sha256?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  urlExpiresAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type FraudAssessmentResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['FraudAssessment'] = ResolversParentTypes['FraudAssessment']> = ResolversObject<{
  assessedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  decision?: Resolver<ResolversTypes['FraudDecision'], ParentType, ContextType>;
  features?: Resolver<Array<ResolversTypes['FraudFeature']>, ParentType, ContextType>;
  modelVersion?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reasons?: Resolver<Array<ResolversTypes['FraudReason']>, ParentType, ContextType>;
  review?: Resolver<Maybe<ResolversTypes['FraudReview']>, ParentType, ContextType>;
  score?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type FraudFeatureResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['FraudFeature'] = ResolversParentTypes['FraudFeature']> = ResolversObject<{
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type FraudReasonResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['FraudReason'] = ResolversParentTypes['FraudReason']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type FraudReviewResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['FraudReview'] = ResolversParentTypes['FraudReview']> = ResolversObject<{
  decidedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  decision?: Resolver<ResolversTypes['FraudReviewDecision'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type InstallmentResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['Installment'] = ResolversParentTypes['Installment']> = ResolversObject<{
  amountCentavos?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  boleto?: Resolver<Maybe<ResolversTypes['BoletoInstructions']>, ParentType, ContextType>;
  dueDate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lateChargesCentavos?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  payment?: Resolver<ResolversTypes['Payment'], ParentType, ContextType>;
  pix?: Resolver<Maybe<ResolversTypes['PixInstructions']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['InstallmentStatus'], ParentType, ContextType>;
}>;

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type LedgerEntryResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['LedgerEntry'] = ResolversParentTypes['LedgerEntry']> = ResolversObject<{
  account?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  amountCentavos?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  direction?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  transactionId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type LedgerHealthResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['LedgerHealth'] = ResolversParentTypes['LedgerHealth']> = ResolversObject<{
  balanced?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  creditsCentavos?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  debitsCentavos?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  discrepancies?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  gatewayCashCentavos?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type MoneyInFlightResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['MoneyInFlight'] = ResolversParentTypes['MoneyInFlight']> = ResolversObject<{
  paymentId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['MoneyInFlightReason'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  cancelCrediario?: Resolver<Maybe<ResolversTypes['Payment']>, ParentType, ContextType, RequireFields<MutationCancelCrediarioArgs, 'input'>>;
  cancelPaymentLink?: Resolver<Maybe<ResolversTypes['PaymentLink']>, ParentType, ContextType, RequireFields<MutationCancelPaymentLinkArgs, 'id'>>;
  checkout?: Resolver<Maybe<ResolversTypes['Payment']>, ParentType, ContextType, RequireFields<MutationCheckoutArgs, 'input'>>;
  confirmProcedurePerformed?: Resolver<Maybe<ResolversTypes['Payment']>, ParentType, ContextType, RequireFields<MutationConfirmProcedurePerformedArgs, 'paymentId'>>;
  createPaymentLink?: Resolver<Maybe<ResolversTypes['PaymentLink']>, ParentType, ContextType, RequireFields<MutationCreatePaymentLinkArgs, 'input'>>;
  decideFraudReview?: Resolver<Maybe<ResolversTypes['Payment']>, ParentType, ContextType, RequireFields<MutationDecideFraudReviewArgs, 'decision' | 'paymentId'>>;
  openDispute?: Resolver<Maybe<ResolversTypes['Payment']>, ParentType, ContextType, RequireFields<MutationOpenDisputeArgs, 'paymentId' | 'reason'>>;
  payInstallment?: Resolver<Maybe<ResolversTypes['Installment']>, ParentType, ContextType, RequireFields<MutationPayInstallmentArgs, 'installmentId'>>;
  payOffCrediario?: Resolver<Maybe<ResolversTypes['CrediarioPayoff']>, ParentType, ContextType, RequireFields<MutationPayOffCrediarioArgs, 'input'>>;
  payWithCard?: Resolver<Maybe<ResolversTypes['Payment']>, ParentType, ContextType, RequireFields<MutationPayWithCardArgs, 'cardToken' | 'paymentId'>>;
  refundPayment?: Resolver<Maybe<ResolversTypes['Payment']>, ParentType, ContextType, RequireFields<MutationRefundPaymentArgs, 'input'>>;
  resolveDispute?: Resolver<Maybe<ResolversTypes['Payment']>, ParentType, ContextType, RequireFields<MutationResolveDisputeArgs, 'inFavorOf' | 'paymentId'>>;
}>;

export type PageInfoResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PaymentResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['Payment'] = ResolversParentTypes['Payment'], FederationReferenceType extends FederationReferenceTypes['Payment'] = FederationReferenceTypes['Payment']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Payment']> | FederationReferenceType, FederationReferenceType, ContextType>;
  amounts?: Resolver<Maybe<ResolversTypes['PaymentAmounts']>, ParentType, ContextType>;
  boleto?: Resolver<Maybe<ResolversTypes['BoletoInstructions']>, ParentType, ContextType>;
  card?: Resolver<Maybe<ResolversTypes['CardResult']>, ParentType, ContextType>;
  cetAnnualRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  clinic?: Resolver<Maybe<ResolversTypes['Clinic']>, ParentType, ContextType>;
  contract?: Resolver<Maybe<ResolversTypes['CrediarioContract']>, ParentType, ContextType>;
  createdAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  disputeReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  escrowReleaseDueAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  escrowState?: Resolver<Maybe<ResolversTypes['EscrowState']>, ParentType, ContextType>;
  fraudAssessment?: Resolver<Maybe<ResolversTypes['FraudAssessment']>, ParentType, ContextType>;
  history?: Resolver<Maybe<Array<ResolversTypes['PaymentStatusChange']>>, ParentType, ContextType>;
  hold?: Resolver<Maybe<ResolversTypes['PaymentHold']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  installmentCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  installments?: Resolver<Maybe<Array<ResolversTypes['Installment']>>, ParentType, ContextType>;
  iofCentavos?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  ledgerEntries?: Resolver<Maybe<Array<ResolversTypes['LedgerEntry']>>, ParentType, ContextType>;
  method?: Resolver<Maybe<ResolversTypes['PaymentMethod']>, ParentType, ContextType>;
  monthlyInterestRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  payer?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  pix?: Resolver<Maybe<ResolversTypes['PixInstructions']>, ParentType, ContextType>;
  planKind?: Resolver<Maybe<ResolversTypes['PlanKind']>, ParentType, ContextType>;
  procedure?: Resolver<Maybe<ResolversTypes['Procedure']>, ParentType, ContextType>;
  receipts?: Resolver<Maybe<Array<ResolversTypes['DocumentFile']>>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['PaymentStatus']>, ParentType, ContextType>;
}>;

export type PaymentAmountsResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['PaymentAmounts'] = ResolversParentTypes['PaymentAmounts']> = ResolversObject<{
  clinicNetCentavos?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  grossCentavos?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  patientTotalCentavos?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  platformFeeCentavos?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  processingCostCentavos?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  refundedCentavos?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type PaymentConnectionResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['PaymentConnection'] = ResolversParentTypes['PaymentConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['PaymentEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type PaymentEdgeResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['PaymentEdge'] = ResolversParentTypes['PaymentEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Payment'], ParentType, ContextType>;
}>;

export type PaymentEventResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['PaymentEvent'] = ResolversParentTypes['PaymentEvent']> = ResolversObject<{
  at?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  escrowState?: Resolver<ResolversTypes['EscrowState'], ParentType, ContextType>;
  from?: Resolver<Maybe<ResolversTypes['PaymentStatus']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  payment?: Resolver<ResolversTypes['Payment'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PaymentStatus'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PaymentLinkResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['PaymentLink'] = ResolversParentTypes['PaymentLink']> = ResolversObject<{
  clinic?: Resolver<ResolversTypes['Clinic'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  patientEmail?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  patientName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  patientPhone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  payment?: Resolver<Maybe<ResolversTypes['Payment']>, ParentType, ContextType>;
  procedure?: Resolver<ResolversTypes['Procedure'], ParentType, ContextType>;
  source?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PaymentLinkStatus'], ParentType, ContextType>;
  token?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PaymentLinkViewResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['PaymentLinkView'] = ResolversParentTypes['PaymentLinkView']> = ResolversObject<{
  clinic?: Resolver<ResolversTypes['Clinic'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  patientFirstName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  procedure?: Resolver<ResolversTypes['Procedure'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PaymentLinkStatus'], ParentType, ContextType>;
  token?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PaymentMethodCountResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['PaymentMethodCount'] = ResolversParentTypes['PaymentMethodCount']> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  grossCentavos?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  method?: Resolver<ResolversTypes['PaymentMethod'], ParentType, ContextType>;
}>;

export type PaymentPlanResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['PaymentPlan'] = ResolversParentTypes['PaymentPlan']> = ResolversObject<{
  cetAnnualRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  cetMonthlyRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  contractTerms?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  contractTermsHash?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  firstDueDate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  firstInstallmentCentavos?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  installmentCentavos?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  installmentCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  interestFree?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  iofCentavos?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['PlanKind'], ParentType, ContextType>;
  methods?: Resolver<Array<ResolversTypes['PaymentMethod']>, ParentType, ContextType>;
  monthlyInterestRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  schedule?: Resolver<Array<ResolversTypes['ScheduledInstallment']>, ParentType, ContextType>;
  totalCentavos?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type PaymentStatusChangeResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['PaymentStatusChange'] = ResolversParentTypes['PaymentStatusChange']> = ResolversObject<{
  at?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  from?: Resolver<Maybe<ResolversTypes['PaymentStatus']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['PaymentStatus'], ParentType, ContextType>;
}>;

export type PaymentStatusCountResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['PaymentStatusCount'] = ResolversParentTypes['PaymentStatusCount']> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  grossCentavos?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PaymentStatus'], ParentType, ContextType>;
}>;

export type PayoffInstallmentResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['PayoffInstallment'] = ResolversParentTypes['PayoffInstallment']> = ResolversObject<{
  amountCentavos?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  dueDate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  payoffCentavos?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type PersonalDataResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['PersonalData'] = ResolversParentTypes['PersonalData'], FederationReferenceType extends FederationReferenceTypes['PersonalData'] = FederationReferenceTypes['PersonalData']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['PersonalData']> | FederationReferenceType, FederationReferenceType, ContextType>;
  moneyInFlight?: Resolver<Maybe<Array<ResolversTypes['MoneyInFlight']>>, ParentType, ContextType>;
  payments?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type PixInstructionsResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['PixInstructions'] = ResolversParentTypes['PixInstructions']> = ResolversObject<{
  copiaECola?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  qrCodePayload?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PlanNetResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['PlanNet'] = ResolversParentTypes['PlanNet']> = ResolversObject<{
  clinicNetCentavos?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  grossCentavos?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  installmentCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  interestFree?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['PlanKind'], ParentType, ContextType>;
  patientTotalCentavos?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  planId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  platformFeeCentavos?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  processingCostCentavos?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type PlatformFiguresResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['PlatformFigures'] = ResolversParentTypes['PlatformFigures']> = ResolversObject<{
  byMethod?: Resolver<Array<ResolversTypes['PaymentMethodCount']>, ParentType, ContextType>;
  byStatus?: Resolver<Array<ResolversTypes['PaymentStatusCount']>, ParentType, ContextType>;
  clinicsAvailableCentavos?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  escrowHeldCentavos?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  paidCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  paymentCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  platformRevenueCentavos?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  refundedCentavos?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  volumeCentavos?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type ProcedureResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['Procedure'] = ResolversParentTypes['Procedure'], FederationReferenceType extends FederationReferenceTypes['Procedure'] = FederationReferenceTypes['Procedure']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Procedure']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  crediarioPayoffQuote?: Resolver<Maybe<ResolversTypes['CrediarioPayoffQuote']>, ParentType, ContextType, RequireFields<QueryCrediarioPayoffQuoteArgs, 'paymentId'>>;
  creditOffer?: Resolver<Maybe<ResolversTypes['CreditOffer']>, ParentType, ContextType, RequireFields<QueryCreditOfferArgs, 'incomeBand' | 'procedureId'>>;
  fraudReviewQueue?: Resolver<Maybe<ResolversTypes['PaymentConnection']>, ParentType, ContextType, RequireFields<QueryFraudReviewQueueArgs, 'first'>>;
  ledgerHealth?: Resolver<Maybe<ResolversTypes['LedgerHealth']>, ParentType, ContextType>;
  myInstallments?: Resolver<Maybe<Array<ResolversTypes['Installment']>>, ParentType, ContextType>;
  myPayments?: Resolver<Maybe<ResolversTypes['PaymentConnection']>, ParentType, ContextType, RequireFields<QueryMyPaymentsArgs, 'first'>>;
  payment?: Resolver<Maybe<ResolversTypes['Payment']>, ParentType, ContextType, RequireFields<QueryPaymentArgs, 'id'>>;
  paymentLink?: Resolver<Maybe<ResolversTypes['PaymentLinkView']>, ParentType, ContextType, RequireFields<QueryPaymentLinkArgs, 'token'>>;
  paymentPlans?: Resolver<Array<ResolversTypes['PaymentPlan']>, ParentType, ContextType, RequireFields<QueryPaymentPlansArgs, 'procedureId'>>;
  payments?: Resolver<Maybe<ResolversTypes['PaymentConnection']>, ParentType, ContextType, RequireFields<QueryPaymentsArgs, 'first'>>;
  planNets?: Resolver<Maybe<Array<ResolversTypes['PlanNet']>>, ParentType, ContextType, RequireFields<QueryPlanNetsArgs, 'interestFreeInstallments' | 'priceCentavos'>>;
  platformFigures?: Resolver<Maybe<ResolversTypes['PlatformFigures']>, ParentType, ContextType, Partial<QueryPlatformFiguresArgs>>;
}>;

export type ReceivablesPointResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['ReceivablesPoint'] = ResolversParentTypes['ReceivablesPoint']> = ResolversObject<{
  date?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expectedCentavos?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  paidOutCentavos?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  releasedCentavos?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ScheduledInstallmentResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['ScheduledInstallment'] = ResolversParentTypes['ScheduledInstallment']> = ResolversObject<{
  amountCentavos?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  dueDate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type StatementEntryResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['StatementEntry'] = ResolversParentTypes['StatementEntry']> = ResolversObject<{
  at?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  availableBalanceCentavos?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  availableCentavos?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  escrowBalanceCentavos?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  escrowCentavos?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  feesCentavos?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['StatementEntryKind'], ParentType, ContextType>;
  payment?: Resolver<Maybe<ResolversTypes['Payment']>, ParentType, ContextType>;
  transferStatus?: Resolver<Maybe<ResolversTypes['TransferStatus']>, ParentType, ContextType>;
}>;

export type SubscriptionResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  clinicPaymentEvents?: SubscriptionResolver<ResolversTypes['PaymentEvent'], "clinicPaymentEvents", ParentType, ContextType, RequireFields<SubscriptionClinicPaymentEventsArgs, 'clinicId'>>;
  myPaymentEvents?: SubscriptionResolver<ResolversTypes['PaymentEvent'], "myPaymentEvents", ParentType, ContextType>;
  paymentStatusChanged?: SubscriptionResolver<ResolversTypes['Payment'], "paymentStatusChanged", ParentType, ContextType, RequireFields<SubscriptionPaymentStatusChangedArgs, 'paymentId'>>;
}>;

export type UserResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  payments?: Resolver<Maybe<ResolversTypes['PaymentConnection']>, ParentType, ContextType, RequireFields<UserPaymentsArgs, 'first'>>;
}>;

export type Resolvers<ContextType = PaymentsContext> = ResolversObject<{
  BoletoInstructions?: BoletoInstructionsResolvers<ContextType>;
  CardResult?: CardResultResolvers<ContextType>;
  Clinic?: ClinicResolvers<ContextType>;
  ClinicBalance?: ClinicBalanceResolvers<ContextType>;
  ClinicStatement?: ClinicStatementResolvers<ContextType>;
  CrediarioContract?: CrediarioContractResolvers<ContextType>;
  CrediarioPayoff?: CrediarioPayoffResolvers<ContextType>;
  CrediarioPayoffQuote?: CrediarioPayoffQuoteResolvers<ContextType>;
  CreditOffer?: CreditOfferResolvers<ContextType>;
  CreditReason?: CreditReasonResolvers<ContextType>;
  DocumentFile?: DocumentFileResolvers<ContextType>;
  FraudAssessment?: FraudAssessmentResolvers<ContextType>;
  FraudFeature?: FraudFeatureResolvers<ContextType>;
  FraudReason?: FraudReasonResolvers<ContextType>;
  FraudReview?: FraudReviewResolvers<ContextType>;
  Installment?: InstallmentResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  LedgerEntry?: LedgerEntryResolvers<ContextType>;
  LedgerHealth?: LedgerHealthResolvers<ContextType>;
  MoneyInFlight?: MoneyInFlightResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Payment?: PaymentResolvers<ContextType>;
  PaymentAmounts?: PaymentAmountsResolvers<ContextType>;
  PaymentConnection?: PaymentConnectionResolvers<ContextType>;
  PaymentEdge?: PaymentEdgeResolvers<ContextType>;
  PaymentEvent?: PaymentEventResolvers<ContextType>;
  PaymentLink?: PaymentLinkResolvers<ContextType>;
  PaymentLinkView?: PaymentLinkViewResolvers<ContextType>;
  PaymentMethodCount?: PaymentMethodCountResolvers<ContextType>;
  PaymentPlan?: PaymentPlanResolvers<ContextType>;
  PaymentStatusChange?: PaymentStatusChangeResolvers<ContextType>;
  PaymentStatusCount?: PaymentStatusCountResolvers<ContextType>;
  PayoffInstallment?: PayoffInstallmentResolvers<ContextType>;
  PersonalData?: PersonalDataResolvers<ContextType>;
  PixInstructions?: PixInstructionsResolvers<ContextType>;
  PlanNet?: PlanNetResolvers<ContextType>;
  PlatformFigures?: PlatformFiguresResolvers<ContextType>;
  Procedure?: ProcedureResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ReceivablesPoint?: ReceivablesPointResolvers<ContextType>;
  ScheduledInstallment?: ScheduledInstallmentResolvers<ContextType>;
  StatementEntry?: StatementEntryResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = PaymentsContext> = ResolversObject<{
  broadcast?: BroadcastDirectiveResolver<any, any, ContextType>;
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
  personalData?: PersonalDataDirectiveResolver<any, any, ContextType>;
}>;

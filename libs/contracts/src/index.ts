// The internal HTTP endpoints between our services: one zod schema per endpoint for the request and
// one for the answer, shared by the caller (InternalClient.call) and the callee (internalRoutes).
// Every endpoint is a POST with signed service claims; an unknown subject answers 404 (null here).
import { z } from 'zod';
import { outboxFeedRequest, outboxFeedResponse } from './events.js';

export * from './events.js';

type Service = 'users' | 'providers' | 'payments' | 'analytics' | 'notifications' | 'ai';

export interface InternalEndpoint<Request extends z.ZodType = z.ZodType, Response extends z.ZodType = z.ZodType> {
  /** the service that serves it ('producers': every service with an outbox) */
  service: Service | 'producers';
  path: `/internal/${string}`;
  request: Request;
  response: Response;
  /** the only services that may call it, checked by the callee's internalRoutes; unset: any of ours */
  callers?: readonly Service[];
}

const endpoint = <Request extends z.ZodType, Response extends z.ZodType>(spec: InternalEndpoint<Request, Response>) => spec;

const clinicRole = z.enum(['ADMIN', 'STAFF']);

/** providers → router: whether an X-Api-Key is live, and for which clinic (404: unknown or revoked). */
export const verifyApiKey = endpoint({
  service: 'providers',
  path: '/internal/api-keys/verify',
  request: z.object({ key: z.string() }),
  response: z.object({ apiKeyId: z.string(), clinicId: z.string(), scopes: z.array(z.string()) }),
});

/** A procedure as payments prices it: from the catalog, never from what the client sent. */
export const catalogProcedure = z.object({
  id: z.string(),
  name: z.string(),
  priceCentavos: z.number().int(),
  interestFreeInstallments: z.number().int(),
  active: z.boolean(),
  category: z.string(),
  clinic: z.object({
    id: z.string(),
    status: z.string(),
    tradeName: z.string(),
    legalName: z.string(),
    cnpj: z.string(),
    /** where payouts go by TED; null: by PIX to the CNPJ key */
    payoutBankAccount: z.object({ ispb: z.string().regex(/^\d{8}$/), branch: z.string().regex(/^\d{4}$/), account: z.string().regex(/^\d{1,12}[\dX]$/), accountType: z.enum(['CHECKING', 'SAVINGS', 'PAYMENT']) }).nullable(),
  }),
});
export type CatalogProcedure = z.infer<typeof catalogProcedure>;

/** providers → payments: procedures by id (unknown ids are left out). */
export const procedures = endpoint({
  service: 'providers',
  path: '/internal/procedures',
  request: z.object({ ids: z.array(z.string()) }),
  response: z.object({ procedures: z.array(catalogProcedure) }),
});

export const clinicMembership = z.object({ clinicId: z.string(), role: clinicRole });
export type ClinicMembership = z.infer<typeof clinicMembership>;

/** providers → payments: a person's clinic roles (who may see a clinic's money). */
export const memberships = endpoint({
  service: 'providers',
  path: '/internal/memberships',
  request: z.object({ userId: z.string() }),
  response: z.object({ memberships: z.array(clinicMembership) }),
});

/** users → payments: the payer's name and CPF for the gateway (never stored by payments; 404 without a CPF). */
export const payerIdentity = endpoint({
  service: 'users',
  path: '/internal/payer-identity',
  request: z.object({ userId: z.string() }),
  response: z.object({ name: z.string(), cpf: z.string() }),
});

export const cpfStatus = z.enum(['UNVERIFIED', 'REGULAR', 'PENDENTE_DE_REGULARIZACAO', 'SUSPENSA', 'CANCELADA', 'TITULAR_FALECIDO', 'NULA']);

/**
 * users → payments: the payer's CPF check at the Receita Federal for credit, made again when older than
 * 30 days (404 without a CPF). Crediário needs `opensCredit`.
 */
export const cpfStanding = endpoint({
  service: 'users',
  path: '/internal/cpf-standing',
  callers: ['payments'],
  request: z.object({ userId: z.string() }),
  response: z.object({ status: cpfStatus, checkedAt: z.iso.datetime().nullable(), opensCredit: z.boolean() }),
});

/** users → payments: which of the given payers match a whole CPF or a name fragment (only ids come back). */
export const payerSearch = endpoint({
  service: 'users',
  path: '/internal/payer-search',
  request: z.object({ search: z.string(), among: z.array(z.string()) }),
  response: z.object({ userIds: z.array(z.string()) }),
});

/** users → providers: make an account clinic staff, by id or e-mail (404: no such account). */
export const staffGrants = endpoint({
  service: 'users',
  path: '/internal/staff-grants',
  request: z.union([z.object({ userId: z.string() }), z.object({ email: z.string() })]),
  response: z.object({ userId: z.string(), name: z.string() }),
});

/** What was revoked at or after `since`: the router polls both feeds and refuses those credentials at once. */
const revocationsFeed = {
  request: z.object({ since: z.iso.datetime() }),
  response: z.object({ revoked: z.array(z.object({ id: z.string(), at: z.iso.datetime() })) }),
};

/** users → router: sessions ended before their access tokens expire (logout, a reused refresh token). */
export const sessionRevocations = endpoint({ service: 'users', path: '/internal/session-revocations', ...revocationsFeed });

/** every subgraph → users: its part of an account deletion is done (idempotent; 404 for an unknown deletion). */
export const accountDeletionSteps = endpoint({
  service: 'users',
  path: '/internal/account-deletion-steps',
  request: z.object({ deletionId: z.string(), service: z.enum(['users', 'payments', 'providers', 'notifications', 'analytics', 'ai']) }),
  response: z.object({ status: z.enum(['IN_PROGRESS', 'COMPLETED']) }),
});

/** providers → router: partner API keys revoked. */
export const apiKeyRevocations = endpoint({ service: 'providers', path: '/internal/api-key-revocations', ...revocationsFeed });

/** users, providers, payments → analytics: their outbox from a point on (the embedded feed, and backfills). */
export const outboxFeed = endpoint({ service: 'producers', path: '/internal/outbox', request: outboxFeedRequest, response: outboxFeedResponse });

/** One GraphQL operation as the router saw it: no variables, no personal data, no document text. */
export const operationUsage = z.object({
  at: z.iso.datetime(),
  operationName: z.string().max(200),
  /** sha256 (hex) of the document as received */
  documentHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** from the apollographql-client-name / -version headers ('unknown' without them) */
  clientName: z.string().max(100),
  clientVersion: z.string().max(100),
  callerKind: z.enum(['anonymous', 'user', 'partner', 'admin']),
  /** the fields the document selects, as Type.field */
  fields: z.array(z.string().max(200)).max(2000),
  durationMs: z.number().nonnegative(),
  /** the stable codes of the errors it answered with, once each */
  errorCodes: z.array(z.string().max(100)).max(50),
});
export type OperationUsage = z.infer<typeof operationUsage>;

/** router → analytics: a batch of usage records, sent in the background (losing one never fails a request). */
export const graphUsageBatch = endpoint({
  service: 'analytics',
  path: '/internal/graph-usage',
  request: z.object({ operations: z.array(operationUsage).min(1).max(1000) }),
  response: z.object({ accepted: z.number().int() }),
});

/** users → notifications: how to reach people (their own addresses; the CPF masked as the apps show it). */
export const contacts = endpoint({
  service: 'users',
  path: '/internal/contacts',
  request: z.object({ userIds: z.array(z.string()).max(500) }),
  response: z.object({
    contacts: z.array(z.object({ userId: z.string(), name: z.string(), email: z.string(), phone: z.string().nullable(), maskedCpf: z.string().nullable() })),
  }),
});

/**
 * users → notifications: the e-mail of a sign-up waiting for confirmation, and a confirmation token
 * minted for it by this very call (only its hash is kept; each call replaces the last one). `token` is
 * null when the sign-up's CPF already has an account: the e-mail then says so instead of offering a
 * link. 404 when there is nothing to send (confirmed, expired, unknown, or its e-mail has an account).
 * Served to notifications only.
 */
export const signUpConfirmation = endpoint({
  service: 'users',
  path: '/internal/sign-up-confirmation',
  callers: ['notifications'],
  request: z.object({ signUpId: z.string() }),
  response: z.object({ email: z.string(), name: z.string(), token: z.string().nullable(), expiresAt: z.iso.datetime() }),
});

/** users → notifications: the platform admins (who hear of discrepancies, failing payouts and clinics to review). */
export const platformAdmins = endpoint({
  service: 'users',
  path: '/internal/platform-admins',
  request: z.object({}),
  response: z.object({ userIds: z.array(z.string()) }),
});

/** providers → notifications: a clinic's name and its staff (404: unknown clinic). */
export const clinicStaff = endpoint({
  service: 'providers',
  path: '/internal/clinic-staff',
  request: z.object({ clinicId: z.string() }),
  response: z.object({ clinicId: z.string(), name: z.string(), status: z.string(), staff: z.array(z.object({ userId: z.string(), role: clinicRole })) }),
});

/** providers → payments: a clinic as its documents (statements) name it (404: unknown clinic). */
export const clinicParty = endpoint({
  service: 'providers',
  path: '/internal/clinic-party',
  callers: ['payments'],
  request: z.object({ clinicId: z.string() }),
  response: z.object({ legalName: z.string(), tradeName: z.string(), cnpj: z.string() }),
});

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const linkPatient = z.object({ name: z.string(), email: z.string(), phone: z.string().nullable().optional(), cpf: z.string().nullable().optional() });

/**
 * providers → payments: a payment link for an appointment of a clinic's system, made once per source
 * (asking again answers the same link). Refusals come back as the graph's error codes.
 */
export const createPaymentLink = endpoint({
  service: 'payments',
  path: '/internal/payment-links',
  callers: ['providers'],
  request: z.object({ clinicId: z.string(), procedureId: z.string(), patient: linkPatient, expiresAt: z.iso.datetime(), source: z.string().min(1).max(200) }),
  response: z.object({ linkId: z.string(), token: z.string(), url: z.string(), status: z.string() }),
});

/** providers → payments: where payment links stand, with the payment made through each (for the clinic's system). */
export const paymentLinkStates = endpoint({
  service: 'payments',
  path: '/internal/payment-link-states',
  callers: ['providers'],
  request: z.object({ linkIds: z.array(z.string()).max(500) }),
  response: z.object({
    links: z.array(
      z.object({
        linkId: z.string(),
        status: z.string(),
        paymentId: z.string().nullable(),
        paymentStatus: z.string().nullable(),
        method: z.enum(['PIX', 'BOLETO', 'CARD']).nullable(),
        /** what the patient paid so far (received by the gateway), and when last */
        paidCentavos: z.number().int(),
        paidAt: z.iso.datetime().nullable(),
        refundedCentavos: z.number().int(),
      }),
    ),
  }),
});

/** payments → notifications: whom a payment link goes to, and what it says (404: unknown link). */
export const paymentLinkMessage = endpoint({
  service: 'payments',
  path: '/internal/payment-link-message',
  callers: ['notifications'],
  request: z.object({ linkId: z.string() }),
  response: z.object({ name: z.string(), email: z.string(), phone: z.string().nullable(), url: z.string(), procedureId: z.string(), clinicId: z.string(), expiresAt: z.iso.datetime(), status: z.string() }),
});

/** payments → notifications: a payment as a message about it shows it, now (404: unknown payment). */
export const paymentFacts = endpoint({
  service: 'payments',
  path: '/internal/payment-facts',
  request: z.object({ paymentId: z.string() }),
  response: z.object({
    paymentId: z.string(),
    payerId: z.string(),
    clinicId: z.string(),
    procedureId: z.string(),
    status: z.string(),
    escrowState: z.string(),
    method: z.enum(['PIX', 'BOLETO', 'CARD']),
    planKind: z.enum(['A_VISTA', 'CARD_INSTALLMENTS', 'CREDIARIO']),
    /** what the patient pays in all (interest included) */
    patientTotalCentavos: z.number().int(),
    clinicNetCentavos: z.number().int(),
    refundedCentavos: z.number().int(),
    /** the open charge's PIX expiry or boleto due date, when one is open */
    openCharge: z.object({ method: z.enum(['PIX', 'BOLETO', 'CARD']), installmentNumber: z.number().int().nullable(), expiresAt: z.iso.datetime().nullable(), dueDate: day.nullable() }).nullable(),
    /** crediário's schedule as it stands; late charges as payments computes them today */
    installments: z.array(
      z.object({ number: z.number().int(), dueDate: day, amountCentavos: z.number().int(), status: z.enum(['SCHEDULED', 'ISSUED', 'PAID', 'OVERDUE']), lateChargesCentavos: z.number().int(), amountDueCentavos: z.number().int() }),
    ),
    createdAt: z.iso.datetime(),
  }),
});

const fraudDecision = z.enum(['APPROVE', 'REVIEW', 'DECLINE']);
export type FraudDecision = z.infer<typeof fraudDecision>;

/**
 * payments → ai: the anti-fraud assessment of a checkout, asked before its charge with a 150 ms
 * deadline (payments decides by its own rules when ai is down or late). The same payment id gets the
 * same assessment again. Device, address and card come as the checkout saw them; the card only as a
 * fingerprint (a hash of the gateway's token), never its number.
 */
export const fraudAssessment = endpoint({
  service: 'ai',
  path: '/internal/fraud-assessments',
  callers: ['payments'],
  request: z.object({
    paymentId: z.string(),
    payerId: z.string(),
    clinicId: z.string(),
    procedureId: z.string(),
    category: z.string(),
    method: z.enum(['PIX', 'BOLETO', 'CARD']),
    planKind: z.enum(['A_VISTA', 'CARD_INSTALLMENTS', 'CREDIARIO']),
    amountCentavos: z.number().int().positive(),
    deviceId: z.string().max(64).nullable(),
    clientIp: z.string().max(64),
    cardFingerprint: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
    at: z.iso.datetime(),
  }),
  response: z.object({
    /** 0–1000 */
    score: z.number().int().min(0).max(1000),
    decision: fraudDecision,
    reasons: z.array(z.object({ code: z.string(), text: z.string() })),
    modelVersion: z.string(),
    /** the features the score was computed from, for the back office's review */
    features: z.record(z.string(), z.number()),
  }),
});

/**
 * payments → the fraud model's training (npm run ai:train -- --labels): checkouts whose fraud is now
 * known, with the features they were scored on — a review declined, a dispute opened or a refund by
 * an account that abuses refunds (1), a review approved and nothing of the kind since (0). Paged by
 * payment id.
 */
export const fraudLabels = endpoint({
  service: 'payments',
  path: '/internal/fraud-labels',
  callers: ['ai'],
  request: z.object({ afterPaymentId: z.uuid().nullable(), limit: z.number().int().min(1).max(1000) }),
  response: z.object({
    labels: z.array(
      z.object({
        paymentId: z.string(),
        modelVersion: z.string(),
        features: z.record(z.string(), z.number()),
        label: z.union([z.literal(0), z.literal(1)]),
        outcome: z.enum(['REVIEW_APPROVED', 'REVIEW_DECLINED', 'DISPUTED', 'CHARGEBACK', 'REFUND_ABUSE']),
      }),
    ),
  }),
});

/** A patient's MedPay crediário history, as payments counts it from its installments. */
export const creditHistory = z.object({
  paidInstallments: z.number().int().min(0),
  latePaidInstallments: z.number().int().min(0),
  overdueInstallments: z.number().int().min(0),
  maxDaysLate: z.number().int().min(0),
  activeCrediarios: z.number().int().min(0),
  monthsSinceFirstPayment: z.number().int().min(0),
  completedCrediarios: z.number().int().min(0),
  outstandingPrincipalCentavos: z.number().int().min(0),
});
export type CreditHistory = z.infer<typeof creditHistory>;

export const incomeBand = z.enum(['ATE_2_SM', 'DE_2_A_4_SM', 'DE_4_A_10_SM', 'ACIMA_10_SM']);

/**
 * payments → ai: the credit decision for a crediário — the best offer for a procedure (`plan` null:
 * the largest amount and term approved), or the decision on one exact plan at checkout. Never sex,
 * age or region: the request has none. Refusals carry their reasons in pt-BR (the patient is told why).
 */
export const creditDecision = endpoint({
  service: 'ai',
  path: '/internal/credit-decisions',
  callers: ['payments'],
  request: z.object({
    incomeBand,
    history: creditHistory,
    priceCentavos: z.number().int().positive(),
    installmentOptions: z.array(z.number().int().min(1).max(60)).min(1).max(60),
    monthlyRate: z.number().min(0).max(0.2),
    plan: z.object({ financedAmountCentavos: z.number().int().positive(), installmentCount: z.number().int().min(1).max(60) }).nullable(),
  }),
  response: z.object({
    approved: z.boolean(),
    maxAmountCentavos: z.number().int(),
    maxInstallments: z.number().int(),
    installmentCentavos: z.number().int(),
    modelVersion: z.string(),
    reasons: z.array(z.object({ code: z.string(), text: z.string() })),
  }),
});

// The authorization matrix: every field of the supergraph has a policy (e2e/authorization-policy.ts),
// and every root field and every guarded object field is run through the router as each of eight
// kinds of caller, with arguments pointing at the owners' objects, its answer compared with the
// table. Money-moving mutations run only on a payment that was never paid (each one's own rules
// refuse it after authorization) or on throwaway objects, so no check depends on another's order.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { HELENA_DEMO } from '@medpay/helena-simulator';
import { buildASTSchema, buildSchema, isObjectType, parse, type GraphQLSchema } from 'graphql';
import type { Client } from 'graphql-ws';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { apiSchemaPath, supergraphPath } from '../scripts/compose.js';
import { CALLER_KINDS, INHERIT, POLICY, type Access, type CallerKind } from './authorization-policy.js';
import { eventually, liveClient } from './live-client.js';
import { availableModes, bearer, demoCast, paymentStatus, signCrediario, startStack, type Stack } from './stack.js';

const AUTH_DIRECTIVES = new Set(['authenticated', 'requiresScopes', 'policy']);
const ROOT_TYPES = ['Query', 'Mutation', 'Subscription'];

const apiSchema: GraphQLSchema = buildSchema(readFileSync(apiSchemaPath, 'utf8'));
const supergraph = buildASTSchema(parse(readFileSync(supergraphPath, 'utf8')), { assumeValidSDL: true });

/** Every field of every object type the clients can ask for, as `Type.field`. */
function graphFields(): string[] {
  return Object.values(apiSchema.getTypeMap())
    .filter((type) => isObjectType(type) && !type.name.startsWith('__'))
    .flatMap((type) => Object.keys((type as { getFields(): Record<string, unknown> }).getFields()).map((field) => `${type.name}.${field}`));
}

/** Fields the supergraph guards with an auth directive. */
function guardedFields(): string[] {
  return graphFields().filter((path) => {
    const [type, field] = path.split('.') as [string, string];
    const node = (supergraph.getType(type) as { getFields?(): Record<string, { astNode?: { directives?: readonly { name: { value: string } }[] } }> } | undefined)?.getFields?.()[field]?.astNode;
    return node?.directives?.some((directive) => AUTH_DIRECTIVES.has(directive.name.value)) ?? false;
  });
}

const policyOf = (path: string): Access | undefined => {
  const [type, field] = path.split('.') as [string, string];
  return POLICY[type]?.[field];
};

// ——— what the matrix runs ———

/** The owners' objects and the callers' credentials, made once per stack. */
interface Cast {
  headers: Record<CallerKind, Record<string, string>>;
  clinicId: string;
  procedureId: string;
  /** the patient's PIX payment at Sorriso Paulista, never paid */
  paymentId: string;
  /** the patient's crediário there, its first installment paid: in force */
  crediarioId: string;
  patientUserId: string;
  endpointId: string;
  /** a delivery to that endpoint (to an address that refuses it) */
  deliveryId: string;
  stack: Stack;
  clinicAdminToken: string;
}

interface Probe {
  query: string;
  variables?: Record<string, unknown>;
  /** a value that may legitimately be null for those allowed (then only a refusal counts) */
  nullable?: boolean;
  /** the arguments name the owner's real objects: NOT_FOUND means "not yours" (otherwise it means "passed authorization, no such thing") */
  owned?: boolean;
  /** a fresh object or session for this caller, so no probe depends on another's order */
  prepare?: (cast: Cast, kind: CallerKind) => Promise<{ variables?: Record<string, unknown>; headers?: Record<string, string> }>;
}

const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const period = () => ({ from: days(-30), to: days(0) });

/** Root fields, each with arguments at the owners' objects. */
const ROOT_PROBES: Record<string, (cast: Cast) => Probe> = {
  'Query.platformAnalytics': () => ({ query: 'query($from: String!, $to: String!) { platformAnalytics(from: $from, to: $to) { __typename } }', variables: period() }),
  'Query.analyticsLag': () => ({ query: '{ analyticsLag { __typename } }' }),
  'Query.graphUsage': () => ({ query: 'query($from: String!, $to: String!) { graphUsage(from: $from, to: $to) { __typename } }', variables: period() }),
  'Query.failedMessages': () => ({ query: '{ failedMessages { __typename } }' }),
  'Query.ledgerHealth': () => ({ query: '{ ledgerHealth { __typename } }' }),
  'Query.payments': () => ({ query: '{ payments { __typename } }' }),
  'Query.platformFigures': () => ({ query: '{ platformFigures { __typename } }' }),
  'Query.fraudReviewQueue': () => ({ query: '{ fraudReviewQueue { __typename } }' }),
  'Query.fraudModel': () => ({ query: '{ fraudModel { version } }' }),
  'Query.supportTickets': () => ({ query: '{ supportTickets { __typename } }' }),
  'Query.mySupportTickets': () => ({ query: '{ mySupportTickets { __typename } }' }),
  'Query.users': () => ({ query: '{ users { __typename } }' }),
  'Query.myNotifications': () => ({ query: '{ myNotifications { __typename } }' }),
  'Query.unreadNotificationsCount': () => ({ query: '{ unreadNotificationsCount }' }),
  'Query.myNotificationPreferences': () => ({ query: '{ myNotificationPreferences { __typename } }' }),
  'Query.webhookEndpoints': (cast) => ({ query: 'query($id: ID!) { webhookEndpoints(clinicId: $id) { id } }', variables: { id: cast.clinicId }, owned: true }),
  'Query.webhookDeliveries': (cast) => ({ query: 'query($id: ID!) { webhookDeliveries(endpointId: $id) { __typename } }', variables: { id: cast.endpointId }, owned: true }),
  'Query.webhookEventTypes': () => ({ query: '{ webhookEventTypes }' }),
  'Query.webPushPublicKey': () => ({ query: '{ webPushPublicKey }' }),
  'Query.creditOffer': (cast) => ({ query: 'query($id: ID!) { creditOffer(procedureId: $id, incomeBand: DE_2_A_4_SM) { approved } }', variables: { id: cast.procedureId } }),
  'Query.paymentPlans': (cast) => ({ query: 'query($id: ID!) { paymentPlans(procedureId: $id) { __typename } }', variables: { id: cast.procedureId } }),
  'Query.clinics': () => ({ query: '{ clinics(first: 1) { __typename } }' }),
  'Query.clinic': (cast) => ({ query: 'query($id: ID!) { clinic(id: $id) { id } }', variables: { id: cast.clinicId } }),
  'Query.procedures': () => ({ query: '{ procedures(first: 1) { __typename } }' }),
  'Query.procedure': (cast) => ({ query: 'query($id: ID!) { procedure(id: $id) { id } }', variables: { id: cast.procedureId } }),
  'Query.payment': (cast) => ({ query: 'query($id: ID!) { payment(id: $id) { id } }', variables: { id: cast.paymentId }, owned: true }),
  // The token is the key: whoever holds one sees the link (none here: null for everyone).
  'Query.paymentLink': () => ({ query: '{ paymentLink(token: "naoexiste123") { status } }', nullable: true }),
  'Query.myPayments': () => ({ query: '{ myPayments { __typename } }' }),
  'Query.myInstallments': () => ({ query: '{ myInstallments { __typename } }' }),
  'Query.banks': () => ({ query: '{ banks { ispb } }' }),
  'Query.crediarioPayoffQuote': (cast) => ({ query: 'query($id: ID!) { crediarioPayoffQuote(paymentId: $id) { totalCentavos } }', variables: { id: cast.crediarioId }, owned: true }),
  'Query.planNets': () => ({ query: '{ planNets(priceCentavos: 10000, interestFreeInstallments: 3) { __typename } }' }),
  'Query.me': () => ({ query: '{ me { id } }' }),
  'Query.user': (cast) => ({ query: 'query($id: ID!) { user(id: $id) { id } }', variables: { id: cast.patientUserId }, owned: true }),
  'Query.legalTerms': () => ({ query: '{ legalTerms { termsVersion } }' }),
  'Query.myPersonalData': () => ({ query: '{ myPersonalData { userId } }' }),
  'Query.myDataExports': () => ({ query: '{ myDataExports { id } }' }),
  'Query.myAccountDeletion': () => ({ query: '{ myAccountDeletion { id } }', nullable: true }),
  'Query.accountDeletions': () => ({ query: '{ accountDeletions { id } }' }),
  'Query.sensitiveDataAccesses': (cast) => ({ query: 'query($id: ID!) { sensitiveDataAccesses(subjectId: $id) { __typename } }', variables: { id: cast.patientUserId } }),
  'Query.myDataAccesses': () => ({ query: '{ myDataAccesses { __typename } }' }),

  'Mutation.markNotificationsRead': () => ({ query: 'mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }', variables: { ids: [randomUUID()] } }),
  'Mutation.markAllNotificationsRead': () => ({ query: 'mutation { markAllNotificationsRead }' }),
  'Mutation.setNotificationPreferences': () => ({ query: 'mutation { setNotificationPreferences(preferences: []) { __typename } }' }),
  'Mutation.subscribeWebPush': () => ({ query: 'mutation { subscribeWebPush(subscription: { endpoint: "https://push.invalid/x", p256dh: "x", auth: "x" }) }' }),
  'Mutation.unsubscribeWebPush': () => ({ query: 'mutation { unsubscribeWebPush(endpoint: "https://push.invalid/x") }' }),
  'Mutation.retryMessage': () => ({ query: 'mutation($id: ID!) { retryMessage(id: $id) { id } }', variables: { id: randomUUID() } }),
  'Mutation.createWebhookEndpoint': (cast) => ({
    query: 'mutation($id: ID!) { createWebhookEndpoint(clinicId: $id, url: "não é um endereço", events: ["payment.status_changed"]) { __typename } }',
    variables: { id: cast.clinicId },
    owned: true,
  }),
  'Mutation.setWebhookEndpointEnabled': (cast) => ({ query: 'mutation($id: ID!) { setWebhookEndpointEnabled(id: $id, enabled: true) { id } }', variables: { id: cast.endpointId }, owned: true }),
  'Mutation.rotateWebhookSecret': (cast) => ({ query: 'mutation($id: ID!) { rotateWebhookSecret(id: $id) { __typename } }', variables: { id: cast.endpointId }, owned: true }),
  'Mutation.deleteWebhookEndpoint': () => ({
    query: 'mutation($id: ID!) { deleteWebhookEndpoint(id: $id) }',
    owned: true,
    prepare: async (cast) => ({ variables: { id: await throwawayEndpoint(cast) } }),
  }),
  'Mutation.redeliverWebhook': (cast) => ({ query: 'mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { id } }', variables: { id: cast.deliveryId }, owned: true }),
  'Mutation.checkout': (cast) => ({
    query: 'mutation($input: CheckoutInput!) { checkout(input: $input) { id } }',
    variables: { input: { procedureId: cast.procedureId, planId: 'PIX', method: 'PIX', idempotencyKey: randomUUID() } },
  }),
  'Mutation.confirmProcedurePerformed': (cast) => ({ query: 'mutation($id: ID!) { confirmProcedurePerformed(paymentId: $id) { id } }', variables: { id: cast.paymentId }, owned: true }),
  'Mutation.refundPayment': (cast) => ({
    query: 'mutation($input: RefundInput!) { refundPayment(input: $input) { id } }',
    variables: { input: { paymentId: cast.paymentId, amountCentavos: 1, reason: 'matriz de autorização', idempotencyKey: randomUUID() } },
    owned: true,
  }),
  'Mutation.openDispute': (cast) => ({ query: 'mutation($id: ID!) { openDispute(paymentId: $id, reason: "matriz de autorização") { id } }', variables: { id: cast.paymentId }, owned: true }),
  // Allowed callers get BAD_USER_INPUT (the probe's payment is no crediário), which is not a refusal.
  // PIX is what the clinic has: an allowed caller changes nothing.
  'Mutation.setClinicPayoutAccount': (cast) => ({ query: 'mutation($id: ID!) { setClinicPayoutAccount(clinicId: $id, method: PIX) { id } }', variables: { id: cast.clinicId }, owned: true }),
  'Mutation.payOffCrediario': (cast) => ({
    query: 'mutation($input: PayOffCrediarioInput!) { payOffCrediario(input: $input) { totalCentavos } }',
    variables: { input: { paymentId: cast.crediarioId, idempotencyKey: randomUUID() } },
    owned: true,
  }),
  'Mutation.cancelCrediario': (cast) => ({
    query: 'mutation($input: CancelCrediarioInput!) { cancelCrediario(input: $input) { id } }',
    variables: { input: { paymentId: cast.paymentId, reason: 'matriz de autorização', idempotencyKey: randomUUID() } },
    owned: true,
  }),
  // Allowed callers get NOT_FOUND (the probe's payment is not held), which is not a refusal.
  'Mutation.decideFraudReview': (cast) => ({ query: 'mutation($id: ID!) { decideFraudReview(paymentId: $id, decision: APPROVE) { id } }', variables: { id: cast.paymentId } }),
  // The payer gets PAYMENT_NOT_PAYABLE (the probe's payment is a PIX), which is not a refusal.
  'Mutation.payWithCard': (cast) => ({ query: 'mutation($id: ID!) { payWithCard(paymentId: $id, cardToken: "card_tok_probe") { id } }', variables: { id: cast.paymentId }, owned: true }),
  'Mutation.resolveDispute': (cast) => ({ query: 'mutation($id: ID!) { resolveDispute(paymentId: $id, inFavorOf: CLINIC) { id } }', variables: { id: cast.paymentId }, owned: true }),
  'Mutation.payInstallment': () => ({ query: 'mutation($id: ID!) { payInstallment(installmentId: $id) { id } }', variables: { id: randomUUID() } }),
  'Mutation.registerClinic': () => ({
    query: 'mutation { registerClinic(input: { legalName: "Matriz Ltda", tradeName: "Matriz", cnpj: "00000000000000", address: { street: "Rua A, 1", city: "São Paulo", state: "SP", postalCode: "01000-000" }, specialties: [] }) { id } }',
  }),
  'Mutation.createProcedure': (cast) => ({
    query: 'mutation($id: ID!) { createProcedure(clinicId: $id, input: { name: "", description: "", category: "", priceCentavos: -1, durationMinutes: 0, interestFreeInstallments: 0 }) { id } }',
    variables: { id: cast.clinicId },
    owned: true,
  }),
  'Mutation.updateProcedure': (cast) => ({ query: 'mutation($id: ID!) { updateProcedure(id: $id, input: { priceCentavos: -1 }) { id } }', variables: { id: cast.procedureId }, owned: true }),
  // No such account or member (NOT_FOUND once past authorization): the team does not change.
  'Mutation.addClinicStaff': (cast) => ({ query: 'mutation($id: ID!) { addClinicStaff(clinicId: $id, email: "ninguem@example.com", role: STAFF) { __typename } }', variables: { id: cast.clinicId } }),
  'Mutation.removeClinicStaff': (cast) => ({ query: 'mutation($id: ID!, $user: ID!) { removeClinicStaff(clinicId: $id, userId: $user) }', variables: { id: cast.clinicId, user: randomUUID() } }),
  'Mutation.createApiKey': (cast) => ({ query: 'mutation($id: ID!) { createApiKey(clinicId: $id, name: "", scopes: []) { __typename } }', variables: { id: cast.clinicId }, owned: true }),
  'Mutation.revokeApiKey': () => ({
    query: 'mutation($id: ID!) { revokeApiKey(id: $id) { id } }',
    owned: true,
    prepare: async (cast) => ({ variables: { id: await throwawayApiKey(cast) } }),
  }),
  'Mutation.setClinicStatus': (cast) => ({ query: 'mutation($id: ID!) { setClinicStatus(id: $id, status: ACTIVE) { id } }', variables: { id: cast.clinicId }, owned: true }),
  // A link expiring too soon: past authorization, BAD_USER_INPUT, nothing made.
  'Mutation.createPaymentLink': (cast) => ({
    query: 'mutation($input: CreatePaymentLinkInput!) { createPaymentLink(input: $input) { id } }',
    variables: { input: { clinicId: cast.clinicId, procedureId: cast.procedureId, patient: { name: 'Matriz de Autorização', email: 'matriz@example.com' }, expiresAt: new Date().toISOString() } },
    owned: true,
  }),
  'Mutation.cancelPaymentLink': () => ({
    query: 'mutation($id: ID!) { cancelPaymentLink(id: $id) { id } }',
    owned: true,
    prepare: async (cast) => ({ variables: { id: await throwawayPaymentLink(cast) } }),
  }),
  // No credentials: past authorization, BAD_USER_INPUT, nothing connected.
  'Mutation.connectPracticeSystem': (cast) => ({ query: 'mutation($id: ID!) { connectPracticeSystem(clinicId: $id, kind: HELENA, credentials: {}) { id } }', variables: { id: cast.clinicId }, owned: true }),
  // The demo clinic's NinSaúde connection (seeded): unmapping a code it does not list changes nothing.
  'Mutation.mapPracticeProcedure': () => ({ query: 'mutation($id: ID!) { mapPracticeProcedure(connectionId: $id, code: "MATRIZ", procedureId: null) { id } }', owned: true, prepare: demoConnection }),
  'Mutation.setPracticeSync': () => ({ query: 'mutation($id: ID!) { setPracticeSync(connectionId: $id, syncAppointments: true, writeBack: true) { id } }', owned: true, prepare: demoConnection }),
  'Mutation.syncPracticeSystem': () => ({ query: 'mutation($id: ID!) { syncPracticeSystem(connectionId: $id) { id } }', owned: true, prepare: demoConnection }),
  'Mutation.disconnectPracticeSystem': () => ({
    query: 'mutation($id: ID!) { disconnectPracticeSystem(connectionId: $id) { id } }',
    owned: true,
    prepare: async (cast) => ({ variables: { id: await throwawayHelenaConnection(cast) } }),
  }),
  'Mutation.checkClinicCnpj': (cast) => ({ query: 'mutation($id: ID!) { checkClinicCnpj(id: $id) { id } }', variables: { id: cast.clinicId }, owned: true }),
  // An active clinic signed its agreement long ago: past authorization, INVALID_STATUS_TRANSITION, nothing sent.
  'Mutation.sendClinicAgreement': (cast) => ({ query: 'mutation($id: ID!) { sendClinicAgreement(id: $id) { id } }', variables: { id: cast.clinicId }, owned: true }),
  'Mutation.registerPatient': () => ({ query: 'mutation { registerPatient(input: { name: "Matriz", email: "matriz@example.com", password: "x", cpf: "00000000000" }) { __typename } }' }),
  // A link never sent: past authorization it makes no account.
  'Mutation.confirmSignUp': () => ({ query: 'mutation { confirmSignUp(token: "não é um link", password: "x") { __typename } }' }),
  'Mutation.login': () => ({
    query: 'mutation { login(input: { email: "ninguem@example.com", password: "errada" }) { __typename } }',
    // From addresses of their own (the router believes X-Forwarded-For from loopback): the suite's own logins stay unthrottled.
    prepare: async (cast, kind) => ({ headers: { ...cast.headers[kind], 'x-forwarded-for': `198.51.100.${CALLER_KINDS.indexOf(kind) + 1}` } }),
  }),
  'Mutation.refreshSession': () => ({ query: 'mutation { refreshSession(refreshToken: "não é um token") { __typename } }' }),
  'Mutation.logout': () => ({ query: 'mutation { logout }', prepare: freshSession }),
  // A wrong password, outdated versions: past authorization they change nothing (no one is deleted).
  'Mutation.requestAccountDeletion': () => ({ query: 'mutation { requestAccountDeletion(password: "não é a senha") { id } }' }),
  'Mutation.acceptTerms': () => ({ query: 'mutation { acceptTerms(termsVersion: "0", privacyPolicyVersion: "0") { __typename } }' }),
  'Mutation.setMarketingConsent': () => ({ query: 'mutation { setMarketingConsent(granted: false) { __typename } }' }),
  'Mutation.requestDataExport': () => ({ query: 'mutation { requestDataExport { id } }' }),
  // A greeting: past authorization it asks the graph for nothing.
  'Mutation.askAssistant': () => ({ query: 'mutation { askAssistant(message: "olá") { conversationId } }' }),
  // No such conversation or ticket: past authorization, NOT_FOUND.
  'Mutation.requestSupport': () => ({ query: 'mutation($id: ID!) { requestSupport(conversationId: $id, topic: PAYMENT) { id } }', variables: { id: randomUUID() } }),
  'Mutation.replyToSupportTicket': () => ({ query: 'mutation($id: ID!) { replyToSupportTicket(ticketId: $id, message: "olá") { id } }', variables: { id: randomUUID() } }),
  'Mutation.closeSupportTicket': () => ({ query: 'mutation($id: ID!) { closeSupportTicket(ticketId: $id) { id } }', variables: { id: randomUUID() } }),
  'Mutation.setUserLocked': () => ({ query: 'mutation($id: ID!) { setUserLocked(id: $id, locked: false) { id } }', variables: { id: randomUUID() } }),
};

/** Subscriptions: refused at once, or left open (allowed) with no error for a while. */
const SUBSCRIPTION_PROBES: Record<string, (cast: Cast) => Probe> = {
  'Subscription.notificationAdded': () => ({ query: 'subscription { notificationAdded { id } }' }),
  'Subscription.paymentStatusChanged': (cast) => ({ query: 'subscription($id: ID!) { paymentStatusChanged(paymentId: $id) { id } }', variables: { id: cast.paymentId }, owned: true }),
  'Subscription.myPaymentEvents': () => ({ query: 'subscription { myPaymentEvents { id } }' }),
  'Subscription.clinicPaymentEvents': (cast) => ({ query: 'subscription($id: ID!) { clinicPaymentEvents(clinicId: $id) { id } }', variables: { id: cast.clinicId }, owned: true }),
};

/** Guarded object fields, each reached from a root field with the owner's object: `root` names that root field. */
const FIELD_PROBES: Record<string, { root: string; probe: (cast: Cast) => Probe }> = {};
const onClinic = (field: string, selection: string, args = '', variables: () => Record<string, unknown> = () => ({}), nullable = false) => {
  FIELD_PROBES[`Clinic.${field}`] = {
    root: 'Query.clinic',
    probe: (cast) => ({
      query: `query($id: ID!${args ? `, ${args}` : ''}) { clinic(id: $id) { ${selection} } }`,
      variables: { id: cast.clinicId, ...variables() },
      nullable,
      owned: true,
    }),
  };
};
onClinic('analytics', 'analytics(from: $from, to: $to) { __typename }', '$from: String!, $to: String!', period);
onClinic('payments', 'payments { __typename }');
onClinic('payoutAccount', 'payoutAccount { method }');
onClinic('balance', 'balance { __typename }');
onClinic('statement', 'statement(from: $from, to: $to) { __typename }', '$from: String!, $to: String!', period);
onClinic('monthlyStatement', 'monthlyStatement(month: "2026-01") { sha256 }');
onClinic('receitaFederal', 'receitaFederal { status }', '', () => ({}), true);
onClinic('agreement', 'agreement { status }', '', () => ({}), true);
onClinic('paymentLinks', 'paymentLinks { id }');
onClinic('practiceSystems', 'practiceSystems { id }');
onClinic('receivables', 'receivables(from: $from, to: $to) { __typename }', '$from: String!, $to: String!', period);
onClinic('statusReason', 'statusReason', '', () => ({}), true);
onClinic('staff', 'staff { __typename }');
onClinic('supportTickets', 'supportTickets { __typename }');
onClinic('apiKeys', 'apiKeys { id }');

const PAYMENT_SELECTIONS: Record<string, string> = {
  amounts: 'amounts { __typename }', pix: 'pix { __typename }', boleto: 'boleto { __typename }', card: 'card { __typename }',
  installments: 'installments { __typename }', history: 'history { __typename }', payer: 'payer { id }', clinic: 'clinic { id }',
  procedure: 'procedure { id }', ledgerEntries: 'ledgerEntries { __typename }', fraudAssessment: 'fraudAssessment { __typename }',
  contract: 'contract { status }', receipts: 'receipts { sha256 }',
};
/** null for an unpaid PIX payment à vista, whoever asks */
const PAYMENT_NULLABLE = new Set(['contract', 'monthlyInterestRate', 'iofCentavos', 'cetAnnualRate', 'boleto', 'card', 'installments', 'disputeReason', 'escrowReleaseDueAt', 'hold']);
for (const path of guardedFields().filter((path) => path.startsWith('Payment.'))) {
  const field = path.slice('Payment.'.length);
  FIELD_PROBES[path] = {
    root: 'Query.payment',
    probe: (cast) => ({ query: `query($id: ID!) { payment(id: $id) { ${PAYMENT_SELECTIONS[field] ?? field} } }`, variables: { id: cast.paymentId }, nullable: PAYMENT_NULLABLE.has(field), owned: true }),
  };
}
const USER_SELECTIONS: Record<string, string> = { payments: 'payments { __typename }', clinics: 'clinics { __typename }', consent: 'consent { needsReacceptance }', cpfCheck: 'cpfCheck { status }' };
for (const path of guardedFields().filter((path) => path.startsWith('User.'))) {
  const field = path.slice('User.'.length);
  FIELD_PROBES[path] = {
    root: 'Query.user',
    probe: (cast) => ({ query: `query($id: ID!) { user(id: $id) { ${USER_SELECTIONS[field] ?? field} } }`, variables: { id: cast.patientUserId }, nullable: field === 'phone', owned: true }),
  };
}

// The person's own data: each part reached through myPersonalData, whoever asks gets only their own.
for (const path of guardedFields().filter((path) => path.startsWith('PersonalData.'))) {
  FIELD_PROBES[path] = { root: 'Query.myPersonalData', probe: () => ({ query: `{ myPersonalData { ${path.slice('PersonalData.'.length)} ${{ moneyInFlight: '{ paymentId }', soleAdminOf: '{ id }' }[path.slice('PersonalData.'.length)] ?? ''} } }`, nullable: true }) };
}

async function throwawayEndpoint(cast: Cast): Promise<string> {
  const { body } = await cast.stack.graphql<{ createWebhookEndpoint: { endpoint: { id: string } } }>(
    'mutation($id: ID!) { createWebhookEndpoint(clinicId: $id, url: "http://127.0.0.1:9/matriz", events: ["payment.status_changed"]) { endpoint { id } } }',
    { id: cast.clinicId },
    bearer(cast.clinicAdminToken),
  );
  if (!body.data) throw new Error(`throwaway endpoint: ${JSON.stringify(body.errors)}`);
  return body.data.createWebhookEndpoint.endpoint.id;
}

async function throwawayPaymentLink(cast: Cast): Promise<string> {
  const { body } = await cast.stack.graphql<{ createPaymentLink: { id: string } }>(
    'mutation($input: CreatePaymentLinkInput!) { createPaymentLink(input: $input) { id } }',
    { input: { clinicId: cast.clinicId, procedureId: cast.procedureId, patient: { name: 'Matriz de Autorização', email: 'matriz@example.com' }, expiresAt: new Date(Date.now() + 86_400_000).toISOString() } },
    bearer(cast.clinicAdminToken),
  );
  if (!body.data) throw new Error(`throwaway link: ${JSON.stringify(body.errors)}`);
  return body.data.createPaymentLink.id;
}

/** The demo clinic's NinSaúde connection, seeded with the demo data. */
async function demoConnection(cast: Cast) {
  const { body } = await cast.stack.graphql<{ clinic: { practiceSystems: { id: string; kind: string }[] } }>('query($id: ID!) { clinic(id: $id) { practiceSystems { id kind } } }', { id: cast.clinicId }, bearer(cast.clinicAdminToken));
  return { variables: { id: body.data!.clinic.practiceSystems.find((connection) => connection.kind === 'NINSAUDE')!.id } };
}

/** A Helena connection of the demo clinic, made for the caller to disconnect. */
async function throwawayHelenaConnection(cast: Cast): Promise<string> {
  const { body } = await cast.stack.graphql<{ connectPracticeSystem: { id: string } }>(
    'mutation($id: ID!, $token: String!) { connectPracticeSystem(clinicId: $id, kind: HELENA, credentials: { apiToken: $token }) { id } }',
    { id: cast.clinicId, token: HELENA_DEMO.apiToken },
    bearer(cast.clinicAdminToken),
  );
  if (!body.data) throw new Error(`throwaway connection: ${JSON.stringify(body.errors)}`);
  return body.data.connectPracticeSystem.id;
}

async function throwawayApiKey(cast: Cast): Promise<string> {
  const { body } = await cast.stack.graphql<{ createApiKey: { apiKey: { id: string } } }>(
    'mutation($id: ID!) { createApiKey(clinicId: $id, name: "Matriz", scopes: [PAYMENTS_READ]) { apiKey { id } } }',
    { id: cast.clinicId },
    bearer(cast.clinicAdminToken),
  );
  if (!body.data) throw new Error(`throwaway key: ${JSON.stringify(body.errors)}`);
  return body.data.createApiKey.apiKey.id;
}

const EMAILS: Partial<Record<CallerKind, string>> = {
  patient: 'paciente@demo.medpay.com.br',
  otherPatient: 'joao.pereira@demo.medpay.com.br',
  clinicStaff: 'clinica@demo.medpay.com.br',
  otherClinicStaff: 'olhos.carioca@demo.medpay.com.br',
  platformAdmin: 'admin@demo.medpay.com.br',
};

/** A session of its own for a probe that ends it (logout); partner keys and anonymous callers as they are. */
async function freshSession(cast: Cast, kind: CallerKind) {
  const email = EMAILS[kind];
  return email ? { headers: bearer((await cast.stack.login(email)).accessToken) } : {};
}

// ——— verdicts ———

const REFUSALS = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'INVALID_API_KEY']);
type Verdict = { allowed: boolean; detail: string };

function verdictOf(body: { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] }, probe: Probe, mutation: boolean): Verdict {
  const codes = (body.errors ?? []).map((error) => String(error.extensions?.code));
  const detail = codes.join(',') || 'ok';
  if (codes.some((code) => REFUSALS.has(code))) return { allowed: false, detail };
  if (probe.owned && codes.includes('NOT_FOUND')) return { allowed: false, detail };
  // A mutation that got past authorization may still be refused by its own rules (that is the point of the arguments).
  if (mutation) return { allowed: true, detail };
  const value = leafOf(body.data);
  if (value === null || value === undefined) return { allowed: probe.nullable === true && codes.length === 0 && body.data != null, detail: `${detail} (null)` };
  return { allowed: true, detail };
}

/** The value the probe asked for: the innermost field of the one path it selects. */
function leafOf(data: unknown): unknown {
  let value = data;
  while (value && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    if (keys.length !== 1 || keys[0] === '__typename' || keys[0] === 'id') return value;
    value = (value as Record<string, unknown>)[keys[0]!];
  }
  return value;
}

const expected = (access: Access, within?: Access): Set<CallerKind> => {
  const allowed = new Set<CallerKind>(access === 'inherit' ? CALLER_KINDS : access);
  if (within && within !== 'inherit') for (const kind of [...allowed]) if (!within.includes(kind)) allowed.delete(kind);
  return allowed;
};

describe('the authorization policy table', () => {
  it('has an entry for every field of the supergraph, and none for a field it no longer has', () => {
    const fields = graphFields();
    const listed = Object.entries(POLICY).flatMap(([type, entries]) => Object.keys(entries).map((field) => `${type}.${field}`));
    expect(fields.filter((path) => policyOf(path) === undefined)).toEqual([]);
    expect(listed.filter((path) => !fields.includes(path))).toEqual([]);
  });

  it('names who may use every guarded field and every root field (never INHERIT), and the matrix runs each of them', () => {
    const mustDecide = [...new Set([...guardedFields(), ...graphFields().filter((path) => ROOT_TYPES.includes(path.split('.')[0]!))])];
    expect(mustDecide.filter((path) => policyOf(path) === INHERIT)).toEqual([]);
    // Fields left INHERIT carry no directive of their own.
    expect(graphFields().filter((path) => policyOf(path) === INHERIT && guardedFields().includes(path))).toEqual([]);
    // 100 % of the protected fields are executed (root fields and guarded object fields).
    const probed = new Set([...Object.keys(ROOT_PROBES), ...Object.keys(SUBSCRIPTION_PROBES), ...Object.keys(FIELD_PROBES)]);
    expect(mustDecide.filter((path) => !probed.has(path))).toEqual([]);
  });
});

describe.each(availableModes())('the authorization matrix through the router (%s)', (mode) => {
  let stack: Stack;
  let cast: Cast;
  const clients: Client[] = [];

  beforeAll(async () => {
    stack = await startStack(mode, { API_KEY_CACHE_SECONDS: '0' }, { notifications: true });
    const demo = await demoCast(stack);
    const allScopes = ['PAYMENTS_READ', 'PAYMENTS_REFUND', 'PAYMENTS_CONFIRM', 'CATALOG_WRITE', 'EVENTS_SUBSCRIBE', 'PAYMENT_LINKS_WRITE'];
    const keyFor = async (clinicId: string, token: string) => {
      const { body } = await stack.graphql<{ createApiKey: { secret: string } }>(
        'mutation($id: ID!, $scopes: [ApiKeyScope!]!) { createApiKey(clinicId: $id, name: "Matriz", scopes: $scopes) { secret } }',
        { id: clinicId, scopes: allScopes },
        bearer(token),
      );
      if (!body.data) throw new Error(JSON.stringify(body.errors));
      return body.data.createApiKey.secret;
    };
    const { body: memberships } = await stack.graphql<{ me: { clinics: { clinic: { id: string } }[] } }>('{ me { clinics { clinic { id } } } }', {}, bearer(demo.otherClinicAdmin.accessToken));
    const otherClinicId = memberships.data!.me.clinics[0]!.clinic.id;
    const { body: paid } = await stack.graphql<{ checkout: { id: string } }>(
      'mutation($input: CheckoutInput!) { checkout(input: $input) { id } }',
      { input: { procedureId: demo.procedureId, planId: 'PIX', method: 'PIX', idempotencyKey: randomUUID() } },
      bearer(demo.patient.accessToken),
    );
    const crediarioTerms = (await stack.graphql<{ paymentPlans: { id: string; contractTermsHash: string }[] }>('query($p: ID!) { paymentPlans(procedureId: $p) { id contractTermsHash } }', { p: demo.procedureId }))
      .body.data!.paymentPlans.find((plan) => plan.id === 'CREDIARIO:3')!.contractTermsHash;
    const { body: signed } = await stack.graphql<{ checkout: { id: string; pix: { copiaECola: string } } }>(
      'mutation($input: CheckoutInput!) { checkout(input: $input) { id pix { copiaECola } } }',
      { input: { procedureId: demo.procedureId, planId: 'CREDIARIO:3', method: 'PIX', incomeBand: 'DE_2_A_4_SM', acceptedContractTermsHash: crediarioTerms, idempotencyKey: randomUUID() } },
      bearer(demo.patient.accessToken),
    );
    const { pix } = await signCrediario(stack, signed.data!.checkout.id, 'paciente@demo.medpay.com.br', demo.patient.accessToken);
    await fetch(`${stack.celcoin.url}/_sim/pix/pay`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ payload: pix!.copiaECola }) });
    await eventually(() => paymentStatus(stack, demo.admin.accessToken, signed.data!.checkout.id), (status) => status === 'IN_ESCROW', 'the crediário in force');
    cast = {
      stack,
      clinicAdminToken: demo.clinicAdmin.accessToken,
      clinicId: demo.clinicId,
      procedureId: demo.procedureId,
      paymentId: paid.data!.checkout.id,
      crediarioId: signed.data!.checkout.id,
      patientUserId: demo.patient.userId,
      endpointId: '',
      deliveryId: '',
      headers: {
        anonymous: {},
        patient: bearer(demo.patient.accessToken),
        otherPatient: bearer(demo.otherPatient.accessToken),
        clinicStaff: bearer(demo.clinicAdmin.accessToken),
        otherClinicStaff: bearer(demo.otherClinicAdmin.accessToken),
        partnerKey: { 'x-api-key': await keyFor(demo.clinicId, demo.clinicAdmin.accessToken) },
        otherPartnerKey: { 'x-api-key': await keyFor(otherClinicId, demo.otherClinicAdmin.accessToken) },
        platformAdmin: bearer(demo.admin.accessToken),
      },
    };
    cast.endpointId = await throwawayEndpoint(cast);
    // A payment after the endpoint exists gives it a delivery.
    await stack.graphql(
      'mutation($input: CheckoutInput!) { checkout(input: $input) { id } }',
      { input: { procedureId: demo.procedureId, planId: 'PIX', method: 'PIX', idempotencyKey: randomUUID() } },
      bearer(demo.patient.accessToken),
    );
    const deliveries = await eventually(
      async () =>
        (await stack.graphql<{ webhookDeliveries: { edges: { node: { id: string } }[] } }>('query($id: ID!) { webhookDeliveries(endpointId: $id) { edges { node { id } } } }', { id: cast.endpointId }, cast.headers.clinicStaff)).body.data?.webhookDeliveries.edges ?? [],
      (edges) => edges.length > 0,
      'a webhook delivery',
      60_000,
    );
    cast.deliveryId = deliveries[0]!.node.id;
  }, 300_000);
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await stack?.close();
  });

  /** Runs each probe as each kind of caller; answers the differences from the table, with what came back. */
  const mismatches = async (probes: [path: string, probe: (cast: Cast) => Probe, within?: Access][], mutation: boolean) => {
    const found: string[] = [];
    for (const [path, make, within] of probes) {
      const allowed = expected(policyOf(path)!, within);
      await Promise.all(
        CALLER_KINDS.map(async (kind) => {
          const probe = make(cast);
          const prepared = (await probe.prepare?.(cast, kind)) ?? {};
          const { body } = await stack.graphql(probe.query, prepared.variables ?? probe.variables, prepared.headers ?? cast.headers[kind]);
          const verdict = verdictOf(body as never, probe, mutation);
          if (verdict.allowed !== allowed.has(kind)) found.push(`${path} as ${kind}: ${verdict.allowed ? 'allowed' : 'refused'} (${verdict.detail}), the table says ${allowed.has(kind) ? 'allowed' : 'refused'}`);
        }),
      );
    }
    return found.sort();
  };

  it('answers every root query field as the table says, for each kind of caller', async () => {
    const probes = Object.entries(ROOT_PROBES).filter(([path]) => path.startsWith('Query.'));
    expect(await mismatches(probes, false)).toEqual([]);
  }, 120_000);

  it('shows every guarded object field, reached through a root field, only to those the table names', async () => {
    const probes = Object.entries(FIELD_PROBES).map(([path, { root, probe }]) => [path, probe, policyOf(root)] as [string, (cast: Cast) => Probe, Access]);
    expect(await mismatches(probes, false)).toEqual([]);
  }, 120_000);

  it('lets through authorization only the mutations the table allows, moving no money', async () => {
    const probes = Object.entries(ROOT_PROBES).filter(([path]) => path.startsWith('Mutation.'));
    expect(await mismatches(probes, true)).toEqual([]);
  }, 180_000);

  it('opens subscriptions over graphql-ws only for those the table allows', async () => {
    const found: string[] = [];
    await Promise.all(
      Object.entries(SUBSCRIPTION_PROBES).flatMap(([path, make]) =>
        CALLER_KINDS.map(async (kind) => {
          const probe = make(cast);
          const headers = cast.headers[kind];
          // A refusal comes right after the connection is acknowledged; a subscription still open a while later was accepted.
          let connected!: () => void;
          const acknowledged = new Promise<void>((resolve) => (connected = resolve));
          const client = liveClient(stack.wsUrl, { token: headers.authorization?.replace(/^Bearer /, ''), apiKey: headers['x-api-key'] }, { on: { connected: () => connected() } });
          clients.push(client);
          const outcome = await new Promise<Verdict>((resolve) => {
            let timer: NodeJS.Timeout | undefined;
            void acknowledged.then(() => (timer = setTimeout(() => resolve({ allowed: true, detail: 'open' }), 3_000)));
            client.subscribe(
              { query: probe.query, variables: probe.variables },
              {
                next: (result) => {
                  const codes = (result.errors ?? []).map((error) => String(error.extensions?.code));
                  if (codes.length) {
                    clearTimeout(timer);
                    resolve({ allowed: !codes.some((code) => REFUSALS.has(code) || code === 'NOT_FOUND'), detail: codes.join(',') });
                  }
                },
                error: (error) => {
                  clearTimeout(timer);
                  const codes = Array.isArray(error) ? error.map((e: { extensions?: { code?: string } }) => String(e.extensions?.code)) : [];
                  resolve({ allowed: false, detail: codes.join(',') || JSON.stringify(error) });
                },
                complete: () => undefined,
              },
            );
          });
          const allowed = expected(policyOf(path)!).has(kind);
          if (outcome.allowed !== allowed) found.push(`${path} as ${kind}: ${outcome.allowed ? 'allowed' : 'refused'} (${outcome.detail}), the table says ${allowed ? 'allowed' : 'refused'}`);
        }),
      ),
    );
    expect(found.sort()).toEqual([]);
  }, 120_000);
});

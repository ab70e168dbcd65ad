// The data subject's export (LGPD art. 18) end to end, through the router, in both database modes:
// the package holds the person's data from every subgraph and nothing of anyone else's; every personal
// table and column of every subgraph appears in it (or is withheld for a stated reason); links are
// short-lived, single-person and refused when altered; requests are rate-limited.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from '@medpay/runtime/testing';
import type { Claims } from '@medpay/runtime';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { availableModes, bearer, demoCast, payByPix, startStack, type Session, type Stack } from './stack.js';

/** The link's lifetime in this suite: long enough to download, short enough to wait out. */
const LINK_TTL_SECONDS = 3;

interface ExportRow {
  id: string;
  status: string;
  requestedAt: string;
  readyAt: string | null;
  downloadUrl: string | null;
  expiresAt: string | null;
}
type Json = Record<string, unknown>;
type Package = Json & {
  format: string;
  subject: string;
  account: { profile: Json; dataExports: Json[]; consents: Json[] };
  payments: Array<Json & { charges: Json[]; installments: Json[]; history: Json[]; refunds: Json[]; fraudAssessment: Json | null; contractSignature: Json | null; documents: Json[] }>;
  clinicMemberships: { memberships: Json[]; apiKeysCreated: Json[] };
  notifications: { notifications: Json[]; messages: Json[]; preferences: Json[]; pushSubscriptions: Json[] };
  analytics: { patient: Json | null; payments: Json[]; installments: Json[]; events: Json[]; dataAccesses: Json[] };
  assistant: { keptForDays: number; conversations: Array<Json & { turns: Json[] }>; tickets: Json[] };
};

const EXPORTS = '{ myDataExports { id status requestedAt readyAt downloadUrl expiresAt } }';
const REQUEST = 'mutation { requestDataExport { id status requestedAt readyAt downloadUrl expiresAt } }';

/**
 * Every table of every subgraph's database: where its rows appear in the person's package, or why
 * they are not personal data. Columns are checked one by one against schema.prisma, so a new table or
 * column fails this suite until someone decides where it goes in the export.
 */
const PERSONAL_TABLES: Record<string, Record<string, { in: (pkg: Package) => Json[]; renamed?: Record<string, string>; withheld?: Record<string, string> } | { notPersonal: string }>> = {
  users: {
    User: {
      in: (pkg) => [pkg.account.profile],
      renamed: { cpfEncrypted: 'cpf' },
      withheld: {
        passwordHash: 'a secret derived from the password',
        cpfBlindIndex: 'a keyed hash of the CPF, for lookups',
        cpfNextCheckAt: "the queue's schedule of the next check at the Receita",
        cpfCheckAttempts: "the queue's retry counter",
      },
    },
    ConsentRecord: { in: (pkg) => pkg.account.consents, withheld: { userId: 'the subject itself', seq: 'the order of the records (they are listed in it)' } },
    DataExport: { in: (pkg) => pkg.account.dataExports, withheld: { userId: 'the subject itself', package: 'the packages themselves', attempts: 'an internal retry counter' } },
    OutboxEvent: { notPersonal: 'domain events carry ids, roles and times; the ones about the person are in the analytics part' },
    SessionRevocation: { notPersonal: 'session ids only (and a deleted account\'s id, a pseudonym)' },
    AccountDeletion: { notPersonal: 'exists only once the account is deleted, when there is no one left to export for' },
    AccountDeletionStep: { notPersonal: "an account deletion's progress" },
    SignUp: { notPersonal: "no account's: a sign-up is an account's data once confirmed, and is forgotten a day after its link expires" },
  },
  payments: {
    Payment: { in: (pkg) => pkg.payments, renamed: { procedureNameEncrypted: 'procedureName', contractAcceptanceEncrypted: 'contractAcceptance' } },
    Charge: { in: (pkg) => pkg.payments.flatMap((payment) => payment.charges) },
    Installment: { in: (pkg) => pkg.payments.flatMap((payment) => payment.installments) },
    PaymentStatusChange: { in: (pkg) => pkg.payments.flatMap((payment) => payment.history) },
    Transfer: { in: (pkg) => pkg.payments.flatMap((payment) => payment.refunds) },
    FraudAssessment: {
      in: (pkg) => pkg.payments.flatMap((payment) => (payment.fraudAssessment ? [payment.fraudAssessment] : [])),
      withheld: {
        score: "anti-fraud's criteria (LGPD art. 20 §1)",
        reasons: "anti-fraud's criteria",
        features: "anti-fraud's criteria",
        reviewNote: "the back office's internal note",
        reviewedBy: 'the analyst, not the subject',
      },
    },
    ContractSignature: {
      in: (pkg) => pkg.payments.flatMap((payment) => (payment.contractSignature ? [payment.contractSignature] : [])),
      withheld: {
        paymentId: 'the payment it is listed under',
        documentId: "ClickSign's id of the document",
        signerId: "ClickSign's id of the signer",
        signingUrlEncrypted: "a link that signs in the person's name (the app shows it while it may be signed)",
        claimedUntil: 'an internal lease',
      },
    },
    Document: { in: (pkg) => pkg.payments.flatMap((payment) => payment.documents), withheld: { paymentId: 'the payment it is listed under', objectKey: 'where the file is stored (it downloads from the app)' } },
    PaymentLink: { notPersonal: "a clinic's request to pay, with the contact it gave (encrypted); the payment made through it is listed" },
    IdempotencyKey: { notPersonal: 'replay protection: a key and a request hash' },
    ProcessedEvent: { notPersonal: 'event ids' },
    OutboxEvent: { notPersonal: 'ids, amounts and statuses; the ones about the person are in the analytics part' },
    LedgerAccount: { notPersonal: "the platform's and the clinics' accounts" },
    LedgerTransaction: { notPersonal: "the platform's books (by payment id; the payment itself is listed)" },
    LedgerEntry: { notPersonal: "the platform's books" },
    FeedCursor: { notPersonal: 'where the event reader is' },
  },
  providers: {
    ClinicMember: { in: (pkg) => pkg.clinicMemberships.memberships, renamed: { createdAt: 'since' }, withheld: { userId: 'the subject itself' } },
    ApiKey: { in: (pkg) => pkg.clinicMemberships.apiKeysCreated, withheld: { secretHash: 'the hash of a credential', createdBy: 'the subject itself' } },
    Clinic: { notPersonal: "a legal entity's registration" },
    ClinicAgreement: { notPersonal: "a clinic's service agreement (its admin signs for the clinic)" },
    PracticeConnection: { notPersonal: "a clinic's own systems" },
    PracticeAppointment: { notPersonal: "the clinic's own records of its appointments (encrypted), kept to make their payment links" },
    PracticeSyncRun: { notPersonal: "a clinic's sync log" },
    Procedure: { notPersonal: "a clinic's catalog" },
    OutboxEvent: { notPersonal: 'ids and statuses of clinics and procedures' },
    FeedCursor: { notPersonal: 'where the event reader is' },
  },
  notifications: {
    Notification: { in: (pkg) => pkg.notifications.notifications, renamed: { titleEncrypted: 'title', bodyEncrypted: 'body' }, withheld: { dedupeKey: 'an internal deduplication key' } },
    Message: { in: (pkg) => pkg.notifications.messages, renamed: { dataEncrypted: 'data' }, withheld: { dedupeKey: 'an internal deduplication key', cancelKey: 'an internal cancellation key' } },
    Preference: { in: (pkg) => pkg.notifications.preferences, withheld: { userId: 'the subject itself' } },
    PushSubscription: { in: (pkg) => pkg.notifications.pushSubscriptions, withheld: { userId: 'the subject itself', p256dh: "the browser's key", auth: "the browser's secret" } },
    WebhookEndpoint: { notPersonal: "a clinic's systems" },
    WebhookDelivery: { notPersonal: "deliveries to a clinic's systems (ids and statuses)" },
    AggregateSequence: { notPersonal: 'counters per payment' },
    QueuedJob: { notPersonal: 'queue entries pointing at messages (listed)' },
    FeedCursor: { notPersonal: 'where the event reader is' },
  },
};

/** The scalar columns of each model of a subgraph's schema.prisma (relations left out). */
function modelColumns(subgraph: string): Map<string, string[]> {
  const text = readFileSync(fileURLToPath(new URL(`../subgraphs/${subgraph}/prisma/schema.prisma`, import.meta.url)), 'utf8');
  const blocks = [...text.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)];
  const models = new Set(blocks.map((block) => block[1]!));
  return new Map(
    blocks.map(([, name, body]) => [
      name!,
      body!
        .split('\n')
        .map((line) => /^\s+(\w+)\s+(\w+)/.exec(line))
        .filter((match): match is RegExpExecArray => match !== null && !models.has(match[2]!))
        .map((match) => match[1]!),
    ]),
  );
}

describe.each(availableModes())('data export through the router (%s)', (mode) => {
  let stack: Stack;
  let paula: Session;
  let joao: Session;
  let admin: Session;
  let procedureId: string;
  let clinicId: string;
  let paulaPayment: string;
  let paulaConversation: string;
  let joaoPayment: string;

  const exportsOf = async (who: Session) => {
    const { body } = await stack.graphql<{ myDataExports: ExportRow[] }>(EXPORTS, {}, bearer(who.accessToken));
    if (!body.data?.myDataExports) throw new Error(JSON.stringify(body.errors));
    return body.data.myDataExports;
  };
  /** Requests an export and waits for it; returns the row as listed (with a fresh link) and the package. */
  const exportFor = async (who: Session) => {
    const { body } = await stack.graphql<{ requestDataExport: ExportRow }>(REQUEST, {}, bearer(who.accessToken));
    if (!body.data?.requestDataExport) throw new Error(JSON.stringify(body.errors));
    const id = body.data.requestDataExport.id;
    const rows = await eventually(() => exportsOf(who), (list) => list.some((row) => row.id === id && row.status === 'READY'), 'the export ready', 30_000);
    const row = rows.find((entry) => entry.id === id)!;
    const response = await fetch(row.downloadUrl!);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="medpay-meus-dados-${id}.json"`);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    return { row, pkg: (await response.json()) as Package };
  };

  beforeAll(async () => {
    stack = await startStack(mode, { DATA_EXPORT_LINK_TTL_SECONDS: String(LINK_TTL_SECONDS) }, { notifications: true });
    ({ patient: paula, otherPatient: joao, admin, procedureId, clinicId } = await demoCast(stack));
    paulaPayment = await payByPix(stack, paula, procedureId, admin.accessToken);
    joaoPayment = await payByPix(stack, joao, procedureId, admin.accessToken);
    // Paula and João talk to the assistant, and Paula asks for a person.
    const talk = async (token: string) =>
      (await stack.graphql<{ askAssistant: { conversationId: string } }>('mutation { askAssistant(message: "quero falar com uma pessoa") { conversationId } }', {}, bearer(token))).body.data!.askAssistant.conversationId;
    paulaConversation = await talk(paula.accessToken);
    await talk(joao.accessToken);
    const ticket = await stack.graphql('mutation($id: ID!) { requestSupport(conversationId: $id, topic: PAYMENT) { id } }', { id: paulaConversation }, bearer(paula.accessToken));
    expect(ticket.body.errors).toBeUndefined();
    // A second payment, refunded in full by Paula while in escrow, and a browser of hers on Web Push.
    const refunded = await payByPix(stack, paula, procedureId, admin.accessToken);
    const refund = await stack.graphql<{ refundPayment: { id: string } }>(
      'mutation($input: RefundInput!) { refundPayment(input: $input) { id } }',
      { input: { paymentId: refunded, amountCentavos: 1, reason: 'Desisti do procedimento', idempotencyKey: randomUUID() } },
      bearer(paula.accessToken),
    );
    if (refund.body.errors) {
      // Patients cancel in full: ask for the whole amount.
      const { body } = await stack.graphql<{ payment: { amounts: { patientTotalCentavos: number } } }>('query($id: ID!) { payment(id: $id) { amounts { patientTotalCentavos } } }', { id: refunded }, bearer(paula.accessToken));
      const full = await stack.graphql('mutation($input: RefundInput!) { refundPayment(input: $input) { id } }', { input: { paymentId: refunded, amountCentavos: body.data!.payment.amounts.patientTotalCentavos, reason: 'Desisti do procedimento', idempotencyKey: randomUUID() } }, bearer(paula.accessToken));
      expect(full.body.errors).toBeUndefined();
    }
    // A crediário, so that installments and the accepted contract terms are in the package too.
    const plans = await stack.graphql<{ paymentPlans: { id: string; contractTermsHash: string }[] }>('query($p: ID!) { paymentPlans(procedureId: $p, firstDueDay: 5) { id contractTermsHash } }', { p: procedureId });
    const plan = plans.body.data!.paymentPlans.find((entry) => entry.id === 'CREDIARIO:3')!;
    const crediario = await stack.graphql(
      'mutation($input: CheckoutInput!) { checkout(input: $input) { id } }',
      { input: { procedureId, planId: plan.id, method: 'BOLETO', firstDueDay: 5, incomeBand: 'DE_2_A_4_SM', acceptedContractTermsHash: plan.contractTermsHash, idempotencyKey: randomUUID() } },
      bearer(paula.accessToken),
    );
    expect(crediario.body.errors).toBeUndefined();
    // A device the simulated push service knows (an unknown one answers 404 to the first push, and the
    // subscription is dropped, as it should be).
    const device = (await (await fetch(`${stack.messaging!.httpUrl}/_sim/push/subscriptions`, { method: 'POST' })).json()) as { endpoint: string; keys: { p256dh: string; auth: string } };
    const push = await stack.graphql(
      'mutation($s: PushSubscriptionInput!) { subscribeWebPush(subscription: $s) }',
      { s: { endpoint: device.endpoint, p256dh: device.keys.p256dh, auth: device.keys.auth } },
      bearer(paula.accessToken),
    );
    expect(push.body.errors).toBeUndefined();
    // The package is a picture of now: wait until the other services have taken in Paula's payment.
    await eventually(() => stack.analytics.store.findById('payments', paulaPayment), (fact) => fact !== null, 'analytics has the payment');
    await eventually(() => stack.notifications!.store.prisma.notification.count({ where: { recipientId: paula.userId } }), (count) => count > 0, 'Paula notified');
  }, 300_000);

  afterAll(async () => {
    await stack?.close();
  });

  it("holds the person's data from every subgraph, and nothing of anyone else's", async () => {
    const { row, pkg } = await exportFor(paula);
    expect(row.readyAt).not.toBeNull();
    expect(Date.parse(row.expiresAt!) - Date.now()).toBeLessThanOrEqual(LINK_TTL_SECONDS * 1000);
    expect(pkg).toMatchObject({ format: 'medpay-data-export/1', exportId: row.id, subject: paula.userId });
    expect(pkg.account.profile).toMatchObject({ id: paula.userId, email: 'paciente@demo.medpay.com.br', cpf: '52998224725' });
    const payment = pkg.payments.find((entry) => entry.id === paulaPayment)!;
    expect(payment).toMatchObject({ payerId: paula.userId, procedureName: 'Clareamento dental', status: 'IN_ESCROW' });
    expect(payment.charges[0]).toMatchObject({ method: 'PIX', status: 'PAID' });
    expect(payment.history.map((change) => change.to)).toEqual(expect.arrayContaining(['AWAITING_PAYMENT', 'PAID', 'IN_ESCROW']));
    expect(pkg.notifications.notifications.some((notification) => notification.link === `/pagamentos/${paulaPayment}`)).toBe(true);
    expect(pkg.notifications.messages.some((message) => (message.data as Json).paymentId === paulaPayment)).toBe(true);
    expect(pkg.notifications.preferences.length).toBeGreaterThan(0);
    expect(pkg.analytics.payments.map((fact) => fact._id)).toContain(paulaPayment);
    expect(pkg.analytics.patient).toMatchObject({ _id: paula.userId });
    expect(pkg.clinicMemberships.memberships).toEqual([]);
    expect(pkg.assistant.keptForDays).toBe(180);
    expect(pkg.assistant.conversations.find((conversation) => conversation._id === paulaConversation)?.turns[0]).toMatchObject({ author: 'PATIENT', text: 'quero falar com uma pessoa' });
    expect(pkg.assistant.tickets.map((ticket) => ticket._id)).toEqual([paulaConversation]);

    const text = JSON.stringify(pkg);
    for (const theirs of [joao.userId, joaoPayment, 'joao.pereira@demo.medpay.com.br']) expect(text).not.toContain(theirs);
  });

  it('lists every personal table and column of every subgraph, or says why not', async () => {
    const { pkg } = await exportFor(paula);
    // Paula has no clinic or keys: a clinic admin's package shows those parts filled in.
    const clinicAdmin = await stack.login('clinica@demo.medpay.com.br');
    const key = await stack.graphql('mutation($c: ID!) { createApiKey(clinicId: $c, name: "ERP da clínica") { secret } }', { c: clinicId }, bearer(clinicAdmin.accessToken));
    expect(key.body.errors).toBeUndefined();
    const staff = (await exportFor(clinicAdmin)).pkg;
    expect(staff.clinicMemberships.memberships.length).toBeGreaterThan(0);
    for (const [subgraph, tables] of Object.entries(PERSONAL_TABLES)) {
      const columns = modelColumns(subgraph);
      expect([...columns.keys()].sort()).toEqual(Object.keys(tables).sort());
      for (const [model, rule] of Object.entries(tables)) {
        if ('notPersonal' in rule) continue;
        const rows = [...rule.in(pkg), ...rule.in(staff)];
        // Every personal table has rows here: a part that comes back empty proves nothing.
        expect({ model, empty: rows.length === 0 }).toEqual({ model, empty: false });
        for (const column of columns.get(model)!) {
          if (rule.withheld?.[column]) continue;
          const key = rule.renamed?.[column] ?? column;
          expect({ model, column: key, present: rows.every((entry) => key in entry) }).toEqual({ model, column: key, present: true });
        }
      }
    }
    // Withheld columns are really withheld.
    expect(JSON.stringify(pkg)).not.toMatch(/passwordHash|cpfBlindIndex|secretHash|p256dh/);
  });

  it('links are short-lived, for one package and one person, and refused when altered', async () => {
    const paulas = await exportFor(paula);
    const joaos = await exportFor(joao);
    const link = new URL(paulas.row.downloadUrl!);

    const tampered = new URL(link);
    tampered.searchParams.set('signature', `${link.searchParams.get('signature')!.slice(0, -2)}AA`);
    const otherPackage = new URL(link);
    otherPackage.searchParams.set('id', joaos.row.id);
    const longer = new URL(link);
    longer.searchParams.set('expires', String(Number(link.searchParams.get('expires')) + 3600));
    for (const url of [tampered, otherPackage, longer]) {
      const response = await fetch(url);
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ errors: [{ message: expect.stringMatching(/link de download não é válido/), extensions: { code: 'DATA_EXPORT_LINK_INVALID' } }] });
    }
    // Another person's token changes nothing: the link names the package, and joão's list holds only his.
    expect((await exportsOf(joao)).map((row) => row.id)).not.toContain(paulas.row.id);
    const joaoClaims: Claims = { sub: joao.userId, kind: 'user', roles: ['PATIENT'], scopes: [], exp: Math.floor(Date.now() / 1000) + 60 };
    const parts = { users: 'account', payments: 'payments', providers: 'clinicMemberships', notifications: 'notifications', analytics: 'analytics', ai: 'assistant' } as const;
    for (const [name, field] of Object.entries(parts)) {
      const service = name === 'notifications' ? stack.notifications! : stack[name as Exclude<keyof typeof parts, 'notifications'>];
      const { body } = await stack.direct(service, `query($r: [_Any!]!) { _entities(representations: $r) { ... on PersonalData { ${field} } } }`, joaoClaims, {
        r: [{ __typename: 'PersonalData', userId: paula.userId }],
      });
      expect({ name, codes: body.errors?.map((error) => error.extensions?.code) }).toEqual({ name, codes: ['FORBIDDEN'] });
    }

    await new Promise((resolve) => setTimeout(resolve, LINK_TTL_SECONDS * 1000 + 200));
    const expired = await fetch(link);
    expect(expired.status).toBe(410);
    expect(await expired.json()).toEqual({ errors: [{ message: expect.stringMatching(/expirou/), extensions: { code: 'DATA_EXPORT_LINK_EXPIRED' } }] });
    // A fresh read of the list gives a fresh link to the same package.
    const again = (await exportsOf(paula)).find((row) => row.id === paulas.row.id)!;
    expect((await fetch(again.downloadUrl!)).status).toBe(200);
  }, 60_000);

  it('one export in progress at a time, and a few a day', async () => {
    const answers = await Promise.all([REQUEST, REQUEST].map((query) => stack.graphql<{ requestDataExport: ExportRow }>(query, {}, bearer(paula.accessToken))));
    const codes = answers.map(({ body }) => body.errors?.[0]?.extensions?.code ?? body.data?.requestDataExport.status);
    expect(codes.sort()).toEqual(['DATA_EXPORT_IN_PROGRESS', 'PENDING']);
    expect(answers.find(({ body }) => body.errors)!.body.errors![0]!.message).toBe('Já estamos preparando uma cópia dos seus dados. Aguarde ela ficar pronta.');
    await eventually(() => exportsOf(paula), (list) => list.every((row) => row.status !== 'PENDING'), 'the export done', 30_000);
    // Paula asked for 4 today in this suite (the limit is 5): the 5th passes, the 6th is refused.
    await exportFor(paula).catch(() => undefined);
    const refused = await stack.graphql(REQUEST, {}, bearer(paula.accessToken));
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('DATA_EXPORT_LIMIT_REACHED');
  }, 60_000);

  it('anonymous callers get no export', async () => {
    const anonymous = await stack.graphql(REQUEST);
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const personal = await stack.graphql('{ myPersonalData { payments } }');
    expect(personal.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

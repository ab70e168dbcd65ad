// Account deletion (LGPD art. 18 VI) end to end, through the router, in both database modes: refused
// while money is in flight (saying what blocks it) or with a wrong password; once done, the account
// is anonymized, its sessions refused at once, its e-mail and CPF free for a new sign-up, the payment
// records kept under the pseudonymous id with the ledger balanced, and the request's progress visible
// to platform admins, each service's step reported once however often it is reported.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as contracts from '@medpay/contracts';
import { InternalClient } from '@medpay/runtime';
import { eventually } from '@medpay/runtime/testing';
import { randomUUID } from 'node:crypto';
import { availableModes, bearer, demoCast, payByPix, paymentStatus, signUpPatient, startStack, type Session, type Stack } from './stack.js';

const DELETE = 'mutation($password: String!) { requestAccountDeletion(password: $password) { id userId status requestedAt completedAt steps { service status completedAt } } }';
const DELETIONS = '{ accountDeletions(first: 10) { id userId status completedAt steps { service status } } }';

/** What "at once" means here: a poll interval and its round trip, with room for a loaded machine (e2e/revocation.test.ts says 2 s). */
const AT_ONCE_MS = 3_000;

interface Deletion {
  id: string;
  userId: string;
  status: string;
  completedAt: string | null;
  steps: { service: string; status: string }[];
}

describe.each(availableModes())('account deletion through the router (%s)', (mode) => {
  let stack: Stack;
  let paula: Session;
  let clinicAdmin: Session;
  let otherClinicAdmin: Session;
  let otherPatient: Session;
  let admin: Session;
  let procedureId: string;

  const statusOf = (id: string) => paymentStatus(stack, admin.accessToken, id);

  beforeAll(async () => {
    stack = await startStack(mode, {}, { notifications: true });
    ({ patient: paula, clinicAdmin, otherClinicAdmin, otherPatient, admin, procedureId } = await demoCast(stack));
  }, 300_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('is refused with a wrong password, and while money is in flight, saying what blocks it', async () => {
    // Paula keeps a channel choice, so that notifications has something of hers to forget.
    const chosen = await stack.graphql('mutation { setNotificationPreferences(preferences: [{channel: SMS, purpose: TRANSACTIONAL, enabled: false}]) { channel } }', {}, bearer(paula.accessToken));
    expect(chosen.body.errors).toBeUndefined();
    const wrong = await stack.graphql(DELETE, { password: 'NotMyPassword1' }, bearer(paula.accessToken));
    expect(wrong.body.errors?.[0]).toMatchObject({ message: 'Senha incorreta.', extensions: { code: 'INVALID_CREDENTIALS' } });

    const paymentId = await payByPix(stack, paula, procedureId, admin.accessToken);
    const held = await stack.graphql(DELETE, { password: 'MedPay@2026' }, bearer(paula.accessToken));
    const error = held.body.errors?.[0] as { message: string; extensions: { code: string; blockers: unknown } };
    expect(error.extensions.code).toBe('ACCOUNT_HAS_MONEY_IN_FLIGHT');
    expect(error.message).toBe(
      'Ainda não é possível excluir sua conta: há dinheiro em movimento (valor em custódia aguardando a confirmação do procedimento). Conclua ou cancele essas pendências e tente novamente.',
    );
    expect(error.extensions.blockers).toEqual([{ paymentId, reason: 'ESCROW_HELD' }]);
    // Nothing was recorded or changed: the person still uses the account.
    expect((await stack.graphql('{ me { email } myAccountDeletion { id } }', {}, bearer(paula.accessToken))).body.data).toEqual({ me: { email: 'paciente@demo.medpay.com.br' }, myAccountDeletion: null });

    // The clinic confirms the procedure: the money leaves escrow, and nothing blocks any more.
    const confirmed = await stack.graphql('mutation($id: ID!) { confirmProcedurePerformed(paymentId: $id) { id } }', { id: paymentId }, bearer(clinicAdmin.accessToken));
    expect(confirmed.body.errors).toBeUndefined();
    await eventually(() => statusOf(paymentId), (status) => status === 'PAID_OUT', 'the payment paid out', 30_000);
  }, 90_000);

  it('anonymizes the account and ends its sessions at once; the records the law keeps stay, pseudonymized, and the books balanced', async () => {
    const paymentIds = (await stack.graphql<{ myPayments: { edges: { node: { id: string } }[] } }>('{ myPayments(first: 50) { edges { node { id } } } }', {}, bearer(paula.accessToken))).body.data!.myPayments.edges.map((edge) => edge.node.id);
    expect(paymentIds.length).toBe(1);
    // A conversation with the assistant, and a ticket opened from it: both are the person's.
    const asked = await stack.graphql<{ askAssistant: { conversationId: string } }>('mutation { askAssistant(message: "quero falar com uma pessoa") { conversationId } }', {}, bearer(paula.accessToken));
    const { conversationId } = asked.body.data!.askAssistant;
    const ticket = await stack.graphql('mutation($id: ID!) { requestSupport(conversationId: $id, topic: PAYMENT) { id } }', { id: conversationId }, bearer(paula.accessToken));
    expect(ticket.body.errors).toBeUndefined();
    const { body } = await stack.graphql<{ requestAccountDeletion: Deletion }>(DELETE, { password: 'MedPay@2026' }, bearer(paula.accessToken));
    expect(body.errors).toBeUndefined();
    const deletion = body.data!.requestAccountDeletion;
    expect(deletion).toMatchObject({ userId: paula.userId, status: 'IN_PROGRESS', completedAt: null });
    expect(deletion.steps).toEqual([
      { service: 'ai', status: 'PENDING', completedAt: null },
      { service: 'analytics', status: 'PENDING', completedAt: null },
      { service: 'notifications', status: 'PENDING', completedAt: null },
      { service: 'payments', status: 'PENDING', completedAt: null },
      { service: 'providers', status: 'PENDING', completedAt: null },
      { service: 'users', status: 'DONE', completedAt: expect.any(String) },
    ]);

    // Refused at once: the router polls the sessions feed every REVOCATION_POLL_MS (500 ms); AT_ONCE_MS leaves room for a busy machine.
    await eventually(async () => (await stack.graphql('{ me { id } }', {}, bearer(paula.accessToken))).status, (status) => status === 401, 'the token refused', AT_ONCE_MS);
    const login = await stack.graphql('mutation { login(input: {email: "paciente@demo.medpay.com.br", password: "MedPay@2026"}) { accessToken } }');
    expect(login.body.errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');
    const refresh = await stack.graphql('mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }', { t: paula.refreshToken });
    expect(refresh.body.errors?.[0]?.extensions?.code).toBe('INVALID_REFRESH_TOKEN');

    // The payment stays, for the clinic and the back office, under the pseudonymous id: no name, no e-mail, no CPF.
    const kept = await stack.graphql<{ payment: { status: string; payer: { id: string; name: string; email: string | null; cpfMasked: string | null } } }>(
      'query($id: ID!) { payment(id: $id) { status payer { id name email cpfMasked } } }',
      { id: paymentIds[0] },
      bearer(admin.accessToken),
    );
    expect(kept.body.data!.payment).toMatchObject({ status: 'PAID_OUT', payer: { id: paula.userId, name: 'Conta excluída', cpfMasked: null } });
    expect(kept.body.data!.payment.payer.email).not.toContain('paciente');
    const health = await stack.graphql<{ ledgerHealth: { balanced: boolean; discrepancies: string[] } }>('{ ledgerHealth { balanced discrepancies } }', {}, bearer(admin.accessToken));
    expect(health.body.data!.ledgerHealth).toEqual({ balanced: true, discrepancies: [] });

    // The e-mail and the CPF may sign up again: a new account, which sees nothing of the old one.
    const again = await signUpPatient(stack, { name: 'Paula Andrade Souza', email: 'paciente@demo.medpay.com.br', password: 'Outra@Senha2027', cpf: '529.982.247-25' });
    expect(again.userId).not.toBe(paula.userId);
    const theirs = await stack.graphql<{ myPayments: { edges: unknown[] } }>('{ myPayments(first: 50) { edges { node { id } } } }', {}, bearer(again.accessToken));
    expect(theirs.body.data!.myPayments.edges).toEqual([]);

    // Every service does its part on the event and reports it; the assistant's conversations and
    // tickets, the bell's texts and the channel choices are gone, the messages kept as a record with the data they were rendered from emptied.
    await eventually(
      async () => (await stack.graphql<{ accountDeletions: Deletion[] }>(DELETIONS, {}, bearer(admin.accessToken))).body.data!.accountDeletions[0]!.steps,
      (steps) => steps.every((step) => step.status === 'DONE'),
      'every service done',
      30_000,
    );
    expect(await stack.ai.store.findById('conversations', conversationId)).toBeNull();
    expect(await stack.ai.store.findById('tickets', conversationId)).toBeNull();
    const notifications = stack.notifications!.store.prisma;
    expect(await notifications.notification.count({ where: { recipientId: paula.userId } })).toBe(0);
    expect(await notifications.preference.count({ where: { userId: paula.userId } })).toBe(0);
    const messages = await notifications.message.findMany({ where: { recipientId: paula.userId } });
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) expect(stack.notifications!.store.dataOf(message)).toEqual({});

    // Platform admins follow it; nobody else does.
    const listed = await stack.graphql<{ accountDeletions: Deletion[] }>(DELETIONS, {}, bearer(admin.accessToken));
    expect(listed.body.data!.accountDeletions.find((entry) => entry.id === deletion.id)).toMatchObject({ userId: paula.userId, status: 'COMPLETED', completedAt: expect.any(String) });
    expect((await stack.graphql(DELETIONS, {}, bearer(clinicAdmin.accessToken))).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  }, 90_000);

  it("a service's step reported again (a redelivered event) changes nothing", async () => {
    const [deletion] = (await stack.graphql<{ accountDeletions: Deletion[] }>(DELETIONS, {}, bearer(admin.accessToken))).body.data!.accountDeletions;
    type Service = 'payments' | 'providers' | 'notifications' | 'analytics' | 'ai';
    const reportAs = (caller: Service, service: Service, deletionId = deletion!.id) =>
      new InternalClient(stack.users.url, caller, stack.secret).call(contracts.accountDeletionSteps, { deletionId, service });
    const report = (service: Service, deletionId?: string) => reportAs(service, service, deletionId);
    expect(deletion!.status).toBe('COMPLETED');
    for (const service of ['payments', 'providers', 'notifications', 'analytics', 'ai'] as const) expect(await report(service)).toEqual({ status: 'COMPLETED' });
    const [done] = (await stack.graphql<{ accountDeletions: Deletion[] }>(DELETIONS, {}, bearer(admin.accessToken))).body.data!.accountDeletions;
    expect(done).toMatchObject({ status: 'COMPLETED', completedAt: deletion!.completedAt });
    expect(done!.steps.every((step) => step.status === 'DONE')).toBe(true);
    expect(await report('payments', randomUUID())).toBeNull();
    // A service speaks for itself only.
    await expect(reportAs('payments', 'analytics')).rejects.toThrow('answered 403');
  });

  it("is refused to a clinic's only admin until the team has another: a clinic is never left without one", async () => {
    const memberships = await stack.graphql<{ me: { clinics: { clinic: { id: string; tradeName: string }; role: string }[] } }>('{ me { clinics { clinic { id tradeName } role } } }', {}, bearer(otherClinicAdmin.accessToken));
    const [olhos] = memberships.body.data!.me.clinics;
    expect(olhos).toMatchObject({ role: 'ADMIN' });
    const refused = await stack.graphql(DELETE, { password: 'MedPay@2026' }, bearer(otherClinicAdmin.accessToken));
    expect(refused.body.errors?.[0]).toMatchObject({
      message: `Você é a única pessoa administradora de ${olhos!.clinic.tradeName}. Nomeie outra pessoa administradora na equipe antes de excluir sua conta, para que a clínica não fique sem gestão.`,
      extensions: { code: 'ACCOUNT_IS_SOLE_CLINIC_ADMIN', clinicIds: [olhos!.clinic.id] },
    });
    expect((await stack.graphql('{ me { id } }', {}, bearer(otherClinicAdmin.accessToken))).status).toBe(200);

    // Another admin joins: the deletion goes ahead, and the clinic keeps the new one.
    const added = await stack.graphql('mutation($id: ID!) { addClinicStaff(clinicId: $id, email: "joao.pereira@demo.medpay.com.br", role: ADMIN) { role } }', { id: olhos!.clinic.id }, bearer(otherClinicAdmin.accessToken));
    expect(added.body.errors).toBeUndefined();
    const deleted = await stack.graphql<{ requestAccountDeletion: Deletion }>(DELETE, { password: 'MedPay@2026' }, bearer(otherClinicAdmin.accessToken));
    const deletion = deleted.body.data!.requestAccountDeletion;
    await eventually(
      async () => (await stack.graphql<{ accountDeletions: Deletion[] }>(DELETIONS, {}, bearer(admin.accessToken))).body.data!.accountDeletions.find((entry) => entry.id === deletion.id)?.status,
      (status) => status === 'COMPLETED',
      'the deletion completed',
      30_000,
    );
    const team = await stack.graphql<{ me: { clinics: unknown[] } }>('{ me { clinics { clinic { id } role } } }', {}, bearer(otherPatient.accessToken));
    expect(team.body.data!.me.clinics).toEqual([{ clinic: { id: olhos!.clinic.id }, role: 'ADMIN' }]);
  });
});

// A clinic's own system connected through the router, in both database modes, with the NinSaúde,
// Celcoin and messaging simulators: the clinic's admin connects the demo NinSaúde account and maps a
// procedure; the sync turns an appointment into a payment link e-mailed to the patient; the patient
// pays it by PIX; the next sync writes the payment back to the ERP's conta a receber — once, even
// when the answer is lost and retried, and when a crash made the sync forget it had written it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { NINSAUDE_DEMO } from '@medpay/ninsaude-simulator';
import { eventually } from '@medpay/runtime/testing';
import { randomUUID } from 'node:crypto';
import { availableModes, bearer, demoCast, emailsTo, startStack, type Stack } from './stack.js';

type Connection = {
  id: string;
  status: string;
  accountName: string;
  lastError: string | null;
  procedures: { code: string; name: string; procedure: { id: string } | null }[];
  syncLog: { imported: number; linked: number; writtenBack: number; errors: string[] }[];
  appointments: { externalId: string; status: string; patientName: string; paymentLinkToken: string | null; writtenBackStatus: string | null; procedure: { id: string } | null }[];
};
const CONNECTION = 'id status accountName lastError procedures { code name procedure { id } } syncLog(first: 3) { imported linked writtenBack errors } appointments(first: 100) { externalId status patientName paymentLinkToken writtenBackStatus procedure { id } }';

describe.each(availableModes())('practice systems and payment links (%s)', (mode) => {
  let stack: Stack;
  let cast: Awaited<ReturnType<typeof demoCast>>;
  let connectionId: string;
  const admin = () => bearer(cast.clinicAdmin.accessToken);
  const ninsaude = async (path: string, body?: unknown, method = body === undefined ? 'GET' : 'POST') =>
    (await fetch(`${stack.ninsaude.url}${path}`, { method, headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })).json() as Promise<Record<string, unknown>>;
  const sync = async () => {
    const { body } = await stack.graphql<{ syncPracticeSystem: Connection }>(`mutation($id: ID!) { syncPracticeSystem(connectionId: $id) { ${CONNECTION} } }`, { id: connectionId }, admin());
    if (!body.data) throw new Error(JSON.stringify(body.errors));
    return body.data.syncPracticeSystem;
  };

  beforeAll(async () => {
    stack = await startStack(mode, { PRACTICE_SYNC_INTERVAL_MS: '3600000' }, { notifications: true });
    cast = await demoCast(stack);
  }, 180_000);
  afterAll(() => stack?.close());

  it('connects the clinic\'s NinSaúde with its login (refused when wrong), keeping no password, and lists its procedures to map', async () => {
    const CONNECT = `mutation($clinicId: ID!, $credentials: PracticeCredentialsInput!) { connectPracticeSystem(clinicId: $clinicId, kind: NINSAUDE, credentials: $credentials) { ${CONNECTION} } }`;
    const wrong = await stack.graphql(CONNECT, { clinicId: cast.clinicId, credentials: { ...NINSAUDE_DEMO.login, password: 'errada' } }, admin());
    expect(wrong.body.errors?.[0]?.extensions?.code).toBe('PRACTICE_CREDENTIALS_REFUSED');
    // Another clinic's staff cannot connect this clinic's systems.
    expect((await stack.graphql(CONNECT, { clinicId: cast.clinicId, credentials: NINSAUDE_DEMO.login }, bearer(cast.otherClinicAdmin.accessToken))).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const { body } = await stack.graphql<{ connectPracticeSystem: Connection }>(CONNECT, { clinicId: cast.clinicId, credentials: NINSAUDE_DEMO.login }, admin());
    expect(body.data!.connectPracticeSystem).toMatchObject({ status: 'ACTIVE', lastError: null });
    // Disconnected, then connected twice at once (two tabs, a double click): one connection, not two nor an error.
    await stack.graphql('mutation($id: ID!) { disconnectPracticeSystem(connectionId: $id) { id } }', { id: body.data!.connectPracticeSystem.id }, admin());
    const both = await Promise.all([1, 2].map(() => stack.graphql<{ connectPracticeSystem: Connection }>(CONNECT, { clinicId: cast.clinicId, credentials: NINSAUDE_DEMO.login }, admin())));
    expect(both.map(({ body: each }) => each.errors)).toEqual([undefined, undefined]);
    const connection = both[0]!.body.data!.connectPracticeSystem;
    connectionId = connection.id;
    expect(both[1]!.body.data!.connectPracticeSystem.id).toBe(connectionId);
    expect(await stack.providers.prisma.practiceConnection.count({ where: { clinicId: cast.clinicId, kind: 'NINSAUDE', status: { not: 'DISCONNECTED' } } })).toBe(1);
    expect(connection.procedures.map((procedure) => procedure.code)).toContain('ODT-CLAR');
    const stored = await stack.providers.prisma.practiceConnection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(stored.credentialsEncrypted).toMatch(/^k1:/);
    expect(JSON.stringify(stored)).not.toContain(NINSAUDE_DEMO.login.password);

    const MAP = `mutation($id: ID!, $code: String!, $procedureId: ID) { mapPracticeProcedure(connectionId: $id, code: $code, procedureId: $procedureId) { ${CONNECTION} } }`;
    // Only the clinic's own procedures can be mapped.
    const foreign = (await stack.graphql<{ procedures: { edges: { node: { id: string } }[] } }>('{ procedures(filter: { city: "Rio de Janeiro" }, first: 1) { edges { node { id } } } }')).body.data!.procedures.edges[0]!.node.id;
    expect((await stack.graphql(MAP, { id: connectionId, code: 'ODT-CLAR', procedureId: foreign }, admin())).body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const mapped = await stack.graphql<{ mapPracticeProcedure: Connection }>(MAP, { id: connectionId, code: 'ODT-CLAR', procedureId: cast.procedureId }, admin());
    expect(mapped.body.data!.mapPracticeProcedure.procedures.find((procedure) => procedure.code === 'ODT-CLAR')!.procedure).toEqual({ id: cast.procedureId });
  });

  it('turns an appointment into a payment link e-mailed to the patient, paid by PIX and written back once to the ERP, whatever is retried', async () => {
    const email = `paciente.ninsaude.${randomUUID().slice(0, 8)}@exemplo.com.br`;
    const booked = (await ninsaude('/_sim/appointments', { patient: { name: 'Luiza Ramos Prado', email, phone: '(11) 91234-5678' }, procedureCode: 'ODT-CLAR' })) as { appointment: { id: number } };
    const appointmentId = String(booked.appointment.id);

    const synced = await sync();
    const imported = synced.appointments.find((appointment) => appointment.externalId === appointmentId)!;
    expect(imported).toMatchObject({ patientName: 'Luiza Ramos Prado', procedure: { id: cast.procedureId }, paymentLinkToken: expect.stringMatching(/^[A-Za-z0-9_-]{12}$/) });
    // The link is in the sync log (the background's run may have made it while ours waited for it).
    expect(synced.syncLog.some((run) => run.linked >= 1)).toBe(true);
    // A second sync finds nothing new and makes no second link.
    expect((await sync()).appointments.find((appointment) => appointment.externalId === appointmentId)!.paymentLinkToken).toBe(imported.paymentLinkToken);
    const token = imported.paymentLinkToken!;

    // The patient hears of it by e-mail, with the link to the patient app.
    const [mail] = await eventually(() => emailsTo(stack, email), (found) => found.length > 0, 'the payment link e-mail', 30_000);
    expect(mail!.text).toContain(`/pagar/${token}`);
    // Whoever has the token sees what to pay; the clinic lists the link.
    const view = await stack.graphql<{ paymentLink: { status: string; patientFirstName: string; procedure: { id: string } } }>('query($t: String!) { paymentLink(token: $t) { status patientFirstName procedure { id } } }', { t: token });
    expect(view.body.data!.paymentLink).toEqual({ status: 'ACTIVE', patientFirstName: 'Luiza', procedure: { id: cast.procedureId } });
    const listed = await stack.graphql<{ clinic: { paymentLinks: { token: string; source: string | null; patientEmail: string }[] } }>('query($id: ID!) { clinic(id: $id) { paymentLinks { token source patientEmail } } }', { id: cast.clinicId }, admin());
    expect(listed.body.data!.clinic.paymentLinks.find((link) => link.token === token)).toMatchObject({ source: expect.stringMatching(/^NINSAUDE:/), patientEmail: email });

    // The demo patient pays through the link (no CPF on it: any signed-in patient with the link).
    const checkout = await stack.graphql<{ checkout: { id: string; pix: { copiaECola: string } } }>(
      'mutation($input: CheckoutInput!) { checkout(input: $input) { id pix { copiaECola } } }',
      { input: { procedureId: cast.procedureId, planId: 'PIX', method: 'PIX', idempotencyKey: randomUUID(), paymentLinkToken: token } },
      bearer(cast.patient.accessToken),
    );
    expect(checkout.body.errors).toBeUndefined();
    const paymentId = checkout.body.data!.checkout.id;
    // Single use: a second checkout through it is refused.
    const again = await stack.graphql('mutation($input: CheckoutInput!) { checkout(input: $input) { id } }', { input: { procedureId: cast.procedureId, planId: 'PIX', method: 'PIX', idempotencyKey: randomUUID(), paymentLinkToken: token } }, bearer(cast.otherPatient.accessToken));
    expect(again.body.errors?.[0]?.extensions?.code).toBe('PAYMENT_LINK_INVALID');
    await fetch(`${stack.celcoin.url}/_sim/pix/pay`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ payload: checkout.body.data!.checkout.pix.copiaECola }) });
    await eventually(async () => (await stack.graphql<{ payment: { status: string } }>('query($id: ID!) { payment(id: $id) { status } }', { id: paymentId }, admin())).body.data?.payment.status, (status) => status === 'IN_ESCROW', 'the payment in escrow');

    // The ERP's answer to the write-back is lost once: the retry carries the same reference, applied once.
    await ninsaude('/_sim/faults', { timeoutNext: 1, faultPath: '/conta_receber' });
    const written = await sync();
    expect(written.appointments.find((appointment) => appointment.externalId === appointmentId)!.writtenBackStatus).toBe('PAID');
    type Erp = { receivable: { movimentos: { idExterno: string }[] } | null; writeBacks: { reference: string; times: number }[] };
    const reference = `${paymentId}:PAID`;
    const retried = (await ninsaude(`/_sim/appointments/${appointmentId}`)) as Erp;
    expect(retried.writeBacks.find((write) => write.reference === reference)!.times).toBe(2);
    expect(retried.receivable!.movimentos.filter((movement) => movement.idExterno === reference)).toHaveLength(1);
    // A crash after writing, before noting it: the next sync writes again, with the same reference.
    await stack.providers.prisma.$executeRaw`UPDATE practice_appointments SET written_back = '{}' WHERE external_id = ${appointmentId}`;
    await sync();
    const erp = (await ninsaude(`/_sim/appointments/${appointmentId}`)) as Erp;
    expect(erp.receivable!.movimentos.filter((movement) => movement.idExterno === reference)).toHaveLength(1);
    expect(erp.writeBacks.find((write) => write.reference === reference)!.times).toBeGreaterThanOrEqual(3);
  }, 120_000);

  it('lets a clinic make and cancel a link by hand, for one CPF only, and refuses another clinic and bad input', async () => {
    const CREATE = 'mutation($input: CreatePaymentLinkInput!) { createPaymentLink(input: $input) { id token url status patientName } }';
    const input = { clinicId: cast.clinicId, procedureId: cast.procedureId, patient: { name: 'Paula Paciente', email: 'paciente@demo.medpay.com.br', cpf: '529.982.247-25' }, expiresAt: new Date(Date.now() + 2 * 86_400_000).toISOString() };
    const made = await stack.graphql<{ createPaymentLink: { id: string; token: string; url: string; status: string } }>(CREATE, { input }, admin());
    expect(made.body.data!.createPaymentLink).toMatchObject({ status: 'ACTIVE', url: expect.stringMatching(/\/pagar\/[A-Za-z0-9_-]{12}$/), patientName: 'Paula Paciente' });
    const link = made.body.data!.createPaymentLink;
    expect((await stack.graphql(CREATE, { input }, bearer(cast.otherClinicAdmin.accessToken))).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await stack.graphql(CREATE, { input }, bearer(cast.patient.accessToken))).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await stack.graphql(CREATE, { input: { ...input, expiresAt: new Date(Date.now() + 60_000).toISOString() } }, admin())).body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // João is not the CPF the link names.
    const joao = await stack.graphql('mutation($input: CheckoutInput!) { checkout(input: $input) { id } }', { input: { procedureId: cast.procedureId, planId: 'PIX', method: 'PIX', idempotencyKey: randomUUID(), paymentLinkToken: link.token } }, bearer(cast.otherPatient.accessToken));
    expect(joao.body.errors?.[0]?.extensions?.code).toBe('PAYMENT_LINK_INVALID');
    const canceled = await stack.graphql<{ cancelPaymentLink: { status: string } }>('mutation($id: ID!) { cancelPaymentLink(id: $id) { status } }', { id: link.id }, admin());
    expect(canceled.body.data!.cancelPaymentLink.status).toBe('CANCELED');
    expect((await stack.graphql<{ paymentLink: { status: string } }>('query($t: String!) { paymentLink(token: $t) { status } }', { t: link.token })).body.data!.paymentLink.status).toBe('CANCELED');
  });
});

// What the clinic dashboard and the admin panel read, end to end through the router: a clinic's
// payments filtered (status, method, period, patient by name or CPF among its own payers), its
// statement reconciled with balances and payouts, receivables over time, the net of a price per
// plan, the admins' platform-wide search and figures, and who may read each of them.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseMetric } from '@medpay/runtime';
import { eventually } from '@medpay/runtime/testing';
import { randomUUID } from 'node:crypto';
import { availableModes, bearer, demoCast, type Stack, startStack, type Session } from './stack.js';

interface Connection { totalCount: number; edges: { node: { id: string; status: string; method: string; payer: { id: string } } }[] }

const todayInSaoPaulo = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Sao_Paulo' }).format(new Date());
const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const CLINIC_PAYMENTS = `query($clinicId: ID!, $filter: ClinicPaymentFilter) {
  clinic(id: $clinicId) { payments(filter: $filter, first: 50) { totalCount edges { node { id status method payer { id } } } } }
}`;
const STATEMENT = `query($clinicId: ID!, $from: String!, $to: String!) {
  clinic(id: $clinicId) {
    balance { inEscrowCentavos availableCentavos payoutsInTransitCentavos paidOutCentavos }
    statement(from: $from, to: $to) {
      openingEscrowCentavos openingAvailableCentavos closingEscrowCentavos closingAvailableCentavos payoutsCentavos payoutsConfirmedCentavos
      entries { id kind at escrowCentavos availableCentavos feesCentavos escrowBalanceCentavos availableBalanceCentavos transferStatus payment { id } }
    }
  }
}`;
const RECEIVABLES = `query($clinicId: ID!, $from: String!, $to: String!, $interval: ReceivablesInterval) {
  clinic(id: $clinicId) { receivables(from: $from, to: $to, interval: $interval) { date releasedCentavos paidOutCentavos expectedCentavos } }
}`;
const SEARCH = `query($filter: PaymentSearch) { payments(filter: $filter, first: 50) { totalCount edges { node { id status clinic { id } ledgerEntries { account direction amountCentavos } } } } }`;

describe.each(availableModes())('clinic and admin reports through the router (%s)', (mode) => {
  let stack: Stack;
  let paula: Session;
  let joao: Session;
  let clinicAdmin: Session;
  let otherClinicAdmin: Session;
  let admin: Session;
  let clinicId: string;
  let otherClinicId: string;
  let procedureId: string;
  /** paid, confirmed and paid out by Paula; paid and held by João; awaiting payment (boleto) by Paula */
  const ids = { paidOut: '', held: '', awaiting: '' };
  let clinicNet = 0;

  const sim = (path: string, body: unknown) => fetch(`${stack.celcoin.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const checkout = async (token: string, method: 'PIX' | 'BOLETO') => {
    const { body } = await stack.graphql<{ checkout: { id: string; pix: { copiaECola: string } | null; amounts: { clinicNetCentavos: number } } }>(
      'mutation($input: CheckoutInput!) { checkout(input: $input) { id pix { copiaECola } amounts { clinicNetCentavos } } }',
      { input: { procedureId, planId: method, method, idempotencyKey: randomUUID() } },
      bearer(token),
    );
    if (!body.data?.checkout) throw new Error(JSON.stringify(body.errors));
    return body.data.checkout;
  };
  const status = async (id: string) =>
    (await stack.graphql<{ payment: { status: string } }>('query($id: ID!) { payment(id: $id) { status } }', { id }, bearer(admin.accessToken))).body.data!.payment.status;
  const clinicPayments = async (filter: Record<string, unknown>, token = clinicAdmin.accessToken, id = clinicId) =>
    stack.graphql<{ clinic: { payments: Connection } }>(CLINIC_PAYMENTS, { clinicId: id, filter }, bearer(token));
  const idsOf = (connection: Connection) => connection.edges.map((edge) => edge.node.id).sort();

  beforeAll(async () => {
    stack = await startStack(mode);
    ({ patient: paula, otherPatient: joao, clinicAdmin, otherClinicAdmin, admin, procedureId, clinicId } = await demoCast(stack));
    const other = await stack.graphql<{ clinics: { edges: { node: { id: string } }[] } }>('{ clinics(filter: { search: "Olhos" }) { edges { node { id } } } }');
    otherClinicId = other.body.data!.clinics.edges[0]!.node.id;

    const first = await checkout(paula.accessToken, 'PIX');
    const second = await checkout(joao.accessToken, 'PIX');
    const third = await checkout(paula.accessToken, 'BOLETO');
    Object.assign(ids, { paidOut: first.id, held: second.id, awaiting: third.id });
    clinicNet = first.amounts.clinicNetCentavos;
    await sim('/_sim/pix/pay', { payload: first.pix!.copiaECola });
    await sim('/_sim/pix/pay', { payload: second.pix!.copiaECola });
    await eventually(() => status(first.id), (s) => s === 'IN_ESCROW', 'first payment in escrow');
    await eventually(() => status(second.id), (s) => s === 'IN_ESCROW', 'second payment in escrow');
    const confirmed = await stack.graphql('mutation($id: ID!) { confirmProcedurePerformed(paymentId: $id) { id } }', { id: first.id }, bearer(clinicAdmin.accessToken));
    expect(confirmed.body.errors).toBeUndefined();
    await eventually(() => status(first.id), (s) => s === 'PAID_OUT', 'first payment paid out');
    await eventually(() => stack.payments.prisma.transfer.count({ where: { status: { not: 'CONFIRMED' } } }), (n) => n === 0, 'transfers settled');
  }, 180_000);
  afterAll(() => stack?.close());

  it("filters a clinic's payments by status, method, period and patient (name or CPF, among its own payers)", async () => {
    const all = (await clinicPayments({})).body.data!.clinic.payments;
    expect(all.totalCount).toBe(3);
    expect(idsOf((await clinicPayments({ method: 'BOLETO' })).body.data!.clinic.payments)).toEqual([ids.awaiting]);
    expect(idsOf((await clinicPayments({ statuses: ['IN_ESCROW', 'PAID_OUT'] })).body.data!.clinic.payments)).toEqual([ids.paidOut, ids.held].sort());
    const today = todayInSaoPaulo();
    expect((await clinicPayments({ from: today, to: today })).body.data!.clinic.payments.totalCount).toBe(3);
    expect((await clinicPayments({ from: addDays(today, 1) })).body.data!.clinic.payments.totalCount).toBe(0);
    expect((await clinicPayments({ to: addDays(today, -1) })).body.data!.clinic.payments.totalCount).toBe(0);

    expect(idsOf((await clinicPayments({ patient: 'paula' })).body.data!.clinic.payments)).toEqual([ids.paidOut, ids.awaiting].sort());
    expect(idsOf((await clinicPayments({ patient: '529.982.247-25' })).body.data!.clinic.payments)).toEqual([ids.paidOut, ids.awaiting].sort());
    expect(idsOf((await clinicPayments({ patient: 'João' })).body.data!.clinic.payments)).toEqual([ids.held]);
    expect(idsOf((await clinicPayments({ patient: ids.held })).body.data!.clinic.payments)).toEqual([ids.held]);
    // Someone who never paid this clinic is not found, whatever matches elsewhere on the platform.
    expect((await clinicPayments({ patient: 'Mariana' })).body.data!.clinic.payments.totalCount).toBe(0);
    const tooShort = await clinicPayments({ patient: 'Pa' });
    expect(tooShort.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badDate = await clinicPayments({ from: '31/12/2026' });
    expect(badDate.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('a page of payments with their parts costs the same number of SQL statements whatever its size', async () => {
    const page = `query($clinicId: ID!, $first: Int) { clinic(id: $clinicId) { payments(first: $first) { totalCount edges { node {
      id status amounts { clinicNetCentavos } history { to } installments { number } payer { id name } procedure { name } } } } } }`;
    const statements = async (first: number) => {
      const before = parseMetric(await (await fetch(`${stack.payments.url}/metrics`)).text(), 'sql_statements_total');
      const { body } = await stack.graphql<{ clinic: { payments: Connection } }>(page, { clinicId, first }, bearer(clinicAdmin.accessToken));
      expect(body.data!.clinic.payments.edges).toHaveLength(first);
      return parseMetric(await (await fetch(`${stack.payments.url}/metrics`)).text(), 'sql_statements_total') - before;
    };
    // The worker and the outbox relay query on their own, and so do the feed readers of the payments
    // outbox (analytics' in the embedded mode, ai's in both), and the access log writes the staff's reads
    // of procedures in the background (one batch whatever the page size): paused while we count.
    const feedReaders = [...(mode === 'embedded' ? [stack.analytics.intake] : []), stack.ai.intake];
    await Promise.all([stack.payments.worker.loop.stop(), stack.payments.relay.loop.stop(), stack.payments.accessLog.stop(), ...feedReaders.map((reader) => reader.stop())]);
    try {
      // Other background work (deletion intake, notifications' feed, re-encryption…) only ever adds
      // statements: the fewest over a few tries is the page's own cost.
      const fewest = async (first: number) => {
        const counts: number[] = [];
        for (let attempt = 0; attempt < 5; attempt++) counts.push(await statements(first));
        return Math.min(...counts);
      };
      expect(await fewest(1)).toBe(await fewest(3));
    } finally {
      stack.payments.worker.loop.start(200);
      stack.payments.relay.loop.start(200);
      stack.payments.accessLog.start();
      for (const reader of feedReaders) reader.start();
    }
  });

  it('the statement reconciles: closing balances equal the balance, payouts equal what was paid out', async () => {
    const today = todayInSaoPaulo();
    type Balance = { inEscrowCentavos: number; availableCentavos: number; payoutsInTransitCentavos: number; paidOutCentavos: number };
    const { body } = await stack.graphql<{ clinic: { balance: Balance; statement: Record<string, number> & { entries: { kind: string; feesCentavos: number; escrowCentavos: number; availableCentavos: number; transferStatus: string | null; payment: { id: string } | null }[] } } }>(
      STATEMENT, { clinicId, from: addDays(today, -7), to: today }, bearer(clinicAdmin.accessToken));
    expect(body.errors).toBeUndefined();
    const { balance, statement } = body.data!.clinic;
    expect(statement.openingEscrowCentavos).toBe(0);
    expect(statement.closingEscrowCentavos).toBe(balance.inEscrowCentavos);
    expect(statement.closingAvailableCentavos).toBe(balance.availableCentavos);
    expect(statement.payoutsConfirmedCentavos).toBe(balance.paidOutCentavos);
    expect(statement.payoutsCentavos).toBe(balance.paidOutCentavos + balance.payoutsInTransitCentavos);
    expect(balance.paidOutCentavos).toBe(clinicNet);
    const ofPaidOut = statement.entries.filter((entry) => entry.payment?.id === ids.paidOut);
    expect(ofPaidOut.map((entry) => entry.kind)).toEqual(['ESCROW_IN', 'RELEASE', 'PAYOUT']);
    expect(ofPaidOut[1]!.feesCentavos).toBe(120_000 - clinicNet);
    expect(ofPaidOut[2]).toMatchObject({ availableCentavos: -clinicNet, transferStatus: 'CONFIRMED' });
    expect(statement.entries.filter((entry) => entry.payment?.id === ids.held).map((entry) => entry.kind)).toEqual(['ESCROW_IN']);
    // A period before anything happened is empty, and opens and closes at zero.
    const earlier = await stack.graphql<{ clinic: { statement: { entries: unknown[]; closingEscrowCentavos: number } } }>(STATEMENT, { clinicId, from: addDays(today, -30), to: addDays(today, -1) }, bearer(clinicAdmin.accessToken));
    expect(earlier.body.data!.clinic.statement).toMatchObject({ entries: [], closingEscrowCentavos: 0 });
    // More than a year at once is refused.
    const tooLong = await stack.graphql(STATEMENT, { clinicId, from: '2024-01-01', to: today }, bearer(clinicAdmin.accessToken));
    expect(tooLong.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('receivables over time: released and paid out today, the held payment expected on its release date', async () => {
    const today = todayInSaoPaulo();
    const { body } = await stack.graphql<{ clinic: { receivables: { date: string; releasedCentavos: number; paidOutCentavos: number; expectedCentavos: number }[] } }>(
      RECEIVABLES, { clinicId, from: today, to: addDays(today, 34), interval: 'DAY' }, bearer(clinicAdmin.accessToken));
    expect(body.errors).toBeUndefined();
    const points = body.data!.clinic.receivables;
    expect(points).toHaveLength(35);
    expect(points[0]).toMatchObject({ date: today, releasedCentavos: clinicNet, paidOutCentavos: clinicNet });
    const expected = points.filter((point) => point.expectedCentavos > 0);
    expect(expected).toHaveLength(1);
    expect(expected[0]!.expectedCentavos).toBe(clinicNet); // João's PIX: same price, same split
    expect(expected[0]!.date >= addDays(today, 29)).toBe(true);
    const weekly = await stack.graphql<{ clinic: { receivables: { releasedCentavos: number }[] } }>(RECEIVABLES, { clinicId, from: today, to: addDays(today, 34), interval: 'WEEK' }, bearer(clinicAdmin.accessToken));
    expect(weekly.body.data!.clinic.receivables.reduce((sum, point) => sum + point.releasedCentavos, 0)).toBe(clinicNet);
  });

  it('shows a clinic the net of a price per plan before it saves a procedure', async () => {
    const { body } = await stack.graphql<{ planNets: { planId: string; clinicNetCentavos: number; grossCentavos: number }[] }>(
      '{ planNets(priceCentavos: 120000, interestFreeInstallments: 6) { planId grossCentavos clinicNetCentavos } }', {}, bearer(clinicAdmin.accessToken));
    expect(body.data!.planNets.find((net) => net.planId === 'PIX')!.clinicNetCentavos).toBe(clinicNet);
    const patient = await stack.graphql('{ planNets(priceCentavos: 120000, interestFreeInstallments: 6) { planId } }', {}, bearer(paula.accessToken));
    expect(patient.status).toBe(403);
  });

  it('admins search payments across the platform (id, clinic, status; a CPF through users) and read platform figures', async () => {
    const search = (filter: Record<string, unknown>) => stack.graphql<{ payments: { totalCount: number; edges: { node: { id: string; status: string; ledgerEntries: unknown[] } }[] } }>(SEARCH, { filter }, bearer(admin.accessToken));
    const byId = (await search({ id: ids.paidOut })).body.data!.payments;
    expect(byId.edges.map((edge) => edge.node.id)).toEqual([ids.paidOut]);
    expect(byId.edges[0]!.node.ledgerEntries.length).toBeGreaterThanOrEqual(8);
    expect((await search({ clinicId })).body.data!.payments.totalCount).toBe(3);
    expect((await search({ clinicId: otherClinicId })).body.data!.payments.totalCount).toBe(0);
    expect((await search({ statuses: ['AWAITING_PAYMENT'], clinicId })).body.data!.payments.edges.map((edge) => edge.node.id)).toEqual([ids.awaiting]);
    expect((await search({ id: 'not-a-uuid' })).body.data!.payments.totalCount).toBe(0);
    const byCpf = await stack.graphql<{ users: { edges: { node: { id: string; payments: { totalCount: number } } }[] } }>(
      '{ users(filter: { search: "529.982.247-25" }) { edges { node { id payments { totalCount } } } } }', {}, bearer(admin.accessToken));
    expect(byCpf.body.data!.users.edges).toEqual([{ node: { id: paula.userId, payments: { totalCount: 2 } } }]);

    const figures = await stack.graphql<{ platformFigures: { paymentCount: number; paidCount: number; volumeCentavos: number; escrowHeldCentavos: number; byStatus: { status: string; count: number }[]; byMethod: { method: string; count: number }[] } }>(
      '{ platformFigures { paymentCount paidCount volumeCentavos escrowHeldCentavos platformRevenueCentavos byStatus { status count } byMethod { method count } } }', {}, bearer(admin.accessToken));
    expect(figures.body.errors).toBeUndefined();
    expect(figures.body.data!.platformFigures).toMatchObject({ paymentCount: 3, paidCount: 2, volumeCentavos: 240_000, escrowHeldCentavos: 120_000 });
    expect(figures.body.data!.platformFigures.byMethod).toEqual([{ method: 'PIX', count: 2 }]);
    expect(figures.body.data!.platformFigures.byStatus.map((row) => row.status).sort()).toEqual(['AWAITING_PAYMENT', 'IN_ESCROW', 'PAID_OUT']);
  });

  it("authorization: another clinic's staff, patients and partner-less callers read none of it", async () => {
    const today = todayInSaoPaulo();
    // Staff of Olhos Carioca asking for Sorriso Paulista by id.
    const otherPayments = await clinicPayments({}, otherClinicAdmin.accessToken);
    expect(otherPayments.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(otherPayments.body.data?.clinic?.payments ?? null).toBeNull();
    const otherStatement = await stack.graphql(STATEMENT, { clinicId, from: today, to: today }, bearer(otherClinicAdmin.accessToken));
    expect(otherStatement.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(otherStatement.body.data ?? {})).not.toContain(ids.paidOut);
    const otherReceivables = await stack.graphql(RECEIVABLES, { clinicId, from: today, to: today }, bearer(otherClinicAdmin.accessToken));
    expect(otherReceivables.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Their own clinic shows nothing of ours.
    expect((await clinicPayments({}, otherClinicAdmin.accessToken, otherClinicId)).body.data!.clinic.payments.totalCount).toBe(0);
    // A patient: refused by the router, before any subgraph is called.
    const patientStatement = await stack.graphql(STATEMENT, { clinicId, from: today, to: today }, bearer(paula.accessToken));
    expect(patientStatement.status).toBe(403);
    const patientPayments = await clinicPayments({}, paula.accessToken);
    expect([patientPayments.status, patientPayments.body.errors?.[0]?.extensions?.code]).toEqual([403, 'FORBIDDEN']);
    const patientBalance = await stack.graphql('query($id: ID!) { clinic(id: $id) { balance { inEscrowCentavos } } }', { id: clinicId }, bearer(paula.accessToken));
    expect(patientBalance.status).toBe(403);
    const patientSearch = await stack.graphql(SEARCH, { filter: {} }, bearer(paula.accessToken));
    expect(patientSearch.status).toBe(403);
    const staffSearch = await stack.graphql('{ platformFigures { paymentCount } }', {}, bearer(clinicAdmin.accessToken));
    expect(staffSearch.status).toBe(403);
    const anonymous = await stack.graphql(RECEIVABLES, { clinicId, from: today, to: today });
    expect(anonymous.status).toBe(401);
    // Defense in depth: the payments subgraph itself refuses a patient's signed claims.
    const direct = await stack.direct(stack.payments, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Clinic { statement(from: "${today}", to: "${today}") { closingEscrowCentavos } } } }`,
      { sub: paula.userId, kind: 'user', roles: ['PATIENT'], scopes: ['patient'], exp: Math.floor(Date.now() / 1000) + 60 }, { r: [{ __typename: 'Clinic', id: clinicId }] });
    expect(direct.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

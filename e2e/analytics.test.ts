// Analytics through the router: figures that agree to the centavo with the payments the clinic sees,
// once the events are consumed; redelivered events change nothing; a backfill from the outboxes gives
// the same figures; and only the clinic's own staff, its partner systems and platform admins see them.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { outboxFeed } from '@medpay/contracts';
import { createEventBus, InternalClient, outboxSource, todayInSaoPaulo, type DomainEvent } from '@medpay/runtime';
import { eventually } from '@medpay/runtime/testing';
import { randomUUID } from 'node:crypto';
import { backfill } from '../subgraphs/analytics/src/backfill.js';
import { Figures } from '../subgraphs/analytics/src/figures.js';
import { openEmbeddedStore } from '@medpay/documents';
import { analyticsCollections } from '../subgraphs/analytics/src/store/models.js';
import { availableModes, bearer, demoCast, type Session, type Stack, startStack } from './stack.js';

const ANALYTICS = `query($clinicId: ID!, $from: String!, $to: String!) {
  clinic(id: $clinicId) {
    analytics(from: $from, to: $to) {
      totals { grossCentavos clinicNetCentavos platformFeeCentavos processingCostCentavos paymentsCount averageTicketCentavos }
      series { periodStart grossCentavos paymentsCount }
      byMethod { method paymentsCount grossCentavos }
      byStatus { status count }
      funnel { plansSimulated checkouts paid released }
      topProcedures { procedure { id name } paymentsCount grossCentavos }
      afterSale { refundedCount refundedCentavos disputedCount }
      crediario { installmentsDue overdue30 }
    }
  }
}`;
const PAYMENTS = `query($clinicId: ID!, $from: String!, $to: String!) {
  clinic(id: $clinicId) {
    payments(filter: { from: $from, to: $to }, first: 100) {
      totalCount
      edges { node { id status history { from to } amounts { grossCentavos clinicNetCentavos platformFeeCentavos processingCostCentavos refundedCentavos } } }
    }
  }
}`;
const PLATFORM = `query($from: String!, $to: String!) {
  platformAnalytics(from: $from, to: $to) { totals { grossCentavos paymentsCount } activeClinics activePatients topClinics { clinic { id tradeName } grossCentavos } }
  analyticsLag { seconds pending }
}`;

interface Analytics {
  totals: { grossCentavos: number; clinicNetCentavos: number; platformFeeCentavos: number; processingCostCentavos: number; paymentsCount: number; averageTicketCentavos: number };
  funnel: { plansSimulated: number; checkouts: number; paid: number; released: number };
  afterSale: { refundedCount: number; refundedCentavos: number; disputedCount: number };
  topProcedures: { procedure: { id: string; name: string }; paymentsCount: number; grossCentavos: number }[];
  byStatus: { status: string; count: number }[];
}
interface PaymentNode {
  id: string;
  status: string;
  history: { from: string | null; to: string }[];
  amounts: { grossCentavos: number; clinicNetCentavos: number; platformFeeCentavos: number; processingCostCentavos: number; refundedCentavos: number };
}

const sum = (nodes: PaymentNode[], field: keyof PaymentNode['amounts']) => nodes.reduce((total, node) => total + node.amounts[field], 0);

describe.each(availableModes())('analytics through the router (%s)', (mode) => {
  let stack: Stack;
  let paula: Session;
  let joao: Session;
  let clinicAdmin: Session;
  let otherClinicAdmin: Session;
  let admin: Session;
  let clinicId: string;
  let procedureId: string;
  const today = todayInSaoPaulo();

  const sim = (path: string, body: unknown) => fetch(`${stack.celcoin.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const status = async (id: string) =>
    (await stack.graphql<{ payment: { status: string } }>('query($id: ID!) { payment(id: $id) { status } }', { id }, bearer(admin.accessToken))).body.data!.payment.status;
  const checkout = async (who: Session, method: 'PIX' | 'BOLETO') => {
    const { body } = await stack.graphql<{ checkout: { id: string; pix: { copiaECola: string } | null } }>(
      'mutation($input: CheckoutInput!) { checkout(input: $input) { id pix { copiaECola } } }',
      { input: { procedureId, planId: method, method, idempotencyKey: randomUUID() } },
      bearer(who.accessToken),
    );
    if (!body.data?.checkout) throw new Error(JSON.stringify(body.errors));
    return body.data.checkout;
  };
  const paidPix = async (who: Session) => {
    const created = await checkout(who, 'PIX');
    await sim('/_sim/pix/pay', { payload: created.pix!.copiaECola });
    await eventually(() => status(created.id), (s) => s === 'IN_ESCROW', 'the payment in escrow');
    return created.id;
  };
  const analytics = async (token = clinicAdmin.accessToken) => stack.graphql<{ clinic: { analytics: Analytics } }>(ANALYTICS, { clinicId, from: today, to: today }, bearer(token));
  const clinicPayments = async () => (await stack.graphql<{ clinic: { payments: { totalCount: number; edges: { node: PaymentNode }[] } } }>(PAYMENTS, { clinicId, from: today, to: today }, bearer(clinicAdmin.accessToken))).body.data!.clinic.payments;
  const sources = () =>
    (['users', 'providers', 'payments'] as const).map((name) => outboxSource(name, new InternalClient(stack[name].url, 'analytics', stack.secret), outboxFeed));

  beforeAll(async () => {
    stack = await startStack(mode);
    ({ patient: paula, otherPatient: joao, clinicAdmin, otherClinicAdmin, admin, procedureId, clinicId } = await demoCast(stack));
    // Two anonymous simulations of the procedure, then: paid; paid and partly refunded; paid and
    // disputed; a boleto awaiting payment.
    for (let i = 0; i < 2; i += 1) await stack.graphql('query($id: ID!) { paymentPlans(procedureId: $id) { id } }', { id: procedureId });
    await paidPix(paula);
    const refunded = await paidPix(joao);
    const refund = await stack.graphql('mutation($input: RefundInput!) { refundPayment(input: $input) { id } }',
      { input: { paymentId: refunded, amountCentavos: 20_000, reason: 'Sessão não realizada', idempotencyKey: randomUUID() } }, bearer(clinicAdmin.accessToken));
    expect(refund.body.errors).toBeUndefined();
    const disputed = await paidPix(paula);
    const dispute = await stack.graphql('mutation($id: ID!) { openDispute(paymentId: $id, reason: "Procedimento não realizado") { id } }', { id: disputed }, bearer(paula.accessToken));
    expect(dispute.body.errors).toBeUndefined();
    await checkout(joao, 'BOLETO');
  }, 180_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('agrees to the centavo with the clinic\'s payments once the events are consumed', async () => {
    const payments = await clinicPayments();
    const nodes = payments.edges.map((edge) => edge.node);
    const paid = nodes.filter((node) => node.history.some((change) => change.from === 'AWAITING_PAYMENT' && change.to === 'PAID'));
    expect([payments.totalCount, paid.length]).toEqual([4, 3]);
    const figures = (await eventually(analytics, (r) => r.body.data?.clinic.analytics.afterSale.disputedCount === 1 && r.body.data.clinic.analytics.funnel.plansSimulated === 2 && r.body.data.clinic.analytics.funnel.checkouts === 4, 'analytics to catch up')).body.data!.clinic.analytics;
    expect(figures.totals).toEqual({
      grossCentavos: sum(paid, 'grossCentavos'),
      clinicNetCentavos: sum(paid, 'clinicNetCentavos'),
      platformFeeCentavos: sum(paid, 'platformFeeCentavos'),
      processingCostCentavos: sum(paid, 'processingCostCentavos'),
      paymentsCount: 3,
      averageTicketCentavos: Math.round(sum(paid, 'grossCentavos') / 3),
    });
    expect(figures.afterSale).toEqual({ refundedCount: 1, refundedCentavos: sum(nodes, 'refundedCentavos'), disputedCount: 1 });
    expect(figures.funnel).toEqual({ plansSimulated: 2, checkouts: 4, paid: 3, released: 0 });
    expect(figures.byStatus.reduce((total, row) => total + row.count, 0)).toBe(4);
    for (const node of nodes) expect(figures.byStatus.find((row) => row.status === node.status)?.count).toBe(nodes.filter((other) => other.status === node.status).length);
    // the procedure's name comes from the providers subgraph, through the router: analytics never stores it
    expect(figures.topProcedures).toEqual([{ procedure: { id: procedureId, name: 'Clareamento dental' }, paymentsCount: 3, grossCentavos: sum(paid, 'grossCentavos') }]);

    const platform = await eventually(
      () => stack.graphql<{ platformAnalytics: { totals: { grossCentavos: number; paymentsCount: number }; activeClinics: number; activePatients: number; topClinics: { clinic: { id: string; tradeName: string } }[] }; analyticsLag: { seconds: number; pending: number } }>(PLATFORM, { from: today, to: today }, bearer(admin.accessToken)),
      (r) => r.body.data?.analyticsLag.pending === 0,
      'no event left to consume',
    );
    expect(platform.body.data!.platformAnalytics).toMatchObject({ totals: { grossCentavos: sum(paid, 'grossCentavos'), paymentsCount: 3 }, activeClinics: 1, activePatients: 2 });
    expect(platform.body.data!.platformAnalytics.topClinics[0]!.clinic).toEqual({ id: clinicId, tradeName: 'Sorriso Paulista' });
    expect(platform.body.data!.analyticsLag.seconds).toBe(0);
  });

  it('changes nothing when every event is delivered again', async () => {
    const before = (await analytics()).body.data!.clinic.analytics;
    const { events } = (await new InternalClient(stack.payments.url, 'analytics', stack.secret).call(outboxFeed, { after: null, limit: 1000 }))!;
    expect(events.length).toBeGreaterThan(10);
    if (mode === 'embedded') {
      // the feed reader starts over from the first event, and reads up to the last one again
      await stack.analytics.store.clear(['cursors']);
      await eventually(() => stack.analytics.store.findById('cursors', 'payments'), (cursor) => cursor?.eventId === events.at(-1)!.id, 'the payments feed read again');
    } else {
      // the same events published again on the stack's Stream, as a relay retrying would
      const bus = createEventBus(process.env.TEST_REDIS_URL, undefined, stack.eventStream);
      for (const event of events) await bus.publish(event as DomainEvent);
      await bus.close();
      await eventually(async () => (await stack.analytics.intake.lag()).pending, (pending) => pending === 0, 'the republished events consumed');
    }
    expect((await analytics()).body.data!.clinic.analytics).toEqual(before);
  });

  it('rebuilds the same figures from the outboxes (backfill)', async () => {
    const live = (await analytics()).body.data!.clinic.analytics;
    const store = await openEmbeddedStore(analyticsCollections, null);
    try {
      expect(await backfill(store, sources())).toBeGreaterThan(10);
      const rebuilt = await new Figures(store).clinic(clinicId, { from: today, to: today, interval: 'DAY' });
      expect(rebuilt.totals).toEqual(live.totals);
      expect(rebuilt.afterSale).toMatchObject(live.afterSale);
      expect(rebuilt.funnel).toMatchObject(live.funnel);
    } finally {
      await store.close();
    }
  });

  it('records which client used which operation and fields, for platform admins only', async () => {
    const named = 'query PartnerBalance($id: ID!) { clinic(id: $id) { balance { inEscrowCentavos } } }';
    const client = { 'apollographql-client-name': 'erp-parceiro', 'apollographql-client-version': '2.1.0' };
    for (let i = 0; i < 3; i += 1) expect((await stack.graphql(named, { id: clinicId }, { ...bearer(clinicAdmin.accessToken), ...client })).body.errors).toBeUndefined();
    const USAGE = `query($from: String!, $to: String!) { graphUsage(from: $from, to: $to) {
      operations { clientName clientVersion operationName callerKind count errorCount p50Ms p95Ms } fields { clientName field count } } }`;
    type Usage = { graphUsage: { operations: { clientName: string; clientVersion: string; operationName: string; callerKind: string; count: number; errorCount: number; p50Ms: number; p95Ms: number }[]; fields: { clientName: string; field: string; count: number }[] } };
    const usage = await eventually(
      () => stack.graphql<Usage>(USAGE, { from: today, to: today }, bearer(admin.accessToken)),
      (r) => r.body.data?.graphUsage.operations.some((op) => op.clientName === 'erp-parceiro' && op.count === 3) === true,
      'the router\'s usage batch in analytics',
    );
    const operation = usage.body.data!.graphUsage.operations.find((op) => op.clientName === 'erp-parceiro')!;
    expect(operation).toMatchObject({ clientVersion: '2.1.0', operationName: 'PartnerBalance', callerKind: 'user', count: 3, errorCount: 0 });
    expect(operation.p95Ms).toBeGreaterThanOrEqual(operation.p50Ms);
    expect(usage.body.data!.graphUsage.fields.filter((field) => field.clientName === 'erp-parceiro').map((field) => [field.field, field.count]).sort()).toEqual([
      ['Clinic.balance', 3], ['ClinicBalance.inEscrowCentavos', 3], ['Query.clinic', 3],
    ]);
    const staff = await stack.graphql(USAGE, { from: today, to: today }, bearer(clinicAdmin.accessToken));
    expect([staff.status, staff.body.errors?.[0]?.extensions?.code]).toEqual([403, 'FORBIDDEN']);
  });

  it('shows a clinic\'s figures only to its staff, its partner systems and platform admins', async () => {
    expect((await analytics(admin.accessToken)).body.data!.clinic.analytics.totals.paymentsCount).toBe(3);
    // another clinic's staff: past the directives (they are clinic staff), refused by the subgraph's ownership check
    const other = await analytics(otherClinicAdmin.accessToken);
    expect([other.body.errors?.[0]?.extensions?.code, other.body.data?.clinic?.analytics ?? null]).toEqual(['FORBIDDEN', null]);
    // a patient and an anonymous caller: refused by the router, before any subgraph is called
    const patient = await analytics(paula.accessToken);
    expect([patient.status, patient.body.errors?.[0]?.extensions?.code]).toEqual([403, 'FORBIDDEN']);
    const anonymous = await stack.graphql(ANALYTICS, { clinicId, from: today, to: today });
    expect(anonymous.status).toBe(401);
    const staffPlatform = await stack.graphql(PLATFORM, { from: today, to: today }, bearer(clinicAdmin.accessToken));
    expect([staffPlatform.status, staffPlatform.body.errors?.[0]?.extensions?.code]).toEqual([403, 'FORBIDDEN']);
    // defense in depth: the analytics subgraph itself refuses another clinic's staff and a patient
    for (const claims of [
      { sub: otherClinicAdmin.userId, kind: 'user' as const, roles: ['CLINIC_STAFF' as const], scopes: ['payments:read'], exp: Math.floor(Date.now() / 1000) + 60 },
      { sub: paula.userId, kind: 'user' as const, roles: ['PATIENT' as const], scopes: ['patient'], exp: Math.floor(Date.now() / 1000) + 60 },
    ]) {
      const direct = await stack.direct(stack.analytics, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Clinic { analytics(from: "${today}", to: "${today}") { totals { grossCentavos } } } } }`, claims, { r: [{ __typename: 'Clinic', id: clinicId }] });
      expect(direct.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    // an invalid period: a stable code and a pt-BR message (an execution error: GraphQL's 200 with no data)
    const longPeriod = await stack.graphql<{ clinic: { analytics: Analytics | null } | null }>(ANALYTICS, { clinicId, from: '2025-01-01', to: today }, bearer(clinicAdmin.accessToken));
    expect([longPeriod.body.data?.clinic?.analytics ?? null, longPeriod.body.errors?.[0]?.extensions?.code, longPeriod.body.errors?.[0]?.message]).toEqual([null, 'BAD_USER_INPUT', 'O período pode ter no máximo 366 dias.']);
  });
});

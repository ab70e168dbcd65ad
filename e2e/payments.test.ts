// Payments end to end through the router, the payments subgraph and the Celcoin simulator over real
// HTTP, in every available database mode: plans, checkout by each method, webhooks, escrow, payout,
// refunds, faults and authorization, with the books checked at each step.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from '@medpay/runtime/testing';
import { randomUUID } from 'node:crypto';
import { availableModes, bearer, demoCast, type Stack, startStack } from './stack.js';

interface PaymentView {
  id: string;
  status: string;
  escrowState: string;
  amounts: { grossCentavos: number; platformFeeCentavos: number; processingCostCentavos: number; clinicNetCentavos: number; patientTotalCentavos: number; refundedCentavos: number };
  pix: { copiaECola: string; expiresAt: string } | null;
  boleto: { line: string; barcode: string; dueDate: string } | null;
  card: { approved: boolean; last4: string } | null;
  history: { from: string | null; to: string }[];
}

const PAYMENT_FIELDS = `id status escrowState
  amounts { grossCentavos platformFeeCentavos processingCostCentavos clinicNetCentavos patientTotalCentavos refundedCentavos }
  pix { copiaECola expiresAt } boleto { line barcode dueDate } card { approved last4 } history { from to }`;
const CHECKOUT = `mutation($input: CheckoutInput!) { checkout(input: $input) { ${PAYMENT_FIELDS} } }`;
const PAYMENT = `query($id: ID!) { payment(id: $id) { ${PAYMENT_FIELDS} } }`;
const BALANCE = 'query($id: ID!) { clinic(id: $id) { balance { inEscrowCentavos availableCentavos payoutsInTransitCentavos paidOutCentavos } } }';
const CONFIRM = `mutation($id: ID!) { confirmProcedurePerformed(paymentId: $id) { ${PAYMENT_FIELDS} } }`;
const REFUND = `mutation($input: RefundInput!) { refundPayment(input: $input) { ${PAYMENT_FIELDS} } }`;

describe.each(availableModes())('payments through the router (%s)', (mode) => {
  let stack: Stack;
  let patient: { accessToken: string; userId: string };
  let otherPatient: { accessToken: string; userId: string };
  let clinicAdmin: { accessToken: string };
  let otherClinicAdmin: { accessToken: string };
  let admin: { accessToken: string };
  let clinicId: string;
  let procedureId: string;

  const sim = async (path: string, body?: unknown, method = 'POST') => {
    const response = await fetch(`${stack.celcoin.url}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, body: (await response.json().catch(() => null)) as Record<string, unknown> | null };
  };
  const checkout = async (input: Record<string, unknown>, token = patient.accessToken) =>
    stack.graphql<{ checkout: PaymentView }>(CHECKOUT, { input: { procedureId, idempotencyKey: randomUUID(), ...input } }, bearer(token));
  const payment = async (id: string, token = patient.accessToken) => (await stack.graphql<{ payment: PaymentView }>(PAYMENT, { id }, bearer(token))).body.data!.payment;
  const waitStatus = (id: string, status: string, token = patient.accessToken) => eventually(() => payment(id, token), (p) => p.status === status);
  /** A crediário's contract signed by its payer at ClickSign: the payment, once its first installment is payable. */
  const signed = async (id: string, email = 'paciente@demo.medpay.com.br', token = patient.accessToken) => {
    await stack.signAs(email);
    return eventually(() => payment(id, token), (p) => p.status === 'AWAITING_PAYMENT' && (p.pix !== null || p.boleto !== null), 'the signed contract\'s first charge', 30_000);
  };
  const balance = async () => (await stack.graphql<{ clinic: { balance: Record<string, number> } }>(BALANCE, { id: clinicId }, bearer(clinicAdmin.accessToken))).body.data!.clinic.balance;
  const ledgerHealth = async () =>
    (await stack.graphql<{ ledgerHealth: { balanced: boolean; discrepancies: string[] } }>('{ ledgerHealth { balanced discrepancies } }', {}, bearer(admin.accessToken))).body.data!.ledgerHealth;
  const blockOf = async (paymentId: string) =>
    ((await sim('/_sim/state', undefined, 'GET')).body!.blocks as { correlationBlockedId: string; remainingCentavos: number }[]).find((b) => b.correlationBlockedId === paymentId);
  const simCharges = async () => ((await sim('/_sim/state', undefined, 'GET')).body as { charges: unknown[] }).charges.length;

  /** paid à vista → escrow → confirmed → paid out, with the clinic's balance at each step */
  async function throughEscrowToPayout(paymentId: string, before: Record<string, number>) {
    const inEscrow = await waitStatus(paymentId, 'IN_ESCROW');
    expect(inEscrow.escrowState).toBe('HELD');
    expect(inEscrow.history.map((h) => h.to)).toEqual(['AWAITING_PAYMENT', 'PAID', 'IN_ESCROW']);
    const gross = inEscrow.amounts.grossCentavos;
    expect((await balance()).inEscrowCentavos).toBe(before.inEscrowCentavos! + gross);

    const confirmed = await stack.graphql<{ confirmProcedurePerformed: PaymentView }>(CONFIRM, { id: paymentId }, bearer(clinicAdmin.accessToken));
    expect(confirmed.body.errors).toBeUndefined();
    expect(confirmed.body.data!.confirmProcedurePerformed.status).toBe('RELEASED');
    const paidOut = await waitStatus(paymentId, 'PAID_OUT');
    expect(paidOut.escrowState).toBe('PAID_OUT');
    const after = await eventually(balance, (b) => b.paidOutCentavos === before.paidOutCentavos! + paidOut.amounts.clinicNetCentavos);
    expect(after.inEscrowCentavos).toBe(before.inEscrowCentavos);
    expect(after.availableCentavos).toBe(before.availableCentavos);
    // The gateway's escrow block for the payment is fully released, not just the clinic's share.
    const blocks = (await sim('/_sim/state', undefined, 'GET')).body!.blocks as { correlationBlockedId: string; amountCentavos: number; remainingCentavos: number }[];
    expect(blocks.find((b) => b.correlationBlockedId === paymentId)).toMatchObject({ amountCentavos: gross, remainingCentavos: 0 });
    expect(await ledgerHealth()).toEqual({ balanced: true, discrepancies: [] });
  }

  beforeAll(async () => {
    stack = await startStack(mode, { CELCOIN_TIMEOUT_MS: '1000' });
    ({ patient, otherPatient, clinicAdmin, otherClinicAdmin, admin, procedureId, clinicId } = await demoCast(stack));
  }, 120_000);
  afterAll(() => stack?.close());

  it('simulates every plan anonymously: à vista, card 1–12× (sem juros up to the clinic), crediário 2–24× with CET', async () => {
    const { body } = await stack.graphql<{ paymentPlans: { id: string; totalCentavos: number; installmentCount: number; interestFree: boolean; cetAnnualRate: number; iofCentavos: number; schedule: { dueDate: string }[]; contractTerms: string | null }[] }>(
      'query($p: ID!) { paymentPlans(procedureId: $p, firstDueDay: 10) { id totalCentavos installmentCount interestFree cetAnnualRate iofCentavos schedule { dueDate } contractTerms } }',
      { p: procedureId },
    );
    const plans = new Map(body.data!.paymentPlans.map((plan) => [plan.id, plan]));
    expect(plans.get('PIX')!.totalCentavos).toBe(120_000);
    expect(plans.get('CARD:6')).toMatchObject({ interestFree: true, totalCentavos: 120_000 });
    expect(plans.get('CARD:7')!.interestFree).toBe(false);
    expect(plans.get('CARD:7')!.totalCentavos).toBeGreaterThan(120_000);
    const crediario = plans.get('CREDIARIO:12')!;
    expect(crediario.schedule).toHaveLength(12);
    expect(crediario.schedule.every((s) => s.dueDate.endsWith('-10'))).toBe(true);
    expect(crediario.iofCentavos).toBeGreaterThan(0);
    expect(crediario.cetAnnualRate).toBeGreaterThan(0.3);
    expect(crediario.contractTerms).toContain('Custo Efetivo Total');
    expect(plans.has('CREDIARIO:24')).toBe(true);
  });

  it('PIX: checkout → the bank pays → PAID, IN_ESCROW → the clinic confirms → RELEASED → PAID_OUT', async () => {
    const before = await balance();
    const { body } = await checkout({ planId: 'PIX', method: 'PIX' });
    expect(body.errors).toBeUndefined();
    const created = body.data!.checkout;
    expect(created.status).toBe('AWAITING_PAYMENT');
    expect(created.pix!.copiaECola).toMatch(/^000201/);
    expect(created.amounts).toMatchObject({ grossCentavos: 120_000, platformFeeCentavos: 4_800, processingCostCentavos: 99, clinicNetCentavos: 115_101 });
    expect((await sim('/_sim/pix/pay', { payload: created.pix!.copiaECola })).status).toBe(200);
    await throughEscrowToPayout(created.id, before);
  });

  it('boleto: checkout → paid by its linha digitável → escrow → payout', async () => {
    const before = await balance();
    const created = (await checkout({ planId: 'BOLETO', method: 'BOLETO' })).body.data!.checkout;
    expect(created.boleto!.line).toMatch(/^\d{47}$/);
    expect(created.boleto!.barcode).toMatch(/^\d{44}$/);
    expect((await sim('/_sim/boleto/pay', { line: created.boleto!.line })).status).toBe(200);
    await throughEscrowToPayout(created.id, before);
  });

  it('card 6× sem juros: tokenized in the browser, approved at once, the clinic bears the fees', async () => {
    const before = await balance();
    const token = (await sim('/_sim/card/tokenize', { number: '4111111111111111', holder: 'PAULA PACIENTE', expMonth: 12, expYear: 2030, cvv: '123' })).body!.cardToken;
    const created = (await checkout({ planId: 'CARD:6', method: 'CARD', cardToken: token })).body.data!.checkout;
    expect(created.card).toMatchObject({ approved: true, last4: '1111' });
    expect(created.amounts.patientTotalCentavos).toBe(120_000);
    expect(created.amounts.processingCostCentavos).toBeGreaterThan(0);
    await throughEscrowToPayout(created.id, before);
  });

  it('a declined card ends the payment as DECLINED and moves no money', async () => {
    const token = (await sim('/_sim/card/tokenize', { number: '4000000000000002', holder: 'PAULA PACIENTE', expMonth: 12, expYear: 2030, cvv: '123' })).body!.cardToken;
    const created = (await checkout({ planId: 'CARD:1', method: 'CARD', cardToken: token })).body.data!.checkout;
    expect(created.status).toBe('DECLINED');
    expect(await ledgerHealth()).toEqual({ balanced: true, discrepancies: [] });
  });

  it('crediário 12×: CET shown and the terms accepted before contracting; the first installment activates it', async () => {
    const before = await balance();
    const refused = await checkout({ planId: 'CREDIARIO:12', method: 'PIX', firstDueDay: 10, incomeBand: 'DE_2_A_4_SM' });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('CONTRACT_ACCEPTANCE_REQUIRED');
    const terms = refused.body.errors![0]!.extensions as unknown as { contractTerms: string; contractTermsHash: string };
    expect(terms.contractTerms).toMatch(/CET\)?: [\d,]+% ao ano/);

    const contracted = (await checkout({ planId: 'CREDIARIO:12', method: 'PIX', firstDueDay: 10, incomeBand: 'DE_2_A_4_SM', acceptedContractTermsHash: terms.contractTermsHash })).body.data!.checkout;
    // Nothing is charged before the patient signs the contract (ClickSign).
    expect(contracted).toMatchObject({ status: 'AWAITING_SIGNATURE', pix: null, boleto: null });
    const created = await signed(contracted.id);
    expect(created.history.map((h) => h.to)).toEqual(['AWAITING_SIGNATURE', 'AWAITING_PAYMENT']);
    expect((await sim('/_sim/pix/pay', { payload: created.pix!.copiaECola })).status).toBe(200);
    const active = await waitStatus(created.id, 'IN_ESCROW');
    expect(active.amounts.grossCentavos).toBe(120_000);
    expect((await balance()).inEscrowCentavos).toBe(before.inEscrowCentavos! + 120_000);
    const { body } = await stack.graphql<{ myInstallments: { number: number; status: string; payment: { id: string } }[] }>(
      '{ myInstallments { number status payment { id } } }', {}, bearer(patient.accessToken));
    const mine = body.data!.myInstallments.filter((i) => i.payment.id === created.id);
    expect(mine).toHaveLength(12);
    expect(mine.map((i) => i.status)).toEqual(['PAID', ...Array(11).fill('SCHEDULED')]);
    // The procedure (health data) and the accepted terms are stored encrypted, never in clear.
    const stored = await stack.payments.prisma.payment.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.procedureNameEncrypted).toMatch(/^k1:/);
    expect(stored.contractAcceptanceEncrypted).toMatch(/^k1:/);
    expect(JSON.stringify(stored)).not.toMatch(/Clareamento|CONTRATO/);
    expect(await ledgerHealth()).toEqual({ balanced: true, discrepancies: [] });
  });

  it('crediário installments: issued ahead of their due date, paid into the books, and overdue ones carry late charges', async () => {
    const plans = await stack.graphql<{ paymentPlans: { id: string; contractTermsHash: string }[] }>(
      'query($p: ID!) { paymentPlans(procedureId: $p, firstDueDay: 5) { id contractTermsHash } }', { p: procedureId });
    const plan = plans.body.data!.paymentPlans.find((p) => p.id === 'CREDIARIO:3')!;
    const created = await signed((await checkout({ planId: 'CREDIARIO:3', method: 'BOLETO', firstDueDay: 5, incomeBand: 'DE_2_A_4_SM', acceptedContractTermsHash: plan.contractTermsHash })).body.data!.checkout.id);
    expect((await sim('/_sim/boleto/pay', { line: created.boleto!.line })).status).toBe(200);
    await waitStatus(created.id, 'IN_ESCROW');
    // Travel in time: installment 2 falls due within the issuing window, installment 3 is past due.
    const inFiveDays = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    await stack.payments.prisma.installment.update({ where: { paymentId_number: { paymentId: created.id, number: 2 } }, data: { dueDate: inFiveDays } });
    await stack.payments.prisma.installment.update({ where: { paymentId_number: { paymentId: created.id, number: 3 } }, data: { dueDate: '2026-01-05', status: 'ISSUED' } });
    stack.payments.worker.loop.kick();
    type Row = { number: number; status: string; amountCentavos: number; lateChargesCentavos: number; boleto: { line: string } | null; payment: { id: string } };
    const mine = async () =>
      ((await stack.graphql<{ myInstallments: Row[] }>('{ myInstallments { number status amountCentavos lateChargesCentavos boleto { line } payment { id } } }', {}, bearer(patient.accessToken))).body.data!.myInstallments).filter((i) => i.payment.id === created.id).sort((a, b) => a.number - b.number);
    const issued = await eventually(mine, (rows) => rows[1]!.boleto !== null && rows[2]!.status === 'OVERDUE');
    expect(issued[1]).toMatchObject({ status: 'ISSUED', lateChargesCentavos: 0 });
    expect(issued[2]!.lateChargesCentavos).toBeGreaterThan(Math.round(issued[2]!.amountCentavos * 0.02));
    expect((await sim('/_sim/boleto/pay', { line: issued[1]!.boleto!.line })).status).toBe(200);
    await eventually(mine, (rows) => rows[1]!.status === 'PAID');
    // The overdue one is paid now by PIX, with its late charges.
    const overdue = issued[2]!;
    const instalmentId = (await stack.payments.prisma.installment.findUniqueOrThrow({ where: { paymentId_number: { paymentId: created.id, number: 3 } } })).id;
    const payNow = await stack.graphql<{ payInstallment: { pix: { copiaECola: string } } }>(
      'mutation($id: ID!) { payInstallment(installmentId: $id) { pix { copiaECola } } }', { id: instalmentId }, bearer(patient.accessToken));
    expect(payNow.body.errors).toBeUndefined();
    const code = payNow.body.data!.payInstallment.pix.copiaECola;
    const charged = await stack.payments.prisma.charge.findFirstOrThrow({ where: { pixCopiaECola: code } });
    expect(charged.amountCentavos).toBe(overdue.amountCentavos + overdue.lateChargesCentavos);
    expect(code).toContain(`54${String((charged.amountCentavos / 100).toFixed(2).length).padStart(2, '0')}${(charged.amountCentavos / 100).toFixed(2)}`);
    const stranger = await stack.graphql('mutation($id: ID!) { payInstallment(installmentId: $id) { number } }', { id: instalmentId }, bearer(otherPatient.accessToken));
    expect(stranger.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await sim('/_sim/pix/pay', { payload: code })).status).toBe(200);
    await eventually(mine, (rows) => rows[2]!.status === 'PAID');
    const ledger = await stack.payments.prisma.ledgerTransaction.findMany({ where: { paymentId: created.id }, select: { id: true } });
    expect(ledger.filter((t) => t.id.startsWith('installment:'))).toHaveLength(3);
    expect(await ledgerHealth()).toEqual({ balanced: true, discrepancies: [] });
  });

  it('gateway 5xx on charge creation: retried with the same clientRequestId, one charge; beyond the retries the patient retries with the same key', async () => {
    const chargesBefore = await simCharges();
    await sim('/_sim/faults', { failNext: 2 });
    const retried = await checkout({ planId: 'PIX', method: 'PIX' });
    expect(retried.body.data!.checkout.pix).not.toBeNull();
    expect(await simCharges()).toBe(chargesBefore + 1);

    await sim('/_sim/faults', { failNext: 50 });
    const key = randomUUID();
    const failed = await checkout({ planId: 'PIX', method: 'PIX', idempotencyKey: key });
    expect(failed.body.errors?.[0]?.extensions?.code).toBe('GATEWAY_UNAVAILABLE');
    await sim('/_sim/faults', undefined, 'DELETE');
    const again = await checkout({ planId: 'PIX', method: 'PIX', idempotencyKey: key });
    const twice = await checkout({ planId: 'PIX', method: 'PIX', idempotencyKey: key });
    expect(again.body.data!.checkout.pix).not.toBeNull();
    expect(twice.body.data!.checkout.id).toBe(again.body.data!.checkout.id);
    expect(await simCharges()).toBe(chargesBefore + 2);
  });

  it('a timeout on charge creation is retried without a second charge', async () => {
    const chargesBefore = await simCharges();
    await sim('/_sim/faults', { timeoutNext: 1 });
    const created = await checkout({ planId: 'PIX', method: 'PIX' });
    await sim('/_sim/faults', undefined, 'DELETE');
    expect(created.body.data!.checkout.pix).not.toBeNull();
    expect(await simCharges()).toBe(chargesBefore + 1);
  });

  it('duplicate and out-of-order webhooks credit once and never move status back', async () => {
    await sim('/_sim/faults', { duplicateWebhooks: true, reorderWebhooks: true });
    const first = (await checkout({ planId: 'PIX', method: 'PIX' })).body.data!.checkout;
    const second = (await checkout({ planId: 'PIX', method: 'PIX' })).body.data!.checkout;
    await sim('/_sim/pix/pay', { payload: first.pix!.copiaECola });
    await sim('/_sim/pix/pay', { payload: second.pix!.copiaECola });
    await Promise.all([waitStatus(first.id, 'IN_ESCROW'), waitStatus(second.id, 'IN_ESCROW')]);
    await sim('/_sim/faults', undefined, 'DELETE');
    const deliveries = (await sim('/_sim/webhooks', undefined, 'GET')).body as { attempts: unknown[] };
    expect(deliveries.attempts.length).toBeGreaterThanOrEqual(4); // each payment's webhook at least twice
    for (const id of [first.id, second.id]) {
      const view = await payment(id);
      expect(view.status).toBe('IN_ESCROW');
      expect(view.history.map((h) => h.to)).toEqual(['AWAITING_PAYMENT', 'PAID', 'IN_ESCROW']);
    }
    const entries = await stack.payments.prisma.ledgerTransaction.count({ where: { paymentId: { in: [first.id, second.id] } } });
    expect(entries).toBe(2);
    expect(await ledgerHealth()).toEqual({ balanced: true, discrepancies: [] });
  });

  it('a crash between the gateway call and our commit is repaired by reconciliation', async () => {
    await sim('/_sim/faults', { failNext: 50 });
    const failed = await checkout({ planId: 'PIX', method: 'PIX' });
    expect(failed.body.errors?.[0]?.extensions?.code).toBe('GATEWAY_UNAVAILABLE');
    await sim('/_sim/faults', undefined, 'DELETE');
    // The process "died" after the gateway made the charge: create it there under our clientRequestId.
    const charge = await stack.payments.prisma.charge.findFirstOrThrow({ where: { status: 'CREATING', method: 'PIX' }, orderBy: { createdAt: 'desc' } });
    const made = await stack.payments.gateway.createPixCharge({ clientRequestId: charge.id, amountCentavos: charge.amountCentavos, payer: { name: 'Paula Paciente', document: '52998224725' }, description: 'teste', expiresInSeconds: 600 });
    await sim('/_sim/pix/pay', { payload: made.copiaECola });
    const report = await stack.payments.reconciliation.run({ creatingOlderThanMs: 0 });
    expect(report.repairedCharges).toContain(charge.id);
    await waitStatus(charge.paymentId, 'IN_ESCROW');
    expect(await ledgerHealth()).toEqual({ balanced: true, discrepancies: [] });
  });

  it('50 concurrent checkouts with one idempotency key make exactly one payment and one charge', async () => {
    const chargesBefore = await simCharges();
    const key = randomUUID();
    const results = await Promise.all(Array.from({ length: 50 }, () => checkout({ planId: 'PIX', method: 'PIX', idempotencyKey: key })));
    const ids = new Set(results.map((r) => r.body.data?.checkout.id));
    expect(results.map((r) => r.body.errors?.[0]?.extensions?.code).filter(Boolean)).toEqual([]);
    expect(ids.size).toBe(1);
    expect(await simCharges()).toBe(chargesBefore + 1);
    const reused = await checkout({ planId: 'BOLETO', method: 'BOLETO', idempotencyKey: key });
    expect(reused.body.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('refunds: partial from escrow, then a refund larger than what is left is refused and moves nothing', async () => {
    const created = (await checkout({ planId: 'PIX', method: 'PIX' })).body.data!.checkout;
    await sim('/_sim/pix/pay', { payload: created.pix!.copiaECola });
    await waitStatus(created.id, 'IN_ESCROW');
    const partial = await stack.graphql<{ refundPayment: PaymentView }>(REFUND, { input: { paymentId: created.id, amountCentavos: 20_000, reason: 'Sessão não realizada', idempotencyKey: randomUUID() } }, bearer(clinicAdmin.accessToken));
    expect(partial.body.errors).toBeUndefined();
    expect(partial.body.data!.refundPayment).toMatchObject({ status: 'PARTIALLY_REFUNDED', amounts: { refundedCentavos: 20_000 } });
    // Let the partial refund settle at the gateway, so that nothing else moves while we measure.
    await eventually(() => stack.payments.prisma.transfer.count({ where: { paymentId: created.id, status: { not: 'CONFIRMED' } } }), (n) => n === 0);
    const ledgerBefore = await stack.payments.prisma.ledgerEntry.count();
    const tooMuch = await stack.graphql(REFUND, { input: { paymentId: created.id, amountCentavos: 100_001, reason: 'Excesso', idempotencyKey: randomUUID() } }, bearer(clinicAdmin.accessToken));
    expect(tooMuch.body.errors?.[0]?.extensions?.code).toBe('REFUND_EXCEEDS_BALANCE');
    expect(await stack.payments.prisma.ledgerEntry.count()).toBe(ledgerBefore);
    expect((await payment(created.id)).amounts.refundedCentavos).toBe(20_000);
    // The rest is released to the clinic in proportion.
    const released = await stack.graphql<{ confirmProcedurePerformed: PaymentView }>(CONFIRM, { id: created.id }, bearer(clinicAdmin.accessToken));
    expect(released.body.data!.confirmProcedurePerformed.escrowState).toBe('RELEASED');
    await eventually(() => payment(created.id), (p) => p.escrowState === 'PAID_OUT');
    await eventually(() => stack.payments.prisma.transfer.count({ where: { paymentId: created.id, status: { not: 'CONFIRMED' } } }), (n) => n === 0);
    expect(await ledgerHealth()).toEqual({ balanced: true, discrepancies: [] });
  });

  it('authorization: patients see and refund only their own payments; clinic staff act only for their clinic', async () => {
    const created = (await checkout({ planId: 'PIX', method: 'PIX' })).body.data!.checkout;
    const peek = await stack.graphql(PAYMENT, { id: created.id }, bearer(otherPatient.accessToken));
    expect(peek.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const refund = await stack.graphql(REFUND, { input: { paymentId: created.id, amountCentavos: 100, reason: 'Tentativa', idempotencyKey: randomUUID() } }, bearer(otherPatient.accessToken));
    expect(refund.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await sim('/_sim/pix/pay', { payload: created.pix!.copiaECola });
    await waitStatus(created.id, 'IN_ESCROW');
    const confirm = await stack.graphql(CONFIRM, { id: created.id }, bearer(otherClinicAdmin.accessToken));
    expect(['NOT_FOUND', 'FORBIDDEN']).toContain(confirm.body.errors?.[0]?.extensions?.code);
    expect((await payment(created.id)).status).toBe('IN_ESCROW');
    const otherBalance = await stack.graphql(BALANCE, { id: clinicId }, bearer(otherClinicAdmin.accessToken));
    expect(otherBalance.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymousCheckout = await stack.graphql(CHECKOUT, { input: { procedureId, planId: 'PIX', method: 'PIX', idempotencyKey: randomUUID() } });
    expect(anonymousCheckout.status).toBe(401);
  });
  it('crediário settled early (CDC art. 52 §2): the next installments or all, for less, once each even when an installment is also paid on its own', async () => {
    const QUOTE = 'query($id: ID!, $n: Int, $date: String) { crediarioPayoffQuote(paymentId: $id, installments: $n, date: $date) { date totalCentavos discountCentavos installments { number amountCentavos payoffCentavos } } }';
    const PAY_OFF = 'mutation($input: PayOffCrediarioInput!) { payOffCrediario(input: $input) { installmentNumbers totalCentavos pix { copiaECola } } }';
    type Quote = { date: string; totalCentavos: number; discountCentavos: number; installments: { number: number; amountCentavos: number; payoffCentavos: number }[] };
    type Payoff = { installmentNumbers: number[]; totalCentavos: number; pix: { copiaECola: string } | null };
    const plan = (await stack.graphql<{ paymentPlans: { id: string; contractTermsHash: string }[] }>('query($p: ID!) { paymentPlans(procedureId: $p, firstDueDay: 5) { id contractTermsHash } }', { p: procedureId }))
      .body.data!.paymentPlans.find((p) => p.id === 'CREDIARIO:4')!;
    // Another patient, whose credit the contracts of the tests above do not take up.
    const contracted = (await checkout({ planId: 'CREDIARIO:4', method: 'PIX', firstDueDay: 5, incomeBand: 'DE_2_A_4_SM', acceptedContractTermsHash: plan.contractTermsHash }, otherPatient.accessToken)).body.data!.checkout;
    const created = await signed(contracted.id, 'joao.pereira@demo.medpay.com.br', otherPatient.accessToken);
    await sim('/_sim/pix/pay', { payload: created.pix!.copiaECola });
    await waitStatus(created.id, 'IN_ESCROW', otherPatient.accessToken);
    const quote = (variables: Record<string, unknown>, token = otherPatient.accessToken) => stack.graphql<{ crediarioPayoffQuote: Quote }>(QUOTE, { id: created.id, ...variables }, bearer(token));
    const payOff = (installments: number | null, idempotencyKey = randomUUID()) =>
      stack.graphql<{ payOffCrediario: Payoff }>(PAY_OFF, { input: { paymentId: created.id, installments, idempotencyKey } }, bearer(otherPatient.accessToken));
    const installments = () => stack.payments.prisma.installment.findMany({ where: { paymentId: created.id }, orderBy: { number: 'asc' } });

    // The quote: each open installment discounted for the days it is paid early.
    const all = (await quote({})).body.data!.crediarioPayoffQuote;
    expect(all.installments.map((i) => i.number)).toEqual([2, 3, 4]);
    expect(all.installments.every((i) => i.payoffCentavos < i.amountCentavos)).toBe(true);
    expect(all.discountCentavos).toBe(all.installments.reduce((sum, i) => sum + i.amountCentavos - i.payoffCentavos, 0));
    expect((await quote({}, clinicAdmin.accessToken)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await quote({ date: '2020-01-01' })).body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await quote({ n: 9 })).body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    // The next one settled early: one PIX, the same for the same key, paid once.
    const key = randomUUID();
    const next = (await payOff(1, key)).body.data!.payOffCrediario;
    expect(next).toMatchObject({ installmentNumbers: [2], totalCentavos: all.installments[0]!.payoffCentavos });
    expect((await payOff(1, key)).body.data!.payOffCrediario.pix!.copiaECola).toBe(next.pix!.copiaECola);
    await sim('/_sim/pix/pay', { payload: next.pix!.copiaECola });
    await eventually(installments, (rows) => rows[1]!.status === 'PAID', 'installment 2 settled');

    // All the rest, while installment 4 is also paid on its own charge: each installment is paid once, the other money kept apart.
    const rest = (await payOff(null)).body.data!.payOffCrediario;
    expect(rest.installmentNumbers).toEqual([3, 4]);
    const fourth = (await installments())[3]!;
    const own = await stack.graphql<{ payInstallment: { pix: { copiaECola: string } } }>('mutation($id: ID!) { payInstallment(installmentId: $id) { pix { copiaECola } } }', { id: fourth.id }, bearer(otherPatient.accessToken));
    await sim('/_sim/pix/pay', { payload: own.body.data!.payInstallment.pix.copiaECola });
    await eventually(installments, (rows) => rows[3]!.status === 'PAID', 'installment 4 paid on its own');
    await sim('/_sim/pix/pay', { payload: rest.pix!.copiaECola });
    await eventually(installments, (rows) => rows.every((row) => row.status === 'PAID'), 'every installment paid');
    const apart = await stack.payments.prisma.ledgerTransaction.findMany({ where: { paymentId: created.id, id: { contains: ':duplicate:' } } });
    expect(apart).toHaveLength(1);
    expect(await ledgerHealth()).toEqual({ balanced: true, discrepancies: [] });
    expect((await quote({})).body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('crediário cancelled before the procedure: within 7 days all that was paid comes back (CDC art. 49), later the interest paid stays; once confirmed, not here', async () => {
    const CANCEL = `mutation($input: CancelCrediarioInput!) { cancelCrediario(input: $input) { ${PAYMENT_FIELDS} } }`;
    const plans = await stack.graphql<{ paymentPlans: { id: string; contractTermsHash: string }[] }>('query($p: ID!) { paymentPlans(procedureId: $p, firstDueDay: 5) { id contractTermsHash } }', { p: procedureId });
    const contract = async () => {
      const plan = plans.body.data!.paymentPlans.find((p) => p.id === 'CREDIARIO:3')!;
      const contracted = (await checkout({ planId: 'CREDIARIO:3', method: 'PIX', firstDueDay: 5, incomeBand: 'DE_2_A_4_SM', acceptedContractTermsHash: plan.contractTermsHash }, otherPatient.accessToken)).body.data!.checkout;
      const created = await signed(contracted.id, 'joao.pereira@demo.medpay.com.br', otherPatient.accessToken);
      await sim('/_sim/pix/pay', { payload: created.pix!.copiaECola });
      await waitStatus(created.id, 'IN_ESCROW', otherPatient.accessToken);
      const first = await stack.payments.prisma.installment.findFirstOrThrow({ where: { paymentId: created.id, number: 1 } });
      return { id: created.id, first };
    };
    const cancel = (paymentId: string, token: string, idempotencyKey = randomUUID()) =>
      stack.graphql<{ cancelCrediario: PaymentView }>(CANCEL, { input: { paymentId, reason: 'Desisti do procedimento', idempotencyKey } }, bearer(token));
    const before = await balance();

    // Within 7 days: the first installment comes back whole, interest included, once however often asked.
    const regret = await contract();
    expect((await cancel(regret.id, clinicAdmin.accessToken)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const key = randomUUID();
    // The same request twice, and another at the same moment: one cancellation, and each hears of it.
    const [first, again, other] = await Promise.all([cancel(regret.id, otherPatient.accessToken, key), cancel(regret.id, otherPatient.accessToken, key), cancel(regret.id, otherPatient.accessToken)]);
    expect([first, again, other].map((answer) => answer.body.data?.cancelCrediario.status)).toEqual(['REFUNDED', 'REFUNDED', 'REFUNDED']);
    const undone = await eventually(() => payment(regret.id, otherPatient.accessToken), (p) => p.escrowState === 'RETURNED', 'the escrow returned');
    expect(undone.amounts.refundedCentavos).toBe(regret.first.amountCentavos);
    const refunds = await stack.payments.prisma.transfer.findMany({ where: { paymentId: regret.id, kind: 'REFUND' } });
    expect(refunds.map((t) => t.amountCentavos)).toEqual([regret.first.amountCentavos]);
    await eventually(() => stack.payments.prisma.transfer.findUniqueOrThrow({ where: { id: refunds[0]!.id } }), (t) => t.status === 'CONFIRMED', 'the refund paid by PIX');
    // Nothing more is issued or owed: the patient's installments no longer list the contract.
    expect((await stack.payments.prisma.installment.findMany({ where: { paymentId: regret.id, status: { not: 'PAID' } } })).every((i) => i.status === 'SCHEDULED')).toBe(true);
    const owed = await stack.graphql<{ myInstallments: { payment: { id: string } }[] }>('{ myInstallments { payment { id } } }', {}, bearer(otherPatient.accessToken));
    expect(owed.body.data!.myInstallments.filter((i) => i.payment.id === regret.id)).toEqual([]);
    expect(await blockOf(regret.id)).toMatchObject({ remainingCentavos: 0 });

    // After 7 days: what the installment amortized comes back; its interest paid for the month the credit ran.
    const late = await contract();
    await stack.payments.prisma.payment.update({ where: { id: late.id }, data: { createdAt: new Date(Date.now() - 8 * 86_400_000) } });
    expect((await cancel(late.id, admin.accessToken)).body.data?.cancelCrediario.amounts.refundedCentavos).toBe(late.first.amortizationCentavos);

    // The clinic's money is as before both contracts, and the books balance.
    await eventually(() => payment(late.id, otherPatient.accessToken), (p) => p.escrowState === 'RETURNED', 'the escrow returned');
    expect(await balance()).toEqual(before);
    expect(await ledgerHealth()).toEqual({ balanced: true, discrepancies: [] });

    // Once the clinic confirmed the procedure, the contract is not cancelled here.
    const performed = await contract();
    expect((await stack.graphql(CONFIRM, { id: performed.id }, bearer(clinicAdmin.accessToken))).body.errors).toBeUndefined();
    expect((await cancel(performed.id, otherPatient.accessToken)).body.errors?.[0]?.extensions?.code).toBe('REFUND_NOT_ALLOWED');
  });

  // Last: the clinic ends owing, which would keep back the payouts the tests above expect in full.
  it('chargebacks: the card\'s bank takes the money back from escrow, or from the clinic after payout, once, and the books agree', async () => {
    const cardPayment = async () => {
      const token = (await sim('/_sim/card/tokenize', { number: '5555555555554444', holder: 'PAULA PACIENTE', expMonth: 12, expYear: 2030, cvv: '123' })).body!.cardToken;
      const created = (await checkout({ planId: 'CARD:1', method: 'CARD', cardToken: token })).body.data!.checkout;
      const charges = (await sim('/_sim/state', undefined, 'GET')).body!.cardCharges as { transactionId: string }[];
      return { created, gatewayId: charges.at(-1)!.transactionId };
    };

    // In escrow: the money leaves escrow, the gateway's block is lifted, and the clinic is paid nothing.
    const before = await eventually(balance, (b) => b.payoutsInTransitCentavos === 0, 'the payouts of the tests above done');
    const held = await cardPayment();
    await waitStatus(held.created.id, 'IN_ESCROW');
    await sim('/_sim/faults', { duplicateWebhooks: true });
    expect((await sim(`/_sim/card/${held.gatewayId}/chargeback`, { reasonCode: '4837', reason: 'No Cardholder Authorization' })).status).toBe(201);
    const returned = await eventually(() => payment(held.created.id), (p) => p.escrowState === 'RETURNED', 'the escrow returned');
    await sim('/_sim/faults', undefined, 'DELETE');
    expect([returned.status, returned.history.map((h) => h.to)]).toEqual(['CHARGED_BACK', ['AWAITING_PAYMENT', 'PAID', 'IN_ESCROW', 'CHARGED_BACK']]);
    expect(await blockOf(held.created.id)).toMatchObject({ remainingCentavos: 0 });
    expect(await balance()).toEqual(before);
    const refused = await stack.graphql(REFUND, { input: { paymentId: held.created.id, amountCentavos: 100, reason: 'Reembolso', idempotencyKey: randomUUID() } }, bearer(clinicAdmin.accessToken));
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('REFUND_NOT_ALLOWED');

    // After payout: the clinic's share is taken from its balance (kept back from its next payouts). A
    // payment in escrow meanwhile is the float the gateway takes it from.
    const float = (await checkout({ planId: 'PIX', method: 'PIX' })).body.data!.checkout;
    await sim('/_sim/pix/pay', { payload: float.pix!.copiaECola });
    await waitStatus(float.id, 'IN_ESCROW');
    const beforeDone = await balance();
    const done = await cardPayment();
    await throughEscrowToPayout(done.created.id, beforeDone);
    const paidOut = await balance();
    expect((await sim(`/_sim/card/${done.gatewayId}/chargeback`, {})).status).toBe(201);
    await waitStatus(done.created.id, 'CHARGED_BACK');
    expect(await balance()).toEqual({ ...paidOut, availableCentavos: paidOut.availableCentavos! - done.created.amounts.clinicNetCentavos });
    // Each chargeback is booked once, though the first was delivered twice; the cash agrees with the gateway's.
    expect(await stack.payments.prisma.transfer.count({ where: { kind: 'CHARGEBACK', paymentId: { in: [held.created.id, done.created.id] } } })).toBe(2);
    expect(await ledgerHealth()).toEqual({ balanced: true, discrepancies: [] });
  });
});

// Payouts by TED, end to end through the router, providers, payments and the Celcoin simulator: a
// clinic's admin points its payouts at its bank account (the team is told), a released payment goes
// out as a TED in the clinic's own name on its business day, and a TED the receiving bank returns
// puts the money back in the clinic's balance until the account is fixed and it goes out again.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from '@medpay/runtime/testing';
import { randomUUID } from 'node:crypto';
import { availableModes, bearer, demoCast, paymentStatus, type Stack, startStack } from './stack.js';

type Ted = { transactionId: string; clientCode: string; amountCentavos: number; status: string; settlesOn: string; creditParty: { bank: string; branch: string; account: string; taxId: string } };

const SET_PAYOUT = `mutation($id: ID!, $method: PayoutMethod!, $account: BankAccountInput) {
  setClinicPayoutAccount(clinicId: $id, method: $method, bankAccount: $account) { payoutAccount { method pixKey bankAccount { bankName branch account accountType } } }
}`;

describe.each(availableModes())('payouts by TED (%s)', (mode) => {
  let stack: Stack;
  let cast: Awaited<ReturnType<typeof demoCast>>;

  const sim = async (path: string, init: RequestInit = {}) => (await fetch(`${stack.celcoin.url}${path}`, { headers: { 'content-type': 'application/json' }, ...init })).json();
  const teds = async () => ((await sim('/_sim/state')) as { teds: Ted[] }).teds;
  const setPayout = (token: string, method: 'PIX' | 'TED', account?: Record<string, string>) => stack.graphql(SET_PAYOUT, { id: cast.clinicId, method, account: account ?? null }, bearer(token));
  const transfersOf = (paymentId: string) => stack.payments.prisma.transfer.findMany({ where: { paymentId, kind: 'PAYOUT' }, orderBy: { createdAt: 'asc' } });

  /** A PIX payment paid, in escrow, and confirmed by the clinic: its payout requested. */
  async function released() {
    const { body } = await stack.graphql<{ checkout: { id: string; pix: { copiaECola: string } } }>(
      'mutation($input: CheckoutInput!) { checkout(input: $input) { id pix { copiaECola } } }',
      { input: { procedureId: cast.procedureId, planId: 'PIX', method: 'PIX', idempotencyKey: randomUUID() } },
      bearer(cast.patient.accessToken),
    );
    const payment = body.data!.checkout;
    await sim('/_sim/pix/pay', { method: 'POST', body: JSON.stringify({ payload: payment.pix.copiaECola }) });
    await eventually(() => paymentStatus(stack, cast.admin.accessToken, payment.id), (status) => status === 'IN_ESCROW', 'the payment in escrow');
    const confirmed = await stack.graphql('mutation($id: ID!) { confirmProcedurePerformed(paymentId: $id) { id } }', { id: payment.id }, bearer(cast.clinicAdmin.accessToken));
    expect(confirmed.body.errors).toBeUndefined();
    return payment.id;
  }

  beforeAll(async () => {
    stack = await startStack(mode, {}, { notifications: true });
    cast = await demoCast(stack);
  }, 120_000);
  afterAll(() => stack?.close());

  it('goes out as a TED in the clinic\'s name once its admin chose a bank account, and the team is told', async () => {
    // Only the clinic's admins choose; a bank off the list, or TED without an account, is refused.
    expect((await setPayout(cast.otherClinicAdmin.accessToken, 'TED', { ispb: '60701190', branch: '1', account: '1-1', accountType: 'CHECKING' })).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await setPayout(cast.clinicAdmin.accessToken, 'TED')).body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'bankAccount' });
    expect((await setPayout(cast.clinicAdmin.accessToken, 'TED', { ispb: '12345678', branch: '1', account: '1-1', accountType: 'CHECKING' })).body.errors?.[0]?.extensions).toMatchObject({ field: 'bankAccount.ispb' });
    const chosen = await setPayout(cast.clinicAdmin.accessToken, 'TED', { ispb: '60701190', branch: '123', account: '45678-9', accountType: 'CHECKING' });
    expect(chosen.body.data).toEqual({ setClinicPayoutAccount: { payoutAccount: { method: 'TED', pixKey: null, bankAccount: { bankName: 'Itaú Unibanco', branch: '0123', account: '456789', accountType: 'CHECKING' } } } });
    await eventually(
      async () => (await stack.graphql<{ myNotifications: { edges: { node: { kind: string } }[] } }>('{ myNotifications(first: 20) { edges { node { kind } } } }', {}, bearer(cast.clinicAdmin.accessToken))).body.data!.myNotifications.edges,
      (edges) => edges.some((edge) => edge.node.kind === 'clinic.payout_account_changed'),
      'the clinic team told',
    );

    const paymentId = await released();
    const [payout] = await eventually(() => transfersOf(paymentId), (rows) => rows[0]?.status === 'PENDING', 'the payout sent');
    const ted = (await teds()).find((row) => row.clientCode === payout!.id)!;
    expect(ted).toMatchObject({ amountCentavos: payout!.amountCentavos, creditParty: { bank: '60701190', branch: '0123', account: '456789', taxId: expect.stringMatching(/^[0-9A-Z]{14}$/) } });
    // Whenever this runs: before 17:00 on a business day it settles by itself; otherwise its day comes now.
    await sim('/_sim/ted/settle', { method: 'POST' });
    await eventually(() => paymentStatus(stack, cast.admin.accessToken, paymentId), (status) => status === 'PAID_OUT', 'the payment paid out');
    expect((await stack.graphql<{ ledgerHealth: { balanced: boolean; discrepancies: string[] } }>('{ ledgerHealth { balanced discrepancies } }', {}, bearer(cast.admin.accessToken))).body.data!.ledgerHealth).toEqual({ balanced: true, discrepancies: [] });
  });

  it('a TED the bank returns puts the money back in the clinic\'s balance, and it goes out again once the account is fixed', async () => {
    await setPayout(cast.clinicAdmin.accessToken, 'TED', { ispb: '00000000', branch: '1', account: '9990001', accountType: 'CHECKING' });
    const paymentId = await released();
    const [first] = await eventually(() => transfersOf(paymentId), (rows) => rows[0]?.status === 'PENDING', 'the payout sent');
    await sim('/_sim/ted/settle', { method: 'POST' });
    await eventually(() => transfersOf(paymentId), (rows) => rows[0]?.status === 'FAILED', 'the TED returned');

    await setPayout(cast.clinicAdmin.accessToken, 'TED', { ispb: '00000000', branch: '1', account: '1234-5', accountType: 'CHECKING' });
    const again = await eventually(() => transfersOf(paymentId), (rows) => rows.length === 2 && rows[1]!.status === 'PENDING', 'the payout asked again');
    expect(again[1]!.amountCentavos).toBe(first!.amountCentavos);
    expect((await teds()).find((row) => row.clientCode === again[1]!.id)!.creditParty.account).toBe('12345');
    await sim('/_sim/ted/settle', { method: 'POST' });
    await eventually(() => paymentStatus(stack, cast.admin.accessToken, paymentId), (status) => status === 'PAID_OUT', 'the payment paid out');
    // Back to PIX: the next payouts go to the CNPJ key again.
    expect((await setPayout(cast.clinicAdmin.accessToken, 'PIX')).body.data).toMatchObject({ setClinicPayoutAccount: { payoutAccount: { method: 'PIX', bankAccount: null } } });
  });
});

// The patient assistant end to end: askAssistant through the router to ai, which asks the router again
// for the patient's own installments with the patient's own token. A crediário bought here gives the
// demo patient their installments (the e2e stack seeds no payment history).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { formatBRL } from '@medpay/money';
import { eventually } from '@medpay/runtime/testing';
import { randomUUID } from 'node:crypto';
import { availableModes, bearer, demoCast, startStack, type Session, type Stack } from './stack.js';

const ASK = 'mutation($message: String!, $conversationId: ID) { askAssistant(message: $message, conversationId: $conversationId) { conversationId intent answer offerPerson suggestions } }';

interface Reply {
  conversationId: string;
  intent: string;
  answer: string;
  offerPerson: boolean;
  suggestions: string[] | null;
}
type Installment = { number: number; dueDate: string; amountCentavos: number; status: string; payment: { id: string; installmentCount: number } };

describe.each(availableModes())('the patient assistant through the router (%s)', (mode) => {
  let stack: Stack;
  let patient: Session;
  let otherPatient: Session;
  let paymentId: string;

  const ask = (message: string, token?: string, conversationId?: string) =>
    stack.graphql<{ askAssistant: Reply }>(ASK, { message, ...(conversationId ? { conversationId } : {}) }, token ? bearer(token) : {});
  const installmentsOf = async (token: string) =>
    (await stack.graphql<{ myInstallments: Installment[] }>('{ myInstallments { number dueDate amountCentavos status payment { id installmentCount } } }', {}, bearer(token))).body.data!.myInstallments;

  beforeAll(async () => {
    stack = await startStack(mode);
    const cast = await demoCast(stack);
    ({ patient, otherPatient } = cast);
    // The demo patient buys "Clareamento dental" in 3 crediário installments and pays the first by PIX.
    const plans = await stack.graphql<{ paymentPlans: { id: string; contractTermsHash: string }[] }>(
      'query($p: ID!) { paymentPlans(procedureId: $p, firstDueDay: 10) { id contractTermsHash } }', { p: cast.procedureId });
    const plan = plans.body.data!.paymentPlans.find((p) => p.id === 'CREDIARIO:3')!;
    const { body } = await stack.graphql<{ checkout: { id: string; pix: { copiaECola: string } } }>(
      'mutation($input: CheckoutInput!) { checkout(input: $input) { id pix { copiaECola } } }',
      { input: { procedureId: cast.procedureId, idempotencyKey: randomUUID(), planId: 'CREDIARIO:3', method: 'PIX', firstDueDay: 10, incomeBand: 'DE_2_A_4_SM', acceptedContractTermsHash: plan.contractTermsHash } },
      bearer(patient.accessToken),
    );
    if (!body.data) throw new Error(`checkout: ${JSON.stringify(body.errors)}`);
    paymentId = body.data.checkout.id;
    const paid = await fetch(`${stack.celcoin.url}/_sim/pix/pay`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ payload: body.data.checkout.pix.copiaECola }) });
    expect(paid.status).toBe(200);
    await eventually(() => installmentsOf(patient.accessToken), (rows) => rows.some((row) => row.payment.id === paymentId && row.number === 1 && row.status === 'PAID'));
  }, 180_000);
  afterAll(() => stack?.close());

  it('answers "when is my next installment" with the date and amount of the next open one, as myInstallments has it', async () => {
    const rows = await installmentsOf(patient.accessToken);
    const next = rows.filter((row) => ['SCHEDULED', 'ISSUED', 'OVERDUE'].includes(row.status)).sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.number - b.number)[0]!;
    expect(next).toMatchObject({ number: 2, payment: { id: paymentId } });
    const [year, month, day] = next.dueDate.split('-');

    const { body } = await ask('quando vence minha próxima parcela?', patient.accessToken);
    expect(body.errors).toBeUndefined();
    const reply = body.data!.askAssistant;
    expect(reply.intent).toBe('NEXT_INSTALLMENT');
    expect(reply.answer).toBe(`Sua próxima parcela (2 de 3) vence em ${day}/${month}/${year}, no valor de ${formatBRL(next.amountCentavos)}.`);
    expect(reply.offerPerson).toBe(false);
    expect(reply.conversationId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('tells the status of the patient\'s latest payment, as myPayments has it', async () => {
    const { body: mine } = await stack.graphql<{ myPayments: { edges: { node: { id: string; amounts: { patientTotalCentavos: number } } }[] } }>(
      '{ myPayments(first: 1) { edges { node { id amounts { patientTotalCentavos } } } } }', {}, bearer(patient.accessToken));
    const latest = mine.data!.myPayments.edges[0]!.node;
    expect(latest.id).toBe(paymentId);
    const { body } = await ask('qual o status do meu pagamento?', patient.accessToken);
    expect(body.errors).toBeUndefined();
    expect(body.data!.askAssistant.intent).toBe('PAYMENT_STATUS');
    expect(body.data!.askAssistant.answer).toMatch(new RegExp(`^Seu pagamento de ${formatBRL(latest.amounts.patientTotalCentavos).replace(/[$.]/g, '\\$&')} em Sorriso Paulista, feito em \\d{2}/\\d{2}/\\d{4}, está `));
  });

  it('keeps the conversation id it is given', async () => {
    const conversationId = randomUUID();
    const { body } = await ask('oi', patient.accessToken, conversationId);
    expect(body.data!.askAssistant).toMatchObject({ conversationId, intent: 'GREETING' });
  });

  it('answers "how does escrow work" from the FAQ', async () => {
    const { body } = await ask('como funciona a custódia?', patient.accessToken);
    expect(body.errors).toBeUndefined();
    expect(body.data!.askAssistant.intent).toBe('HOW_ESCROW_WORKS');
    expect(body.data!.askAssistant.answer).toMatch(/cust[óo]dia/i);
  });

  it('refuses anonymous callers and people who are not patients', async () => {
    const anonymous = await ask('quando vence minha próxima parcela?');
    expect(anonymous.body.data?.askAssistant ?? null).toBeNull();
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const clinic = await stack.login('clinica@demo.medpay.com.br');
    const staff = await ask('quando vence minha próxima parcela?', clinic.accessToken);
    expect(['FORBIDDEN', 'UNAUTHENTICATED']).toContain(staff.body.errors?.[0]?.extensions?.code);
  });

  it('tells another patient only about their own installments, never the demo patient’s', async () => {
    const theirs = await installmentsOf(otherPatient.accessToken);
    expect(theirs.some((row) => row.payment.id === paymentId)).toBe(false);
    const { body } = await ask('quando vence minha próxima parcela?', otherPatient.accessToken);
    expect(body.errors).toBeUndefined();
    const reply = body.data!.askAssistant;
    expect(reply.intent).toBe('NEXT_INSTALLMENT');
    const open = theirs.filter((row) => row.status !== 'PAID');
    if (open.length === 0) expect(reply.answer).toBe('Você não tem parcelas em aberto.');
    else expect(reply.answer).toMatch(/^Sua próxima parcela/);
    expect(reply.answer).not.toMatch(/\(2 de 3\)/);
  });

  it('refuses an empty or overlong message in Portuguese', async () => {
    for (const message of ['   ', 'a'.repeat(501)]) {
      const { body } = await ask(message, patient.accessToken);
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(body.errors?.[0]?.message).toMatch(/pergunta/);
    }
  });
});

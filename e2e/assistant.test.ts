// The patient assistant end to end: askAssistant through the router to ai, which asks the router again
// for the patient's own installments with the patient's own token; the conversation log and the
// support tickets opened from it. A crediário bought here gives the
// demo patient their installments (the e2e stack seeds no payment history).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { formatBRL } from '@medpay/money';
import { sweepExpired } from '@medpay/documents';
import { eventually } from '@medpay/runtime/testing';
import { randomUUID } from 'node:crypto';
import { aiCollections } from '../subgraphs/ai/src/records/collections.js';
import { PERSONAL_ANSWER, type ConversationDoc } from '../subgraphs/ai/src/records/conversations.js';
import { availableModes, bearer, demoCast, signCrediario, startStack, type Session, type Stack } from './stack.js';

const TICKET = 'id topic queue status clinic { id } payment { id payer { id } } patient { id } closedAt messages { at author text }';
const REQUEST = `mutation($conversationId: ID!, $topic: SupportTopic!, $paymentId: ID, $message: String) {
  requestSupport(conversationId: $conversationId, topic: $topic, paymentId: $paymentId, message: $message) { ${TICKET} } }`;
const CLINIC_TICKETS = `query($clinicId: ID!) { clinic(id: $clinicId) { supportTickets { edges { node { ${TICKET} } } } } }`;
const BACK_OFFICE_TICKETS = `{ supportTickets(status: OPEN) { edges { node { ${TICKET} patient { name } } } } }`;
const MY_TICKETS = `{ mySupportTickets { edges { node { ${TICKET} } } } }`;
const ASK = 'mutation($message: String!, $conversationId: ID) { askAssistant(message: $message, conversationId: $conversationId) { conversationId intent answer offerPerson suggestions } }';

interface Reply {
  conversationId: string;
  intent: string;
  answer: string;
  offerPerson: boolean;
  suggestions: string[] | null;
}
interface Ticket {
  id: string;
  topic: string;
  queue: string;
  status: string;
  clinic: { id: string } | null;
  payment: { id: string; payer: { id: string } } | null;
  patient: { id: string; name?: string };
  messages: { at: string; author: string; text: string }[];
}
type Installment = { number: number; dueDate: string; amountCentavos: number; status: string; payment: { id: string; installmentCount: number } };

describe.each(availableModes())('the patient assistant through the router (%s)', (mode) => {
  let stack: Stack;
  let patient: Session;
  let otherPatient: Session;
  let clinicAdmin: Session;
  let otherClinicAdmin: Session;
  let admin: Session;
  let clinicId: string;
  let paymentId: string;

  const ask = (message: string, token?: string, conversationId?: string) =>
    stack.graphql<{ askAssistant: Reply }>(ASK, { message, ...(conversationId ? { conversationId } : {}) }, token ? bearer(token) : {});
  const reply = (ticketId: string, message: string, token: string) =>
    stack.graphql<{ replyToSupportTicket: Ticket }>(`mutation($id: ID!, $message: String!) { replyToSupportTicket(ticketId: $id, message: $message) { ${TICKET} } }`, { id: ticketId, message }, bearer(token));
  const installmentsOf = async (token: string) =>
    (await stack.graphql<{ myInstallments: Installment[] }>('{ myInstallments { number dueDate amountCentavos status payment { id installmentCount } } }', {}, bearer(token))).body.data!.myInstallments;

  beforeAll(async () => {
    stack = await startStack(mode);
    const cast = await demoCast(stack);
    ({ patient, otherPatient, clinicAdmin, otherClinicAdmin, admin, clinicId } = cast);
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
    const { pix } = await signCrediario(stack, paymentId, 'paciente@demo.medpay.com.br', patient.accessToken);
    const paid = await fetch(`${stack.celcoin.url}/_sim/pix/pay`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ payload: pix!.copiaECola }) });
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

  it('continues the patient\'s own conversation, and no one else\'s', async () => {
    const first = (await ask('oi', patient.accessToken)).body.data!.askAssistant;
    const { body } = await ask('como funciona a custódia?', patient.accessToken, first.conversationId);
    expect(body.data!.askAssistant).toMatchObject({ conversationId: first.conversationId, intent: 'HOW_ESCROW_WORKS' });
    for (const [conversationId, token] of [[first.conversationId, otherPatient.accessToken], [randomUUID(), patient.accessToken]] as const) {
      const refused = await ask('oi', token, conversationId);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    const stored = (await stack.ai.store.findById('conversations', first.conversationId)) as unknown as ConversationDoc;
    expect(stored.turns.map((turn) => turn.author)).toEqual(['PATIENT', 'ASSISTANT', 'PATIENT', 'ASSISTANT']);
  });

  it('stores the conversation with documents, card data and health details redacted, and no copy of the patient\'s records', async () => {
    const said = 'meu cpf é 529.982.247-25, paguei a cirurgia com o cartão 4111 1111 1111 1111 e nao caiu';
    const { conversationId } = (await ask(said, patient.accessToken)).body.data!.askAssistant;
    await ask('quando vence minha próxima parcela?', patient.accessToken, conversationId);
    const stored = (await stack.ai.store.findById('conversations', conversationId)) as unknown as ConversationDoc;
    const text = stored.turns.map((turn) => turn.text).join('\n');
    expect(text).toContain('meu cpf é [CPF], paguei a [saúde] com o cartão [cartão] e nao caiu');
    expect(text).not.toMatch(/529|4111|cirurgia/);
    // The installment answer (date and amount) is the patient's record: the log keeps a marker.
    expect(stored.turns.at(-1)).toMatchObject({ author: 'ASSISTANT', text: PERSONAL_ANSWER });
    expect(stored.patientId).toBe(patient.userId);
  });

  it('opens a ticket for a procedure question that the payment\'s clinic answers, and only it', async () => {
    const { conversationId } = (await ask('quero falar com uma pessoa', patient.accessToken)).body.data!.askAssistant;
    const requests = await Promise.all([1, 2].map(() =>
      stack.graphql<{ requestSupport: Ticket }>(REQUEST, { conversationId, topic: 'PROCEDURE', paymentId, message: 'Posso remarcar o clareamento?' }, bearer(patient.accessToken))));
    for (const { body } of requests) expect(body.errors).toBeUndefined();
    const ticket = requests[0]!.body.data!.requestSupport;
    expect(ticket).toMatchObject({ id: conversationId, topic: 'PROCEDURE', queue: 'CLINIC', status: 'OPEN', clinic: { id: clinicId } });
    const clinicTickets = async (token: string) => stack.graphql<{ clinic: { supportTickets: { edges: { node: Ticket }[] } } }>(CLINIC_TICKETS, { clinicId }, bearer(token));
    const seen = (await clinicTickets(clinicAdmin.accessToken)).body.data!.clinic.supportTickets.edges.map((edge) => edge.node).find((node) => node.id === conversationId)!;
    expect(seen.payment).toMatchObject({ id: paymentId, payer: { id: patient.userId } });
    // Asked twice at once: one ticket, with the transcript and the message (twice: both were sent).
    expect(seen.messages[0]).toMatchObject({ author: 'PATIENT', text: 'quero falar com uma pessoa' });
    expect(seen.messages.filter((message) => message.text === 'Posso remarcar o clareamento?')).toHaveLength(2);
    expect((await clinicTickets(otherClinicAdmin.accessToken)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const backOffice = (await stack.graphql<{ supportTickets: { edges: { node: Ticket }[] } }>(BACK_OFFICE_TICKETS, {}, bearer(admin.accessToken))).body.data!.supportTickets;
    expect(backOffice.edges.some((edge) => edge.node.id === conversationId)).toBe(false);

    // The clinic answers and closes; the patient reads it; staff of another clinic and admins cannot write on it.
    for (const token of [otherClinicAdmin.accessToken, admin.accessToken, otherPatient.accessToken]) {
      expect((await reply(conversationId, 'oi', token)).body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    expect((await reply(conversationId, 'Pode sim, ligue para nós.', clinicAdmin.accessToken)).body.errors).toBeUndefined();
    const closed = await stack.graphql<{ closeSupportTicket: Ticket }>('mutation($id: ID!) { closeSupportTicket(ticketId: $id) { status closedAt } }', { id: conversationId }, bearer(clinicAdmin.accessToken));
    expect(closed.body.data!.closeSupportTicket.status).toBe('CLOSED');
    expect((await reply(conversationId, 'Mais uma coisa', clinicAdmin.accessToken)).body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'TICKET_CLOSED' });
    const mine = (await stack.graphql<{ mySupportTickets: { edges: { node: Ticket }[] } }>(MY_TICKETS, {}, bearer(patient.accessToken))).body.data!.mySupportTickets.edges.map((edge) => edge.node);
    expect(mine.find((node) => node.id === conversationId)?.messages.at(-1)).toMatchObject({ author: 'STAFF', text: 'Pode sim, ligue para nós.' });
    // The patient writing again reopens it.
    const reopened = (await reply(conversationId, 'Obrigada! E o horário?', patient.accessToken)).body.data!.replyToSupportTicket;
    expect(reopened.status).toBe('OPEN');
  });

  it('sends a payment question to the back office, and refuses someone else\'s payment or conversation', async () => {
    const { conversationId } = (await ask('paguei e nao caiu', patient.accessToken)).body.data!.askAssistant;
    const { body } = await stack.graphql<{ requestSupport: Ticket }>(REQUEST, { conversationId, topic: 'PAYMENT' }, bearer(patient.accessToken));
    expect(body.data!.requestSupport).toMatchObject({ queue: 'BACK_OFFICE', clinic: null, payment: null });
    const backOffice = (await stack.graphql<{ supportTickets: { edges: { node: Ticket }[] } }>(BACK_OFFICE_TICKETS, {}, bearer(admin.accessToken))).body.data!.supportTickets;
    expect(backOffice.edges.find((edge) => edge.node.id === conversationId)?.node.patient).toEqual({ id: patient.userId, name: expect.any(String) });
    expect((await reply(conversationId, 'Já verificamos: caiu hoje.', admin.accessToken)).body.errors).toBeUndefined();
    expect((await reply(conversationId, 'oi', clinicAdmin.accessToken)).body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const theirs = (await ask('quero falar com uma pessoa', otherPatient.accessToken)).body.data!.askAssistant.conversationId;
    const withMyPayment = await stack.graphql(REQUEST, { conversationId: theirs, topic: 'PROCEDURE', paymentId }, bearer(otherPatient.accessToken));
    expect(withMyPayment.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const withMyConversation = await stack.graphql(REQUEST, { conversationId, topic: 'PAYMENT' }, bearer(otherPatient.accessToken));
    expect(withMyConversation.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const withoutPayment = await stack.graphql(REQUEST, { conversationId: theirs, topic: 'PROCEDURE' }, bearer(otherPatient.accessToken));
    expect(withoutPayment.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await stack.ai.store.findById('tickets', theirs)).toBeNull();
  });

  it('forgets conversations and tickets 180 days after their last change', async () => {
    const { conversationId } = (await ask('quero falar com uma pessoa', patient.accessToken)).body.data!.askAssistant;
    await stack.graphql(REQUEST, { conversationId, topic: 'PAYMENT' }, bearer(patient.accessToken));
    await sweepExpired(stack.ai.store, aiCollections, Date.now() + 179 * 86_400_000);
    expect(await stack.ai.store.findById('tickets', conversationId)).not.toBeNull();
    await sweepExpired(stack.ai.store, aiCollections, Date.now() + 181 * 86_400_000);
    expect(await stack.ai.store.findById('conversations', conversationId)).toBeNull();
    expect(await stack.ai.store.findById('tickets', conversationId)).toBeNull();
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

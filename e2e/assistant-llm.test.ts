// The assistant with an LLM configured (LLM_URL), through the router, against the chat-completions
// simulator over HTTP: answers come back rephrased with the patient's figures filled in by ai, and
// the model never receives them. (The adapter's failures are covered in rephrase.test.ts; the
// database mode does not matter here, so the embedded one runs it.)
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startLlmSimulator, type LlmSimulator } from '@medpay/llm-simulator';
import { formatBRL } from '@medpay/money';
import { bearer, demoCast, payByPix, startStack, type Session, type Stack } from './stack.js';

const ASK = 'mutation($message: String!) { askAssistant(message: $message) { intent answer } }';

describe('the patient assistant with an LLM rephrasing its answers', () => {
  let simulator: LlmSimulator;
  let stack: Stack;
  let patient: Session;
  let paymentTotal: number;

  beforeAll(async () => {
    simulator = await startLlmSimulator({ apiKey: 'sk-medpay-test' });
    stack = await startStack('embedded', { LLM_URL: simulator.url, LLM_API_KEY: 'sk-medpay-test' });
    const cast = await demoCast(stack);
    patient = cast.patient;
    const paymentId = await payByPix(stack, patient, cast.procedureId, cast.admin.accessToken);
    const { body } = await stack.graphql<{ payment: { amounts: { patientTotalCentavos: number } } }>('query($id: ID!) { payment(id: $id) { amounts { patientTotalCentavos } } }', { id: paymentId }, bearer(patient.accessToken));
    paymentTotal = body.data!.payment.amounts.patientTotalCentavos;
  }, 180_000);
  afterAll(async () => {
    await stack?.close();
    await simulator?.close();
  });

  it('rephrases an answer from the patient\'s data, filling the figures itself: the model sees placeholders only', async () => {
    const { body } = await stack.graphql<{ askAssistant: { intent: string; answer: string } }>(ASK, { message: 'meu pagamento caiu?' }, bearer(patient.accessToken));
    expect(body.errors).toBeUndefined();
    expect(body.data!.askAssistant.intent).toBe('PAYMENT_STATUS');
    expect(body.data!.askAssistant.answer).toMatch(new RegExp(`^Claro! Seu pagamento de ${formatBRL(paymentTotal).replace(/[$.]/g, '\\$&')} em Sorriso Paulista, feito em \\d{2}/\\d{2}/\\d{4}, está `));
    const sent = JSON.stringify(simulator.requests);
    expect(sent).toContain('{amount}');
    expect(sent).not.toContain('Sorriso');
    expect(sent).not.toContain(formatBRL(paymentTotal));
  });

  it('leaves the answer as written when the model changes its facts', async () => {
    simulator.setMode('invent');
    const { body } = await stack.graphql<{ askAssistant: { answer: string } }>(ASK, { message: 'meu pagamento caiu?' }, bearer(patient.accessToken));
    expect(body.data!.askAssistant.answer).toMatch(new RegExp(`^Seu pagamento de ${formatBRL(paymentTotal).replace(/[$.]/g, '\\$&')} em Sorriso Paulista`));
  });
});

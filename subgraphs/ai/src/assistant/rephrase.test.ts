// The LLM adapter against the chat-completions simulator over HTTP: a rephrasing that keeps the facts
// is used; one that changes them, a late, failing or garbled answer, leaves the grounded answer.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { startLlmSimulator, type LlmSimulator } from '@medpay/llm-simulator';
import { createLogger, Metrics } from '@medpay/runtime';
import { DATA_ANSWERS } from './assistant.js';
import { keepsFacts, LlmRephraser } from './rephrase.js';

const TEMPLATE = DATA_ANSWERS.NEXT_INSTALLMENT.template;
let simulator: LlmSimulator;
let metrics: Metrics;
let rephraser: LlmRephraser;
beforeAll(async () => {
  simulator = await startLlmSimulator({ apiKey: 'sk-test' });
});
beforeEach(() => {
  simulator.setMode('normal');
  simulator.requests.length = 0;
  metrics = new Metrics();
  rephraser = new LlmRephraser({ url: simulator.url, apiKey: 'sk-test', model: 'medpay-test', deadlineMs: 500 }, createLogger('ai-test', 'silent'), metrics);
});
afterAll(() => simulator.close());

describe('keepsFacts', () => {
  it('accepts a rewording with the same placeholders and numbers, and nothing else', () => {
    expect(keepsFacts(TEMPLATE, `Claro! ${TEMPLATE}`)).toBe(true);
    expect(keepsFacts(TEMPLATE, 'Sua parcela {number} de {count}, de {amount}, vence em {dueDate}.')).toBe(true);
    expect(keepsFacts(TEMPLATE, 'Sua parcela {number} de {count} vence em {dueDate}.')).toBe(false);
    expect(keepsFacts('O prazo é de 7 dias.', 'O prazo é de 10 dias.')).toBe(false);
    expect(keepsFacts('O prazo é de 7 dias.', 'O prazo é de 7 dias, com multa de 2 %.')).toBe(false);
    expect(keepsFacts('Fale conosco pelo app.', 'Fale conosco em https://example.com.')).toBe(false);
    expect(keepsFacts('Fale conosco pelo app.', '  ')).toBe(false);
  });
});

describe('the LLM adapter', () => {
  it('uses the rephrasing, sent the question redacted and the answer as a template, with the key and model', async () => {
    const answer = await rephraser.rephrase('meu cpf é 529.982.247-25, quando vence a parcela da cirurgia?', TEMPLATE);
    expect(answer).toBe(`Claro! ${TEMPLATE}`);
    expect(metrics.get('assistant_rephrased_total')).toBe(1);
    const [sent] = simulator.requests;
    expect(sent!.model).toBe('medpay-test');
    const prompt = sent!.messages.at(-1)!.content;
    expect(prompt).toContain('[CPF]');
    expect(prompt).toContain('[saúde]');
    expect(prompt).not.toMatch(/529|cirurgia/);
    expect(prompt).toContain(TEMPLATE);
  });

  it.each([
    ['changes the facts', 'invent', 'assistant_rephrase_rejected_total'],
    ['fails', 'error', 'assistant_rephrase_failed_total'],
    ['answers garbage', 'garbage', 'assistant_rephrase_failed_total'],
    ['misses the deadline', 'slow', 'assistant_rephrase_failed_total'],
  ] as const)('sends the grounded answer when the model %s', async (_case, mode, counter) => {
    simulator.setMode(mode);
    expect(await rephraser.rephrase('quando vence?', TEMPLATE)).toBe(TEMPLATE);
    expect(metrics.get(counter)).toBe(1);
  });

  it('sends the grounded answer when the key is refused', async () => {
    const keyless = new LlmRephraser({ url: simulator.url, apiKey: 'wrong', model: 'medpay-test', deadlineMs: 500 }, createLogger('ai-test', 'silent'), metrics);
    expect(await keyless.rephrase('quando vence?', TEMPLATE)).toBe(TEMPLATE);
  });
});

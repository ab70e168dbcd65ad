// The optional LLM (LLM_URL, an OpenAI-compatible chat-completions endpoint) rewrites the assistant's
// grounded answer in a friendlier way — and nothing more. It is given the patient's question redacted
// and the answer as a template: the patient's figures, dates and clinic stay here as {placeholders} and
// are filled in after, so they never leave and the model cannot change them. Its text is used only
// when it keeps every placeholder and every number of the original and invents none; late, failing or
// off-script, the grounded answer goes out as it is.
import type { Logger, Metrics } from '@medpay/runtime';
import { z } from 'zod';
import { redact } from '../records/redact.js';

export interface Rephraser {
  /** `answer` may hold {placeholders}: the result holds the same ones. */
  rephrase(question: string, answer: string): Promise<string>;
}

/** No LLM configured (the default): the grounded answer as it is. */
export const verbatim: Rephraser = { rephrase: async (_question, answer) => answer };

const INSTRUCTIONS = [
  'Você reescreve respostas do assistente da MedPay, uma plataforma de pagamentos de saúde, para o paciente.',
  'Reescreva a resposta em português do Brasil, de forma clara, cordial e breve, considerando a pergunta.',
  'Não acrescente nenhuma informação, número, data, valor, prazo ou promessa que não esteja na resposta.',
  'Mantenha exatamente, sem alterar, cada marcador entre chaves, como {amount} ou {dueDate}, e cada número.',
  'Responda só com o texto reescrito.',
].join(' ');

const completion = z.object({ choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1) });

const tokens = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).sort().join('\u0000');
const PLACEHOLDERS = /\{\w+\}/g;
const NUMBERS = /\d+(?:[.,]\d+)*/g;
const LINKS = /https?:\/\/\S+|www\.\S+|[\w.+-]+@[\w-]+\.\S+/gi;

/** The rewrite keeps the facts: the same placeholders, numbers, links and addresses, and a sane length. */
export function keepsFacts(original: string, rewritten: string): boolean {
  const text = rewritten.trim();
  return (
    text.length > 0 &&
    text.length <= original.length * 3 + 200 &&
    tokens(text, PLACEHOLDERS) === tokens(original, PLACEHOLDERS) &&
    tokens(text, NUMBERS) === tokens(original, NUMBERS) &&
    tokens(text, LINKS) === tokens(original, LINKS)
  );
}

export class LlmRephraser implements Rephraser {
  constructor(
    private readonly options: { url: string; apiKey: string | undefined; model: string; deadlineMs: number },
    private readonly logger: Logger,
    private readonly metrics: Metrics,
  ) {}

  async rephrase(question: string, answer: string): Promise<string> {
    try {
      const response = await fetch(`${this.options.url.replace(/\/$/, '')}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {}) },
        body: JSON.stringify({
          model: this.options.model,
          temperature: 0.2,
          messages: [
            { role: 'system', content: INSTRUCTIONS },
            { role: 'user', content: `Pergunta do paciente: ${redact(question)}\n\nResposta:\n${answer}` },
          ],
        }),
        signal: AbortSignal.timeout(this.options.deadlineMs),
      });
      if (!response.ok) throw new Error(`answered ${response.status}`);
      const text = completion.parse(await response.json()).choices[0]!.message.content.trim();
      if (keepsFacts(answer, text)) {
        this.metrics.increment('assistant_rephrased_total');
        return text;
      }
      this.metrics.increment('assistant_rephrase_rejected_total');
      this.logger.warn('the LLM changed the facts of an answer: the grounded answer was sent');
    } catch (error) {
      this.metrics.increment('assistant_rephrase_failed_total');
      this.logger.warn({ err: error }, 'the LLM did not rephrase: the grounded answer was sent');
    }
    return answer;
  }
}

/**
 * The patient assistant's reply to one message, without I/O: the intent, and either an FAQ answer or
 * the graph query whose result fills the answer's template (the resolver runs that query with the
 * patient's own token and calls fillTemplate).
 */
import type { Intent, KnownIntent } from './intents/intent.js';
import type { Classification } from './nlu.js';
import type { FaqIndex } from './faq/faq-index.js';

export type DataQuery = 'myInstallments' | 'myPayments';

export interface AssistantReply {
  intent: Intent;
  confidence: number;
  /** pt-BR; for data intents a template with {placeholders} */
  answer: string;
  needsData: DataQuery | null;
  faqIds: string[];
  offerPerson: boolean;
}

export interface AssistantContext {
  nlu: { classify(message: string): Promise<Classification> };
  faq: FaqIndex;
}

/** Answers built from the patient's data: the query to run, the template for a result and the words for none. */
export const DATA_ANSWERS = {
  NEXT_INSTALLMENT: {
    query: 'myInstallments',
    template: 'Sua próxima parcela ({number} de {count}) vence em {dueDate}, no valor de {amount}.',
    empty: 'Você não tem parcelas em aberto.',
  },
  REMAINING_BALANCE: {
    query: 'myInstallments',
    template: 'Faltam {remainingCount} parcelas, somando {remainingAmount}. Se quiser quitar antes, os juros são reduzidos proporcionalmente.',
    empty: 'Você não tem parcelas em aberto: não falta nada a pagar.',
  },
  PAYMENT_STATUS: {
    query: 'myPayments',
    template: 'Seu pagamento de {amount} em {clinic}, feito em {date}, está {status}.',
    empty: 'Não encontrei pagamentos na sua conta.',
  },
} as const satisfies Partial<Record<KnownIntent, { query: DataQuery; template: string; empty: string }>>;

const FAQ_INTENTS: ReadonlySet<KnownIntent> = new Set(['HOW_TO_PAY_PIX', 'HOW_TO_PAY_BOLETO', 'HOW_ESCROW_WORKS', 'CANCEL_OR_DISPUTE', 'FEES_AND_CET', 'TALK_TO_PERSON', 'PRIVACY_DATA']);

/** Intents where a person is offered along with the answer: a money dispute or an explicit request. */
const PERSON_INTENTS: ReadonlySet<Intent> = new Set(['CANCEL_OR_DISPUTE', 'TALK_TO_PERSON', 'UNKNOWN']);

const GREETING =
  'Olá! Sou o assistente da MedPay. Posso ajudar com suas parcelas, o status de um pagamento, como pagar por PIX ou boleto, ' +
  'como funciona a custódia, cancelamentos e contestações, as taxas e o CET do seu plano, e seus dados pessoais. Como posso ajudar?';
const THANKS = 'Por nada! Se precisar de mais alguma coisa, é só chamar.';
const NOT_UNDERSTOOD = 'Desculpe, não entendi. Pode escrever de outro jeito? Se preferir, posso chamar uma pessoa do nosso atendimento.';

export async function reply(message: string, context: AssistantContext): Promise<AssistantReply> {
  const { intent, confidence } = await context.nlu.classify(message);
  const base = { intent, confidence, needsData: null, faqIds: [] as string[], offerPerson: PERSON_INTENTS.has(intent) };

  if (intent === 'NEXT_INSTALLMENT' || intent === 'REMAINING_BALANCE' || intent === 'PAYMENT_STATUS') {
    const { query, template } = DATA_ANSWERS[intent];
    return { ...base, answer: template, needsData: query };
  }
  if (intent === 'GREETING') return { ...base, answer: GREETING };
  if (intent === 'THANKS') return { ...base, answer: THANKS };
  if (intent !== 'UNKNOWN' && FAQ_INTENTS.has(intent)) {
    const entry = context.faq.find(message, { intent, limit: 1 })[0]?.entry ?? context.faq.defaultFor(intent);
    if (entry) return { ...base, answer: entry.answer, faqIds: [entry.id] };
  }
  // Not understood: still point at FAQ entries the words match.
  const suggestions = context.faq.find(message, { limit: 2 }).map((hit) => hit.entry);
  const answer = suggestions.length === 0 ? NOT_UNDERSTOOD : `${NOT_UNDERSTOOD} Talvez ajude: ${suggestions.map((entry) => `"${entry.question}"`).join(' ou ')}`;
  return { ...base, intent: 'UNKNOWN', offerPerson: true, answer, faqIds: suggestions.map((entry) => entry.id) };
}

/** Fills a data answer's {placeholders}; a missing value is a bug in the caller, so it throws. */
export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for {${name}} in the assistant's answer`);
    return String(value);
  });
}

// The assistant's conversations as stored: each exchange appended with a compare-and-set on the
// conversation's version (two messages at once both land, in some order), the patient's words
// redacted, and answers drawn from the patient's own records kept as a marker, never as a copy.
import { mergeVersioned } from '@medpay/documents';
import { AppError } from '@medpay/runtime';
import type { AiStore } from './collections.js';
import { redact } from './redact.js';

export type Author = 'PATIENT' | 'ASSISTANT' | 'STAFF';

export interface Turn {
  at: Date;
  author: Author;
  authorId: string | null;
  text: string;
  intent: string | null;
}

export interface ConversationDoc {
  _id: string;
  patientId: string;
  startedAt: Date;
  updatedAt: Date;
  turns: Turn[];
  version: number;
}

/** A conversation ends here (a chat box is not a record): the patient starts another. */
export const MAX_TURNS = 200;
/** What the log keeps of an answer built from the patient's installments or payments. */
export const PERSONAL_ANSWER = '[resposta com os dados do paciente, consultados no momento]';

export const conversationNotFound = () => new AppError('NOT_FOUND', 'Conversa não encontrada. Comece uma nova.');

export const patientTurn = (text: string, at: Date, intent: string | null = null): Turn => ({ at, author: 'PATIENT', authorId: null, text: redact(text), intent });

export class Conversations {
  constructor(private readonly store: AiStore) {}

  /** The patient's own conversation; NOT_FOUND for anyone else's, an unknown or an expired one. */
  async own(conversationId: string, patientId: string): Promise<ConversationDoc> {
    const found = (await this.store.findById('conversations', conversationId)) as ConversationDoc | null;
    if (!found || found.patientId !== patientId) throw conversationNotFound();
    return found;
  }

  /** Appends one question and its answer; `continuing` false when the conversation is new. */
  async record(exchange: { conversationId: string; patientId: string; continuing: boolean; question: string; intent: string; answer: string; personal: boolean; at: Date }) {
    const { conversationId, patientId, at } = exchange;
    const turns: Turn[] = [
      patientTurn(exchange.question, at, exchange.intent),
      { at, author: 'ASSISTANT', authorId: null, text: exchange.personal ? PERSONAL_ANSWER : exchange.answer, intent: null },
    ];
    await mergeVersioned<ConversationDoc>(this.store, 'conversations', conversationId, (current) => {
      // A new conversation's id is ours (random), so an existing one with it is someone's continuing it.
      if (current ? current.patientId !== patientId : exchange.continuing) throw conversationNotFound();
      if (current && current.turns.length + turns.length > MAX_TURNS) throw new AppError('BAD_USER_INPUT', 'Esta conversa chegou ao limite de mensagens. Comece uma nova.');
      return { _id: conversationId, patientId, startedAt: current?.startedAt ?? at, updatedAt: at, turns: [...(current?.turns ?? []), ...turns] };
    });
  }
}

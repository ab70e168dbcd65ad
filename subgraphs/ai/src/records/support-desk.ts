// "Falar com uma pessoa": a ticket opened from a conversation, with its transcript, answered by the
// clinic of the chosen payment (procedure questions) or by the back office (payment questions). Every
// change is a compare-and-set on the ticket's version, so replies and a close racing each other all
// land or fail cleanly; a conversation's ticket has the conversation's id, so asking twice opens one.
import { mergeVersioned, type Filter } from '@medpay/documents';
import { AppError, decodeCursor, pageOf, type Page } from '@medpay/runtime';
import type { AiStore } from './collections.js';
import { patientTurn, type Conversations, type Turn } from './conversations.js';
import { redact } from './redact.js';

export type SupportTopic = 'PROCEDURE' | 'PAYMENT';
export type TicketStatus = 'OPEN' | 'CLOSED';

export interface TicketDoc {
  _id: string;
  patientId: string;
  topic: SupportTopic;
  clinicId: string | null;
  paymentId: string | null;
  status: TicketStatus;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  messages: Turn[];
  version: number;
}

/** A ticket's thread ends here; the patient opens another conversation. */
export const MAX_TICKET_MESSAGES = 300;
export const MAX_SUPPORT_MESSAGE_LENGTH = 2000;

const ticketNotFound = () => new AppError('NOT_FOUND', 'Atendimento não encontrado.');

export function checkSupportMessage(message: string): string {
  const text = message.trim();
  if (!text) throw new AppError('BAD_USER_INPUT', 'Escreva a mensagem.', { field: 'message' });
  if (text.length > MAX_SUPPORT_MESSAGE_LENGTH) throw new AppError('BAD_USER_INPUT', `Escreva em até ${MAX_SUPPORT_MESSAGE_LENGTH} caracteres.`, { field: 'message' });
  return text;
}

/** Which tickets a list shows: one clinic's, the back office's (no clinic) or one patient's. */
export type TicketScope = { clinicId: string } | { backOffice: true } | { patientId: string };

export class SupportDesk {
  constructor(
    private readonly store: AiStore,
    private readonly conversations: Conversations,
  ) {}

  get(ticketId: string): Promise<TicketDoc | null> {
    return this.store.findById('tickets', ticketId) as Promise<TicketDoc | null>;
  }

  /**
   * Opens the conversation's ticket, or adds to it (reopening it) when it exists. `payment` is the
   * patient's own payment the question is about (required for PROCEDURE: its clinic answers).
   */
  async open(request: { conversationId: string; patientId: string; topic: SupportTopic; payment: { id: string; clinicId: string } | null; message: string | null; at: Date }): Promise<TicketDoc> {
    const { conversationId, patientId, topic, payment, at } = request;
    if (topic === 'PROCEDURE' && !payment) throw new AppError('BAD_USER_INPUT', 'Escolha o pagamento do procedimento sobre o qual quer falar.', { field: 'paymentId' });
    const conversation = await this.conversations.own(conversationId, patientId);
    const added = request.message ? [patientTurn(request.message, at)] : [];
    await mergeVersioned<TicketDoc>(this.store, 'tickets', conversationId, (current) => {
      if (current) return { ...current, status: 'OPEN', closedAt: null, updatedAt: at, messages: appended(current.messages, added) };
      return {
        _id: conversationId, patientId, topic, clinicId: topic === 'PROCEDURE' ? payment!.clinicId : null, paymentId: payment?.id ?? null,
        status: 'OPEN', createdAt: at, updatedAt: at, closedAt: null, messages: appended(conversation.turns, added),
      };
    });
    return (await this.get(conversationId))!;
  }

  /** A reply: the patient's reopens a closed ticket; staff cannot write on a closed one. */
  async reply(ticketId: string, author: { kind: 'PATIENT' | 'STAFF'; userId: string }, message: string, at: Date): Promise<TicketDoc> {
    const turn: Turn = { at, author: author.kind, authorId: author.kind === 'STAFF' ? author.userId : null, text: redact(message), intent: null };
    await mergeVersioned<TicketDoc>(this.store, 'tickets', ticketId, (current) => {
      if (!current) throw ticketNotFound();
      if (current.status === 'CLOSED' && author.kind === 'STAFF') throw new AppError('CONFLICT', 'Este atendimento foi encerrado.', { reason: 'TICKET_CLOSED' });
      return { ...current, status: 'OPEN', closedAt: null, updatedAt: at, messages: appended(current.messages, [turn]) };
    });
    return (await this.get(ticketId))!;
  }

  /** Closes the ticket (closing a closed one changes nothing). */
  async close(ticketId: string, at: Date): Promise<TicketDoc> {
    await mergeVersioned<TicketDoc>(this.store, 'tickets', ticketId, (current) => {
      if (!current) throw ticketNotFound();
      return current.status === 'CLOSED' ? current : { ...current, status: 'CLOSED', closedAt: at, updatedAt: at };
    });
    return (await this.get(ticketId))!;
  }

  /** The newest first (by opening), keyset-paged by ticket id. */
  async list(scope: TicketScope, filter: { status: TicketStatus | null; first: number; after: string | null }): Promise<Page<TicketDoc>> {
    const match: Filter = {};
    if ('clinicId' in scope) match.clinicId = scope.clinicId;
    if ('backOffice' in scope) match.clinicId = null;
    if ('patientId' in scope) match.patientId = scope.patientId;
    if (filter.status) match.status = filter.status;
    const afterId = decodeCursor(filter.after);
    if (afterId) {
      const cursor = await this.get(afterId);
      if (!cursor) throw new AppError('BAD_USER_INPUT', 'Cursor de paginação inválido.', { field: 'after' });
      match.$or = [{ createdAt: { $lt: cursor.createdAt } }, { createdAt: cursor.createdAt, _id: { $lt: cursor._id } }];
    }
    const rows = await this.store.aggregate<TicketDoc>('tickets', [{ $match: match }, { $sort: { createdAt: -1, _id: -1 } }, { $limit: filter.first + 1 }]);
    return pageOf(rows, filter.first);
  }
}

function appended(messages: Turn[], added: Turn[]): Turn[] {
  if (messages.length + added.length > MAX_TICKET_MESSAGES) throw new AppError('BAD_USER_INPUT', 'Este atendimento chegou ao limite de mensagens.');
  return [...messages, ...added];
}

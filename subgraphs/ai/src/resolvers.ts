// The ai graph: the patient assistant and its support tickets, and the fraud model's report. The
// directives admit the right kind of caller before any resolver runs; the resolvers check whose
// conversation, ticket or clinic it is. The assistant's answers about the patient's own data are
// filled from the graph asked again with the patient's own session.
import type { ClinicMembership } from '@medpay/contracts';
import { AppError, isUuid, notFound, pageSize, toConnection, type Caller, type Page, type RequestContext } from '@medpay/runtime';
import { randomUUID } from 'node:crypto';
import type { Resolvers } from './__generated__/resolvers-types.js';
import { reply, type AssistantContext } from './assistant/assistant.js';
import { nextInstallmentAnswer, paymentStatusAnswer, remainingBalanceAnswer } from './assistant/data-answers.js';
import { FAQ } from './assistant/faq/entries.js';
import type { Rephraser } from './assistant/rephrase.js';
import type { TrainingReport } from './fraud/train.js';
import type { OnBehalfOf, PatientGraph } from './patient-graph.js';
import type { Conversations } from './records/conversations.js';
import type { PersonalRecords } from './records/personal-records.js';
import { checkSupportMessage, type SupportDesk, type TicketDoc } from './records/support-desk.js';

export interface AiContext extends RequestContext {
  caller: Caller<ClinicMembership['role']>;
  assistant: AssistantContext;
  rephraser: Rephraser;
  patientGraph: PatientGraph;
  fraudReport: TrainingReport;
  conversations: Conversations;
  support: SupportDesk;
  personalRecords: PersonalRecords;
}

/** Longer messages are refused: the classifier was trained on short questions, and a chat box is not a letter. */
export const MAX_MESSAGE_LENGTH = 500;

const questionOf = new Map(FAQ.map((entry) => [entry.id, entry.question]));

function checkMessage(message: string): string {
  const trimmed = message.trim();
  if (!trimmed) throw new AppError('BAD_USER_INPUT', 'Escreva sua pergunta.', { field: 'message' });
  if (trimmed.length > MAX_MESSAGE_LENGTH) throw new AppError('BAD_USER_INPUT', `Escreva sua pergunta em até ${MAX_MESSAGE_LENGTH} caracteres.`, { field: 'message' });
  return trimmed;
}

/** The patient's own session, passed on by the router (router/src/gateway.ts, TOKEN_RECIPIENTS). */
function onBehalfOf({ authorization, clientIp }: AiContext): OnBehalfOf {
  if (!authorization) throw new AppError('UNAUTHENTICATED', 'Entre na sua conta para consultar seus dados.');
  return { authorization, clientIp };
}

/** An entity another subgraph owns: ai knows only its key. */
export interface EntityReference {
  id: string;
}

const ticketsPage = (page: Page<TicketDoc>) => toConnection({ rows: page.rows.map((ticket) => ({ ...ticket, id: ticket._id })), hasNextPage: page.hasNextPage });

/**
 * A ticket the caller answers or asked: its patient, its clinic's staff (CLINIC queue), platform
 * admins (BACK_OFFICE queue). Anyone else gets NOT_FOUND, as for a ticket that does not exist.
 */
async function answerableTicket(ticketId: string, { caller, support }: AiContext, asStaff: boolean): Promise<{ ticket: TicketDoc; author: { kind: 'PATIENT' | 'STAFF'; userId: string } }> {
  // People only: a clinic's partner system does not answer patients.
  const userId = caller.requireUser();
  const ticket = isUuid(ticketId) ? await support.get(ticketId) : null;
  if (ticket) {
    if (!asStaff && userId === ticket.patientId) return { ticket, author: { kind: 'PATIENT', userId } };
    if (ticket.clinicId ? await caller.roleIn(ticket.clinicId) : caller.isPlatformAdmin) return { ticket, author: { kind: 'STAFF', userId } };
  }
  throw notFound('Atendimento');
}

export const resolvers: Resolvers = {
  PersonalData: {
    __resolveReference: ({ userId }) => ({ userId }),
    assistant: ({ userId }, _args, { caller, personalRecords }) => {
      caller.assertSelf(userId);
      return personalRecords.of(userId);
    },
  },
  SupportTicket: {
    id: (ticket) => ticket._id,
    queue: (ticket) => (ticket.clinicId ? 'CLINIC' : 'BACK_OFFICE'),
    clinic: (ticket) => (ticket.clinicId ? { id: ticket.clinicId } : null),
    payment: (ticket) => (ticket.paymentId ? { id: ticket.paymentId } : null),
    patient: (ticket) => ({ id: ticket.patientId }),
    createdAt: (ticket) => ticket.createdAt.toISOString(),
    updatedAt: (ticket) => ticket.updatedAt.toISOString(),
    closedAt: (ticket) => ticket.closedAt?.toISOString() ?? null,
  },
  SupportMessage: {
    at: (turn) => turn.at.toISOString(),
  },
  Clinic: {
    __resolveReference: (reference) => ({ id: reference.id }),
    supportTickets: async (clinic, { status, first, after }, { caller, support }) => {
      if (!(await caller.roleIn(clinic.id))) throw caller.denied();
      return ticketsPage(await support.list({ clinicId: clinic.id }, { status: status ?? null, first: pageSize(first, 20), after: after ?? null }));
    },
  },
  Query: {
    supportTickets: async (_root, { status, first, after }, { caller, support }) => {
      caller.assertPlatformAdmin();
      return ticketsPage(await support.list({ backOffice: true }, { status: status ?? null, first: pageSize(first, 20), after: after ?? null }));
    },
    mySupportTickets: async (_root, { first, after }, { caller, support }) =>
      ticketsPage(await support.list({ patientId: caller.requireUser() }, { status: null, first: pageSize(first, 20), after: after ?? null })),
    fraudModel: (_root, _args, { caller, fraudReport: report }) => {
      caller.assertPlatformAdmin();
      const { heldOut } = report;
      return {
        version: report.modelVersion,
        trainedAt: report.trainedAt,
        heldOutRows: heldOut.rows,
        heldOutFraudRows: heldOut.fraudRows,
        rocAuc: heldOut.rocAuc,
        reviewThreshold: heldOut.review.threshold,
        reviewPrecision: heldOut.review.precision,
        reviewRecall: heldOut.review.recall,
        declineThreshold: heldOut.decline.threshold,
        declinePrecision: heldOut.decline.precision,
        declineRecall: heldOut.decline.recall,
      };
    },
  },
  Mutation: {
    askAssistant: async (_root, { conversationId, message }, context) => {
      if (conversationId != null && !isUuid(conversationId)) throw new AppError('BAD_USER_INPUT', 'Conversa inválida.', { field: 'conversationId' });
      const patientId = context.caller.requireUser();
      const text = checkMessage(message);
      const answer = await reply(text, context.assistant);
      // Rephrased (when an LLM is configured) before the patient's data fills the template's placeholders.
      let filled = await context.rephraser.rephrase(text, answer.answer);
      if (answer.needsData) {
        const caller = onBehalfOf(context);
        if (answer.intent === 'PAYMENT_STATUS') filled = paymentStatusAnswer(await context.patientGraph.payments(caller), filled);
        else if (answer.intent === 'REMAINING_BALANCE') filled = remainingBalanceAnswer(await context.patientGraph.installments(caller), filled);
        else filled = nextInstallmentAnswer(await context.patientGraph.installments(caller), filled);
      }
      const conversation = conversationId ?? randomUUID();
      await context.conversations.record({ conversationId: conversation, patientId, continuing: conversationId != null, question: text, intent: answer.intent, answer: filled, personal: answer.needsData !== null, at: new Date() });
      return {
        conversationId: conversation,
        intent: answer.intent,
        answer: filled,
        offerPerson: answer.offerPerson,
        // Not understood: the FAQ questions the words matched, for the app to offer as buttons.
        suggestions: answer.intent === 'UNKNOWN' ? answer.faqIds.flatMap((id) => questionOf.get(id) ?? []) : [],
      };
    },
    requestSupport: async (_root, { conversationId, topic, paymentId, message }, context) => {
      const patientId = context.caller.requireUser();
      let payment: { id: string; clinicId: string } | null = null;
      if (paymentId != null) {
        // Only one of the patient's own payments, as the patient's own session sees them.
        const row = isUuid(paymentId) ? await context.patientGraph.payment(onBehalfOf(context), paymentId) : null;
        if (!row?.clinic) throw notFound('Pagamento');
        payment = { id: row.id, clinicId: row.clinic.id };
      }
      const text = message == null ? null : checkSupportMessage(message);
      return context.support.open({ conversationId, patientId, topic, payment, message: text, at: new Date() });
    },
    replyToSupportTicket: async (_root, { ticketId, message }, context) => {
      const text = checkSupportMessage(message);
      const { ticket, author } = await answerableTicket(ticketId, context, false);
      return context.support.reply(ticket._id, author, text, new Date());
    },
    closeSupportTicket: async (_root, { ticketId }, context) => {
      const { ticket } = await answerableTicket(ticketId, context, true);
      return context.support.close(ticket._id, new Date());
    },
  },
};

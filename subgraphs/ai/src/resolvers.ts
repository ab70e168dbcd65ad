// The ai graph: the patient assistant. The directives admit patients only before any resolver runs;
// the answer is classified here and, for the patient's own data, filled from the graph asked again
// with the patient's own session.
import { AppError, forbidden, isPlatformAdmin, isUuid, type RequestContext } from '@medpay/runtime';
import { randomUUID } from 'node:crypto';
import type { Resolvers } from './__generated__/resolvers-types.js';
import { reply, type AssistantContext } from './assistant/assistant.js';
import { nextInstallmentAnswer, paymentStatusAnswer, remainingBalanceAnswer } from './assistant/data-answers.js';
import { FAQ } from './assistant/faq/entries.js';
import type { TrainingReport } from './fraud/train.js';
import type { PatientGraph } from './patient-graph.js';

export interface AiContext extends RequestContext {
  assistant: AssistantContext;
  patientGraph: PatientGraph;
  fraudReport: TrainingReport;
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

export const resolvers: Resolvers = {
  Query: {
    fraudModel: (_root, _args, { claims, fraudReport: report }) => {
      if (!isPlatformAdmin(claims)) throw forbidden();
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
    askAssistant: async (_root, { conversationId, message }, { assistant, patientGraph, authorization, clientIp }) => {
      if (conversationId != null && !isUuid(conversationId)) throw new AppError('BAD_USER_INPUT', 'Conversa inválida.', { field: 'conversationId' });
      const text = checkMessage(message);
      // No storage yet: a conversation is only an id the app sends back. Logging the exchanges (MongoDB,
      // personal data redacted) comes in a later step.
      const conversation = conversationId ?? randomUUID();
      const answer = await reply(text, assistant);
      let filled = answer.answer;
      if (answer.needsData) {
        // The router passes the patient's own header on to ai (router/src/gateway.ts, TOKEN_RECIPIENTS).
        if (!authorization) throw new AppError('UNAUTHENTICATED', 'Entre na sua conta para consultar seus dados.');
        const caller = { authorization, clientIp };
        if (answer.intent === 'PAYMENT_STATUS') filled = paymentStatusAnswer(await patientGraph.payments(caller));
        else if (answer.intent === 'REMAINING_BALANCE') filled = remainingBalanceAnswer(await patientGraph.installments(caller));
        else filled = nextInstallmentAnswer(await patientGraph.installments(caller));
      }
      return {
        conversationId: conversation,
        intent: answer.intent,
        answer: filled,
        offerPerson: answer.offerPerson,
        // Not understood: the FAQ questions the words matched, for the app to offer as buttons.
        suggestions: answer.intent === 'UNKNOWN' ? answer.faqIds.flatMap((id) => questionOf.get(id) ?? []) : [],
      };
    },
  },
};

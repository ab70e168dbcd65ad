import { beforeAll, describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { evaluate } from './evaluate.js';
import { EVALUATION } from './intents/evaluation.js';
import { INTENTS } from './intents/intent.js';
import { TRAINING } from './intents/training.js';
import { AssistantNlu, MODEL_URL, trainingDigest, type TrainedModel } from './nlu.js';

let nlu: AssistantNlu;
beforeAll(async () => {
  nlu = await AssistantNlu.load();
});

describe('assistant intent classifier', () => {
  it('loads a committed model trained on the current utterances', async () => {
    const model = JSON.parse(await readFile(MODEL_URL, 'utf8')) as TrainedModel;
    expect(model.trainingDigest).toBe(trainingDigest(TRAINING));
  });

  it('keeps the held-out set apart from the training set', () => {
    const trained = new Set(INTENTS.flatMap((intent) => TRAINING[intent]));
    expect(INTENTS.flatMap((intent) => EVALUATION[intent]).filter((utterance) => trained.has(utterance))).toEqual([]);
  });

  it('classifies at least 90 % of the held-out utterances right', async () => {
    const report = await evaluate(nlu, EVALUATION);
    expect(report.total).toBeGreaterThanOrEqual(15 * INTENTS.length);
    expect(report.accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it.each([
    ['quando vence minha próxima parcela?', 'NEXT_INSTALLMENT'],
    ['qdo vence a parcela', 'NEXT_INSTALLMENT'],
    ['proxima parsela vence qndo', 'NEXT_INSTALLMENT'],
    ['paguei e nao caiu', 'PAYMENT_STATUS'],
    ['como funciona a custódia', 'HOW_ESCROW_WORKS'],
    ['quero falar com um atendente', 'TALK_TO_PERSON'],
    ['boleto demora quanto pra compensar', 'HOW_TO_PAY_BOLETO'],
    // "apagar" is one edit from "pagar": an LGPD request must not read as a payment question.
    ['quero apagar meus dados', 'PRIVACY_DATA'],
  ])('"%s" → %s', async (message, intent) => {
    expect((await nlu.classify(message)).intent).toBe(intent);
  });

  it.each(['asdkjh qwe zxcv', 'meu cachorro comeu a ração', 'qual a capital da França'])('"%s" is not understood', async (message) => {
    expect(await nlu.classify(message)).toEqual({ intent: 'UNKNOWN', confidence: 0 });
  });
});

// Wires the ai subgraph: the anti-fraud desk (committed model, risk signals rebuilt from the
// producers' outboxes), the credit decisions (committed model, the history payments sends), the
// patient assistant's committed language model and FAQ index (nothing is trained at start), the
// router client that asks for the patient's own data, and the HTTP server.
import { buildSubgraphSchema } from '@apollo/subgraph';
import * as contracts from '@medpay/contracts';
import { AppError, createLogger, FeedIntake, internalRoute, internalRoutes, Metrics, producerOutboxes, startSubgraph, type FeedCursors, type RunningService } from '@medpay/runtime';
import { parse } from 'graphql';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { FaqIndex } from './assistant/faq/faq-index.js';
import { AssistantNlu } from './assistant/nlu.js';
import type { AiConfig } from './config.js';
import { CREDIT_MODEL_URL, CreditModel } from './credit/model.js';
import { creditOffer, decidePlan } from './credit/offer.js';
import { FRAUD_MODEL_URL, FRAUD_REPORT_URL, FraudDesk } from './fraud/desk.js';
import type { TrainingReport } from './fraud/train.js';
import { FraudModel } from './fraud/model.js';
import { RiskSignals } from './fraud/signals.js';
import { operationIds, PatientGraph } from './patient-graph.js';
import { resolvers, type AiContext } from './resolvers.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
export const aiTypeDefs = parse(readFileSync(here('./schema.graphql'), 'utf8'));
const PRUNE_EVERY_MS = 3600_000;

/** The signals live in memory, so the cursors do too: every start reads the outboxes from the beginning. */
const memoryCursors = (): FeedCursors => {
  const cursors = new Map<string, NonNullable<Awaited<ReturnType<FeedCursors['get']>>>>();
  return { get: async (source) => cursors.get(source) ?? null, put: async (source, cursor) => void cursors.set(source, cursor) };
};

export type AiService = RunningService & { signals: RiskSignals; intake: FeedIntake };

export async function startAiService(config: AiConfig): Promise<AiService> {
  const logger = createLogger('ai', config.LOG_LEVEL);
  const metrics = new Metrics();
  const assistant = { nlu: await AssistantNlu.load(), faq: new FaqIndex() };
  const patientGraph = new PatientGraph(config.ROUTER_URL, operationIds(config.TRUSTED_DOCUMENTS_PATH), config.ROUTER_TIMEOUT_MS);
  const signals = new RiskSignals();
  const desk = new FraudDesk(await FraudModel.load(FRAUD_MODEL_URL), signals, logger);
  const creditModel = await CreditModel.load(CREDIT_MODEL_URL);
  const fraudReport = JSON.parse(await readFile(FRAUD_REPORT_URL, 'utf8')) as TrainingReport;
  if (fraudReport.modelVersion !== desk.modelVersion) throw new Error(`fraud report ${fraudReport.modelVersion} is not model ${desk.modelVersion}'s`);
  const sources = producerOutboxes(config, 'ai', config.INTERNAL_CLAIMS_SECRET, contracts.outboxFeed);
  const intake = new FeedIntake(sources, memoryCursors(), async (event) => signals.apply(event), config.FEED_POLL_MS, logger);
  const pruner = setInterval(() => desk.prune(Date.now()), PRUNE_EVERY_MS);
  pruner.unref();

  const running = await startSubgraph<AiContext>({
    name: 'ai',
    schema: buildSubgraphSchema({ typeDefs: aiTypeDefs, resolvers }),
    host: config.HOST,
    port: config.PORT,
    internalSecret: config.INTERNAL_CLAIMS_SECRET,
    metricsToken: config.METRICS_TOKEN,
    logger,
    metrics,
    createContext: (request) => ({ ...request, assistant, patientGraph, fraudReport }),
    // Nothing to reach: the models are loaded above, and the router is the caller's own way in.
    checkHealth: async () => {},
    onClose: async () => {
      clearInterval(pruner);
      await intake.stop();
    },
    routes: internalRoutes(config.INTERNAL_CLAIMS_SECRET, [
      internalRoute(contracts.fraudAssessment, async (request, claims) => {
        if (claims.sub !== 'payments') throw new AppError('FORBIDDEN', 'Só o serviço de pagamentos pede análises antifraude.');
        return desk.assess(request);
      }),
      internalRoute(contracts.creditDecision, async ({ incomeBand, history, priceCentavos, installmentOptions, monthlyRate, plan }, claims) => {
        if (claims.sub !== 'payments') throw new AppError('FORBIDDEN', 'Só o serviço de pagamentos pede decisões de crédito.');
        const applicant = { incomeBand, history };
        return plan ? decidePlan(creditModel, applicant, plan, monthlyRate) : creditOffer(creditModel, applicant, { priceCentavos, installmentOptions, monthlyRate });
      }),
    ]),
  });
  intake.start();
  return { ...running, signals, intake };
}

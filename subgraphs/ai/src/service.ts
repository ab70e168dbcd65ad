// Wires the ai subgraph: the anti-fraud desk (committed model, risk signals rebuilt from the
// producers' outboxes), the credit decisions (committed model, the history payments sends), the
// patient assistant's committed language model and FAQ index (nothing is trained at start), the
// router client that asks for the patient's own data, the records (conversations, tickets,
// assessments: MongoDB or the embedded store, swept for retention), and the HTTP server.
import { buildSubgraphSchema } from '@apollo/subgraph';
import * as contracts from '@medpay/contracts';
import { openDocumentStore, sweepExpired } from '@medpay/documents';
import { Caller, createLogger, FeedIntake, internalRoute, internalRoutes, InternalClient, Metrics, producerOutboxes, reportEventLag, startSubgraph, type DomainEvent, type FeedCursors, type RunningService } from '@medpay/runtime';
import { parse } from 'graphql';
import { Redis } from 'ioredis';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { FaqIndex } from './assistant/faq/faq-index.js';
import { AssistantNlu } from './assistant/nlu.js';
import { LlmRephraser, verbatim } from './assistant/rephrase.js';
import type { AiConfig } from './config.js';
import { CREDIT_MODEL_URL, CreditModel } from './credit/model.js';
import { creditOffer, decidePlan } from './credit/offer.js';
import { FRAUD_MODEL_URL, FRAUD_REPORT_URL, FraudDesk } from './fraud/desk.js';
import type { TrainingReport } from './fraud/train.js';
import { FraudModel } from './fraud/model.js';
import { MemoryCheckoutLog, RedisCheckoutLog } from './fraud/checkout-log.js';
import { RiskSignals } from './fraud/signals.js';
import { operationIds, PatientGraph } from './patient-graph.js';
import { AssessmentLog } from './records/assessment-log.js';
import { PersonalRecords } from './records/personal-records.js';
import { aiCollections, type AiStore } from './records/collections.js';
import { Conversations } from './records/conversations.js';
import { SupportDesk } from './records/support-desk.js';
import { resolvers, type AiContext } from './resolvers.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
export const aiTypeDefs = parse(readFileSync(here('./schema.graphql'), 'utf8'));
const HOURLY_MS = 3600_000;

/** The signals live in memory, so the cursors do too: every start reads the outboxes from the beginning. */
const memoryCursors = (): FeedCursors => {
  const cursors = new Map<string, NonNullable<Awaited<ReturnType<FeedCursors['get']>>>>();
  return { get: async (source) => cursors.get(source) ?? null, put: async (source, cursor) => void cursors.set(source, cursor) };
};

export type AiService = RunningService & { signals: RiskSignals; intake: FeedIntake; store: AiStore };

export async function startAiService(config: AiConfig): Promise<AiService> {
  const logger = createLogger('ai', config.LOG_LEVEL);
  const metrics = new Metrics();
  const assistant = { nlu: await AssistantNlu.load(), faq: new FaqIndex() };
  const rephraser = config.LLM_URL ? new LlmRephraser({ url: config.LLM_URL, apiKey: config.LLM_API_KEY, model: config.LLM_MODEL, deadlineMs: config.LLM_DEADLINE_MS }, logger, metrics) : verbatim;
  const patientGraph = new PatientGraph(config.ROUTER_URL, operationIds(config.TRUSTED_DOCUMENTS_PATH), config.ROUTER_TIMEOUT_MS);
  const store = await openDocumentStore(aiCollections, config.MONGODB_URL, config.AI_DATA_DIR);
  const conversations = new Conversations(store);
  const support = new SupportDesk(store, conversations);
  const personalRecords = new PersonalRecords(store);
  const users = new InternalClient(config.USERS_URL, 'ai', config.INTERNAL_CLAIMS_SECRET, 30_000);
  const assessments = new AssessmentLog(store, logger);
  const providers = new InternalClient(config.PROVIDERS_URL, 'ai', config.INTERNAL_CLAIMS_SECRET);
  const memberships = async (userId: string) => (await providers.call(contracts.memberships, { userId }))?.memberships ?? [];
  // With Redis, the checkouts are shared by every ai replica (a burst spread over them is counted whole),
  // under the deployment's own name (deployments sharing a Redis have their own event stream).
  const signals = new RiskSignals(config.REDIS_URL ? new RedisCheckoutLog(new Redis(config.REDIS_URL), `ai-risk:${config.EVENT_STREAM}`) : new MemoryCheckoutLog());
  const desk = new FraudDesk(await FraudModel.load(FRAUD_MODEL_URL), signals, logger);
  const creditModel = await CreditModel.load(CREDIT_MODEL_URL);
  const fraudReport = JSON.parse(await readFile(FRAUD_REPORT_URL, 'utf8')) as TrainingReport;
  if (fraudReport.modelVersion !== desk.modelVersion) throw new Error(`fraud report ${fraudReport.modelVersion} is not model ${desk.modelVersion}'s`);
  const sources = producerOutboxes(config, 'ai', config.INTERNAL_CLAIMS_SECRET, contracts.outboxFeed);
  const apply = async (event: DomainEvent) => {
    await signals.apply(event);
    // A deleted account: forget the person's conversations and tickets, then say so (every start reads
    // the outboxes again: forgetting and reporting again change nothing).
    const deletion = contracts.readEvent('account.deletion_requested', event);
    if (deletion) {
      await personalRecords.forget(deletion.userId);
      await users.call(contracts.accountDeletionSteps, { deletionId: deletion.deletionId, service: 'ai' });
    }
  };
  const intake = new FeedIntake(sources, memoryCursors(), apply, config.FEED_POLL_MS, logger);
  reportEventLag(metrics, intake);
  const sweep = () => sweepExpired(store, aiCollections).catch((error: unknown) => logger.error({ err: error }, 'retention sweep failed'));
  await sweep();
  const hourly = setInterval(() => {
    desk.prune(Date.now());
    void sweep();
  }, HOURLY_MS);
  hourly.unref();

  const running = await startSubgraph<AiContext>({
    name: 'ai',
    schema: buildSubgraphSchema({ typeDefs: aiTypeDefs, resolvers }),
    host: config.HOST,
    drainNoticeMs: config.DRAIN_NOTICE_MS,
    port: config.PORT,
    internalSecret: config.INTERNAL_CLAIMS_SECRET,
    metricsToken: config.METRICS_TOKEN,
    logger,
    metrics,
    createContext: (request) => ({ ...request, caller: new Caller(request.claims, memberships), assistant, rephraser, patientGraph, fraudReport, conversations, support, personalRecords }),
    // Nothing to reach: the models are loaded above, and the router is the caller's own way in.
    checkHealth: async () => {},
    onClose: async () => {
      clearInterval(hourly);
      await intake.stop();
      await store.close();
      await signals.checkouts.close();
    },
    routes: internalRoutes(config.INTERNAL_CLAIMS_SECRET, [
      internalRoute(contracts.fraudAssessment, async (request) => {
        const answer = await desk.assess(request);
        assessments.record({ kind: 'FRAUD', paymentId: request.paymentId, decision: answer.decision, score: answer.score ?? null, reasons: answer.reasons.map((reason) => reason.code), modelVersion: answer.modelVersion, features: answer.features, at: new Date() });
        return answer;
      }),
      internalRoute(contracts.creditDecision, async ({ incomeBand, history, priceCentavos, installmentOptions, monthlyRate, plan }) => {
        const applicant = { incomeBand, history };
        const decision = plan ? decidePlan(creditModel, applicant, plan, monthlyRate) : creditOffer(creditModel, applicant, { priceCentavos, installmentOptions, monthlyRate });
        assessments.record({
          kind: 'CREDIT', paymentId: null, decision: decision.approved ? 'APPROVE' : 'DECLINE', score: null, reasons: decision.reasons.map((reason) => reason.code), modelVersion: decision.modelVersion,
          features: { incomeBand, ...history, priceCentavos, maxAmountCentavos: decision.maxAmountCentavos, maxInstallments: decision.maxInstallments }, at: new Date(),
        });
        return decision;
      }),
    ]),
  });
  intake.start();
  return { ...running, signals, intake, store };
}

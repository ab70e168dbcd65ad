// Wires the ai subgraph: the patient assistant's committed language model and FAQ index (never
// trained at start), the router client that asks for the patient's own data, and the HTTP server.
// No database yet.
import { buildSubgraphSchema } from '@apollo/subgraph';
import { createLogger, Metrics, startSubgraph, type RunningService } from '@medpay/runtime';
import { parse } from 'graphql';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FaqIndex } from './assistant/faq/faq-index.js';
import { AssistantNlu } from './assistant/nlu.js';
import type { AiConfig } from './config.js';
import { operationIds, PatientGraph } from './patient-graph.js';
import { resolvers, type AiContext } from './resolvers.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
export const aiTypeDefs = parse(readFileSync(here('./schema.graphql'), 'utf8'));

export async function startAiService(config: AiConfig): Promise<RunningService> {
  const logger = createLogger('ai', config.LOG_LEVEL);
  const metrics = new Metrics();
  const assistant = { nlu: await AssistantNlu.load(), faq: new FaqIndex() };
  const patientGraph = new PatientGraph(config.ROUTER_URL, operationIds(config.TRUSTED_DOCUMENTS_PATH), config.ROUTER_TIMEOUT_MS);

  return startSubgraph<AiContext>({
    name: 'ai',
    schema: buildSubgraphSchema({ typeDefs: aiTypeDefs, resolvers }),
    host: config.HOST,
    port: config.PORT,
    internalSecret: config.INTERNAL_CLAIMS_SECRET,
    metricsToken: config.METRICS_TOKEN,
    logger,
    metrics,
    createContext: (request) => ({ ...request, assistant, patientGraph }),
    // Nothing to reach: the model is loaded above, and the router is the caller's own way in.
    checkHealth: async () => {},
  });
}

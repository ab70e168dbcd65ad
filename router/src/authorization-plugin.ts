// The router's Apollo Server plugin: every operation over HTTP passes the operation policy
// (operation-policy.ts) before any subgraph is called; subscriptions belong on the WebSocket. The
// answer carries the operation's estimated cost, and a request refused for the client's own mistake
// is a 4xx, never a 500.
import type { ApolloServerPlugin } from '@apollo/server';
import { AppError, type Metrics } from '@medpay/runtime';
import { isClientMistake } from './client-errors.js';
import type { RouterContext } from './gateway.js';
import type { OperationPolicy } from './operation-policy.js';

export function authorizationPlugin(policy: OperationPolicy, metrics: Metrics): ApolloServerPlugin<RouterContext> {
  return {
    async requestDidStart() {
      metrics.increment('graphql_requests_total');
      return {
        async didResolveOperation({ document, contextValue, operation, request }) {
          if (operation?.operation === 'subscription') {
            throw new AppError('BAD_REQUEST', 'Assinaturas usam WebSocket (graphql-ws) em /graphql.', { http: { status: 400 } });
          }
          if (!operation) {
            throw request.operationName
              ? new AppError('BAD_REQUEST', 'Não há no documento uma operação com esse `operationName`.', { http: { status: 400 } })
              : new AppError('OPERATION_NAME_REQUIRED', 'O documento tem mais de uma operação: informe qual executar em `operationName`.', { http: { status: 400 } });
          }
          contextValue.cost = policy(document, operation, request.variables, contextValue.claims);
        },
        async willSendResponse({ response, contextValue, errors }) {
          if (response.body.kind !== 'single') return;
          const { singleResult } = response.body;
          // The estimate and the budget it was held to, for partners tuning their queries.
          if (contextValue.cost) singleResult.extensions = { ...singleResult.extensions, cost: contextValue.cost };
          if (!('data' in singleResult) && errors?.length && (response.http.status ?? 200) >= 500 && errors.every((error) => isClientMistake(error))) response.http.status = 400;
        },
      };
    },
  };
}

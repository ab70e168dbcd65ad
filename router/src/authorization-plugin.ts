// The router's Apollo Server plugin that refuses an operation before any subgraph is called: HTTP
// subscriptions, introspection in production for callers other than admins and partners, and fields
// the caller's claims may not see (the auth directives of the supergraph).
import type { ApolloServerPlugin } from '@apollo/server';
import { AppError, type Metrics, type OperationAuthorizer } from '@medpay/runtime';
import { GraphQLError, Kind, visit, type DocumentNode } from 'graphql';
import type { RouterConfig } from './config.js';
import type { RouterContext } from './gateway.js';

// Documents are parsed once and cached by Apollo, so the same object comes back for a repeated query.
const introspectionCache = new WeakMap<DocumentNode, boolean>();
function isIntrospection(document: DocumentNode): boolean {
  let found = introspectionCache.get(document);
  if (found === undefined) {
    found = false;
    visit(document, {
      [Kind.FIELD]: (node) => {
        if (node.name.value === '__schema' || node.name.value === '__type') found = true;
      },
    });
    introspectionCache.set(document, found);
  }
  return found;
}

export function authorizationPlugin(
  authorizer: OperationAuthorizer,
  metrics: Metrics,
  config: Pick<RouterConfig, 'NODE_ENV'>,
): ApolloServerPlugin<RouterContext> {
  return {
    async requestDidStart() {
      metrics.increment('graphql_requests_total');
      return {
        async didResolveOperation({ document, contextValue, operation }) {
          const { claims } = contextValue;
          if (operation?.operation === 'subscription') {
            throw new GraphQLError('Assinaturas usam WebSocket (graphql-ws) em /graphql.', { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
          }
          // Introspection: open in development; in production only for admins and partner systems.
          if (config.NODE_ENV === 'production' && isIntrospection(document) && !(claims?.roles.includes('PLATFORM_ADMIN') || claims?.kind === 'partner')) {
            throw claims
              ? new AppError('FORBIDDEN', 'Introspecção disponível apenas para administradores e parceiros.')
              : new AppError('UNAUTHENTICATED', 'Entre para explorar o schema.');
          }
          const denied = authorizer.authorize(document, claims);
          if (denied) {
            metrics.increment('operations_denied_total');
            throw denied;
          }
        },
      };
    },
  };
}

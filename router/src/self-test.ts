// Refuses to serve unless the auth directives are really enforced: the gateway enforces none of them
// itself, so a change of version or wiring could silently open every protected field.
import type { ApolloServer } from '@apollo/server';
import type { OperationAuthorizer } from '@medpay/runtime';
import { createRequire } from 'node:module';
import { PINNED_GATEWAY_VERSION, type RouterContext } from './gateway.js';

export async function assertEnforcementActive(apollo: ApolloServer<RouterContext>, authorizer: OperationAuthorizer) {
  const version = (createRequire(import.meta.url)('@apollo/gateway/package.json') as { version: string }).version;
  if (version !== PINNED_GATEWAY_VERSION) {
    throw new Error(`@apollo/gateway ${version} is not the pinned ${PINNED_GATEWAY_VERSION}: re-check directive enforcement before serving`);
  }
  const probe = authorizer.protectedRootQuery();
  if (!probe) throw new Error('Self-test: the supergraph has no protected root query field to probe');
  const context: RouterContext = { claims: null, clientIp: '', subgraphCalls: 0 };
  const response = await apollo.executeOperation({ query: probe }, { contextValue: context });
  const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
  if (errors?.[0]?.extensions?.code !== 'UNAUTHENTICATED' || context.subgraphCalls !== 0) {
    throw new Error(`Self-test: an anonymous "${probe}" was not refused before planning; refusing to serve`);
  }
}

// Refuses to serve unless the auth directives are really enforced: the gateway enforces none of them
// itself, so a change of version or wiring could silently open every protected field.
import type { ApolloServer } from '@apollo/server';
import type { OperationAuthorizer } from '@medpay/runtime';
import { getNamedType, isCompositeType, isNonNullType, parse, type GraphQLSchema } from 'graphql';
import { createRequire } from 'node:module';
import { PINNED_GATEWAY_VERSION, type RouterContext } from './gateway.js';
import type { SharedSubscriptions } from './shared-subscriptions.js';
import { PreparedOperation, type createPreparer } from './subscription-server.js';

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

/** The same proof for subscriptions, which bypass Apollo Server: refused before any upstream starts. */
export function assertSubscriptionEnforcementActive(
  prepare: ReturnType<typeof createPreparer>,
  authorizer: OperationAuthorizer,
  apiSchema: GraphQLSchema,
  subscriptions: SharedSubscriptions,
) {
  const fields = Object.values(apiSchema.getSubscriptionType()?.getFields() ?? {});
  const probe = fields
    .filter((field) => !field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined))
    .map((field) => `subscription { ${field.name}${isCompositeType(getNamedType(field.type)) ? ' { __typename }' : ''} }`)
    .find((query) => authorizer.requirementsOf(parse(query)).some((requirement) => requirement.authenticated));
  if (!probe) return;
  const before = subscriptions.upstreamCount;
  const answer = prepare({ query: probe }, null, '');
  if (answer instanceof PreparedOperation || answer.errors[0]?.extensions.code !== 'UNAUTHENTICATED' || subscriptions.upstreamCount !== before) {
    throw new Error(`Self-test: an anonymous "${probe}" was not refused before subscribing; refusing to serve`);
  }
}

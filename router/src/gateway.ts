// The query planner and executor: @apollo/gateway on the static supergraph, pinned to the version
// whose behaviour the start-up self-test checks. Subgraph calls carry the caller's claims, signed.
import { DEFAULT_SUPPORTED_SUPERGRAPH_FEATURES } from '@apollo/federation-internals';
import { ApolloGateway } from '@apollo/gateway';
import type { Claims, Metrics } from '@medpay/runtime';
import { Agent } from 'undici';
import type { Replicas } from './replicas.js';
import { createClaimsSigner, SubgraphSource } from './subgraph-source.js';
import type { ClientIdentity } from './usage-log.js';

export const PINNED_GATEWAY_VERSION = '2.14.4';

// The gateway refuses supergraphs that link SECURITY features it does not know. It does not enforce
// them either: the router does (authorization plugin), so they are declared supported here.
for (const feature of ['authenticated/v0.1', 'requiresScopes/v0.1', 'policy/v0.1']) {
  DEFAULT_SUPPORTED_SUPERGRAPH_FEATURES.add(`https://specs.apollo.dev/${feature}`);
}

export interface RouterContext {
  claims: Claims | null;
  clientIp: string;
  /** a person's own `Authorization` header (bearer access token), passed on to TOKEN_RECIPIENTS only */
  authorization?: string;
  /** the app's device id, passed on to the subgraphs (anti-fraud) */
  deviceId?: string;
  /** the app calling (usage-log.ts); absent for the router's own start-up probe, which is not logged */
  client?: ClientIdentity;
  /** subgraph requests made for this operation (the self-test proves denied operations make none) */
  subgraphCalls: number;
  /** the operation's demand-control estimate and the caller's budget, once checked */
  cost?: { estimated: number; limit: number };
}

/**
 * Subgraphs that ask the graph again on the caller's behalf, with the caller's own token (never a
 * service token), so the router applies the same rules to that second request: ai's assistant reads
 * the patient's installments and payments. Every other subgraph gets the signed claims only.
 */
export const TOKEN_RECIPIENTS: ReadonlySet<string> = new Set(['ai']);

export function createGateway(options: { supergraphSdl: string; internalSecret: string; replicas: Replicas[]; mergeIdenticalQueries?: boolean; batchQueries?: boolean; metrics?: Metrics }) {
  // Keep-alive sockets to the subgraphs; node-fetch 2 with an http.Agent fails under load here.
  const agent = new Agent({ connections: 128, keepAliveTimeout: 30_000, pipelining: 1 });

  // The subscription executor resolves each event's other-subgraph fields through the same sources.
  const dataSources = new Map<string, SubgraphSource>();
  const claimsHeader = createClaimsSigner(options.internalSecret);
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name }) => {
      const replicas = options.replicas.find((candidate) => candidate.name === name)!;
      const source = new SubgraphSource(replicas, agent, claimsHeader, {
        merge: options.mergeIdenticalQueries,
        forwardsAuthorization: TOKEN_RECIPIENTS.has(name),
        batch: options.batchQueries,
        metrics: options.metrics,
      });
      dataSources.set(name, source);
      return source;
    },
  });
  return { gateway, dataSources, closeConnections: () => agent.close() };
}

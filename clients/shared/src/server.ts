// What the apps' pages read on the server, per request: the environment, and public data from the router.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { ClientConfig } from './client-config';
import { persistedQueryOf } from './trusted-documents';

export const clientConfigFromEnv = (): ClientConfig => ({
  routerUrl: `${process.env.ROUTER_PUBLIC_URL ?? 'http://127.0.0.1:4000'}/graphql`,
  cardTokenizeUrl: process.env.CARD_TOKENIZE_URL ?? 'http://127.0.0.1:4010/_sim/card/tokenize',
});

/**
 * The origin of ClickSign's signing pages, which the patient app embeds (a crediário's contract is
 * signed inside the payment page): CLICKSIGN_SIGNING_URL, else the API's CLICKSIGN_BASE_URL (the
 * simulator serves both), else the local simulator.
 */
export const signingOriginFromEnv = (): string => new URL(process.env.CLICKSIGN_SIGNING_URL ?? process.env.CLICKSIGN_BASE_URL ?? 'http://127.0.0.1:4021').origin;

/**
 * An app's public query asked by the page's server, anonymous and by its id (as the edge caches it),
 * so that the page arrives with its data; null when the router does not answer it, and the page's
 * client asks again either way.
 */
export async function queryOnServer<Data, Variables>(document: TypedDocumentNode<Data, Variables>, variables: Variables): Promise<Data | null> {
  const persistedQuery = persistedQueryOf(document);
  if (!persistedQuery) return null;
  const url = new URL(`${process.env.ROUTER_URL ?? 'http://127.0.0.1:4000'}/graphql`);
  url.searchParams.set('variables', JSON.stringify(variables));
  url.searchParams.set('extensions', JSON.stringify({ persistedQuery }));
  try {
    const response = await fetch(url, { cache: 'no-store', signal: AbortSignal.timeout(5_000) });
    const body = (await response.json()) as { data?: Data | null; errors?: unknown[] };
    return body.data && !body.errors ? body.data : null;
  } catch {
    return null;
  }
}

// What the edge (CloudFront) may keep: only answers to anonymous GETs — the public catalog, asked by
// its persisted-query id — for as long as the @cacheControl hints of every subgraph answer allow (the
// shortest, SubgraphSource restricting the operation's policy by each answer). Browsers ask again every
// time (`max-age=0`), so a change is seen at once where no edge stands; the edge keeps it `s-maxage`.
// An answer a caller's credentials could have shaped, a POST, or an answer with errors is never stored.
import type { ApolloServerPlugin } from '@apollo/server';
import type { RouterContext } from './gateway.js';

export const edgeCachePlugin = (): ApolloServerPlugin<RouterContext> => ({
  async requestDidStart({ request, contextValue }) {
    const anonymousGet = request.http?.method === 'GET' && !contextValue.claims;
    return {
      async willSendResponse({ response, overallCachePolicy }) {
        const answered = response.body.kind === 'single' && !response.body.singleResult.errors;
        const policy = anonymousGet && answered ? overallCachePolicy.policyIfCacheable() : null;
        response.http.headers.set('cache-control', policy?.scope === 'PUBLIC' ? `public, max-age=0, s-maxage=${policy.maxAge}` : 'no-store');
      },
    };
  },
});

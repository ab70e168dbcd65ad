// What the edge (CloudFront) may keep: only answers to anonymous GETs — the public catalog, asked by
// its persisted-query id — for as long as the @cacheControl hints of every subgraph answer allow
// (Apollo Server's cache-control plugin turns them into `max-age=N, public`; anything unhinted or
// private makes it `no-store`). An answer a caller's credentials could have shaped, or a POST, is
// never stored anywhere.
import type { ApolloServerPlugin } from '@apollo/server';
import type { RouterContext } from './gateway.js';

export const edgeCachePlugin = (): ApolloServerPlugin<RouterContext> => ({
  async requestDidStart({ request, contextValue }) {
    if (request.http?.method === 'GET' && !contextValue.claims) return;
    return {
      async willSendResponse({ response }) {
        response.http.headers.set('cache-control', 'no-store');
      },
    };
  },
});

'use client';
// Apollo Client 4 pointed at the router: HTTP for queries and mutations, graphql-ws for subscriptions,
// both carrying the session's in-memory access token and the app's name and version (the router's usage
// log counts operations by client), and each operation's id instead of its text (trusted-documents.ts). A new client (empty cache, new socket) per signed-in user, so
// nothing of one session is ever shown to the next.
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { ApolloProvider } from '@apollo/client/react';
import { OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';
import { useEffect, useMemo, type ReactNode } from 'react';
import { typePolicies } from './cache-policies';
import { DEVICE_HEADER, deviceId } from './device';
import { ClientConfigProvider, type ClientConfig } from './client-config';
import { SessionProvider, useSession } from './session';
import { sendingIdsOnly, trustedDocumentsLink } from './trusted-documents';

/** Which app is calling, as Apollo's clients name themselves (apollographql-client-name / -version). */
export interface AppIdentity {
  name: string;
  version: string;
}

export function createApolloClient(routerUrl: string, accessToken: () => string | null, app: AppIdentity) {
  const bearer = () => {
    const token = accessToken();
    const device = deviceId();
    return { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(device ? { [DEVICE_HEADER]: device } : {}) };
  };
  const auth = new ApolloLink((operation, forward) => {
    operation.setContext(({ headers }: { headers?: Record<string, string> }) => ({ headers: { ...headers, ...bearer() } }));
    return forward(operation);
  });
  const sockets = createClient({
    url: routerUrl.replace(/^http/, 'ws'),
    lazy: true,
    // Read at every (re)connection: after the router closes a socket whose token expired (4403), the
    // next connection carries the renewed token.
    connectionParams: () => ({ ...bearer(), 'apollographql-client-name': app.name, 'apollographql-client-version': app.version }),
    retryAttempts: 20,
    shouldRetry: () => true,
  });
  const link = trustedDocumentsLink.concat(
    ApolloLink.split(
      (operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION,
      new GraphQLWsLink(sendingIdsOnly(sockets)),
      // Queries go by GET (their id in the URL): the public catalog's anonymous answers can then be kept at the edge.
      auth.concat(new HttpLink({ uri: routerUrl, useGETForQueries: true })),
    ),
  );
  const client = new ApolloClient({
    link,
    cache: new InMemoryCache({ typePolicies }),
    clientAwareness: app,
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
  return { client, dispose: () => void sockets.dispose() };
}

function GraphProvider({ routerUrl, app, children }: { routerUrl: string; app: AppIdentity; children: ReactNode }) {
  const session = useSession();
  const userId = session.user?.id ?? null;
  const { client, dispose } = useMemo(() => createApolloClient(routerUrl, session.accessToken, app), [routerUrl, userId, app.name, app.version]);
  useEffect(() => () => {
    client.stop();
    dispose();
  }, [client, dispose]);
  return <ApolloProvider client={client}>{children}</ApolloProvider>;
}

/** Public URLs, session and GraphQL for an app; the URLs come from the server at request time. */
export function AppProviders({ config, app, children }: { config: ClientConfig; app: AppIdentity; children: ReactNode }) {
  return (
    <ClientConfigProvider value={config}>
      <SessionProvider>
        <GraphProvider routerUrl={config.routerUrl} app={app}>{children}</GraphProvider>
      </SessionProvider>
    </ClientConfigProvider>
  );
}

'use client';
// Public URLs the server read from its environment when it served the page (never baked into a build).
import { createContext, useContext, type ReactNode } from 'react';

export interface ClientConfig {
  /** the router's GraphQL endpoint; its page is the GraphiQL sandbox */
  routerUrl: string;
  /** the gateway's card tokenization endpoint: card numbers go there, never to our API */
  cardTokenizeUrl: string;
}

const ClientConfigContext = createContext<ClientConfig | null>(null);

export const ClientConfigProvider = ({ value, children }: { value: ClientConfig; children: ReactNode }) => (
  <ClientConfigContext.Provider value={value}>{children}</ClientConfigContext.Provider>
);

export function useClientConfig(): ClientConfig {
  const config = useContext(ClientConfigContext);
  if (!config) throw new Error('useClientConfig outside ClientConfigProvider');
  return config;
}

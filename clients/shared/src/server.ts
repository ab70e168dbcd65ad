// What the apps' layouts read from the environment on the server, per request.
import type { ClientConfig } from './client-config';

export const clientConfigFromEnv = (): ClientConfig => ({
  routerUrl: `${process.env.ROUTER_PUBLIC_URL ?? 'http://127.0.0.1:4000'}/graphql`,
  cardTokenizeUrl: process.env.CARD_TOKENIZE_URL ?? 'http://127.0.0.1:4010/_sim/card/tokenize',
});

// What every group of routes shares: the state, the webhook dispatcher, the options and a clock.
import { randomBytes } from 'node:crypto';
import type { Faults, WebhookDispatcher } from '@medpay/simulation';
import type { SimulatorState } from './state.js';

export interface SimulatorSettings {
  clientId: string;
  clientSecret: string;
  pixKey: string;
  tokenTtlSeconds: number;
  settlementDelayMs: number;
  boletoBankCode: string;
}

export interface SimulatorContext {
  state: SimulatorState;
  webhooks: WebhookDispatcher;
  settings: SimulatorSettings;
  faults: Faults;
  /** host[:port][/prefix] the location URLs start with (no scheme) */
  publicHost(): string;
  /** runs `task` after `ms` unless the simulator closes first */
  later(ms: number, task: () => void): void;
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomAlphanumeric(length: number): string {
  return [...randomBytes(length)].map((byte) => ALPHANUMERIC[byte % ALPHANUMERIC.length]).join('');
}

/** A PIX end-to-end id (E…) or return id (D…): letter, ISPB, yyyyMMddHHmm, 11 random characters. */
export function pixIdentifier(letter: 'E' | 'D', ispb: string, at: Date): string {
  const stamp = at.toISOString().replace(/\D/g, '').slice(0, 12);
  return letter + ispb + stamp + randomAlphanumeric(11);
}

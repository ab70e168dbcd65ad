import { pino, type Logger } from 'pino';
import { currentRequest } from './tracing.js';

export type { Logger };

/** Paths that must never reach a log line, whatever logs them. */
const REDACTED = [
  'password', '*.password', 'cpf', '*.cpf', 'token', '*.token', 'accessToken', '*.accessToken',
  'refreshToken', '*.refreshToken', 'authorization', '*.authorization', 'headers.authorization',
  'headers["x-api-key"]', 'headers["x-medpay-claims"]', 'variables',
];

export function createLogger(service: string, level: string = 'info'): Logger {
  // Every line written while answering a request names it and its trace (tracing.ts).
  return pino({ name: service, level, redact: { paths: REDACTED, censor: '[redacted]' }, mixin: currentRequest });
}

import { pino, type Logger } from 'pino';

export type { Logger };

/** Paths that must never reach a log line, whatever logs them. */
const REDACTED = [
  'password', '*.password', 'cpf', '*.cpf', 'token', '*.token', 'accessToken', '*.accessToken',
  'refreshToken', '*.refreshToken', 'authorization', '*.authorization', 'headers.authorization',
  'headers["x-api-key"]', 'headers["x-medpay-claims"]', 'variables',
];

export function createLogger(service: string, level: string = 'info'): Logger {
  return pino({ name: service, level, redact: { paths: REDACTED, censor: '[redacted]' } });
}

// The e-mail side: a plain SMTP server (no TLS; AUTH PLAIN/LOGIN accepted with any credentials, never
// required) that parses each message and keeps it. SMTP has no idempotency key, so the Message-ID header
// stands in for one: a message whose Message-ID was already received is accepted and not kept again.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Logger } from '@medpay/runtime';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerError } from 'smtp-server';
import type { Faults } from './faults.js';
import type { EmailRecord, MessageStore } from './store.js';

export interface SmtpOptions {
  host: string;
  port: number;
  store: MessageStore;
  faults: Faults;
  logger?: Logger;
}

const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

function smtpError(message: string, responseCode: number): SMTPServerError {
  return Object.assign(new Error(message), { responseCode });
}

export async function startSmtpServer(options: SmtpOptions): Promise<{ port: number; close(): Promise<void> }> {
  const { store, faults, logger } = options;
  const server = new SMTPServer({
    name: 'smtp.messaging-simulator.local',
    banner: 'MedPay messaging simulator',
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    disableReverseLookup: true,
    size: MAX_MESSAGE_BYTES,
    closeTimeout: 1000,
    logger: false,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? 'anonymous' });
    },
    onMailFrom(_address, _session, callback) {
      // A fault fails the whole message before its data is sent, as a greylisting or full mailbox would.
      const status = faults.take('email');
      if (status === null) return callback();
      callback(status >= 500 ? smtpError('Simulated temporary failure, try again later', 451) : smtpError('Simulated permanent failure', 550));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (error) => callback(error));
      stream.on('end', () => {
        if (stream.sizeExceeded) return callback(smtpError('Message too large', 552));
        simpleParser(Buffer.concat(chunks))
          .then((parsed) => {
            const messageId = parsed.messageId ?? null;
            if (messageId && store.find('email', messageId)) {
              logger?.info({ messageId }, 'e-mail already received (same Message-ID), not kept again');
              return callback(null, `Already received ${messageId}`);
            }
            const record: EmailRecord = {
              channel: 'email',
              id: randomUUID(),
              messageId,
              from: parsed.from?.text ?? (session.envelope.mailFrom ? session.envelope.mailFrom.address : ''),
              to: session.envelope.rcptTo.map((recipient) => recipient.address),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: parsed.html || null,
              receivedAt: new Date().toISOString(),
            };
            store.add('email', record, messageId);
            logger?.info({ id: record.id, to: record.to, subject: record.subject }, 'e-mail received');
            callback(null, `Queued as ${record.id}`);
          })
          .catch((error: unknown) => callback(smtpError(`Could not parse the message: ${error instanceof Error ? error.message : String(error)}`, 554)));
      });
    },
  });
  server.on('error', (error) => logger?.warn({ err: error }, 'smtp connection error'));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    port,
    close: () => (closing ??= new Promise<void>((resolve) => server.close(() => resolve()))),
  };
}

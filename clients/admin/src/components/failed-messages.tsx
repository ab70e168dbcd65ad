'use client';
// Messages that ran out of retries or were refused for good (the notifications dead letters), newest
// first, each with what went wrong and "Reenviar" (a new attempt with the same idempotency key).
import { formatDateTime } from '@medpay/web/format';
import { graphql } from '@medpay/web/graphql';
import { channelLabel } from '@medpay/web/notifications';
import type { FailedMessageFieldsFragment } from '@medpay/web/types';
import { TableScroll } from '@medpay/web/ui';
import Link from 'next/link';
import { messageStatusLabel } from './labels';

export const FailedMessageFields = graphql(`
  fragment FailedMessageFields on OutboundMessage {
    id kind channel recipientId status attempts lastError scheduledFor sentAt
  }
`);

export function FailedMessagesTable({ messages, retrying, onRetry }: { messages: FailedMessageFieldsFragment[]; retrying: string | null; onRetry(id: string): void }) {
  if (messages.length === 0) return <p className="notice notice-ok">Nenhuma mensagem com falha.</p>;
  return (
    <TableScroll label="Mensagens com falha">
      <table className="failed-messages">
        <thead>
          <tr><th>Quando</th><th>Tipo</th><th>Canal</th><th>Destinatário</th><th className="num">Tentativas</th><th>Último erro</th><th>Situação</th><th><span className="visually-hidden">Ações</span></th></tr>
        </thead>
        <tbody>
          {messages.map((message) => (
            <tr key={message.id} data-message-id={message.id}>
              <td>{formatDateTime(message.sentAt ?? message.scheduledFor)}</td>
              <td><code>{message.kind}</code></td>
              <td>{channelLabel[message.channel]}</td>
              <td><Link href={`/usuarios/${message.recipientId}`} className="mono">{message.recipientId}</Link></td>
              <td className="num">{message.attempts}</td>
              <td className="error-text">{message.lastError ?? '—'}</td>
              <td><span className={`badge badge-${message.status === 'FAILED' ? 'off' : message.status === 'PENDING' ? 'wait' : 'ok'}`} data-message-status={message.status}>{messageStatusLabel[message.status]}</span></td>
              <td>
                {message.status === 'FAILED' ? (
                  <button type="button" className="button secondary" disabled={retrying === message.id} onClick={() => onRetry(message.id)}>
                    {retrying === message.id ? 'Reenviando…' : 'Reenviar'}<span className="visually-hidden"> a mensagem {message.kind} para {message.recipientId}</span>
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

'use client';
// Support tickets ("Falar com uma pessoa"), the same card in the three apps: the transcript of the
// assistant conversation it came from and the replies, a reply form, and — for whoever answers it (the
// clinic's staff, the back office) — "Encerrar". Each app lists its own tickets with its own query
// (the patient's, the clinic's, the back office's) around SupportTicketFields.
import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { formatDateTime } from './format';
import { graphql } from './graphql/index';
import type { SupportTicketFieldsFragment } from './graphql/graphql';
import { ErrorNotice, Loading } from './ui';

export const SupportTicketFields = graphql(`
  fragment SupportTicketFields on SupportTicket {
    id topic queue status createdAt updatedAt closedAt
    messages { at author text }
  }
`);

const ReplyToSupportTicket = graphql(`
  mutation ReplyToSupportTicket($ticketId: ID!, $message: String!) {
    replyToSupportTicket(ticketId: $ticketId, message: $message) { ...SupportTicketFields }
  }
`);

const CloseSupportTicket = graphql(`
  mutation CloseSupportTicket($ticketId: ID!) {
    closeSupportTicket(ticketId: $ticketId) { ...SupportTicketFields }
  }
`);

export const MAX_SUPPORT_MESSAGE_LENGTH = 2000;
export const supportTopicLabel = { PROCEDURE: 'Procedimento', PAYMENT: 'Pagamento' } as const;
export const supportStatusLabel = { OPEN: 'Aberto', CLOSED: 'Encerrado' } as const;

/** Who wrote a line, as the reader sees it: the patient reads "Você", staff read "Paciente". */
function authorLabel(author: SupportTicketFieldsFragment['messages'][number]['author'], ticket: SupportTicketFieldsFragment, viewer: 'PATIENT' | 'STAFF') {
  if (author === 'ASSISTANT') return 'Assistente';
  if (author === 'PATIENT') return viewer === 'PATIENT' ? 'Você' : 'Paciente';
  if (viewer === 'STAFF') return 'Equipe';
  return ticket.queue === 'CLINIC' ? 'Clínica' : 'Equipe MedPay';
}

/** Whoever answers tickets (a clinic, the back office): "only the open ones", then the cards, or why none. */
export function SupportQueue({ openOnly, onOpenOnlyChange, loading, error, count, children }: {
  openOnly: boolean;
  onOpenOnlyChange(openOnly: boolean): void;
  loading: boolean;
  error: unknown;
  /** the tickets listed; undefined before the first answer */
  count: number | undefined;
  children: ReactNode;
}) {
  return (
    <>
      <label className="check">
        <input type="checkbox" checked={openOnly} onChange={(event) => onOpenOnlyChange(event.target.checked)} /> Mostrar só os abertos
      </label>
      <ErrorNotice error={error} />
      {loading && count === undefined ? <Loading /> : null}
      {count === 0 ? <p className="notice notice-info">{openOnly ? 'Nenhum atendimento aberto.' : 'Nenhum atendimento ainda.'}</p> : null}
      {children}
    </>
  );
}

export function SupportTicketCard({ ticket, viewer, heading, children }: { ticket: SupportTicketFieldsFragment; viewer: 'PATIENT' | 'STAFF'; heading: string; children?: ReactNode }) {
  const [reply, replying] = useMutation(ReplyToSupportTicket);
  const [close, closing] = useMutation(CloseSupportTicket);
  const [message, setMessage] = useState('');
  const titleId = `ticket-${ticket.id}`;
  // The patient may write on a closed ticket (it reopens); staff cannot.
  const canWrite = viewer === 'PATIENT' || ticket.status === 'OPEN';

  const send = (event: FormEvent) => {
    event.preventDefault();
    void reply({ variables: { ticketId: ticket.id, message: message.trim() } }).then(() => setMessage(''), () => undefined);
  };

  return (
    <article className="card support-ticket" aria-labelledby={titleId} data-ticket={ticket.id}>
      <div className="spread">
        <h2 id={titleId}>{heading}</h2>
        <span className={`badge ${ticket.status === 'OPEN' ? 'badge-wait' : 'badge-ok'}`}>{supportStatusLabel[ticket.status]}</span>
      </div>
      <p className="muted">
        {supportTopicLabel[ticket.topic]} · aberto em {formatDateTime(ticket.createdAt)}
        {ticket.closedAt ? ` · encerrado em ${formatDateTime(ticket.closedAt)}` : ''}
      </p>
      {children}
      <ol className="chat" aria-label="Mensagens do atendimento">
        {ticket.messages.map((line, index) => (
          <li key={index} className={line.author === 'STAFF' ? 'chat-answer' : line.author === 'PATIENT' ? 'chat-question' : 'chat-answer muted'}>
            <strong>{authorLabel(line.author, ticket, viewer)}</strong> <span className="muted">{formatDateTime(line.at)}</span>
            <p>{line.text}</p>
          </li>
        ))}
      </ol>
      {canWrite ? (
        <form onSubmit={send}>
          <label htmlFor={`${titleId}-reply`}>{viewer === 'PATIENT' ? 'Escrever para o atendimento' : 'Responder ao paciente'}</label>
          <textarea id={`${titleId}-reply`} rows={2} maxLength={MAX_SUPPORT_MESSAGE_LENGTH} value={message} onChange={(event) => setMessage(event.target.value)} required />
          <div className="row">
            <button type="submit" className="button" disabled={replying.loading || !message.trim()}>Enviar resposta</button>
            {viewer === 'STAFF' ? (
              <button type="button" className="button secondary" disabled={closing.loading} onClick={() => void close({ variables: { ticketId: ticket.id } }).catch(() => undefined)}>
                Encerrar atendimento
              </button>
            ) : null}
          </div>
        </form>
      ) : null}
      <ErrorNotice error={replying.error ?? closing.error} />
    </article>
  );
}

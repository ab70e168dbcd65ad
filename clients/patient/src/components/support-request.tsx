'use client';
// "Falar com uma pessoa", under the assistant's answer: a question about a procedure goes to the
// clinic of the payment the patient picks, one about payments to the MedPay team; the conversation so
// far goes with it. Asking again in the same conversation adds to the same ticket.
import { useMutation, useQuery } from '@apollo/client/react';
import { formatDate } from '@medpay/web/format';
import { graphql } from '@medpay/web/graphql';
import type { SupportTopic } from '@medpay/web/types';
import { ErrorNotice } from '@medpay/web/ui';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';

const SupportPayments = graphql(`
  query SupportPayments {
    myPayments(first: 20) { edges { node { id createdAt procedure { id name } clinic { id tradeName } } } }
  }
`);

const RequestSupport = graphql(`
  mutation RequestSupport($conversationId: ID!, $topic: SupportTopic!, $paymentId: ID, $message: String) {
    requestSupport(conversationId: $conversationId, topic: $topic, paymentId: $paymentId, message: $message) { ...SupportTicketFields }
  }
`);

export function SupportRequest({ conversationId }: { conversationId: string }) {
  const payments = useQuery(SupportPayments);
  const [request, requesting] = useMutation(RequestSupport);
  const [topic, setTopic] = useState<SupportTopic>('PAYMENT');
  const [paymentId, setPaymentId] = useState('');
  const [message, setMessage] = useState('');
  const [opened, setOpened] = useState<SupportTopic | null>(null);
  const rows = payments.data?.myPayments?.edges.map((edge) => edge.node) ?? [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const variables = { conversationId, topic, paymentId: topic === 'PROCEDURE' ? paymentId : null, message: message.trim() || null };
    void request({ variables }).then(() => setOpened(topic), () => undefined);
  };

  if (opened) {
    return (
      <p className="notice notice-ok" role="status">
        Pronto: {opened === 'PROCEDURE' ? 'a clínica' : 'a equipe MedPay'} recebeu seu pedido com esta conversa e responde em <Link href="/atendimentos">Meus atendimentos</Link>.
      </p>
    );
  }
  return (
    <form className="card" onSubmit={submit} aria-labelledby="support-title">
      <h2 id="support-title">Falar com uma pessoa</h2>
      <fieldset>
        <legend>Sobre o quê?</legend>
        <label className="check"><input type="radio" name="topic" checked={topic === 'PAYMENT'} onChange={() => setTopic('PAYMENT')} /> Um pagamento (a equipe MedPay responde)</label>
        <label className="check"><input type="radio" name="topic" checked={topic === 'PROCEDURE'} onChange={() => setTopic('PROCEDURE')} /> Um procedimento (a clínica responde)</label>
      </fieldset>
      {topic === 'PROCEDURE' ? (
        <>
          <label htmlFor="support-payment">Qual procedimento?</label>
          <select id="support-payment" value={paymentId} onChange={(event) => setPaymentId(event.target.value)} required>
            <option value="">Escolha</option>
            {rows.map((row) => (
              <option key={row.id} value={row.id}>{row.procedure?.name ?? 'Procedimento'} — {row.clinic?.tradeName ?? 'clínica'}{row.createdAt ? ` (${formatDate(row.createdAt)})` : ''}</option>
            ))}
          </select>
        </>
      ) : null}
      <label htmlFor="support-message">Mensagem (opcional)</label>
      <textarea id="support-message" rows={2} maxLength={2000} value={message} onChange={(event) => setMessage(event.target.value)} />
      <button type="submit" className="button" disabled={requesting.loading}>Chamar uma pessoa</button>
      <ErrorNotice error={requesting.error ?? payments.error} />
    </form>
  );
}

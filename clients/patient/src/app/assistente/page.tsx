'use client';
// The patient assistant: questions in Portuguese about the patient's own installments and payments
// (answered from the graph with the patient's own session) and about how MedPay works (the FAQ);
// when it cannot help, "Falar com uma pessoa" opens a ticket with the conversation.
import { useMutation } from '@apollo/client/react';
import { graphql } from '@medpay/web/graphql';
import { RequireSession } from '@medpay/web/session';
import { ErrorNotice } from '@medpay/web/ui';
import { SupportRequest } from '../../components/support-request';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { Suspense, useState, type FormEvent } from 'react';

const AskAssistant = graphql(`
  mutation AskAssistant($conversationId: ID, $message: String!) {
    askAssistant(conversationId: $conversationId, message: $message) { conversationId intent answer offerPerson suggestions }
  }
`);

interface Exchange {
  question: string;
  answer: string;
  offerPerson: boolean;
  suggestions: string[];
}

const STARTERS = ['Quando vence minha próxima parcela?', 'Quanto falta pagar?', 'Meu pagamento caiu?', 'Como funciona a garantia?'];
const MAX_LENGTH = 500;

function Assistant() {
  const params = useSearchParams();
  const [ask, asking] = useMutation(AskAssistant);
  const [conversationId, setConversationId] = useState<string | null>(null);
  const [exchanges, setExchanges] = useState<Exchange[]>([]);
  const [message, setMessage] = useState(params.get('pergunta') ?? '');

  const send = (question: string) => {
    const text = question.trim();
    if (!text || asking.loading) return;
    void ask({ variables: { conversationId, message: text } }).then(({ data }) => {
      const reply = data?.askAssistant;
      if (!reply) return;
      setConversationId(reply.conversationId);
      setExchanges((previous) => [...previous, { question: text, answer: reply.answer, offerPerson: reply.offerPerson, suggestions: reply.suggestions ?? [] }]);
      setMessage('');
    }, () => undefined);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send(message);
  };
  const last = exchanges.at(-1);

  return (
    <>
      <h1>Assistente</h1>
      <p className="muted">Tire dúvidas sobre suas parcelas, seus pagamentos e como a MedPay funciona. O assistente só vê os seus dados. Seus pedidos para falar com uma pessoa ficam em <Link href="/atendimentos">Meus atendimentos</Link>.</p>
      <ol className="chat" aria-label="Conversa com o assistente" aria-live="polite">
        {exchanges.map((exchange, index) => (
          <li key={index}>
            <p className="chat-question"><span className="visually-hidden">Você: </span>{exchange.question}</p>
            <p className="chat-answer" data-testid="assistant-answer"><span className="visually-hidden">Assistente: </span>{exchange.answer}</p>
          </li>
        ))}
      </ol>
      {asking.loading ? <p className="muted" role="status">O assistente está respondendo…</p> : null}
      {last?.offerPerson && conversationId ? <SupportRequest key={conversationId} conversationId={conversationId} /> : null}
      {(last ? last.suggestions : STARTERS).length ? (
        <div className="row" aria-label={last ? 'Você quis dizer' : 'Perguntas frequentes'} role="group">
          {(last ? last.suggestions : STARTERS).map((suggestion) => (
            <button key={suggestion} type="button" className="button secondary" onClick={() => send(suggestion)} disabled={asking.loading}>{suggestion}</button>
          ))}
        </div>
      ) : null}
      <form onSubmit={submit} className="card">
        <label htmlFor="pergunta">Sua pergunta</label>
        <textarea id="pergunta" rows={2} maxLength={MAX_LENGTH} value={message} onChange={(event) => setMessage(event.target.value)} required />
        <button type="submit" className="button" disabled={asking.loading || !message.trim()}>Enviar</button>
      </form>
      <ErrorNotice error={asking.error} />
    </>
  );
}

export default function AssistantPage() {
  return (
    <RequireSession>
      <Suspense>
        <Assistant />
      </Suspense>
    </RequireSession>
  );
}

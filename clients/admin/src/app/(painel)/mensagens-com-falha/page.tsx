'use client';
// Mensagens com falha: the notifications service's dead letters (e-mail, SMS, WhatsApp, push) for the
// back office to look into and send again.
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '@medpay/web/graphql';
import { ErrorNotice, Loading, LoadMore } from '@medpay/web/ui';
import { useState } from 'react';
import { FailedMessagesTable } from '../../../components/failed-messages';

const FailedMessages = graphql(`
  query FailedMessages($after: String) {
    failedMessages(first: 25, after: $after) {
      edges { cursor node { ...FailedMessageFields } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const RetryMessage = graphql(`
  mutation RetryMessage($id: ID!) {
    retryMessage(id: $id) { ...FailedMessageFields }
  }
`);

export default function FailedMessagesPage() {
  const { data, loading, error, refetch, fetchMore } = useQuery(FailedMessages);
  const [retry, retrying] = useMutation(RetryMessage);
  const [retryingId, setRetryingId] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const connection = data?.failedMessages;
  return (
    <>
      <h1>Mensagens com falha</h1>
      <p className="muted">E-mails, SMS, mensagens de WhatsApp e notificações no navegador que o provedor recusou ou que esgotaram as tentativas. Confira o erro, corrija a causa (um contato errado, um provedor fora do ar) e reenvie.</p>
      <div className="row">
        <button type="button" className="button secondary" disabled={loading} onClick={() => void refetch().catch(() => undefined)}>Atualizar</button>
        <span role="status" className="muted">{done}</span>
      </div>
      <ErrorNotice error={error ?? retrying.error} />
      {loading && !data ? <Loading /> : null}
      {connection ? (
        <FailedMessagesTable
          messages={connection.edges.map((edge) => edge.node)}
          retrying={retryingId}
          onRetry={(id) => {
            setRetryingId(id);
            setDone(null);
            // The row follows through the cache: its status becomes "Na fila" until the new attempt ends.
            void retry({ variables: { id } })
              .then(() => setDone('Mensagem reenviada: uma nova tentativa está na fila.'), () => undefined)
              .finally(() => setRetryingId(null));
          }}
        />
      ) : null}
      <LoadMore pageInfo={connection?.pageInfo} onMore={(after) => void fetchMore({ variables: { after } })} />
    </>
  );
}

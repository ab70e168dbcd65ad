'use client';
// Antifraude: the checkouts held for review, newest first, with the reasons the model gave, and the
// model in service with its held-out evaluation. Each is decided on its payment's page.
import { useQuery } from '@apollo/client/react';
import { formatBRL, formatDateTime } from '@medpay/web/format';
import { graphql } from '@medpay/web/graphql';
import { ErrorNotice, Loading, TableScroll } from '@medpay/web/ui';
import Link from 'next/link';

const FraudReviewQueue = graphql(`
  query FraudReviewQueue {
    fraudReviewQueue(first: 50) {
      totalCount
      edges {
        node {
          id createdAt method
          amounts { patientTotalCentavos }
          payer { id name }
          clinic { id tradeName }
          fraudAssessment { score reasons { code text } }
        }
      }
    }
    fraudModel { version trainedAt heldOutRows heldOutFraudRows rocAuc reviewThreshold reviewPrecision reviewRecall declineThreshold declinePrecision declineRecall }
  }
`);

const percent = (share: number) => `${(share * 100).toLocaleString('pt-BR', { maximumFractionDigits: 1 })} %`;

export default function FraudReviewQueuePage() {
  const { data, loading, error, refetch } = useQuery(FraudReviewQueue, { notifyOnNetworkStatusChange: true });
  const queue = data?.fraudReviewQueue;
  const model = data?.fraudModel;
  return (
    <>
      <h1>Antifraude</h1>
      <p className="muted">Pagamentos retidos para revisão antes da cobrança. Abra um pagamento para ver os sinais e decidir: aprovar emite a cobrança ao paciente, recusar encerra o pagamento.</p>
      {model ? (
        <section className="card" aria-labelledby="model-title">
          <h2 id="model-title">Modelo em uso</h2>
          <p data-testid="fraud-model">
            Versão <strong>{model.version}</strong>, treinado em {formatDateTime(model.trainedAt)}. Na avaliação com {model.heldOutRows.toLocaleString('pt-BR')} pagamentos separados ({model.heldOutFraudRows} fraudes):
            ROC AUC {model.rocAuc.toLocaleString('pt-BR', { maximumFractionDigits: 3 })}; revisão a partir de {model.reviewThreshold} pontos (precisão {percent(model.reviewPrecision)}, cobertura {percent(model.reviewRecall)});
            recusa a partir de {model.declineThreshold} (precisão {percent(model.declinePrecision)}, cobertura {percent(model.declineRecall)}).
          </p>
        </section>
      ) : null}
      <div className="row">
        <button type="button" className="button secondary" disabled={loading} onClick={() => void refetch().catch(() => undefined)}>Atualizar</button>
      </div>
      <ErrorNotice error={error} />
      {loading && !data ? <Loading /> : null}
      {queue?.edges.length === 0 ? <p className="notice notice-info">Nenhum pagamento aguardando revisão.</p> : null}
      {queue?.edges.length ? (
        <TableScroll label="Pagamentos em análise">
          <table>
            <thead><tr><th>Pagamento</th><th>Paciente</th><th>Clínica</th><th className="num">Valor</th><th className="num">Pontuação</th><th>Motivos</th></tr></thead>
            <tbody>
              {queue.edges.map(({ node }) => (
                <tr key={node.id} data-review={node.id}>
                  <td><Link href={`/pagamentos/${node.id}`}>{formatDateTime(node.createdAt!)}</Link></td>
                  <td>{node.payer?.name}</td>
                  <td>{node.clinic?.tradeName}</td>
                  <td className="num money">{formatBRL(node.amounts?.patientTotalCentavos ?? 0)}</td>
                  <td className="num">{node.fraudAssessment?.score ?? '—'}</td>
                  <td><ul className="plain">{node.fraudAssessment?.reasons.map((reason) => <li key={reason.code}>{reason.text}</li>)}</ul></td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </>
  );
}

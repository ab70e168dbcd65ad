'use client';
// Exclusões de conta: the LGPD account deletions, newest first, with each service's part (users,
// payments, providers, notifications, analytics), for the back office to see that every one finishes.
import { useQuery } from '@apollo/client/react';
import { deletionServiceLabel, formatDateTime } from '@medpay/web/format';
import { graphql } from '@medpay/web/graphql';
import { ErrorNotice, Loading, TableScroll } from '@medpay/web/ui';
import Link from 'next/link';
import { deletionStatusLabel, deletionStepStatusLabel } from '../../../components/labels';

const AccountDeletions = graphql(`
  query AccountDeletions {
    accountDeletions(first: 50) { id userId status requestedAt completedAt steps { service status completedAt } }
  }
`);

export default function AccountDeletionsPage() {
  const { data, loading, error, refetch } = useQuery(AccountDeletions, { notifyOnNetworkStatusChange: true });
  const deletions = data?.accountDeletions;
  return (
    <>
      <h1>Exclusões de conta</h1>
      <p className="muted">Pedidos de exclusão de conta (LGPD), dos mais recentes aos mais antigos. Cada serviço apaga ou pseudonimiza a sua parte; o identificador mostrado é o pseudônimo que fica nos registros que a lei manda guardar.</p>
      <div className="row">
        <button type="button" className="button secondary" disabled={loading} onClick={() => void refetch().catch(() => undefined)}>Atualizar</button>
      </div>
      <ErrorNotice error={error} />
      {loading && !data ? <Loading /> : null}
      {deletions?.length === 0 ? <p className="notice notice-info">Nenhuma exclusão de conta pedida.</p> : null}
      {deletions?.length ? (
        <TableScroll label="Exclusões de conta">
          <table>
            <thead><tr><th>Conta (pseudônimo)</th><th>Pedida em</th><th>Situação</th><th>Concluída em</th><th>Etapas por serviço</th></tr></thead>
            <tbody>
              {deletions.map((deletion) => (
                <tr key={deletion.id} data-deletion={deletion.userId}>
                  <td><Link href={`/usuarios/${deletion.userId}`} className="mono">{deletion.userId}</Link></td>
                  <td>{formatDateTime(deletion.requestedAt)}</td>
                  <td><span className={`badge badge-${deletion.status === 'COMPLETED' ? 'ok' : 'wait'}`} data-deletion-status={deletion.status}>{deletionStatusLabel[deletion.status]}</span></td>
                  <td>{deletion.completedAt ? formatDateTime(deletion.completedAt) : '—'}</td>
                  <td>
                    <ul className="plain">
                      {deletion.steps.map((step) => (
                        <li key={step.service} data-step={step.service} data-step-status={step.status}>
                          {deletionServiceLabel[step.service] ?? step.service}: {deletionStepStatusLabel[step.status]}
                          {step.completedAt ? <span className="muted"> ({formatDateTime(step.completedAt)})</span> : null}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </>
  );
}

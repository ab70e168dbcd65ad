'use client';
// Where the clinic's money stands (escrow, available, on its way, paid out) and receivables over time;
// then its documents (the service agreement, the monthly statement in PDF).
import { useQuery } from '@apollo/client/react';
import { formatBRL, formatDate } from '@medpay/web/format';
import { graphql } from '@medpay/web/graphql';
import type { ReceivablesInterval } from '@medpay/web/types';
import { ErrorNotice, Loading } from '@medpay/web/ui';
import Link from 'next/link';
import { useState } from 'react';
import { Balances } from '../../../components/balances';
import { ClinicDocuments } from '../../../components/clinic-documents';
import { useClinic } from '../../../components/clinic-context';
import { addDays, todayInSaoPaulo } from '@medpay/web/format';
import { ReceivablesChart } from '../../../components/receivables-chart';

const ClinicToConfirm = graphql(`
  query ClinicToConfirm($clinicId: ID!) {
    clinic(id: $clinicId) {
      id
      payments(filter: { statuses: [IN_ESCROW, PARTIALLY_REFUNDED] }, first: 8) {
        totalCount
        edges { node { id status escrowState escrowReleaseDueAt amounts { clinicNetCentavos } payer { id name } procedure { id name } } }
      }
    }
  }
`);

const ClinicReceivables = graphql(`
  query ClinicReceivables($clinicId: ID!, $from: String!, $to: String!, $interval: ReceivablesInterval) {
    clinic(id: $clinicId) { id receivables(from: $from, to: $to, interval: $interval) { date releasedCentavos paidOutCentavos expectedCentavos } }
  }
`);

/** Payments in escrow waiting for the clinic to confirm the procedure: what releases money now. */
function ToConfirm({ clinicId }: { clinicId: string }) {
  const { data, error } = useQuery(ClinicToConfirm, { variables: { clinicId }, pollInterval: 10_000 });
  const payments = data?.clinic?.payments;
  const waiting = payments?.edges.filter(({ node }) => node.escrowState === 'HELD') ?? [];
  return (
    <section className="card" aria-labelledby="to-confirm-title">
      <h2 id="to-confirm-title">Atendimentos a confirmar</h2>
      <ErrorNotice error={error} />
      {payments && waiting.length === 0 ? <p className="muted">Nenhum pagamento em garantia aguardando confirmação.</p> : null}
      {waiting.length ? (
        <table>
          <thead><tr><th>Paciente</th><th>Procedimento</th><th className="num">Líquido da clínica</th><th>Liberação automática</th><th><span className="visually-hidden">Ações</span></th></tr></thead>
          <tbody>
            {waiting.map(({ node }) => (
              <tr key={node.id}>
                <td>{node.payer?.name}</td>
                <td>{node.procedure?.name}</td>
                <td className="num money">{formatBRL(node.amounts?.clinicNetCentavos ?? 0)}</td>
                <td>{node.escrowReleaseDueAt ? formatDate(node.escrowReleaseDueAt) : '—'}</td>
                <td><Link href={`/clinicas/${clinicId}/pagamentos/${node.id}`}>Confirmar<span className="visually-hidden"> o atendimento de {node.payer?.name}</span></Link></td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {payments && payments.totalCount > payments.edges.length ? <p><Link href={`/clinicas/${clinicId}/pagamentos`}>Ver todos os {payments.totalCount} pagamentos em garantia</Link></p> : null}
    </section>
  );
}

function Receivables({ clinicId }: { clinicId: string }) {
  const today = todayInSaoPaulo();
  const [interval, setGrouping] = useState<ReceivablesInterval>('DAY');
  const range = interval === 'DAY' ? { from: addDays(today, -14), to: addDays(today, 30) } : { from: addDays(today, -84), to: addDays(today, 42) };
  const { data, error, loading } = useQuery(ClinicReceivables, { variables: { clinicId, ...range, interval } });
  const points = data?.clinic?.receivables ?? [];
  return (
    <section className="card">
      <div className="spread">
        <h2>Recebíveis</h2>
        <div className="row" role="group" aria-label="Agrupar por">
          <button type="button" className={`button ${interval === 'DAY' ? '' : 'secondary'}`} aria-pressed={interval === 'DAY'} onClick={() => setGrouping('DAY')}>Por dia</button>
          <button type="button" className={`button ${interval === 'WEEK' ? '' : 'secondary'}`} aria-pressed={interval === 'WEEK'} onClick={() => setGrouping('WEEK')}>Por semana</button>
        </div>
      </div>
      <p className="hint">Liberado e repassado até hoje; previsto é a parte da clínica nos pagamentos em garantia, na data de liberação automática (confirme o atendimento para receber antes).</p>
      <ErrorNotice error={error} />
      {loading && !data ? <Loading /> : <ReceivablesChart points={points} title={`Recebíveis ${interval === 'DAY' ? 'por dia' : 'por semana'}`} />}
    </section>
  );
}

export default function Overview() {
  const clinic = useClinic();
  return (
    <>
      <h1>Visão geral</h1>
      <Balances clinicId={clinic.id} />
      <ToConfirm clinicId={clinic.id} />
      <Receivables clinicId={clinic.id} />
      <ClinicDocuments clinicId={clinic.id} />
    </>
  );
}

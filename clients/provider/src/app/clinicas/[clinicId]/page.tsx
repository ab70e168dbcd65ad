'use client';
// Where the clinic's money stands (escrow, available, on its way, paid out) and receivables over time.
import { useQuery } from '@apollo/client/react';
import { graphql } from '@medpay/web/graphql';
import type { ReceivablesInterval } from '@medpay/web/types';
import { ErrorNotice, Loading } from '@medpay/web/ui';
import { useState } from 'react';
import { Balances } from '../../../components/balances';
import { useClinic } from '../../../components/clinic-context';
import { addDays, todayInSaoPaulo } from '../../../components/dates';
import { ReceivablesChart } from '../../../components/receivables-chart';

const ClinicReceivables = graphql(`
  query ClinicReceivables($clinicId: ID!, $from: String!, $to: String!, $interval: ReceivablesInterval) {
    clinic(id: $clinicId) { id receivables(from: $from, to: $to, interval: $interval) { date releasedCentavos paidOutCentavos expectedCentavos } }
  }
`);

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
      <Receivables clinicId={clinic.id} />
    </>
  );
}

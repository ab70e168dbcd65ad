'use client';
// How the clinic's business goes over a period: revenue, the way from simulation to money released,
// how patients pay, what sells, refunds, disputes and crediário delinquency (the analytics subgraph).
import { useQuery } from '@apollo/client/react';
import { defaultPeriod, type AnalyticsPeriod } from '@medpay/web/analytics';
import { graphql } from '@medpay/web/graphql';
import { PeriodPicker } from '@medpay/web/period-picker';
import { ErrorNotice, Loading } from '@medpay/web/ui';
import { useState } from 'react';
import { ClinicAnalyticsView } from '../../../../components/clinic-analytics';
import { useClinic } from '../../../../components/clinic-context';

const ClinicAnalyticsPage = graphql(`
  query ClinicAnalyticsPage($clinicId: ID!, $from: String!, $to: String!, $interval: AnalyticsInterval) {
    clinic(id: $clinicId) {
      id
      analytics(from: $from, to: $to, interval: $interval) {
        from
        to
        interval
        totals { grossCentavos clinicNetCentavos platformFeeCentavos processingCostCentavos paymentsCount averageTicketCentavos }
        series { periodStart grossCentavos clinicNetCentavos paymentsCount }
        byMethod { method paymentsCount grossCentavos share }
        funnel { plansSimulated checkouts paid released checkoutRate paymentRate releaseRate }
        topProcedures { procedure { id name } category paymentsCount grossCentavos }
        afterSale { refundedCount refundedCentavos refundRate disputedCount disputeRate }
        crediario { installmentsDue overdue30 overdue90 overdueRate defaultRate }
      }
    }
  }
`);

export default function ClinicAnalytics() {
  const clinic = useClinic();
  const [period, setPeriod] = useState<AnalyticsPeriod>(() => defaultPeriod());
  const { data, previousData, loading, error } = useQuery(ClinicAnalyticsPage, {
    variables: { clinicId: clinic.id, from: period.from, to: period.to, interval: period.interval },
    errorPolicy: 'all',
  });
  // While another period loads, the last one stays on screen (and any open "Ver tabela" stays open).
  const analytics = (data ?? (loading ? previousData : undefined))?.clinic?.analytics;
  return (
    <>
      <h1>Análises</h1>
      <PeriodPicker value={period} onChange={setPeriod} />
      <ErrorNotice error={error} />
      {loading ? <Loading label={analytics ? 'Atualizando as análises…' : 'Calculando as análises…'} /> : null}
      {analytics ? <ClinicAnalyticsView analytics={analytics} /> : null}
    </>
  );
}

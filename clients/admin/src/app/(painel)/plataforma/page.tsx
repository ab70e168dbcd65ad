'use client';
// The whole platform over a period from the analytics subgraph (GMV, take rate, clinics and patients,
// method mix, cohorts, rates, top clinics), how far analytics is behind the events, and which clients
// use which operations and fields of the graph.
import { useQuery } from '@apollo/client/react';
import { defaultPeriod, type AnalyticsPeriod } from '@medpay/web/analytics';
import { graphql } from '@medpay/web/graphql';
import { PeriodPicker } from '@medpay/web/period-picker';
import { ErrorNotice, Loading } from '@medpay/web/ui';
import { useState } from 'react';
import { AnalyticsLagNotice, GraphUsageTables, PlatformAnalyticsView } from '../../../components/platform-analytics';

const PlatformAnalyticsPage = graphql(`
  query PlatformAnalyticsPage($from: String!, $to: String!, $interval: AnalyticsInterval) {
    platformAnalytics(from: $from, to: $to, interval: $interval) {
      from
      to
      interval
      totals { grossCentavos clinicNetCentavos platformFeeCentavos processingCostCentavos paymentsCount averageTicketCentavos }
      takeRate
      series { periodStart grossCentavos clinicNetCentavos platformFeeCentavos paymentsCount }
      activeClinics
      activePatients
      newPatients
      byMethod { method paymentsCount grossCentavos share }
      cohorts { month patients retention }
      declineRate
      afterSale { refundedCount refundedCentavos refundRate disputedCount disputeRate }
      topClinics { clinic { id tradeName } paymentsCount grossCentavos platformFeeCentavos }
    }
  }
`);

const AnalyticsLagQuery = graphql(`
  query AnalyticsLag {
    analyticsLag { seconds pending }
  }
`);

const GraphUsageQuery = graphql(`
  query GraphUsage($from: String!, $to: String!) {
    graphUsage(from: $from, to: $to) {
      from
      to
      operations { clientName clientVersion operationName documentHash callerKind count errorCount p50Ms p95Ms }
      fields { clientName field count }
    }
  }
`);

export default function Platform() {
  const [period, setPeriod] = useState<AnalyticsPeriod>(() => defaultPeriod());
  const range = { from: period.from, to: period.to };
  const analytics = useQuery(PlatformAnalyticsPage, { variables: { ...range, interval: period.interval }, errorPolicy: 'all' });
  const lag = useQuery(AnalyticsLagQuery, { pollInterval: 15_000 });
  const usage = useQuery(GraphUsageQuery, { variables: range });
  // While another period loads, the last one stays on screen (and any open "Ver tabela" stays open).
  const figures = (analytics.data ?? (analytics.loading ? analytics.previousData : undefined))?.platformAnalytics;
  const graphUsage = (usage.data ?? (usage.loading ? usage.previousData : undefined))?.graphUsage;
  return (
    <>
      <div className="spread">
        <h1>Plataforma</h1>
        {lag.data?.analyticsLag ? <AnalyticsLagNotice lag={lag.data.analyticsLag} /> : null}
      </div>
      <PeriodPicker value={period} onChange={setPeriod} />
      <ErrorNotice error={analytics.error} />
      {analytics.loading ? <Loading label={figures ? 'Atualizando os números da plataforma…' : 'Calculando os números da plataforma…'} /> : null}
      {figures ? <PlatformAnalyticsView analytics={figures} /> : null}

      <section className="card" aria-labelledby="usage-title">
        <h2 id="usage-title">Uso do grafo</h2>
        <p className="hint">Operações e campos pedidos por cada cliente no período, como o roteador os viu.</p>
        <ErrorNotice error={usage.error} />
        {usage.loading && !graphUsage ? <Loading /> : null}
        {graphUsage ? <GraphUsageTables usage={graphUsage} /> : null}
      </section>
    </>
  );
}

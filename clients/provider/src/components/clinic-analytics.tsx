'use client';
// The clinic's analytics for one period, drawn from the query's answer (the page fetches it): key
// figures, revenue over time, the funnel, the method mix, top procedures, after-sale and crediário.
import { countOf, formatCentavos, formatCount, formatShare } from '@medpay/web/analytics';
import { FunnelChart, MethodMixChart, MoneySeriesChart } from '@medpay/web/charts';
import { formatDate } from '@medpay/web/format';
import type { ClinicAnalyticsPageQuery } from '@medpay/web/types';
import { Kpi, TableScroll } from '@medpay/web/ui';

export type ClinicAnalyticsData = NonNullable<NonNullable<ClinicAnalyticsPageQuery['clinic']>['analytics']>;

const REVENUE_SERIES = [
  { key: 'grossCentavos', label: 'Receita bruta', color: '#1f5fa8' },
  { key: 'clinicNetCentavos', label: 'Líquido da clínica', color: '#0b6e4f' },
] as const;

export function ClinicAnalyticsView({ analytics }: { analytics: ClinicAnalyticsData }) {
  const { totals, funnel, afterSale, crediario } = analytics;
  const period = `de ${formatDate(analytics.from)} a ${formatDate(analytics.to)}`;
  return (
    <>
      <section className="tiles" aria-label={`Números ${period}`}>
        <Kpi name="gross" label="Receita bruta" value={formatCentavos(totals.grossCentavos)} hint={countOf(totals.paymentsCount, 'pagamento pago', 'pagamentos pagos')} />
        <Kpi name="net" label="Líquido da clínica" value={formatCentavos(totals.clinicNetCentavos)} hint={`Taxas: ${formatCentavos(totals.platformFeeCentavos + totals.processingCostCentavos)}`} />
        <Kpi name="ticket" label="Ticket médio" value={formatCentavos(totals.averageTicketCentavos)} />
        <Kpi name="refund-rate" label="Taxa de reembolso" value={formatShare(afterSale.refundRate)} hint={`${countOf(afterSale.refundedCount, 'reembolsado', 'reembolsados')} · ${formatCentavos(afterSale.refundedCentavos)}`} />
        <Kpi name="dispute-rate" label="Taxa de contestação" value={formatShare(afterSale.disputeRate)} hint={countOf(afterSale.disputedCount, 'contestado', 'contestados')} />
      </section>

      <section className="card" aria-labelledby="revenue-title">
        <h2 id="revenue-title">Receita no período</h2>
        <p className="hint">Pagamentos pelo dia em que foram pagos, {period}.</p>
        {analytics.series.length ? (
          <MoneySeriesChart title={`Receita bruta e líquido da clínica ${period}`} points={analytics.series} interval={analytics.interval} series={REVENUE_SERIES} />
        ) : <p className="muted">Nenhum pagamento no período.</p>}
      </section>

      <div className="columns">
        <section className="card" aria-labelledby="funnel-title">
          <h2 id="funnel-title">Funil de conversão</h2>
          <p className="hint">Checkouts criados no período e até onde chegaram.</p>
          <FunnelChart
            title={`Funil de conversão ${period}`}
            steps={[
              { label: 'Simulações', count: funnel.plansSimulated },
              { label: 'Checkouts', count: funnel.checkouts, rate: funnel.checkoutRate },
              { label: 'Pagos', count: funnel.paid, rate: funnel.paymentRate },
              { label: 'Liberados', count: funnel.released, rate: funnel.releaseRate },
            ]}
          />
        </section>
        <section className="card" aria-labelledby="methods-title">
          <h2 id="methods-title">Formas de pagamento</h2>
          <p className="hint">Participação de cada forma na receita bruta.</p>
          <MethodMixChart title={`Formas de pagamento ${period}`} methods={analytics.byMethod} />
        </section>
      </div>

      <section className="card" aria-labelledby="procedures-title">
        <h2 id="procedures-title">Procedimentos mais vendidos</h2>
        {analytics.topProcedures.length ? (
          <TableScroll label="Procedimentos mais vendidos">
            <table>
              <thead><tr><th scope="col">Procedimento</th><th scope="col">Categoria</th><th scope="col" className="num">Pagamentos</th><th scope="col" className="num">Receita bruta</th><th scope="col" className="num">Da receita</th></tr></thead>
              <tbody>
                {analytics.topProcedures.map((row) => (
                  <tr key={row.procedure.id}>
                    <th scope="row">{row.procedure.name}</th>
                    <td>{row.category}</td>
                    <td className="num">{formatCount(row.paymentsCount)}</td>
                    <td className="num money">{formatCentavos(row.grossCentavos)}</td>
                    <td className="num">{totals.grossCentavos > 0 ? formatShare(row.grossCentavos / totals.grossCentavos) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : <p className="muted">Nenhum procedimento pago no período.</p>}
      </section>

      <div className="columns">
        <section className="card" aria-labelledby="after-sale-title">
          <h2 id="after-sale-title">Reembolsos e contestações</h2>
          <p className="hint">Dos pagamentos pagos no período.</p>
          <dl className="facts">
            <dt>Reembolsados</dt><dd>{formatCount(afterSale.refundedCount)} ({formatShare(afterSale.refundRate)})</dd>
            <dt>Valor reembolsado</dt><dd className="money">{formatCentavos(afterSale.refundedCentavos)}</dd>
            <dt>Contestados</dt><dd>{formatCount(afterSale.disputedCount)} ({formatShare(afterSale.disputeRate)})</dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="crediario-title" data-section="crediario">
          <h2 id="crediario-title">Crediário</h2>
          <p className="hint">Parcelas vencidas no período até hoje.</p>
          <dl className="facts">
            <dt>Parcelas vencidas</dt><dd>{formatCount(crediario.installmentsDue)}</dd>
            <dt>Em atraso há mais de 30 dias</dt><dd data-testid="crediario-overdue">{formatCount(crediario.overdue30)} ({formatShare(crediario.overdueRate)})</dd>
            <dt>Inadimplentes (mais de 90 dias)</dt><dd data-testid="crediario-default">{formatCount(crediario.overdue90)} ({formatShare(crediario.defaultRate)})</dd>
          </dl>
        </section>
      </div>
    </>
  );
}

'use client';
// The admin's "Plataforma" screen drawn from its queries' answers: key figures, GMV over time, the
// method mix, cohort retention as a heat map, top clinics, the analytics lag and the graph's usage.
import { countOf, formatCentavos, formatCount, formatLag, formatMilliseconds, formatMonth, formatShare } from '@medpay/web/analytics';
import { MethodMixChart, MoneySeriesChart } from '@medpay/web/charts';
import { formatDate } from '@medpay/web/format';
import type { AnalyticsLagQuery, GraphUsageQuery, PlatformAnalyticsPageQuery } from '@medpay/web/types';
import { Kpi, TableScroll } from '@medpay/web/ui';
import Link from 'next/link';
import { useId, useMemo, useState } from 'react';

export type PlatformAnalyticsData = NonNullable<PlatformAnalyticsPageQuery['platformAnalytics']>;
export type GraphUsageData = NonNullable<GraphUsageQuery['graphUsage']>;
export type AnalyticsLagData = NonNullable<AnalyticsLagQuery['analyticsLag']>;

const GMV_SERIES = [
  { key: 'grossCentavos', label: 'GMV (bruto)', color: '#1f5fa8' },
  { key: 'clinicNetCentavos', label: 'Líquido das clínicas', color: '#0b6e4f' },
  { key: 'platformFeeCentavos', label: 'Taxas da plataforma', color: '#b07800' },
] as const;

export function PlatformAnalyticsView({ analytics }: { analytics: PlatformAnalyticsData }) {
  const { totals, afterSale } = analytics;
  const period = `de ${formatDate(analytics.from)} a ${formatDate(analytics.to)}`;
  return (
    <>
      <section className="tiles" aria-label={`Números da plataforma ${period}`}>
        <Kpi name="gmv" label="GMV" value={formatCentavos(totals.grossCentavos)} hint={`${countOf(totals.paymentsCount, 'pagamento pago', 'pagamentos pagos')} · ticket médio ${formatCentavos(totals.averageTicketCentavos)}`} />
        <Kpi name="take-rate" label="Take rate" value={formatShare(analytics.takeRate)} hint={`Taxas: ${formatCentavos(totals.platformFeeCentavos)}`} />
        <Kpi name="active-clinics" label="Clínicas ativas" value={formatCount(analytics.activeClinics)} hint="Com pagamento pago no período" />
        <Kpi name="active-patients" label="Pacientes ativos" value={formatCount(analytics.activePatients)} hint="Pagaram ao menos uma vez no período" />
        <Kpi name="new-patients" label="Novos pacientes" value={formatCount(analytics.newPatients)} hint="Cadastrados no período" />
      </section>
      <section className="tiles" aria-label="Taxas de recusa, reembolso e contestação">
        <Kpi name="decline-rate" label="Taxa de recusa" value={formatShare(analytics.declineRate)} hint="Checkouts recusados ÷ criados" />
        <Kpi name="refund-rate" label="Taxa de reembolso" value={formatShare(afterSale.refundRate)} hint={`${countOf(afterSale.refundedCount, 'reembolsado', 'reembolsados')} · ${formatCentavos(afterSale.refundedCentavos)}`} />
        <Kpi name="dispute-rate" label="Taxa de contestação" value={formatShare(afterSale.disputeRate)} hint={countOf(afterSale.disputedCount, 'contestado', 'contestados')} />
      </section>

      <section className="card" aria-labelledby="gmv-title">
        <h2 id="gmv-title">GMV no período</h2>
        {analytics.series.length ? (
          <MoneySeriesChart title={`GMV, líquido das clínicas e taxas ${period}`} points={analytics.series} interval={analytics.interval} series={GMV_SERIES} />
        ) : <p className="muted">Nenhum pagamento no período.</p>}
      </section>

      <div className="columns">
        <section className="card" aria-labelledby="methods-title">
          <h2 id="methods-title">Formas de pagamento</h2>
          <MethodMixChart title={`Formas de pagamento na plataforma ${period}`} methods={analytics.byMethod} />
        </section>
        <section className="card" aria-labelledby="top-clinics-title">
          <h2 id="top-clinics-title">Clínicas com maior GMV</h2>
          {analytics.topClinics.length ? (
            <table>
              <thead><tr><th scope="col">Clínica</th><th scope="col" className="num">Pagamentos</th><th scope="col" className="num">GMV</th><th scope="col" className="num">Taxas</th></tr></thead>
              <tbody>
                {analytics.topClinics.map((row) => (
                  <tr key={row.clinic.id}>
                    <th scope="row"><Link href={`/pagamentos?clinica=${row.clinic.id}&de=${analytics.from}&ate=${analytics.to}`}>{row.clinic.tradeName}</Link></th>
                    <td className="num">{formatCount(row.paymentsCount)}</td>
                    <td className="num money">{formatCentavos(row.grossCentavos)}</td>
                    <td className="num money">{formatCentavos(row.platformFeeCentavos)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : <p className="muted">Nenhuma clínica com pagamentos no período.</p>}
        </section>
      </div>

      <section className="card" aria-labelledby="cohorts-title">
        <h2 id="cohorts-title">Retenção por coorte</h2>
        <p className="hint">Pacientes pelo mês do primeiro pagamento, e quantos deles pagaram de novo em cada mês seguinte.</p>
        <CohortHeatmap cohorts={analytics.cohorts} />
      </section>
    </>
  );
}

// The heat map's scale runs from a near-white to a mid green dark enough to see and light enough that
// the ink-colored percentage keeps a 4.5:1 contrast on every cell.
const LOW = [0xf1, 0xf8, 0xf5] as const;
const HIGH = [0x3f, 0x9a, 0x78] as const;

/** The background of a cell with this retention (0–1). */
export function retentionShade(retention: number): string {
  const t = Math.min(1, Math.max(0, retention));
  const [r, g, b] = LOW.map((low, i) => Math.round(low + (HIGH[i]! - low) * t));
  return `rgb(${r}, ${g}, ${b})`;
}

/** Cohorts as a table: one row per first-payment month, one column per month after, shaded by retention. */
export function CohortHeatmap({ cohorts }: { cohorts: PlatformAnalyticsData['cohorts'] }) {
  if (cohorts.length === 0) return <p className="muted">Nenhuma coorte no período.</p>;
  const months = Math.max(...cohorts.map((cohort) => cohort.retention.length));
  return (
    <TableScroll label="Retenção por coorte">
      <table className="heatmap">
        <caption className="visually-hidden">Retenção por coorte: a porcentagem dos pacientes de cada coorte que pagou em cada mês depois do primeiro pagamento</caption>
        <thead>
          <tr>
            <th scope="col">Coorte</th>
            <th scope="col" className="num">Pacientes</th>
            {Array.from({ length: months }, (_, k) => <th key={k} scope="col" className="num">{k === 0 ? 'Mês 0' : `Mês ${k}`}</th>)}
          </tr>
        </thead>
        <tbody>
          {cohorts.map((cohort) => (
            <tr key={cohort.month}>
              <th scope="row">{formatMonth(cohort.month)}</th>
              <td className="num">{formatCount(cohort.patients)}</td>
              {Array.from({ length: months }, (_, k) => {
                const retention = cohort.retention[k];
                return retention === undefined ? (
                  <td key={k} className="num heat-empty"><span className="visually-hidden">sem dados</span></td>
                ) : (
                  <td key={k} className="num heat" style={{ background: retentionShade(retention) }}>{formatShare(retention)}</td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function AnalyticsLagNotice({ lag }: { lag: AnalyticsLagData }) {
  const behind = lag.pending > 0;
  return (
    <p className={`badge ${behind && lag.seconds > 60 ? 'badge-wait' : 'badge-ok'}`} role="status" data-testid="analytics-lag">
      {behind
        ? `Análises ${formatLag(lag.seconds)} atrás · ${formatCount(lag.pending)} ${lag.pending === 1 ? 'evento pendente' : 'eventos pendentes'}`
        : 'Análises em dia com os eventos'}
    </p>
  );
}

const callerKindLabel: Record<string, string> = { anonymous: 'Anônimo', user: 'Usuário', partner: 'Parceiro (API)', admin: 'Admin' };

/** Operations and fields by client, both filtered by one client picker. */
export function GraphUsageTables({ usage }: { usage: GraphUsageData }) {
  const id = useId();
  const [client, setClient] = useState('');
  const clients = useMemo(() => [...new Set([...usage.operations, ...usage.fields].map((row) => row.clientName))].sort(), [usage]);
  const operations = useMemo(
    () => usage.operations.filter((row) => !client || row.clientName === client).sort((a, b) => a.clientName.localeCompare(b.clientName) || b.count - a.count),
    [usage, client],
  );
  const fields = useMemo(
    () => usage.fields.filter((row) => !client || row.clientName === client).sort((a, b) => a.clientName.localeCompare(b.clientName) || b.count - a.count || a.field.localeCompare(b.field)),
    [usage, client],
  );
  return (
    <>
      <div className="search-row">
        <label htmlFor={`${id}-client`}>Cliente</label>
        <select id={`${id}-client`} value={client} onChange={(event) => setClient(event.target.value)}>
          <option value="">Todos os clientes</option>
          {clients.map((name) => <option key={name} value={name}>{name}</option>)}
        </select>
      </div>
      <h3>Operações por cliente</h3>
      {operations.length ? (
        <TableScroll label="Operações por cliente" className="usage-table">
          <table data-testid="usage-operations">
            <thead>
              <tr>
                <th scope="col">Cliente</th><th scope="col">Operação</th><th scope="col">Chamador</th>
                <th scope="col" className="num">Chamadas</th><th scope="col" className="num">Erros</th>
                <th scope="col" className="num">p50</th><th scope="col" className="num">p95</th>
              </tr>
            </thead>
            <tbody>
              {operations.map((row) => (
                <tr key={`${row.clientName}|${row.clientVersion}|${row.documentHash}|${row.callerKind}`}>
                  <td>{row.clientName} <span className="muted">{row.clientVersion}</span></td>
                  <th scope="row">{row.operationName || '(sem nome)'} <span className="muted mono" title={row.documentHash}>#{row.documentHash.slice(0, 8)}</span></th>
                  <td>{callerKindLabel[row.callerKind] ?? row.callerKind}</td>
                  <td className="num">{formatCount(row.count)}</td>
                  <td className="num">{formatCount(row.errorCount)}{row.count > 0 && row.errorCount > 0 ? <span className="muted"> ({formatShare(row.errorCount / row.count)})</span> : null}</td>
                  <td className="num">{formatMilliseconds(row.p50Ms)}</td>
                  <td className="num">{formatMilliseconds(row.p95Ms)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : <p className="muted">Nenhuma operação registrada no período.</p>}
      <h3>Campos por cliente</h3>
      {fields.length ? (
        <TableScroll label="Campos por cliente" className="usage-table">
          <table data-testid="usage-fields">
            <thead><tr><th scope="col">Cliente</th><th scope="col">Campo</th><th scope="col" className="num">Pedidos</th></tr></thead>
            <tbody>
              {fields.map((row) => (
                <tr key={`${row.clientName}|${row.field}`}>
                  <td>{row.clientName}</td>
                  <th scope="row" className="mono">{row.field}</th>
                  <td className="num">{formatCount(row.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : <p className="muted">Nenhum campo registrado no período.</p>}
    </>
  );
}

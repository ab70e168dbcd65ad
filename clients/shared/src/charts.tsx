'use client';
// The apps' charts, drawn by Recharts as inline SVG (no script or stylesheet of its own, so the
// Content-Security-Policy stays as it is). Every chart is an image with an accessible name, and the
// same figures follow in a table under "Ver tabela", for screen readers and for reading exact values.
import type { ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { analyticsMethodLabel, ANALYTICS_METHODS, formatCentavos, formatCentavosCompact, formatCount, formatPeriodStart, formatPeriodTick, formatShare } from './analytics';
import type { AnalyticsInterval, AnalyticsPaymentMethod } from './graphql/graphql';
import { TableScroll } from './ui';

export const AXIS_COLOR = '#4d5b68';
export const GRID_COLOR = '#d5dde4';
const TICK = { fontSize: 12, fill: AXIS_COLOR };

/** What every chart is given so that it reads as one image to assistive technology. */
export const chartImageProps = (title: string) => ({ role: 'img', 'aria-label': title, title, accessibilityLayer: false }) as const;

export interface ChartSeries<Key extends string> {
  key: Key;
  label: string;
  color: string;
}

export function ChartLegend({ items }: { items: readonly { label: string; color: string }[] }) {
  return (
    <figcaption className="legend">
      {items.map((item) => (
        <span key={item.label}><i style={{ background: item.color }} aria-hidden="true" /> {item.label}</span>
      ))}
    </figcaption>
  );
}

/**
 * A chart, its legend, and its figures as a table under "Ver tabela" (collapsed; a details element is
 * announced and opened like a button). `table` is the table's head and body; the caption is the title.
 */
export function ChartFigure({ title, legend, table, children }: { title: string; legend?: readonly { label: string; color: string }[]; table: ReactNode; children: ReactNode }) {
  return (
    <figure className="chart">
      {children}
      {legend ? <ChartLegend items={legend} /> : null}
      <details className="chart-table">
        <summary>Ver tabela<span className="visually-hidden">: {title}</span></summary>
        <TableScroll label={title}>
          <table>
            <caption className="visually-hidden">{title}</caption>
            {table}
          </table>
        </TableScroll>
      </details>
    </figure>
  );
}

/** Recharts breaks a label at its spaces; no-break spaces keep '12,3 %' on one line. */
const oneLine = (text: string) => text.replace(/ /g, '\u00a0');

/** A tooltip row's amount: exact BRL. */
const moneyTooltip = (value: unknown) => formatCentavos(Number(value));

export interface SeriesPoint {
  periodStart: string;
  paymentsCount: number;
}

/**
 * Money over time, one line per series (gross, net, fees …), grouped by day, week or month. The table
 * has the period, each series in BRL and the number of payments.
 */
export function MoneySeriesChart<Point extends SeriesPoint, Key extends keyof Point & string>({
  title,
  points,
  interval,
  series,
  height = 280,
}: {
  title: string;
  points: readonly Point[];
  interval: AnalyticsInterval;
  series: readonly ChartSeries<Key>[];
  height?: number;
}) {
  const data = points.map((point) => ({ ...point, tick: formatPeriodTick(point.periodStart, interval), label: formatPeriodStart(point.periodStart, interval) }));
  // With nothing to draw the axis still counts up from zero, instead of five ticks of R$ 0.
  const hasMoney = points.some((point) => series.some((s) => Number(point[s.key]) > 0));
  return (
    <ChartFigure
      title={title}
      legend={series}
      table={
        <>
          <thead><tr><th scope="col">Período</th>{series.map((s) => <th key={s.key} scope="col" className="num">{s.label}</th>)}<th scope="col" className="num">Pagamentos</th></tr></thead>
          <tbody>
            {data.map((point) => (
              <tr key={point.periodStart}>
                <th scope="row">{point.label}</th>
                {series.map((s) => <td key={s.key} className="num money">{formatCentavos(Number(point[s.key]))}</td>)}
                <td className="num">{formatCount(point.paymentsCount)}</td>
              </tr>
            ))}
          </tbody>
        </>
      }
    >
      <LineChart responsive width="100%" height={height} data={data} margin={{ top: 8, right: 16, bottom: 4, left: 8 }} {...chartImageProps(title)}>
        <CartesianGrid stroke={GRID_COLOR} vertical={false} />
        <XAxis dataKey="tick" tick={TICK} stroke={GRID_COLOR} minTickGap={16} />
        <YAxis domain={hasMoney ? [0, 'auto'] : [0, 10_000]} allowDecimals={false} tickFormatter={formatCentavosCompact} tick={TICK} stroke={GRID_COLOR} width={88} />
        <Tooltip formatter={moneyTooltip} labelFormatter={(_, payload) => String(payload?.[0]?.payload?.label ?? '')} />
        {series.map((s) => (
          <Line key={s.key} type="linear" dataKey={s.key} name={s.label} stroke={s.color} strokeWidth={2} dot={points.length <= 31} isAnimationActive={false} />
        ))}
      </LineChart>
    </ChartFigure>
  );
}

export interface MethodFigure {
  method: AnalyticsPaymentMethod;
  paymentsCount: number;
  grossCentavos: number;
  share: number;
}

/** The method mix: each method's share of the gross, in the fixed order PIX, boleto, cards, crediário. */
export function MethodMixChart({ title, methods }: { title: string; methods: readonly MethodFigure[] }) {
  const byMethod = new Map(methods.map((row) => [row.method, row]));
  const data = ANALYTICS_METHODS.map(({ method, color }) => {
    const row = byMethod.get(method);
    return { method, color, label: analyticsMethodLabel[method], paymentsCount: row?.paymentsCount ?? 0, grossCentavos: row?.grossCentavos ?? 0, share: row?.share ?? 0 };
  });
  return (
    <ChartFigure
      title={title}
      table={
        <>
          <thead><tr><th scope="col">Forma de pagamento</th><th scope="col" className="num">Pagamentos</th><th scope="col" className="num">Valor bruto</th><th scope="col" className="num">Participação</th></tr></thead>
          <tbody>
            {data.map((row) => (
              <tr key={row.method}>
                <th scope="row">{row.label}</th>
                <td className="num">{formatCount(row.paymentsCount)}</td>
                <td className="num money">{formatCentavos(row.grossCentavos)}</td>
                <td className="num">{formatShare(row.share)}</td>
              </tr>
            ))}
          </tbody>
        </>
      }
    >
      <BarChart responsive width="100%" height={240} data={data} layout="vertical" margin={{ top: 4, right: 56, bottom: 4, left: 8 }} {...chartImageProps(title)}>
        <CartesianGrid stroke={GRID_COLOR} horizontal={false} />
        <XAxis type="number" dataKey="share" domain={[0, 1]} tickFormatter={formatShare} tick={TICK} stroke={GRID_COLOR} />
        <YAxis type="category" dataKey="label" tick={TICK} stroke={GRID_COLOR} width={128} />
        <Tooltip formatter={(value, _name, item) => [`${formatShare(Number(value))} · ${formatCentavos(item.payload.grossCentavos)}`, 'Participação']} />
        <Bar dataKey="share" name="Participação" isAnimationActive={false}>
          {data.map((row) => <Cell key={row.method} fill={row.color} />)}
          <LabelList dataKey="share" position="right" formatter={(value) => oneLine(formatShare(Number(value)))} fill={AXIS_COLOR} fontSize={12} />
        </Bar>
      </BarChart>
    </ChartFigure>
  );
}

export interface FunnelStep {
  label: string;
  count: number;
  /** this step ÷ the step before; absent for the first */
  rate?: number;
}

/** A funnel as horizontal bars, each step with its conversion from the step before. */
export function FunnelChart({ title, steps }: { title: string; steps: readonly FunnelStep[] }) {
  const data = steps.map((step) => ({ ...step, caption: oneLine(step.rate === undefined ? formatCount(step.count) : `${formatCount(step.count)} (${formatShare(step.rate)})`) }));
  return (
    <ChartFigure
      title={title}
      table={
        <>
          <thead><tr><th scope="col">Etapa</th><th scope="col" className="num">Quantidade</th><th scope="col" className="num">Conversão da etapa anterior</th></tr></thead>
          <tbody>
            {steps.map((step) => (
              <tr key={step.label}>
                <th scope="row">{step.label}</th>
                <td className="num">{formatCount(step.count)}</td>
                <td className="num">{step.rate === undefined ? '—' : formatShare(step.rate)}</td>
              </tr>
            ))}
          </tbody>
        </>
      }
    >
      <BarChart responsive width="100%" height={56 * steps.length + 16} data={data} layout="vertical" margin={{ top: 4, right: 104, bottom: 4, left: 8 }} {...chartImageProps(title)}>
        <XAxis type="number" hide domain={[0, 'dataMax']} />
        <YAxis type="category" dataKey="label" tick={TICK} stroke={GRID_COLOR} width={112} />
        <Tooltip formatter={(value) => [formatCount(Number(value)), 'Quantidade']} />
        <Bar dataKey="count" name="Quantidade" fill="#0b6e4f" isAnimationActive={false}>
          <LabelList dataKey="caption" position="right" fill={AXIS_COLOR} fontSize={12} />
        </Bar>
      </BarChart>
    </ChartFigure>
  );
}

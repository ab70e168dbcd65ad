'use client';
// Receivables as grouped bars (Recharts): released, paid out and expected per day or week, on an axis
// rounded to 1, 2 or 5 × 10ⁿ reais. A table with the same figures follows for screen readers and for
// reading exact values.
import { chartImageProps, ChartFigure, AXIS_COLOR, GRID_COLOR } from '@medpay/web/charts';
import { formatBRL, formatDate } from '@medpay/web/format';
import { Bar, BarChart, CartesianGrid, XAxis, YAxis, type BarShapeProps } from 'recharts';

export interface ReceivablesPoint {
  date: string;
  releasedCentavos: number;
  paidOutCentavos: number;
  expectedCentavos: number;
}

const SERIES = [
  { key: 'releasedCentavos', label: 'Liberado', color: '#0b6e4f' },
  { key: 'paidOutCentavos', label: 'Repassado', color: '#1f5fa8' },
  { key: 'expectedCentavos', label: 'Previsto (em garantia)', color: '#c98a00' },
] as const;

const TICK = { fontSize: 11, fill: AXIS_COLOR };

/** A round ceiling for the axis: 1, 2 or 5 × 10ⁿ reais. */
function niceMax(centavos: number): number {
  if (centavos <= 0) return 10_000;
  const magnitude = 10 ** Math.floor(Math.log10(centavos));
  return [1, 2, 5, 10].map((m) => m * magnitude).find((v) => v >= centavos)!;
}

/** One bar, with its date, series and amount as its tooltip; nothing for a zero. */
function barShape(series: (typeof SERIES)[number]) {
  return function ReceivablesBar({ x, y, width, height, payload }: BarShapeProps) {
    const point = payload as ReceivablesPoint;
    const value = point[series.key];
    if (!(value > 0)) return <g />;
    return (
      <rect x={x} y={y} width={width} height={height} fill={series.color}>
        <title>{`${formatDate(point.date)} · ${series.label}: ${formatBRL(value)}`}</title>
      </rect>
    );
  };
}
const SHAPES = SERIES.map(barShape);

export function ReceivablesChart({ points, title }: { points: ReceivablesPoint[]; title: string }) {
  const max = niceMax(Math.max(0, ...points.flatMap((p) => SERIES.map((s) => p[s.key]))));
  return (
    <ChartFigure
      title={title}
      legend={SERIES}
      table={
        <>
          <thead><tr><th scope="col">Início</th>{SERIES.map((s) => <th key={s.key} scope="col" className="num">{s.label}</th>)}</tr></thead>
          <tbody>
            {points.filter((p) => SERIES.some((s) => p[s.key] > 0)).map((point) => (
              <tr key={point.date}><td>{formatDate(point.date)}</td>{SERIES.map((s) => <td key={s.key} className="num money">{formatBRL(point[s.key])}</td>)}</tr>
            ))}
          </tbody>
        </>
      }
    >
      <BarChart responsive width="100%" height={280} data={points} barCategoryGap="20%" barGap={0} margin={{ top: 16, right: 12, bottom: 4, left: 4 }} {...chartImageProps(title)}>
        <CartesianGrid stroke={GRID_COLOR} vertical={false} />
        <XAxis dataKey="date" tickFormatter={(date: string) => formatDate(date).slice(0, 5)} tick={TICK} stroke={GRID_COLOR} minTickGap={8} />
        <YAxis domain={[0, max]} ticks={[0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(max * f))} tickFormatter={(value: number) => formatBRL(value)} tick={TICK} stroke={GRID_COLOR} width={96} />
        {SERIES.map((series, index) => (
          <Bar key={series.key} dataKey={series.key} name={series.label} fill={series.color} shape={SHAPES[index]} isAnimationActive={false} />
        ))}
      </BarChart>
    </ChartFigure>
  );
}

'use client';
// Receivables as grouped bars, drawn by hand in SVG: released, paid out and expected per day or week.
// A table with the same figures follows for screen readers and for reading exact values.
import { formatBRL, formatDate } from '@medpay/web/format';

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

const WIDTH = 900;
const HEIGHT = 260;
const PAD = { top: 16, right: 12, bottom: 40, left: 84 };

/** A round ceiling for the axis: 1, 2 or 5 × 10ⁿ reais. */
function niceMax(centavos: number): number {
  if (centavos <= 0) return 10_000;
  const magnitude = 10 ** Math.floor(Math.log10(centavos));
  return [1, 2, 5, 10].map((m) => m * magnitude).find((v) => v >= centavos)!;
}

export function ReceivablesChart({ points, title }: { points: ReceivablesPoint[]; title: string }) {
  const max = niceMax(Math.max(0, ...points.flatMap((p) => SERIES.map((s) => p[s.key]))));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(points.length, 1);
  const bar = Math.max(1, (slot * 0.8) / SERIES.length);
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const labelEvery = Math.ceil(points.length / 12);
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby="chart-title">
        <title id="chart-title">{title}</title>
        {[0, 0.25, 0.5, 0.75, 1].map((f) => (
          <g key={f}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(max * f)} y2={y(max * f)} stroke="#d5dde4" />
            <text x={PAD.left - 6} y={y(max * f) + 4} textAnchor="end" fontSize="11" fill="#4d5b68">{formatBRL(Math.round(max * f))}</text>
          </g>
        ))}
        {points.map((point, i) => (
          <g key={point.date}>
            {SERIES.map((series, s) => {
              const value = point[series.key];
              return value > 0 ? (
                <rect key={series.key} x={PAD.left + i * slot + slot * 0.1 + s * bar} y={y(value)} width={bar} height={y(0) - y(value)} fill={series.color}>
                  <title>{`${formatDate(point.date)} · ${series.label}: ${formatBRL(value)}`}</title>
                </rect>
              ) : null;
            })}
            {i % labelEvery === 0 ? (
              <text x={PAD.left + i * slot + slot / 2} y={HEIGHT - PAD.bottom + 16} textAnchor="middle" fontSize="11" fill="#4d5b68">{formatDate(point.date).slice(0, 5)}</text>
            ) : null}
          </g>
        ))}
      </svg>
      <figcaption className="legend">
        {SERIES.map((series) => (
          <span key={series.key}><i style={{ background: series.color }} aria-hidden="true" /> {series.label}</span>
        ))}
      </figcaption>
      <details>
        <summary>Ver os valores em tabela</summary>
        <div className="table-scroll">
          <table>
            <thead><tr><th>Início</th>{SERIES.map((s) => <th key={s.key} className="num">{s.label}</th>)}</tr></thead>
            <tbody>
              {points.filter((p) => SERIES.some((s) => p[s.key] > 0)).map((point) => (
                <tr key={point.date}><td>{formatDate(point.date)}</td>{SERIES.map((s) => <td key={s.key} className="num money">{formatBRL(point[s.key])}</td>)}</tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { layOutCharts } from '@medpay/web/chart-test-layout';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { AnalyticsLagNotice, CohortHeatmap, GraphUsageTables, PlatformAnalyticsView, retentionShade, type GraphUsageData, type PlatformAnalyticsData } from './platform-analytics';

const analytics: PlatformAnalyticsData = {
  __typename: 'PlatformAnalytics',
  from: '2026-01-01',
  to: '2026-11-29',
  interval: 'MONTH',
  totals: { __typename: 'RevenueFigures', grossCentavos: 300_000_000_000, clinicNetCentavos: 282_000_000_000, platformFeeCentavos: 12_000_000_000, processingCostCentavos: 6_000_000_000, paymentsCount: 1_500_000, averageTicketCentavos: 200_000 },
  takeRate: 0.04,
  series: [{ __typename: 'AnalyticsPoint', periodStart: '2026-11-01', grossCentavos: 300_000_000_000, clinicNetCentavos: 282_000_000_000, platformFeeCentavos: 12_000_000_000, paymentsCount: 1_500_000 }],
  activeClinics: 412,
  activePatients: 98_765,
  newPatients: 12_345,
  byMethod: [{ __typename: 'MethodFigures', method: 'PIX', paymentsCount: 1_500_000, grossCentavos: 300_000_000_000, share: 1 }],
  cohorts: [
    { __typename: 'Cohort', month: '2026-09', patients: 200, retention: [1, 0.35, 0.1] },
    { __typename: 'Cohort', month: '2026-10', patients: 150, retention: [1, 0.2] },
  ],
  declineRate: 0.031,
  afterSale: { __typename: 'AfterSaleFigures', refundedCount: 30, refundedCentavos: 600_000, refundRate: 0.02, disputedCount: 3, disputeRate: 0.002 },
  topClinics: [{ __typename: 'ClinicRanking', clinic: { __typename: 'Clinic', id: 'c1', tradeName: 'Sorriso Paulista' }, paymentsCount: 900, grossCentavos: 180_000_000, platformFeeCentavos: 7_200_000 }],
};

const kpi = (name: string) => document.querySelector(`[data-kpi="${name}"] .big`)!.textContent;

/** WCAG's contrast ratio between two rgb() colors. */
function contrast(a: string, b: string) {
  const luminance = (color: string) => {
    const [r, g, bl] = color.match(/\d+/g)!.map((c) => Number(c) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

describe('the platform’s analytics', () => {
  let restore: () => void;
  beforeAll(() => { restore = layOutCharts(); });
  afterAll(() => restore());

  it('shows GMV, take rate, clinics, patients and the rates', () => {
    render(<PlatformAnalyticsView analytics={analytics} />);
    expect(kpi('gmv')).toBe('R$ 3.000.000.000,00');
    expect(kpi('take-rate')).toBe('4,0 %');
    expect(kpi('active-clinics')).toBe('412');
    expect(kpi('active-patients')).toBe('98.765');
    expect(kpi('new-patients')).toBe('12.345');
    expect(kpi('decline-rate')).toBe('3,1 %');
    expect(kpi('refund-rate')).toBe('2,0 %');
    expect(kpi('dispute-rate')).toBe('0,2 %');
    expect(screen.getByRole('img', { name: /GMV, líquido das clínicas e taxas/ })).toBeTruthy();
    expect(screen.getByRole('table', { name: /GMV, líquido das clínicas e taxas/ }).textContent).toContain('nov/2026R$ 3.000.000.000,00R$ 2.820.000.000,00R$ 120.000.000,001.500.000');
    expect(screen.getByRole('link', { name: 'Sorriso Paulista' }).getAttribute('href')).toBe('/pagamentos?clinica=c1&de=2026-01-01&ate=2026-11-29');
  });

  it('draws cohort retention as a heat map whose cells carry the percentage as text', () => {
    render(<CohortHeatmap cohorts={analytics.cohorts} />);
    const table = screen.getByRole('table', { name: /Retenção por coorte/ });
    const rows = within(table).getAllByRole('row').map((row) => [...row.children].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Coorte', 'Pacientes', 'Mês 0', 'Mês 1', 'Mês 2'],
      ['set/2026', '200', '100,0 %', '35,0 %', '10,0 %'],
      ['out/2026', '150', '100,0 %', '20,0 %', 'sem dados'],
    ]);
    const cell = within(table).getByText('35,0 %');
    expect(cell.style.background).toBe(retentionShade(0.35));
    // darker for more retention, and the ink (#14202b) stays readable on the darkest cell
    expect(retentionShade(0)).toBe('rgb(241, 248, 245)');
    expect(retentionShade(1)).toBe('rgb(63, 154, 120)');
    expect(contrast(retentionShade(1), 'rgb(20, 32, 43)')).toBeGreaterThanOrEqual(4.5);
  });

  it('says how far analytics is behind the events', () => {
    const { rerender } = render(<AnalyticsLagNotice lag={{ __typename: 'AnalyticsLag', seconds: 0, pending: 0 }} />);
    expect(screen.getByRole('status').textContent).toBe('Análises em dia com os eventos');
    rerender(<AnalyticsLagNotice lag={{ __typename: 'AnalyticsLag', seconds: 200, pending: 12 }} />);
    expect(screen.getByRole('status').textContent).toBe('Análises 3 min 20 s atrás · 12 eventos pendentes');
  });

  it('lists operations and fields by client, filtered by one client', () => {
    const usage: GraphUsageData = {
      __typename: 'GraphUsage',
      from: '2026-11-01',
      to: '2026-11-29',
      operations: [
        { __typename: 'OperationUsage', clientName: 'provider-app', clientVersion: '0.1.0', operationName: 'ClinicBalance', documentHash: 'ab12cd34ef56', callerKind: 'user', count: 500, errorCount: 5, p50Ms: 12.34, p95Ms: 1250 },
        { __typename: 'OperationUsage', clientName: 'admin-app', clientVersion: '0.1.0', operationName: '', documentHash: '99887766aa', callerKind: 'admin', count: 3, errorCount: 0, p50Ms: 40, p95Ms: 80 },
      ],
      fields: [
        { __typename: 'FieldUsage', clientName: 'provider-app', field: 'Clinic.balance', count: 500 },
        { __typename: 'FieldUsage', clientName: 'admin-app', field: 'Query.platformAnalytics', count: 3 },
      ],
    };
    render(<GraphUsageTables usage={usage} />);
    const operations = screen.getByTestId('usage-operations');
    const cells = (table: HTMLElement) => within(table).getAllByRole('row').slice(1).map((row) => [...row.children].map((cell) => cell.textContent));
    expect(cells(operations)).toEqual([
      ['admin-app 0.1.0', '(sem nome) #99887766', 'Admin', '3', '0', '40 ms', '80 ms'],
      ['provider-app 0.1.0', 'ClinicBalance #ab12cd34', 'Usuário', '500', '5 (1,0 %)', '12,3 ms', '1,25 s'],
    ]);
    fireEvent.change(screen.getByLabelText('Cliente'), { target: { value: 'provider-app' } });
    expect(cells(screen.getByTestId('usage-operations'))).toHaveLength(1);
    expect(cells(screen.getByTestId('usage-fields'))).toEqual([['provider-app', 'Clinic.balance', '500']]);
  });
});

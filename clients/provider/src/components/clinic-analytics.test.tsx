import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { layOutCharts } from '@medpay/web/chart-test-layout';
import { render, screen, within } from '@testing-library/react';
import { ClinicAnalyticsView, type ClinicAnalyticsData } from './clinic-analytics';

const analytics: ClinicAnalyticsData = {
  __typename: 'ClinicAnalytics',
  from: '2026-10-31',
  to: '2026-11-29',
  interval: 'DAY',
  totals: { __typename: 'RevenueFigures', grossCentavos: 1_234_567, clinicNetCentavos: 1_150_101, platformFeeCentavos: 49_383, processingCostCentavos: 35_083, paymentsCount: 7, averageTicketCentavos: 176_367 },
  series: [
    { __typename: 'AnalyticsPoint', periodStart: '2026-11-28', grossCentavos: 1_000_000, clinicNetCentavos: 930_000, paymentsCount: 5 },
    { __typename: 'AnalyticsPoint', periodStart: '2026-11-29', grossCentavos: 234_567, clinicNetCentavos: 220_101, paymentsCount: 2 },
  ],
  byMethod: [
    { __typename: 'MethodFigures', method: 'PIX', paymentsCount: 5, grossCentavos: 900_000, share: 0.729 },
    { __typename: 'MethodFigures', method: 'CARD_INSTALLMENTS', paymentsCount: 2, grossCentavos: 334_567, share: 0.271 },
  ],
  funnel: { __typename: 'Funnel', plansSimulated: 40, checkouts: 10, paid: 7, released: 3, checkoutRate: 0.25, paymentRate: 0.7, releaseRate: 3 / 7 },
  topProcedures: [
    { __typename: 'ProcedureFigures', procedure: { __typename: 'Procedure', id: 'p1', name: 'Clareamento dental' }, category: 'Odontologia', paymentsCount: 4, grossCentavos: 1_000_000 },
    { __typename: 'ProcedureFigures', procedure: { __typename: 'Procedure', id: 'p2', name: 'Limpeza' }, category: 'Odontologia', paymentsCount: 3, grossCentavos: 234_567 },
  ],
  afterSale: { __typename: 'AfterSaleFigures', refundedCount: 1, refundedCentavos: 5_000, refundRate: 1 / 7, disputedCount: 0, disputeRate: 0 },
  crediario: { __typename: 'CrediarioFigures', installmentsDue: 20, overdue30: 3, overdue90: 1, overdueRate: 0.15, defaultRate: 0.05 },
};

const kpi = (name: string) => document.querySelector(`[data-kpi="${name}"] .big`)!.textContent;

describe('the clinic’s analytics', () => {
  let restore: () => void;
  beforeAll(() => { restore = layOutCharts(); });
  afterAll(() => restore());

  it('shows the key figures in reais and rates as percentages', () => {
    render(<ClinicAnalyticsView analytics={analytics} />);
    expect(kpi('gross')).toBe('R$ 12.345,67');
    expect(kpi('net')).toBe('R$ 11.501,01');
    expect(kpi('ticket')).toBe('R$ 1.763,67');
    expect(kpi('refund-rate')).toBe('14,3 %');
    expect(kpi('dispute-rate')).toBe('0,0 %');
    expect(screen.getByText('7 pagamentos pagos')).toBeTruthy();
    expect(screen.getByText('Taxas: R$ 844,66')).toBeTruthy();
    expect(screen.getByText('1 reembolsado · R$ 50,00')).toBeTruthy();
    expect(screen.getByText('0 contestados')).toBeTruthy();
    expect(screen.getByTestId('crediario-overdue').textContent).toBe('3 (15,0 %)');
    expect(screen.getByTestId('crediario-default').textContent).toBe('1 (5,0 %)');
  });

  it('names every chart and gives each a table with the same figures', () => {
    render(<ClinicAnalyticsView analytics={analytics} />);
    for (const title of ['Receita bruta e líquido da clínica de 31/10/2026 a 29/11/2026', 'Funil de conversão de 31/10/2026 a 29/11/2026', 'Formas de pagamento de 31/10/2026 a 29/11/2026']) {
      expect(screen.getByRole('img', { name: title })).toBeTruthy();
      expect(screen.getByRole('table', { name: title })).toBeTruthy();
    }
    const funnel = screen.getByRole('table', { name: /Funil de conversão/ });
    expect(within(funnel).getByRole('row', { name: /Liberados/ }).textContent).toBe('Liberados342,9 %');
    const series = screen.getByRole('table', { name: /Receita bruta e líquido/ });
    expect(within(series).getByRole('row', { name: /29\/11\/2026/ }).textContent).toBe('29/11/2026R$ 2.345,67R$ 2.201,012');
  });

  it('lists the top procedures by name from the catalog, with their share of the revenue', () => {
    render(<ClinicAnalyticsView analytics={analytics} />);
    const row = screen.getByRole('row', { name: /Clareamento dental/ });
    expect([...row.children].map((cell) => cell.textContent)).toEqual(['Clareamento dental', 'Odontologia', '4', 'R$ 10.000,00', '81,0 %']);
  });
});

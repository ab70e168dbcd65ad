import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { render, screen, within } from '@testing-library/react';
import { layOutCharts } from './chart-test-layout';
import { FunnelChart, MethodMixChart, MoneySeriesChart } from './charts';

// Each chart is one image with a name; the same figures are in a table under "Ver tabela".
const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').map((row) => [...row.children].map((cell) => cell.textContent));

describe('charts and their table fallbacks', () => {
  let restore: () => void;
  beforeAll(() => { restore = layOutCharts(); });
  afterAll(() => restore());

  it('draws money over time as a named image and lists every period in BRL', () => {
    render(
      <MoneySeriesChart
        title="Receita por semana"
        interval="WEEK"
        points={[
          { periodStart: '2026-11-16', grossCentavos: 3_000_000_000, clinicNetCentavos: 2_850_000_000, paymentsCount: 1200 },
          { periodStart: '2026-11-23', grossCentavos: 0, clinicNetCentavos: 0, paymentsCount: 0 },
        ]}
        series={[{ key: 'grossCentavos', label: 'Receita bruta', color: '#1f5fa8' }, { key: 'clinicNetCentavos', label: 'Líquido da clínica', color: '#0b6e4f' }]}
      />,
    );
    const chart = screen.getByRole('img', { name: 'Receita por semana' });
    expect(chart.querySelectorAll('.recharts-line').length).toBe(2);
    expect(screen.getByText('Ver tabela')).toBeTruthy();
    expect(rowsOf(screen.getByRole('table', { name: 'Receita por semana' }))).toEqual([
      ['Período', 'Receita bruta', 'Líquido da clínica', 'Pagamentos'],
      ['Semana de 16/11/2026', 'R$ 30.000.000,00', 'R$ 28.500.000,00', '1.200'],
      ['Semana de 23/11/2026', 'R$ 0,00', 'R$ 0,00', '0'],
    ]);
    // the legend names the lines
    expect(screen.getAllByText('Receita bruta').length).toBeGreaterThan(1);
  });

  it('shows all five methods in a fixed order, with zero for the ones not used', () => {
    render(
      <MethodMixChart
        title="Formas de pagamento"
        methods={[
          { method: 'CREDIARIO', paymentsCount: 1, grossCentavos: 250_000, share: 0.25 },
          { method: 'PIX', paymentsCount: 3, grossCentavos: 750_000, share: 0.75 },
        ]}
      />,
    );
    expect(screen.getByRole('img', { name: 'Formas de pagamento' })).toBeTruthy();
    expect(rowsOf(screen.getByRole('table', { name: 'Formas de pagamento' }))).toEqual([
      ['Forma de pagamento', 'Pagamentos', 'Valor bruto', 'Participação'],
      ['PIX', '3', 'R$ 7.500,00', '75,0 %'],
      ['Boleto', '0', 'R$ 0,00', '0,0 %'],
      ['Cartão à vista', '0', 'R$ 0,00', '0,0 %'],
      ['Cartão parcelado', '0', 'R$ 0,00', '0,0 %'],
      ['Crediário', '1', 'R$ 2.500,00', '25,0 %'],
    ]);
  });

  it('draws the funnel with each step’s conversion from the step before', () => {
    render(
      <FunnelChart
        title="Funil"
        steps={[
          { label: 'Simulações', count: 1000 },
          { label: 'Checkouts', count: 250, rate: 0.25 },
          { label: 'Pagos', count: 200, rate: 0.8 },
          { label: 'Liberados', count: 150, rate: 0.75 },
        ]}
      />,
    );
    const chart = screen.getByRole('img', { name: 'Funil' });
    expect(chart.textContent!.replace(/\u00a0/g, ' ')).toContain('250 (25,0 %)');
    expect(rowsOf(screen.getByRole('table', { name: 'Funil' }))).toEqual([
      ['Etapa', 'Quantidade', 'Conversão da etapa anterior'],
      ['Simulações', '1.000', '—'],
      ['Checkouts', '250', '25,0 %'],
      ['Pagos', '200', '80,0 %'],
      ['Liberados', '150', '75,0 %'],
    ]);
  });
});

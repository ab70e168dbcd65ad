import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { layOutCharts } from '@medpay/web/chart-test-layout';
import { render, screen } from '@testing-library/react';
import { ReceivablesChart } from './receivables-chart';

describe('ReceivablesChart', () => {
  let restore: () => void;
  beforeAll(() => { restore = layOutCharts(); });
  afterAll(() => restore());

  it('draws one bar per non-zero figure on a round axis, and lists the same figures in a table', () => {
    render(
      <ReceivablesChart
        title="Recebíveis por dia"
        points={[
          { date: '2026-11-29', releasedCentavos: 115_101, paidOutCentavos: 115_101, expectedCentavos: 0 },
          { date: '2026-11-30', releasedCentavos: 0, paidOutCentavos: 0, expectedCentavos: 0 },
          { date: '2026-12-29', releasedCentavos: 0, paidOutCentavos: 0, expectedCentavos: 230_202 },
        ]}
      />,
    );
    expect(screen.getByRole('img', { name: 'Recebíveis por dia' })).toBeTruthy();
    // Each bar is a rect titled with its figure (Recharts' clip paths and grid are rects without one).
    const bars = [...document.querySelectorAll('rect > title')].map((title) => title.textContent);
    expect(bars).toEqual(['29/11/2026 · Liberado: R$ 1.151,01', '29/11/2026 · Repassado: R$ 1.151,01', '29/12/2026 · Previsto (em garantia): R$ 2.302,02']);
    expect(screen.getByText('R$ 5.000,00')).toBeTruthy(); // the axis rounds 2.302,02 up to 5.000
    expect(screen.getAllByRole('row')).toHaveLength(3); // header + the two dates with money
  });
});

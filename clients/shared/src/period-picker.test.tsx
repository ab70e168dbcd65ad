import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, render, screen } from '@testing-library/react';
import type { AnalyticsPeriod } from './analytics';
import { PeriodPicker } from './period-picker';

const today = '2026-11-29';
const start: AnalyticsPeriod = { preset: 'LAST_30_DAYS', from: '2026-10-31', to: today, interval: 'DAY' };

function renderPicker() {
  const onChange = jest.fn<(period: AnalyticsPeriod) => void>();
  render(<PeriodPicker value={start} onChange={onChange} today={today} />);
  return onChange;
}

describe('PeriodPicker', () => {
  it('offers the presets, and a preset fills in its dates and a fitting grouping', () => {
    const onChange = renderPicker();
    const preset = screen.getByLabelText('Período');
    expect([...preset.querySelectorAll('option')].map((option) => option.textContent)).toEqual(['Últimos 30 dias', 'Últimos 90 dias', 'Este ano', 'Personalizado']);
    fireEvent.change(preset, { target: { value: 'THIS_YEAR' } });
    expect(screen.getByLabelText<HTMLInputElement>('De').value).toBe('2026-01-01');
    expect(screen.getByLabelText<HTMLSelectElement>('Agrupar por').value).toBe('MONTH');
    expect(onChange).not.toHaveBeenCalled(); // nothing is asked until "Aplicar"
    fireEvent.click(screen.getByRole('button', { name: 'Aplicar' }));
    expect(onChange).toHaveBeenCalledWith({ preset: 'THIS_YEAR', from: '2026-01-01', to: today, interval: 'MONTH' });
  });

  it('makes typed dates a custom period and refuses one longer than 366 days, in Portuguese', () => {
    const onChange = renderPicker();
    fireEvent.change(screen.getByLabelText('De'), { target: { value: '2025-01-01' } });
    expect(screen.getByLabelText<HTMLSelectElement>('Período').value).toBe('CUSTOM');
    fireEvent.change(screen.getByLabelText('Até'), { target: { value: '2026-01-02' } });
    fireEvent.click(screen.getByRole('button', { name: 'Aplicar' }));
    expect(screen.getByRole('alert').textContent).toBe('O período pode ter no máximo 366 dias; o escolhido tem 367.');
    expect(screen.getByLabelText('De').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('De').getAttribute('aria-describedby')).toBe(screen.getByRole('alert').id);
    expect(onChange).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText('Até'), { target: { value: '2025-12-31' } });
    fireEvent.change(screen.getByLabelText('Agrupar por'), { target: { value: 'WEEK' } });
    fireEvent.click(screen.getByRole('button', { name: 'Aplicar' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(onChange).toHaveBeenCalledWith({ preset: 'CUSTOM', from: '2025-01-01', to: '2025-12-31', interval: 'WEEK' });
  });

  it('refuses a period that ends before it starts', () => {
    const onChange = renderPicker();
    fireEvent.change(screen.getByLabelText('De'), { target: { value: '2026-12-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Aplicar' }));
    expect(screen.getByRole('alert').textContent).toBe('A data inicial deve ser anterior ou igual à data final.');
    expect(onChange).not.toHaveBeenCalled();
  });
});

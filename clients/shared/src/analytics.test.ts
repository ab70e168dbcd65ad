import { describe, expect, it } from '@jest/globals';
import {
  analyticsMethodLabel, countOf, defaultPeriod, formatCentavos, formatCentavosCompact, formatLag, formatMilliseconds, formatMonth,
  formatPeriodStart, formatPeriodTick, formatShare, periodDays, periodError, presetRange,
} from './analytics';

describe('the analytics period', () => {
  const today = '2026-11-29';

  it('reads the presets as of today in São Paulo, both ends included', () => {
    expect(presetRange('LAST_30_DAYS', today)).toEqual({ from: '2026-10-31', to: today });
    expect(presetRange('LAST_90_DAYS', today)).toEqual({ from: '2026-09-01', to: today });
    expect(presetRange('THIS_YEAR', today)).toEqual({ from: '2026-01-01', to: today });
    expect(periodDays('2026-10-31', today)).toBe(30);
    expect(periodDays('2026-09-01', today)).toBe(90);
    expect(defaultPeriod(today)).toEqual({ preset: 'LAST_30_DAYS', from: '2026-10-31', to: today, interval: 'DAY' });
  });

  it('takes up to 366 days, and says in Portuguese why a period cannot be asked for', () => {
    expect(periodError({ from: '2024-01-01', to: '2024-12-31' })).toBeNull(); // a leap year: 366 days
    expect(periodError({ from: '2026-11-29', to: '2026-11-29' })).toBeNull();
    expect(periodError({ from: '2025-01-01', to: '2026-01-02' })).toBe('O período pode ter no máximo 366 dias; o escolhido tem 367.');
    expect(periodError({ from: '2026-11-30', to: '2026-11-29' })).toBe('A data inicial deve ser anterior ou igual à data final.');
    expect(periodError({ from: '', to: '2026-11-29' })).toBe('Informe a data inicial e a data final.');
    expect(periodError({ from: '2026-02-30', to: '2026-03-01' })).toBe('Informe datas válidas (dd/mm/aaaa).');
    expect(periodError({ from: '2020-01-01', to: '2026-01-01' })).toBe('O período pode ter no máximo 366 dias; o escolhido tem 2.193.');
  });
});

describe('how the analytics screens write their figures', () => {
  it('writes centavos (whole numbers typed Float) with the one BRL formatter', () => {
    expect(formatCentavos(123_456)).toBe('R$ 1.234,56');
    expect(formatCentavos(3_000_000_000)).toBe('R$ 30.000.000,00'); // past Int's 2^31
    expect(formatCentavos(0)).toBe('R$ 0,00');
    expect(formatCentavos(99.6)).toBe('R$ 1,00');
  });

  it('shortens amounts on chart axes', () => {
    expect(formatCentavosCompact(123_456)).toBe('R$ 1,2 mil');
    expect(formatCentavosCompact(350_000_000)).toBe('R$ 3,5 mi');
    expect(formatCentavosCompact(0)).toBe('R$ 0');
  });

  it('writes rates as percentages with one decimal and a decimal comma', () => {
    expect(formatShare(0.1234)).toBe('12,3 %');
    expect(formatShare(1)).toBe('100,0 %');
    expect(formatShare(0)).toBe('0,0 %');
  });

  it('labels periods by day, week and month, and the five methods', () => {
    expect(formatPeriodStart('2026-11-23', 'DAY')).toBe('23/11/2026');
    expect(formatPeriodStart('2026-11-23', 'WEEK')).toBe('Semana de 23/11/2026');
    expect(formatPeriodStart('2026-11-01', 'MONTH')).toBe('nov/2026');
    expect(formatPeriodTick('2026-11-23', 'WEEK')).toBe('23/11');
    expect(formatPeriodTick('2026-01-01', 'MONTH')).toBe('jan/2026');
    expect(formatMonth('2026-03')).toBe('mar/2026');
    expect(Object.values(analyticsMethodLabel)).toEqual(['PIX', 'Boleto', 'Cartão à vista', 'Cartão parcelado', 'Crediário']);
  });

  it('agrees the word with the count', () => {
    expect(countOf(1, 'reembolsado', 'reembolsados')).toBe('1 reembolsado');
    expect(countOf(0, 'reembolsado', 'reembolsados')).toBe('0 reembolsados');
    expect(countOf(1200, 'pagamento pago', 'pagamentos pagos')).toBe('1.200 pagamentos pagos');
  });

  it('writes response times and the analytics lag', () => {
    expect(formatMilliseconds(12.345)).toBe('12,3 ms');
    expect(formatMilliseconds(1250)).toBe('1,25 s');
    expect(formatLag(0)).toBe('em dia');
    expect(formatLag(45.4)).toBe('45 s');
    expect(formatLag(200)).toBe('3 min 20 s');
    expect(formatLag(7500)).toBe('2 h 5 min');
  });
});

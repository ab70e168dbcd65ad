'use client';
// The period of an analytics screen: a preset (últimos 30/90 dias, este ano) or custom dates (typing a
// date makes the period custom), and how to group the series. A period reaches the screen, and so the
// graph, only when it is valid: both dates, in order, at most 366 days.
import { useId, useState, type FormEvent } from 'react';
import { intervalLabel, periodError, presetLabel, presetRange, suggestedInterval, type AnalyticsPeriod, type PeriodPreset } from './analytics';
import { todayInSaoPaulo } from './format';
import type { AnalyticsInterval } from './graphql/graphql';

const PRESETS = Object.keys(presetLabel) as PeriodPreset[];
const INTERVALS = Object.keys(intervalLabel) as AnalyticsInterval[];

export function PeriodPicker({ value, onChange, today = todayInSaoPaulo() }: { value: AnalyticsPeriod; onChange(period: AnalyticsPeriod): void; today?: string }) {
  const id = useId();
  const [form, setForm] = useState(value);
  const [error, setError] = useState<string | null>(null);

  const choosePreset = (preset: PeriodPreset) => {
    setError(null);
    setForm(preset === 'CUSTOM' ? { ...form, preset } : { preset, ...presetRange(preset, today), interval: suggestedInterval[preset] });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = periodError(form);
    setError(problem);
    if (!problem) onChange(form);
  };
  const errorId = `${id}-error`;
  return (
    <form className="card period-picker" onSubmit={submit} aria-label="Período da análise" noValidate>
      <div>
        <label htmlFor={`${id}-preset`}>Período</label>
        <select id={`${id}-preset`} value={form.preset} onChange={(event) => choosePreset(event.target.value as PeriodPreset)}>
          {PRESETS.map((preset) => <option key={preset} value={preset}>{presetLabel[preset]}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-from`}>De</label>
        <input
          id={`${id}-from`}
          type="date"
          value={form.from}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => setForm({ ...form, preset: 'CUSTOM', from: event.target.value })}
        />
      </div>
      <div>
        <label htmlFor={`${id}-to`}>Até</label>
        <input
          id={`${id}-to`}
          type="date"
          value={form.to}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => setForm({ ...form, preset: 'CUSTOM', to: event.target.value })}
        />
      </div>
      <div>
        <label htmlFor={`${id}-interval`}>Agrupar por</label>
        <select id={`${id}-interval`} value={form.interval} onChange={(event) => setForm({ ...form, interval: event.target.value as AnalyticsInterval })}>
          {INTERVALS.map((interval) => <option key={interval} value={interval}>{intervalLabel[interval]}</option>)}
        </select>
      </div>
      <div className="filter-actions">
        <button type="submit" className="button">Aplicar</button>
      </div>
      {error ? <p id={errorId} role="alert" className="field-error period-error">{error}</p> : <p className="hint period-error">Até 366 dias. Datas no horário de Brasília.</p>}
    </form>
  );
}

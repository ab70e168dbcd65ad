'use client';
// An amount typed as people write it in Brazil (1.234,56 or 1234,5 or 1234), kept in centavos.
import { parseBRL } from './format';
import { useId } from 'react';

/** '1.234,56' or 'R$ 1.234,56' → 123456; null when it is not a positive amount. */
export function parseAmount(text: string): number | null {
  try {
    const centavos = parseBRL(text);
    return centavos > 0 ? centavos : null;
  } catch {
    return null;
  }
}

export const centavosToInput = (centavos: number) => `${Math.floor(centavos / 100)},${String(centavos % 100).padStart(2, '0')}`;

export function MoneyInput({ label, value, onChange, hint, error, id }: { label: string; value: string; onChange: (value: string) => void; hint?: string; error?: string | null; id?: string }) {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <>
      <label htmlFor={inputId}>{label}</label>
      <div className="money-input">
        <span aria-hidden="true">R$</span>
        <input
          id={inputId}
          inputMode="decimal"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={[hint ? `${inputId}-hint` : '', error ? `${inputId}-error` : ''].join(' ').trim() || undefined}
        />
      </div>
      {hint ? <p className="hint" id={`${inputId}-hint`}>{hint}</p> : null}
      {error ? <p className="field-error" id={`${inputId}-error`}>{error}</p> : null}
    </>
  );
}

'use client';
// A CPF input that masks as you type (000.000.000-00) and checks the check digits before the server does.
import { isValidCpf } from '@medpay/br-documents';
import { maskCpfInput } from '@medpay/web/format';
import { useId, useState } from 'react';

/** The message for a CPF as typed, or null when it is complete and valid. */
export function cpfProblem(text: string): string | null {
  const digits = text.replace(/\D/g, '');
  if (!digits) return 'Informe seu CPF.';
  if (digits.length < 11) return 'O CPF tem 11 dígitos.';
  return isValidCpf(digits) ? null : 'CPF inválido: confira os números.';
}

export function CpfField({ value, onChange, serverError }: { value: string; onChange(value: string): void; serverError?: string }) {
  const id = useId();
  const [touched, setTouched] = useState(false);
  const problem = serverError ?? (touched ? cpfProblem(value) : null);
  return (
    <div>
      <label htmlFor={id}>CPF</label>
      <input
        id={id}
        name="cpf"
        inputMode="numeric"
        autoComplete="off"
        placeholder="000.000.000-00"
        value={value}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-error` : undefined}
        onChange={(event) => onChange(maskCpfInput(event.target.value))}
        onBlur={() => setTouched(true)}
      />
      {problem ? <p id={`${id}-error`} className="field-error">{problem}</p> : null}
    </div>
  );
}

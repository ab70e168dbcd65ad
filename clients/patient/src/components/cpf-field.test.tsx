import { describe, expect, it } from '@jest/globals';
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { maskCpfInput } from '@medpay/web/format';
import { CpfField, cpfProblem } from './cpf-field';

function Form({ serverError }: { serverError?: string }) {
  const [value, setValue] = useState('');
  return <CpfField value={value} onChange={setValue} serverError={serverError} />;
}

describe('CPF field', () => {
  it('masks the digits as they are typed and drops anything else', () => {
    expect(maskCpfInput('529')).toBe('529');
    expect(maskCpfInput('5299')).toBe('529.9');
    expect(maskCpfInput('5299822')).toBe('529.982.2');
    expect(maskCpfInput('52998224725')).toBe('529.982.247-25');
    expect(maskCpfInput('529.982.247-25999')).toBe('529.982.247-25');
    expect(maskCpfInput('abc')).toBe('');
  });

  it('checks the check digits', () => {
    expect(cpfProblem('529.982.247-25')).toBeNull();
    expect(cpfProblem('529.982.247-24')).toBe('CPF inválido: confira os números.');
    expect(cpfProblem('111.111.111-11')).toBe('CPF inválido: confira os números.');
    expect(cpfProblem('529.982')).toBe('O CPF tem 11 dígitos.');
    expect(cpfProblem('')).toBe('Informe seu CPF.');
  });

  it('shows the problem once the field is left, tied to the input for screen readers', () => {
    render(<Form />);
    const input = screen.getByLabelText('CPF');
    fireEvent.change(input, { target: { value: '52998224724' } });
    expect(screen.queryByText('CPF inválido: confira os números.')).toBeNull();
    fireEvent.blur(input);
    const error = screen.getByText('CPF inválido: confira os números.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe(error.id);
    fireEvent.change(input, { target: { value: '52998224725' } });
    expect((input as HTMLInputElement).value).toBe('529.982.247-25');
    expect(screen.queryByText(/CPF inválido/)).toBeNull();
  });

  it('shows the server\'s verdict in place', () => {
    render(<Form serverError="Este CPF já tem cadastro." />);
    expect(screen.getByText('Este CPF já tem cadastro.')).toBeTruthy();
  });
});

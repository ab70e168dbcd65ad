import { describe, expect, it } from '@jest/globals';
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { centavosToInput, MoneyInput, parseAmount } from './money-input';

describe('amounts typed the Brazilian way', () => {
  it('reads 1.234,56 and friends into centavos; anything else, zero or negative is not an amount', () => {
    expect(parseAmount('1.234,56')).toBe(123_456);
    expect(parseAmount('R$ 1.200,00')).toBe(120_000);
    expect(parseAmount('1234,5')).toBe(123_450);
    expect(parseAmount('10')).toBe(1_000);
    for (const text of ['', 'abc', '1.23', '0', '0,00', '-5,00']) expect(parseAmount(text)).toBeNull();
    expect(centavosToInput(120_000)).toBe('1200,00');
    expect(parseAmount(centavosToInput(99_907))).toBe(99_907);
  });

  it('is a labelled field that announces its error', () => {
    function Field() {
      const [value, setValue] = useState('');
      return <MoneyInput label="Valor do reembolso" value={value} onChange={setValue} error={value && parseAmount(value) === null ? 'Valor inválido.' : null} hint="Até R$ 1.200,00." />;
    }
    render(<Field />);
    const input = screen.getByLabelText('Valor do reembolso');
    fireEvent.change(input, { target: { value: '12,3,4' } });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Valor inválido.').id).toBe(input.getAttribute('aria-describedby')!.split(' ')[1]);
  });
});

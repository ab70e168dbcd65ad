import { describe, expect, it } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import { CpfCheckStatus } from './cpf-check';

describe('the CPF check in "Meus dados"', () => {
  it('a confirmed CPF says when the Receita Federal answered', () => {
    render(<CpfCheckStatus cpfMasked="***.982.247-**" check={{ status: 'REGULAR', checkedAt: '2026-12-01T13:00:00.000Z', opensCredit: true }} />);
    expect(screen.getByText(/CPF confirmado/).textContent).toBe('CPF confirmado na Receita Federal em 01/12/2026 às 10:00.');
    expect(screen.queryByText(/mais de 30 dias/)).toBeNull();
  });

  it('a CPF still being checked keeps crediário waiting, and says so', () => {
    render(<CpfCheckStatus check={{ status: 'UNVERIFIED', checkedAt: null, opensCredit: false }} />);
    expect(screen.getByText(/em verificação/).textContent).toBe('CPF em verificação na Receita Federal: o crediário fica disponível quando a consulta terminar.');
  });

  it('an irregular CPF names its situation', () => {
    render(<CpfCheckStatus check={{ status: 'SUSPENSA', checkedAt: '2026-12-01T13:00:00.000Z', opensCredit: false }} />);
    expect(screen.getByText(/Situação do CPF/).textContent).toContain('Suspensa');
  });

  it('shows nothing for an account without a CPF', () => {
    const { container } = render(<CpfCheckStatus check={null} />);
    expect(container.textContent).toBe('');
  });
});

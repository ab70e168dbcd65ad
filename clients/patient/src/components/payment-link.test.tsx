import { describe, expect, it } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import { PaymentLinkSummary, type PaymentLinkView } from './payment-link';

const link = (overrides: Partial<PaymentLinkView> = {}): PaymentLinkView => ({
  __typename: 'PaymentLinkView',
  token: 'tok123',
  status: 'ACTIVE',
  expiresAt: '2026-12-20T02:59:00.000Z',
  patientFirstName: 'Paula',
  procedure: { __typename: 'Procedure', id: 'p1', name: 'Clareamento dental', priceCentavos: 120000 },
  clinic: { __typename: 'Clinic', id: 'c1', tradeName: 'Sorriso Paulista', address: { __typename: 'Address', city: 'São Paulo', state: 'SP' } },
  ...overrides,
});

describe('a payment link as the patient opens it', () => {
  it('greets the patient with the procedure, the clinic, the price and the deadline', () => {
    render(<PaymentLinkSummary link={link()}><button type="button">Pagar</button></PaymentLinkSummary>);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Olá, Paula!');
    const card = screen.getByRole('region');
    expect(card.textContent).toContain('Sorriso Paulista enviou este link');
    expect(card.textContent).toContain('Clareamento dental');
    expect(card.textContent).toMatch(/R\$\s1\.200,00/);
    expect(card.textContent).toContain('link válido até 19/12/2026 às 23:59');
    expect(screen.getByRole('button', { name: 'Pagar' })).toBeTruthy();
  });

  it('explains why a link cannot be paid, without the button', () => {
    const cases: [PaymentLinkView | null, string, RegExp][] = [
      [null, 'Link inválido', /não existe/],
      [link({ status: 'EXPIRED' }), 'Link expirado', /expirou em 19\/12\/2026 às 23:59/],
      [link({ status: 'USED' }), 'Link já utilizado', /já foi usado/],
      [link({ status: 'CANCELED' }), 'Link cancelado', /cancelou este link/],
    ];
    for (const [value, title, text] of cases) {
      const { unmount } = render(<PaymentLinkSummary link={value}><button type="button">Pagar</button></PaymentLinkSummary>);
      expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(title);
      expect(screen.getByText(text)).toBeTruthy();
      expect(screen.queryByRole('button', { name: 'Pagar' })).toBeNull();
      unmount();
    }
  });
});

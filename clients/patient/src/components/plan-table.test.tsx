import { describe, expect, it } from '@jest/globals';
import { fireEvent, render, screen, within } from '@testing-library/react';
import type { PlanFieldsFragment } from '@medpay/web/types';
import { PlanTable } from './plan-table';

const plan = (id: string, kind: PlanFieldsFragment['kind'], count: number, installment: number, total: number, cet: number, methods: PlanFieldsFragment['methods'] = ['PIX']): PlanFieldsFragment => ({ __typename: 'PaymentPlan',
  id, kind, methods, installmentCount: count, firstDueDate: kind === 'A_VISTA' ? '2026-12-04' : '2026-12-15', firstInstallmentCentavos: installment, installmentCentavos: installment, totalCentavos: total,
  interestFree: cet === 0, monthlyInterestRate: 0, iofCentavos: 0, cetAnnualRate: cet, contractTerms: null, contractTermsHash: null,
});

const plans = [
  plan('PIX', 'A_VISTA', 1, 120_000, 120_000, 0),
  plan('BOLETO', 'A_VISTA', 1, 120_000, 120_000, 0, ['BOLETO']),
  plan('CARD:2', 'CARD_INSTALLMENTS', 2, 60_000, 120_000, 0, ['CARD']),
  plan('CARD:6', 'CARD_INSTALLMENTS', 6, 20_000, 120_000, 0, ['CARD']),
  plan('CARD:12', 'CARD_INSTALLMENTS', 12, 12_048, 144_576, 0.4173, ['CARD']),
  plan('CREDIARIO:12', 'CREDIARIO', 12, 11_919, 143_033, 0.4530, ['PIX', 'BOLETO']),
  plan('CREDIARIO:24', 'CREDIARIO', 24, 6_892, 165_391, 0.4132, ['PIX', 'BOLETO']),
];

const column = (kind: string) => document.querySelector<HTMLElement>(`[data-kind="${kind}"]`)!;

describe('PlanTable (the plan simulator)', () => {
  it('calls out the cheapest total and the lowest installment across every plan', () => {
    render(<PlanTable plans={plans} checkoutHref={(p) => `/pagar?plano=${p.id}`} />);
    expect(document.querySelector('[data-highlight="cheapest-total"]')!.textContent).toBe('Menor total À vista no PIX: R$ 1.200,00');
    expect(document.querySelector('[data-highlight="lowest-installment"]')!.textContent).toBe('Menor parcela Crediário MedPay em 24×: 24× R$ 68,92');
  });

  it('shows à vista, card and crediário side by side, each on a sensible default', () => {
    render(<PlanTable plans={plans} checkoutHref={(p) => `/pagar?plano=${p.id}`} />);
    const figures = (kind: string) => ['installment', 'total', 'cet'].map((field) => column(kind).querySelector(`[data-field="${field}"]`)!.textContent);
    expect(figures('A_VISTA')).toEqual(['1× R$ 1.200,00', 'R$ 1.200,00', '0,00 %']);
    // the longest interest-free card plan, and crediário in 12×
    expect(figures('CARD_INSTALLMENTS')).toEqual(['6× R$ 200,00', 'R$ 1.200,00', '0,00 %']);
    expect(figures('CREDIARIO')).toEqual(['12× R$ 119,19', 'R$ 1.430,33', '45,30 %']);
    expect(column('CREDIARIO').querySelector('[data-field="first-due-date"]')!.textContent).toBe('1ª parcela em 15/12/2026');
    expect(column('A_VISTA').querySelector('[data-field="first-due-date"]')).toBeNull();
    expect(within(column('A_VISTA')).getByText('Menor total')).toBeTruthy();
    expect(within(column('CREDIARIO')).queryByText('Menor parcela')).toBeNull();
    expect(within(column('CREDIARIO')).getByRole('link').getAttribute('href')).toBe('/pagar?plano=CREDIARIO:12');
  });

  it('updates a column when another installment count is chosen', () => {
    render(<PlanTable plans={plans} checkoutHref={(p) => `/pagar?plano=${p.id}`} />);
    fireEvent.change(within(column('CREDIARIO')).getByLabelText('Número de parcelas'), { target: { value: 'CREDIARIO:24' } });
    expect(column('CREDIARIO').querySelector('[data-field="total"]')!.textContent).toBe('R$ 1.653,91');
    expect(within(column('CREDIARIO')).getByText('Menor parcela')).toBeTruthy();
    expect(within(column('CREDIARIO')).getByRole('link').getAttribute('href')).toBe('/pagar?plano=CREDIARIO:24');
    expect(screen.getAllByRole('link')).toHaveLength(3);
  });
});

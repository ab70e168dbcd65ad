import { describe, expect, it, jest } from '@jest/globals';
import type { PaymentLinkFieldsFragment } from '@medpay/web/types';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { maskCpfInput } from '@medpay/web/format';
import { CreatedLink, expiresAtIn, PaymentLinksTable, sourceText } from './payment-links';

const link = (id: string, overrides: Partial<PaymentLinkFieldsFragment> = {}): PaymentLinkFieldsFragment => ({
  __typename: 'PaymentLink',
  id,
  token: `tok-${id}`,
  url: `http://127.0.0.1:3000/pagar/tok-${id}`,
  status: 'ACTIVE',
  patientName: `Paciente ${id}`,
  patientEmail: `${id}@example.com`,
  patientPhone: null,
  expiresAt: '2026-12-20T15:00:00.000Z',
  createdAt: '2026-12-13T15:00:00.000Z',
  source: null,
  procedure: { __typename: 'Procedure', id: 'p1', name: 'Clareamento dental', priceCentavos: 120000 },
  payment: null,
  ...overrides,
});

describe('payment links in the clinic dashboard', () => {
  it('lists each link with its state, patient, procedure, deadline and where it came from', () => {
    render(
      <PaymentLinksTable
        clinicId="c1"
        links={[link('a'), link('b', { status: 'USED', payment: { __typename: 'Payment', id: 'pay-1', status: 'IN_ESCROW' }, source: 'NINSAUDE:42' }), link('c', { status: 'EXPIRED' })]}
        confirming={null}
        canceling={false}
        onCancel={() => undefined}
        onConfirm={() => undefined}
      />,
    );
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((row) => row.querySelector('[data-link-status]')?.textContent)).toEqual(['Ativo', 'Pago', 'Expirado']);
    expect(rows[0]!.textContent).toContain('a@example.com');
    expect(rows[0]!.textContent).toContain('20/12/2026 às 12:00');
    expect(within(rows[0]!).getByRole('button', { name: 'Copiar link' })).toBeTruthy();
    expect(within(rows[1]!).queryByRole('button', { name: 'Copiar link' })).toBeNull();
    expect(within(rows[1]!).getByRole('link', { name: /Pago — em garantia/ }).getAttribute('href')).toBe('/clinicas/c1/pagamentos/pay-1');
    expect(rows[1]!.textContent).toContain('Agendamento no NinSaúde');
    expect(within(rows[2]!).queryByRole('button', { name: /Cancelar/ })).toBeNull();
  });

  it('cancels an active link after a second click', () => {
    const onConfirm = jest.fn();
    const onCancel = jest.fn();
    const { rerender } = render(<PaymentLinksTable clinicId="c1" links={[link('a')]} confirming={null} canceling={false} onCancel={onCancel} onConfirm={onConfirm} />);
    fireEvent.click(screen.getByRole('button', { name: 'Cancelar o link de Paciente a' }));
    expect(onConfirm).toHaveBeenCalledWith('a');
    rerender(<PaymentLinksTable clinicId="c1" links={[link('a')]} confirming="a" canceling={false} onCancel={onCancel} onConfirm={onConfirm} />);
    fireEvent.click(within(screen.getByRole('group', { name: 'Cancelar o link de Paciente a' })).getByRole('button', { name: 'Sim, cancelar' }));
    expect(onCancel).toHaveBeenCalledWith('a');
  });

  it('shows a new link\'s address to send, focused', () => {
    render(<CreatedLink link={link('a')} onDone={() => undefined} />);
    const card = screen.getByRole('region', { name: 'Link criado — envie ao paciente' });
    expect(document.activeElement).toBe(card);
    expect(screen.getByTestId('payment-link-url').textContent).toBe('http://127.0.0.1:3000/pagar/tok-a');
  });

  it('says when there is no link, masks the CPF, and computes the deadline', () => {
    render(<PaymentLinksTable clinicId="c1" links={[]} confirming={null} canceling={false} onCancel={() => undefined} onConfirm={() => undefined} />);
    expect(screen.getByText('Nenhum link de pagamento nesta situação.')).toBeTruthy();
    expect(maskCpfInput('52998224725')).toBe('529.982.247-25');
    expect(maskCpfInput('529.98')).toBe('529.98');
    expect(expiresAtIn(24, Date.parse('2026-12-13T15:00:00.000Z'))).toBe('2026-12-14T15:00:00.000Z');
    expect(sourceText(null)).toBe('Criado no painel');
    expect(sourceText('HELENA:abc')).toBe('Agendamento no Helena');
  });
});

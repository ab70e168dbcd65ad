import { describe, expect, it } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import { AgreementText, closedMonths, type Agreement } from './clinic-documents';

const agreement = (overrides: Partial<Agreement> = {}): Agreement => ({
  __typename: 'ClinicAgreement',
  status: 'SENT',
  sentAt: '2026-12-10T13:00:00.000Z',
  expiresAt: '2027-01-09T13:00:00.000Z',
  signedAt: null,
  documentUrl: 'http://127.0.0.1:4000/documents/providers/agreement?signature=x',
  documentSha256: 'abc',
  ...overrides,
});

describe('the clinic\'s documents', () => {
  it('a clinic awaiting its agreement: what to do, until when, and the PDF', () => {
    render(<AgreementText agreement={agreement()} />);
    expect(screen.getByText(/Aguardando a assinatura do contrato de serviços/).textContent).toContain('assine até 09/01/2027 às 10:00');
    expect(screen.getByRole('link', { name: 'Ver o contrato de serviços (PDF)' }).getAttribute('href')).toContain('/documents/providers/');
  });

  it('a signed agreement: when, and the signed copy', () => {
    render(<AgreementText agreement={agreement({ status: 'SIGNED', signedAt: '2026-12-11T17:30:00.000Z' })} />);
    expect(screen.getByText(/Contrato de serviços assinado em 11\/12\/2026 às 14:30/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Baixar o contrato de serviços assinado (PDF)' })).toBeTruthy();
  });

  it('a refused agreement says a new one will come', () => {
    render(<AgreementText agreement={agreement({ status: 'REFUSED' })} />);
    expect(screen.getByText(/foi recusado\. A MedPay vai enviar um novo contrato/)).toBeTruthy();
  });

  it('offers the closed months, the last first, across a year\'s turn', () => {
    expect(closedMonths('2027-02-15', 3)).toEqual(['2027-01', '2026-12', '2026-11']);
    expect(closedMonths('2026-12-01', 1)).toEqual(['2026-11']);
  });
});

import { describe, expect, it, jest } from '@jest/globals';
import { act, render, screen } from '@testing-library/react';
import { ContractSigningStep, ContractSummary, Receipts, signingOutcome, type Contract } from './contract-signing';

const file = (kind: 'CONTRACT' | 'SIGNED_CONTRACT' | 'RECEIPT', name: string, sha256 = name) => ({
  __typename: 'DocumentFile' as const,
  kind,
  filename: `${name}.pdf`,
  sha256,
  url: `http://127.0.0.1:4000/documents/payments/${name}?signature=x`,
  urlExpiresAt: '2026-12-10T12:05:00.000Z',
});

const contract = (overrides: Partial<Contract> = {}): Contract => ({
  __typename: 'CrediarioContract',
  status: 'SENT',
  expiresAt: '2026-12-12T15:00:00.000Z',
  signedAt: null,
  signingUrl: 'http://127.0.0.1:4021/sign/signer-1',
  document: file('CONTRACT', 'contrato'),
  signedDocument: null,
  ...overrides,
});

const message = (origin: string, data: unknown) => new MessageEvent('message', { origin, data });

describe('the crediário contract in the payment page', () => {
  it('reads only the signing page\'s own messages', () => {
    const url = 'http://127.0.0.1:4021/sign/signer-1';
    expect(signingOutcome(message('http://127.0.0.1:4021', { type: 'clicksign:signed', envelopeId: 'e1' }), url)).toBe('signed');
    expect(signingOutcome(message('http://127.0.0.1:4021', { type: 'clicksign:refused', envelopeId: 'e1' }), url)).toBe('refused');
    expect(signingOutcome(message('https://evil.example', { type: 'clicksign:signed' }), url)).toBeNull();
    expect(signingOutcome(message('http://127.0.0.1:4021', { type: 'something-else' }), url)).toBeNull();
    expect(signingOutcome(message('http://127.0.0.1:4021', 'clicksign:signed'), url)).toBeNull();
    expect(signingOutcome(message('http://127.0.0.1:4021', { type: 'clicksign:signed' }), 'not a url')).toBeNull();
  });

  it('shows the PDF, the deadline and the signing page embedded, and hears it was signed', () => {
    const onOutcome = jest.fn();
    render(<ContractSigningStep contract={contract()} onOutcome={onOutcome} />);
    expect(screen.getByRole('heading', { name: 'Contrato do crediário' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Ver contrato (PDF)' }).getAttribute('href')).toContain('/documents/payments/contrato');
    expect(screen.getByText(/Assine até/).textContent).toContain('12/12/2026 às 12:00');
    expect(screen.getByRole('heading', { name: 'Assinar contrato' })).toBeTruthy();
    expect(screen.getByTitle('Assinatura do contrato').getAttribute('src')).toBe('http://127.0.0.1:4021/sign/signer-1');

    act(() => void window.dispatchEvent(message('https://evil.example', { type: 'clicksign:signed' })));
    expect(onOutcome).not.toHaveBeenCalled();
    act(() => void window.dispatchEvent(message('http://127.0.0.1:4021', { type: 'clicksign:signed', envelopeId: 'e1' })));
    expect(onOutcome).toHaveBeenCalledWith('signed');
    expect(screen.getByRole('status').textContent).toContain('Assinatura enviada');
    expect(screen.queryByTitle('Assinatura do contrato')).toBeNull();
  });

  it('says the contract is being prepared before its envelope exists', () => {
    render(<ContractSigningStep contract={contract({ status: 'PENDING', signingUrl: null, document: null })} onOutcome={() => undefined} />);
    expect(screen.getByRole('status').textContent).toContain('Preparando o contrato');
    expect(screen.queryByTitle('Assinatura do contrato')).toBeNull();
  });

  it('after signing: the date and the signed copy', () => {
    render(<ContractSummary contract={contract({ status: 'SIGNED', signingUrl: null, signedAt: '2026-12-10T13:30:00.000Z', signedDocument: file('SIGNED_CONTRACT', 'assinado') })} />);
    expect(screen.getByTestId('contract-signed').textContent).toBe('Contrato assinado em 10/12/2026 às 10:30.');
    expect(screen.getByRole('link', { name: 'Baixar contrato assinado (PDF)' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Ver contrato (PDF)' })).toBeTruthy();
  });

  it('refused and expired contracts are said plainly', () => {
    const { rerender } = render(<ContractSummary contract={contract({ status: 'REFUSED', signingUrl: null })} />);
    expect(screen.getByText(/Você recusou o contrato\. O crediário foi cancelado e nada foi cobrado\./)).toBeTruthy();
    rerender(<ContractSummary contract={contract({ status: 'EXPIRED', signingUrl: null })} />);
    expect(screen.getByText(/O prazo para assinar terminou em 12\/12\/2026 às 12:00/)).toBeTruthy();
  });

  it('lists a receipt per paid charge', () => {
    render(<Receipts receipts={[{ ...file('RECEIPT', 'r1'), issuedAt: '2026-12-10T13:00:00.000Z' }, { ...file('RECEIPT', 'r2'), issuedAt: '2027-01-10T13:00:00.000Z' }]} />);
    expect(screen.getByRole('heading', { name: 'Comprovantes' })).toBeTruthy();
    expect(screen.getAllByRole('link').map((link) => link.textContent)).toEqual(['Comprovante 1 de 10/12/2026 às 10:00 (PDF)', 'Comprovante 2 de 10/01/2027 às 10:00 (PDF)']);
  });
});

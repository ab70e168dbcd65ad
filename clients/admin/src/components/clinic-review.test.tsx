import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, render, screen } from '@testing-library/react';
import { AgreementStatusView, ReceitaFederalRecord, sameName, type ReceitaRecord } from './clinic-review';

const record = (overrides: Partial<ReceitaRecord> = {}): ReceitaRecord => ({
  status: 'ATIVA',
  legalName: 'BEM NASCER MEDICINA FETAL LTDA',
  tradeName: 'BEM NASCER',
  mainCnaeCode: '8630-5/03',
  mainCnaeDescription: 'Atividade médica ambulatorial restrita a consultas',
  address: 'Rua Padre Eustáquio, 1200 — Carlos Prates — Belo Horizonte/MG — 30710-580',
  checkedAt: '2026-12-13T13:00:00.000Z',
  ...overrides,
});

describe('the clinic review', () => {
  it('shows the Receita Federal\'s record beside what the clinic typed, and checks again', () => {
    const onCheck = jest.fn();
    render(<ReceitaFederalRecord record={record()} typedLegalName="Bem Nascer Medicina Fetal Ltda." checking={false} onCheck={onCheck} />);
    const facts = Object.fromEntries([...document.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]));
    expect(facts).toEqual({
      'Situação cadastral': 'Ativa',
      'Razão social': 'BEM NASCER MEDICINA FETAL LTDA',
      'Nome fantasia': 'BEM NASCER',
      'CNAE principal': '8630-5/03 — Atividade médica ambulatorial restrita a consultas',
      Endereço: 'Rua Padre Eustáquio, 1200 — Carlos Prates — Belo Horizonte/MG — 30710-580',
      'Consultado em': '13/12/2026 às 10:00',
    });
    fireEvent.click(screen.getByRole('button', { name: 'Consultar de novo' }));
    expect(onCheck).toHaveBeenCalled();
  });

  it('calls out a legal name that differs and a CNPJ that is not active', () => {
    render(<ReceitaFederalRecord record={record({ status: 'BAIXADA' })} typedLegalName="Outra Clínica Ltda" checking={false} onCheck={() => undefined} />);
    expect(screen.getByText('Difere do informado')).toBeTruthy();
    expect(screen.getByText('Baixada').getAttribute('data-cnpj-status')).toBe('BAIXADA');
    expect(sameName('Clínica São José Ltda.', 'CLINICA SAO JOSE LTDA')).toBe(true);
  });

  it('says when the Receita has not answered yet', () => {
    render(<ReceitaFederalRecord record={null} typedLegalName="X" checking={true} onCheck={() => undefined} />);
    expect(screen.getByText(/ainda não respondeu/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Consultando…' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows where the agreement stands', () => {
    render(<AgreementStatusView agreement={{ status: 'EXPIRED', sentAt: '2026-11-10T13:00:00.000Z', expiresAt: '2026-12-10T13:00:00.000Z', signedAt: null, documentUrl: null }} />);
    expect(screen.getByText('Expirado sem assinatura')).toBeTruthy();
    expect(screen.getByText('10/12/2026 às 10:00')).toBeTruthy();
  });
});

describe('the address check', () => {
  it('calls out a city the Receita does not have', () => {
    render(<ReceitaFederalRecord record={record()} typedLegalName="BEM NASCER MEDICINA FETAL LTDA" typedCity="Recife" checking={false} onCheck={() => undefined} />);
    expect(screen.getByText('Cidade difere da informada')).toBeTruthy();
  });

  it('is quiet when the city matches, accents aside', () => {
    render(<ReceitaFederalRecord record={record({ address: 'RUA X, 1 — CENTRO — SAO PAULO/SP — 01000000' })} typedLegalName="BEM NASCER MEDICINA FETAL LTDA" typedCity="São Paulo" checking={false} onCheck={() => undefined} />);
    expect(screen.queryByText('Cidade difere da informada')).toBeNull();
    expect(screen.queryByText('Difere do informado')).toBeNull();
  });
});

import { describe, expect, it } from '@jest/globals';
import { redact } from './redact.js';

describe('redact', () => {
  it('removes documents, card data and contact details, whatever their punctuation', () => {
    expect(redact('meu cpf é 529.982.247-25 e o outro 52998224725')).toBe('meu cpf é [CPF] e o outro [CPF]');
    expect(redact('a clínica 11.222.333/0001-81')).toBe('a clínica [CNPJ]');
    expect(redact('cartão 4111 1111 1111 1111 cvv 123')).toBe('cartão [cartão] [cartão]');
    expect(redact('cartao 5555-5555-5555-4444')).toBe('cartao [cartão]');
    expect(redact('me liga (11) 98765-4321 ou escreve para ana.souza@example.com')).toBe('me liga [telefone] ou escreve para [e-mail]');
    expect(redact('boleto 23793.38128 60000.000003 00000.000400 1 84340000012345')).toBe('boleto [número]');
  });

  it('removes health details, accents and case ignored', () => {
    expect(redact('Paguei a cirurgia de HÉRNIA e a ressonância')).toBe('Paguei a [saúde] de [saúde] e a [saúde]');
    expect(redact('estou com câncer e faço quimioterapia')).toBe('estou com [saúde] e faço [saúde]');
    expect(redact('quando é minha consulta?')).toBe('quando é minha [saúde]?');
  });

  it('keeps what the patient asks about money and dates', () => {
    const question = 'qdo vence minha parcela de R$ 1.500,00? paguei dia 10/12/2026 e nao caiu, quero consultar o pagamento';
    expect(redact(question)).toBe(question);
  });
});

// Serpro's answers to our records: every situation code, optional fields, and answers we must not trust.
import { describe, expect, it } from '@jest/globals';
import { ReceitaUnexpectedAnswerError } from './receita-federal.js';
import { formatCnae, toAccessToken, toCnpjRecord, toCpfRecord } from './serpro-mapping.js';

const AT = new Date('2026-03-02T12:00:00Z');
const cpfAnswer = (codigo: string, descricao: string, extra: Record<string, unknown> = {}) => ({ ni: '40442820135', situacao: { codigo, descricao }, ...extra });

describe('toCpfRecord', () => {
  it.each([
    ['0', 'Regular', 'REGULAR', undefined],
    ['1', 'Cancelada por Encerramento de Espólio', 'CANCELADA', 'ESTATE_CLOSED'],
    ['2', 'Suspensa', 'SUSPENSA', undefined],
    ['3', 'Titular Falecido', 'TITULAR_FALECIDO', undefined],
    ['4', 'Pendente de Regularização', 'PENDENTE_DE_REGULARIZACAO', undefined],
    ['5', 'Cancelada por Multiplicidade', 'CANCELADA', 'MULTIPLE_REGISTRATIONS'],
    ['8', 'Nula', 'NULA', undefined],
    ['9', 'Cancelada de Ofício', 'CANCELADA', 'EX_OFFICIO'],
  ])('maps situation %s (%s) to %s', (codigo, descricao, status, cancellation) => {
    const record = toCpfRecord('40442820135', cpfAnswer(codigo, descricao), AT);
    expect(record.status).toBe(status);
    expect(record.cancellation).toBe(cancellation);
    expect(record.checkedAt).toBe(AT);
  });

  it('keeps the name and the social name on record, and leaves them out when absent or blank', () => {
    expect(toCpfRecord('40442820135', cpfAnswer('0', 'Regular', { nome: 'MARIA JOSE DA SILVA SANTOS', nomeSocial: 'MAJU SANTOS', nascimento: '14111970' }), AT)).toEqual({
      cpf: '40442820135',
      status: 'REGULAR',
      name: 'MARIA JOSE DA SILVA SANTOS',
      socialName: 'MAJU SANTOS',
      checkedAt: AT,
    });
    expect(toCpfRecord('40442820135', cpfAnswer('0', 'Regular'), AT)).not.toHaveProperty('name');
    expect(toCpfRecord('40442820135', cpfAnswer('0', 'Regular', { nome: '  ' }), AT)).not.toHaveProperty('name');
  });

  it('does not trust an unknown situation, an answer about another CPF, or a shape it cannot read', () => {
    expect(() => toCpfRecord('40442820135', cpfAnswer('7', 'Inventada'), AT)).toThrow(ReceitaUnexpectedAnswerError);
    expect(() => toCpfRecord('63017285995', cpfAnswer('0', 'Regular'), AT)).toThrow(ReceitaUnexpectedAnswerError);
    expect(() => toCpfRecord('40442820135', { ni: '40442820135', situacao: 'REGULAR' }, AT)).toThrow(ReceitaUnexpectedAnswerError);
    expect(() => toCpfRecord('40442820135', '<html>', AT)).toThrow(ReceitaUnexpectedAnswerError);
  });
});

/** Serpro's documented /basica example, as the gateway answers it. */
const basica = (overrides: Record<string, unknown> = {}) => ({
  ni: '34238864000168',
  tipoEstabelecimento: '1',
  nomeEmpresarial: 'CLINICA SORRISO PLENO ODONTOLOGIA LTDA',
  nomeFantasia: 'SORRISO PLENO',
  situacaoCadastral: { codigo: '2', data: '2011-01-12', motivo: '' },
  naturezaJuridica: { codigo: '2062', descricao: 'Sociedade Empresária Limitada' },
  dataAbertura: '2011-01-12',
  cnaePrincipal: { codigo: '8630504', descricao: 'Atividade odontológica' },
  cnaeSecundarias: [],
  endereco: {
    tipoLogradouro: 'AV',
    logradouro: 'PAULISTA',
    numero: '1578',
    complemento: 'SALA 42',
    cep: '01310100',
    bairro: 'BELA VISTA',
    municipio: { codigo: '7107', descricao: 'SAO PAULO' },
    uf: 'SP',
    pais: { codigo: '105', descricao: 'BRASIL' },
  },
  municipioJurisdicao: { codigo: '7107', descricao: 'SAO PAULO' },
  telefones: [{ ddd: '11', numero: '33334444' }],
  correioEletronico: '',
  capitalSocial: 0,
  porte: '01',
  situacaoEspecial: '',
  dataSituacaoEspecial: '',
  ...overrides,
});

describe('toCnpjRecord', () => {
  it('maps the record a clinic review shows', () => {
    expect(toCnpjRecord('34238864000168', basica(), AT)).toEqual({
      cnpj: '34238864000168',
      status: 'ATIVA',
      statusSince: '2011-01-12',
      legalName: 'CLINICA SORRISO PLENO ODONTOLOGIA LTDA',
      tradeName: 'SORRISO PLENO',
      mainCnae: { code: '8630-5/04', description: 'Atividade odontológica' },
      address: { street: 'AV PAULISTA', number: '1578', complement: 'SALA 42', district: 'BELA VISTA', city: 'SAO PAULO', state: 'SP', zipCode: '01310100' },
      checkedAt: AT,
    });
  });

  it.each([
    ['1', 'NULA'],
    ['2', 'ATIVA'],
    ['3', 'SUSPENSA'],
    ['4', 'INAPTA'],
    ['8', 'BAIXADA'],
  ])('maps situation %s to %s, with its reason', (codigo, status) => {
    const record = toCnpjRecord('34238864000168', basica({ situacaoCadastral: { codigo, data: '2024-03-12', motivo: 'OMISSAO DE DECLARACOES' } }), AT);
    expect(record.status).toBe(status);
    expect(record.statusReason).toBe('OMISSAO DE DECLARACOES');
  });

  it('leaves out a blank trade name and complement, and writes S/N for a missing number', () => {
    const record = toCnpjRecord('34238864000168', basica({ nomeFantasia: '', endereco: { ...basica().endereco, numero: '', complemento: '' } }), AT);
    expect(record).not.toHaveProperty('tradeName');
    expect(record.address).not.toHaveProperty('complement');
    expect(record.address.number).toBe('S/N');
  });

  it('reads an alphanumeric CNPJ', () => {
    expect(toCnpjRecord('12ABC34501DE35', basica({ ni: '12ABC34501DE35' }), AT).cnpj).toBe('12ABC34501DE35');
  });

  it('does not trust an unknown situation, another CNPJ, or a CNAE that is not 7 digits', () => {
    expect(() => toCnpjRecord('34238864000168', basica({ situacaoCadastral: { codigo: '6', data: '', motivo: '' } }), AT)).toThrow(ReceitaUnexpectedAnswerError);
    expect(() => toCnpjRecord('54447820000155', basica(), AT)).toThrow(ReceitaUnexpectedAnswerError);
    expect(() => toCnpjRecord('34238864000168', basica({ cnaePrincipal: { codigo: '86.30-5-04', descricao: 'x' } }), AT)).toThrow(ReceitaUnexpectedAnswerError);
  });
});

describe('formatCnae and toAccessToken', () => {
  it('writes a CNAE subclass as the IBGE does', () => {
    expect(formatCnae('8630503')).toBe('8630-5/03');
  });

  it('reads the gateway token answer and refuses one without a token', () => {
    expect(toAccessToken({ scope: 'am_application_scope default', token_type: 'Bearer', expires_in: 3600, access_token: 'abc' })).toEqual({ accessToken: 'abc', expiresInSeconds: 3600 });
    expect(() => toAccessToken({ token_type: 'Bearer', expires_in: 3600 })).toThrow(ReceitaUnexpectedAnswerError);
  });
});

// What the simulated Receita knows: Serpro's answer shapes (Consulta CPF v2, Consulta CNPJ v2 /basica),
// the fixed test records of README.md, and the records invented for every other valid number (a CPF
// is REGULAR with no name on record; a CNPJ is an ATIVA health clinic derived from its digits).
import { createHash } from 'node:crypto';

/** Consulta CPF v2 (`GET /consulta-cpf-df/v2/cpf/{ni}`); dates DDMMAAAA, `obito` the year of death. */
export interface SerproCpf {
  ni: string;
  nome?: string;
  situacao: { codigo: string; descricao: string };
  nascimento?: string;
  obito?: string;
  dataInscricao?: string;
  nomeSocial?: string;
}

/** Consulta CNPJ v2, `GET /consulta-cnpj-df/v2/basica/{ni}` (the fields this simulator fills). */
export interface SerproCnpj {
  ni: string;
  tipoEstabelecimento: '1' | '2';
  nomeEmpresarial: string;
  nomeFantasia: string;
  situacaoCadastral: { codigo: string; data: string; motivo: string };
  naturezaJuridica: { codigo: string; descricao: string };
  dataAbertura: string;
  cnaePrincipal: { codigo: string; descricao: string };
  cnaeSecundarias: Array<{ codigo: string; descricao: string }>;
  endereco: {
    tipoLogradouro: string;
    logradouro: string;
    numero: string;
    complemento: string;
    cep: string;
    bairro: string;
    municipio: { codigo: string; descricao: string };
    uf: string;
    pais: { codigo: string; descricao: string };
  };
  municipioJurisdicao: { codigo: string; descricao: string };
  telefones: Array<{ ddd: string; numero: string }>;
  correioEletronico: string;
  capitalSocial: number;
  porte: string;
  situacaoEspecial: string;
  dataSituacaoEspecial: string;
}

/** The Receita's CPF situations with Serpro's codes and descriptions. */
export const CPF_SITUATIONS = {
  REGULAR: { codigo: '0', descricao: 'Regular' },
  CANCELADA_POR_ENCERRAMENTO_DE_ESPOLIO: { codigo: '1', descricao: 'Cancelada por Encerramento de Espólio' },
  SUSPENSA: { codigo: '2', descricao: 'Suspensa' },
  TITULAR_FALECIDO: { codigo: '3', descricao: 'Titular Falecido' },
  PENDENTE_DE_REGULARIZACAO: { codigo: '4', descricao: 'Pendente de Regularização' },
  CANCELADA_POR_MULTIPLICIDADE: { codigo: '5', descricao: 'Cancelada por Multiplicidade' },
  NULA: { codigo: '8', descricao: 'Nula' },
  CANCELADA_DE_OFICIO: { codigo: '9', descricao: 'Cancelada de Ofício' },
} as const;

export type CpfSituation = keyof typeof CPF_SITUATIONS;

/** Situação cadastral codes of a CNPJ. */
export const CNPJ_SITUATIONS = { NULA: '1', ATIVA: '2', SUSPENSA: '3', INAPTA: '4', BAIXADA: '8' } as const;

export type CnpjSituation = keyof typeof CNPJ_SITUATIONS;

interface CpfSeed {
  cpf: string;
  situation: CpfSituation;
  name: string;
  /** YYYY-MM-DD */
  birthDate: string;
  deathYear?: string;
}

/** The fixed test CPFs (Serpro's trial numbers where it has one for the situation), each with a name on record. */
export const TEST_CPFS: readonly CpfSeed[] = [
  { cpf: '40442820135', situation: 'REGULAR', name: 'Maria José da Silva Santos', birthDate: '1970-11-14' },
  { cpf: '63017285995', situation: 'REGULAR', name: 'João Pedro de Oliveira Costa', birthDate: '1964-12-26' },
  { cpf: '91708635203', situation: 'REGULAR', name: 'Ana Luíza Gonçalves Ferreira', birthDate: '1988-03-01' },
  { cpf: '58136053391', situation: 'REGULAR', name: 'José Antônio dos Santos Júnior', birthDate: '1972-11-20' },
  { cpf: '07691852312', situation: 'PENDENTE_DE_REGULARIZACAO', name: 'Paula Cristina Lopes Nogueira', birthDate: '1990-09-22' },
  { cpf: '40532176871', situation: 'SUSPENSA', name: 'Marta Helena Rocha Albuquerque', birthDate: '1981-05-09' },
  { cpf: '31675842035', situation: 'CANCELADA_POR_ENCERRAMENTO_DE_ESPOLIO', name: 'Sebastião Ribeiro Campos', birthDate: '1938-02-17', deathYear: '2019' },
  { cpf: '01648527949', situation: 'CANCELADA_POR_MULTIPLICIDADE', name: 'Edson Bezerra Lima', birthDate: '1989-03-10' },
  { cpf: '64913872591', situation: 'CANCELADA_DE_OFICIO', name: 'Rogério Moreira Dias', birthDate: '1975-07-30' },
  { cpf: '05137518743', situation: 'TITULAR_FALECIDO', name: 'Antônio Carlos Batista', birthDate: '1941-06-05', deathYear: '2021' },
  { cpf: '98302514705', situation: 'NULA', name: 'Carlos Eduardo Pacheco', birthDate: '1979-01-15' },
];

/** A valid CPF the simulated Receita has no record of (404). */
export const UNKNOWN_CPF = '40404040411';

/** Names as the Receita keeps them: upper case, without accents. */
export const receitaName = (name: string) => name.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase().trim();

/** YYYY-MM-DD → DDMMAAAA, Serpro's date format for CPFs. */
export const serproDate = (iso: string) => `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(0, 4)}`;

export function cpfRecord(seed: { cpf: string; situation: CpfSituation; name?: string; socialName?: string; birthDate?: string; deathYear?: string; registeredOn?: string }): SerproCpf {
  return {
    ni: seed.cpf,
    ...(seed.name ? { nome: receitaName(seed.name) } : {}),
    situacao: { ...CPF_SITUATIONS[seed.situation] },
    ...(seed.birthDate ? { nascimento: serproDate(seed.birthDate) } : {}),
    ...(seed.deathYear ? { obito: seed.deathYear } : {}),
    // Registration at 18 for the seeded people; absent when nothing says when (Serpro then answers 206).
    ...(seed.registeredOn ? { dataInscricao: serproDate(seed.registeredOn) } : seed.birthDate ? { dataInscricao: serproDate(`${Number(seed.birthDate.slice(0, 4)) + 18}${seed.birthDate.slice(4)}`) } : {}),
    ...(seed.socialName ? { nomeSocial: receitaName(seed.socialName) } : {}),
  };
}

/** Any other valid CPF: REGULAR, and nothing else on record (no name our sign-up could be asked to match). */
export const genericCpfRecord = (cpf: string): SerproCpf => ({ ni: cpf, situacao: { ...CPF_SITUATIONS.REGULAR } });

// ---- CNPJs ----------------------------------------------------------------------------------------

export const HEALTH_CNAES = [
  { codigo: '8630503', descricao: 'Atividade médica ambulatorial restrita a consultas', legal: 'CLINICA MEDICA', trade: 'CLINICA' },
  { codigo: '8630504', descricao: 'Atividade odontológica', legal: 'ODONTOLOGIA', trade: 'ODONTO' },
  { codigo: '8630501', descricao: 'Atividade médica ambulatorial com recursos para realização de procedimentos cirúrgicos', legal: 'CENTRO CIRURGICO', trade: 'CIRURGIA DIA' },
  { codigo: '8630502', descricao: 'Atividade médica ambulatorial com recursos para realização de exames complementares', legal: 'CENTRO DE DIAGNOSTICO', trade: 'DIAGNOSTICOS' },
  { codigo: '8650004', descricao: 'Atividades de fisioterapia', legal: 'FISIOTERAPIA', trade: 'FISIO' },
  { codigo: '8650003', descricao: 'Atividades de psicologia e psicanálise', legal: 'PSICOLOGIA', trade: 'ESPACO' },
] as const;

/** Where invented clinics are: the city's code in the Receita's (SIAFI) table, a real street and its CEP. */
export const CITIES = [
  { codigo: '7107', municipio: 'SAO PAULO', uf: 'SP', tipo: 'AV', logradouro: 'PAULISTA', bairro: 'BELA VISTA', cep: '01310100', ddd: '11' },
  { codigo: '6001', municipio: 'RIO DE JANEIRO', uf: 'RJ', tipo: 'R', logradouro: 'VISCONDE DE PIRAJA', bairro: 'IPANEMA', cep: '22410002', ddd: '21' },
  { codigo: '4123', municipio: 'BELO HORIZONTE', uf: 'MG', tipo: 'AV', logradouro: 'AFONSO PENA', bairro: 'CENTRO', cep: '30130001', ddd: '31' },
  { codigo: '7535', municipio: 'CURITIBA', uf: 'PR', tipo: 'R', logradouro: 'XV DE NOVEMBRO', bairro: 'CENTRO', cep: '80020310', ddd: '41' },
  { codigo: '8801', municipio: 'PORTO ALEGRE', uf: 'RS', tipo: 'AV', logradouro: 'IPIRANGA', bairro: 'AZENHA', cep: '90160093', ddd: '51' },
  { codigo: '3849', municipio: 'SALVADOR', uf: 'BA', tipo: 'AV', logradouro: 'TANCREDO NEVES', bairro: 'CAMINHO DAS ARVORES', cep: '41820021', ddd: '71' },
  { codigo: '1389', municipio: 'FORTALEZA', uf: 'CE', tipo: 'AV', logradouro: 'SANTOS DUMONT', bairro: 'ALDEOTA', cep: '60150160', ddd: '85' },
  { codigo: '2531', municipio: 'RECIFE', uf: 'PE', tipo: 'AV', logradouro: 'BOA VIAGEM', bairro: 'BOA VIAGEM', cep: '51011000', ddd: '81' },
  { codigo: '9701', municipio: 'BRASILIA', uf: 'DF', tipo: 'ST', logradouro: 'SHLS QUADRA 716 CONJUNTO A', bairro: 'ASA SUL', cep: '70390700', ddd: '61' },
] as const;

const SURNAMES = ['ALMEIDA', 'BARBOSA', 'CARVALHO', 'DIAS', 'FERREIRA', 'GOMES', 'LIMA', 'MARTINS', 'MOREIRA', 'NASCIMENTO', 'OLIVEIRA', 'PEREIRA', 'RIBEIRO', 'ROCHA', 'SANTOS', 'SOUZA'];

export interface CnpjSeed {
  cnpj: string;
  situation: CnpjSituation;
  legalName: string;
  tradeName: string;
  cnae: (typeof HEALTH_CNAES)[number];
  city: (typeof CITIES)[number];
  number: string;
  complement: string;
  /** YYYY-MM-DD */
  openedOn: string;
  situationSince: string;
  reason: string;
}

export function cnpjRecord(seed: CnpjSeed): SerproCnpj {
  const municipio = { codigo: seed.city.codigo, descricao: seed.city.municipio };
  return {
    ni: seed.cnpj,
    tipoEstabelecimento: seed.cnpj.slice(8, 12) === '0001' ? '1' : '2',
    nomeEmpresarial: seed.legalName,
    nomeFantasia: seed.tradeName,
    situacaoCadastral: { codigo: CNPJ_SITUATIONS[seed.situation], data: seed.situationSince, motivo: seed.reason },
    naturezaJuridica: { codigo: '2062', descricao: 'Sociedade Empresária Limitada' },
    dataAbertura: seed.openedOn,
    cnaePrincipal: { codigo: seed.cnae.codigo, descricao: seed.cnae.descricao },
    cnaeSecundarias: [],
    endereco: {
      tipoLogradouro: seed.city.tipo,
      logradouro: seed.city.logradouro,
      numero: seed.number,
      complemento: seed.complement,
      cep: seed.city.cep,
      bairro: seed.city.bairro,
      municipio,
      uf: seed.city.uf,
      pais: { codigo: '105', descricao: 'BRASIL' },
    },
    municipioJurisdicao: municipio,
    telefones: [{ ddd: seed.city.ddd, numero: `3${seed.cnpj.replace(/\D/g, '').padEnd(7, '0').slice(0, 7)}` }],
    correioEletronico: '',
    capitalSocial: 10_000_000,
    porte: '01',
    situacaoEspecial: '',
    dataSituacaoEspecial: '',
  };
}

/** The same invented clinic for a CNPJ every time: each choice is a byte of the number's SHA-256. */
export function inventedClinic(cnpj: string, situation: CnpjSituation = 'ATIVA'): CnpjSeed {
  const bytes = createHash('sha256').update(cnpj).digest();
  const pick = <T>(list: readonly T[], index: number) => list[bytes[index]! % list.length]!;
  const cnae = pick(HEALTH_CNAES, 0);
  const city = pick(CITIES, 1);
  const surname = pick(SURNAMES, 2);
  const openedOn = `${2005 + (bytes[3]! % 19)}-${String(1 + (bytes[4]! % 12)).padStart(2, '0')}-${String(1 + (bytes[5]! % 28)).padStart(2, '0')}`;
  return {
    cnpj,
    situation,
    legalName: `${cnae.legal} ${surname} LTDA`,
    tradeName: `${cnae.trade} ${surname}`,
    cnae,
    city,
    number: String(100 + ((bytes[6]! * 256 + bytes[7]!) % 2900)),
    complement: `SALA ${1 + (bytes[8]! % 20)}${String(bytes[9]! % 10)}`,
    openedOn,
    situationSince: openedOn,
    reason: '',
  };
}

const fixedClinic = (cnpj: string, situation: CnpjSituation, legalName: string, tradeName: string, reason = '', situationSince?: string): CnpjSeed => {
  const invented = inventedClinic(cnpj, situation);
  return { ...invented, legalName, tradeName, reason, situationSince: situationSince ?? invented.openedOn };
};

/** The fixed test CNPJs: a numeric one (Serpro's trial numbers) and an alphanumeric one for each situation. */
export const TEST_CNPJS: readonly CnpjSeed[] = [
  fixedClinic('34238864000168', 'ATIVA', 'CLINICA SORRISO PLENO ODONTOLOGIA LTDA', 'SORRISO PLENO'),
  fixedClinic('12ABC34501DE35', 'ATIVA', 'INSTITUTO VIVER BEM SAUDE INTEGRADA LTDA', 'VIVER BEM'),
  fixedClinic('54447820000155', 'SUSPENSA', 'CLINICA DE OLHOS VISAO CLARA LTDA', 'VISAO CLARA', 'INCONSISTENCIA CADASTRAL', '2024-03-12'),
  fixedClinic('SUSP3NSA000135', 'SUSPENSA', 'CENTRO DE FISIOTERAPIA MOVER LTDA', 'MOVER FISIO', 'INCONSISTENCIA CADASTRAL', '2025-01-20'),
  fixedClinic('46768703000165', 'INAPTA', 'CENTRO MEDICO BOA SAUDE LTDA', 'BOA SAUDE', 'OMISSAO DE DECLARACOES', '2023-08-01'),
  fixedClinic('1NAPT400000176', 'INAPTA', 'CLINICA DERMATOLOGICA PELE NOVA LTDA', 'PELE NOVA', 'OMISSAO DE DECLARACOES', '2024-06-15'),
  fixedClinic('31151791000184', 'BAIXADA', 'CONSULTORIO PEDIATRICO CRESCER LTDA', 'CRESCER', 'EXTINCAO POR ENCERRAMENTO LIQUIDACAO VOLUNTARIA', '2022-11-30'),
  fixedClinic('BA1XAD40000106', 'BAIXADA', 'ESPACO PSICOLOGIA EQUILIBRIO LTDA', 'EQUILIBRIO', 'EXTINCAO POR ENCERRAMENTO LIQUIDACAO VOLUNTARIA', '2023-04-28'),
  fixedClinic('34428654000132', 'NULA', 'LABORATORIO ANALISES VIDA LTDA', 'ANALISES VIDA', 'INEXISTENCIA DE FATO', '2021-09-09'),
  fixedClinic('NU1A0000000149', 'NULA', 'CLINICA ESTETICA RENOVAR LTDA', 'RENOVAR', 'INEXISTENCIA DE FATO', '2022-02-14'),
];

/** A valid CNPJ the simulated Receita has no record of (404). */
export const UNKNOWN_CNPJ = '40404040000113';

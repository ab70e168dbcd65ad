// Serpro's answers (Consulta CPF v2, Consulta CNPJ v2 /basica, the gateway's token) checked with zod and
// mapped to our records. Pure functions: nothing here calls anything.
import { z } from 'zod';
import { ReceitaUnexpectedAnswerError, type CnpjRecord, type CnpjStatus, type CpfCancellation, type CpfRecord, type CpfStatus } from './receita-federal.js';

const PROVIDER = 'receita';

function parse<Schema extends z.ZodType>(schema: Schema, value: unknown, what: string): z.infer<Schema> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ReceitaUnexpectedAnswerError(PROVIDER, `Unexpected ${what} from Serpro: ${result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  return result.data;
}

const tokenAnswer = z.object({ access_token: z.string().min(1), expires_in: z.number().positive(), token_type: z.string() });

export function toAccessToken(body: unknown): { accessToken: string; expiresInSeconds: number } {
  const token = parse(tokenAnswer, body, 'token answer');
  return { accessToken: token.access_token, expiresInSeconds: token.expires_in };
}

const cpfAnswer = z.object({
  ni: z.string(),
  nome: z.string().optional(),
  nomeSocial: z.string().optional(),
  situacao: z.object({ codigo: z.string(), descricao: z.string() }),
});

/** Serpro's situation codes: the Receita's CPF situations table. */
const CPF_SITUATION_CODES: Record<string, { status: CpfStatus; cancellation?: CpfCancellation }> = {
  '0': { status: 'REGULAR' },
  '1': { status: 'CANCELADA', cancellation: 'ESTATE_CLOSED' },
  '2': { status: 'SUSPENSA' },
  '3': { status: 'TITULAR_FALECIDO' },
  '4': { status: 'PENDENTE_DE_REGULARIZACAO' },
  '5': { status: 'CANCELADA', cancellation: 'MULTIPLE_REGISTRATIONS' },
  '8': { status: 'NULA' },
  '9': { status: 'CANCELADA', cancellation: 'EX_OFFICIO' },
};

const text = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

export function toCpfRecord(cpf: string, body: unknown, checkedAt: Date): CpfRecord {
  const answer = parse(cpfAnswer, body, 'CPF answer');
  if (answer.ni !== cpf) throw new ReceitaUnexpectedAnswerError(PROVIDER, 'Serpro answered for another CPF');
  const situation = CPF_SITUATION_CODES[answer.situacao.codigo.trim()];
  if (!situation) throw new ReceitaUnexpectedAnswerError(PROVIDER, `Unknown CPF situation code ${answer.situacao.codigo} (${answer.situacao.descricao})`);
  const name = text(answer.nome);
  const socialName = text(answer.nomeSocial);
  return { cpf, ...situation, ...(name ? { name } : {}), ...(socialName ? { socialName } : {}), checkedAt };
}

const cnpjAnswer = z.object({
  ni: z.string(),
  nomeEmpresarial: z.string().min(1),
  nomeFantasia: z.string().optional(),
  situacaoCadastral: z.object({ codigo: z.string(), data: z.string().optional(), motivo: z.string().optional() }),
  cnaePrincipal: z.object({ codigo: z.string().regex(/^\d{7}$/), descricao: z.string() }),
  endereco: z.object({
    tipoLogradouro: z.string().optional(),
    logradouro: z.string(),
    numero: z.string().optional(),
    complemento: z.string().optional(),
    cep: z.string(),
    bairro: z.string().optional(),
    municipio: z.object({ descricao: z.string().min(1) }),
    uf: z.string().length(2),
  }),
});

/** Serpro's situação cadastral codes. */
const CNPJ_SITUATION_CODES: Record<string, CnpjStatus> = { '1': 'NULA', '2': 'ATIVA', '3': 'SUSPENSA', '4': 'INAPTA', '8': 'BAIXADA' };

/** 8630503 → 8630-5/03, the CNAE subclass as the IBGE writes it. */
export const formatCnae = (digits: string) => `${digits.slice(0, 4)}-${digits.slice(4, 5)}/${digits.slice(5, 7)}`;

export function toCnpjRecord(cnpj: string, body: unknown, checkedAt: Date): CnpjRecord {
  const answer = parse(cnpjAnswer, body, 'CNPJ answer');
  if (answer.ni.toUpperCase() !== cnpj) throw new ReceitaUnexpectedAnswerError(PROVIDER, 'Serpro answered for another CNPJ');
  const status = CNPJ_SITUATION_CODES[answer.situacaoCadastral.codigo.trim()];
  if (!status) throw new ReceitaUnexpectedAnswerError(PROVIDER, `Unknown CNPJ situation code ${answer.situacaoCadastral.codigo}`);
  const { endereco: address } = answer;
  const tradeName = text(answer.nomeFantasia);
  const complement = text(address.complemento);
  const statusSince = text(answer.situacaoCadastral.data);
  const statusReason = text(answer.situacaoCadastral.motivo);
  return {
    cnpj,
    status,
    ...(statusSince ? { statusSince } : {}),
    ...(statusReason ? { statusReason } : {}),
    legalName: answer.nomeEmpresarial.trim(),
    ...(tradeName ? { tradeName } : {}),
    mainCnae: { code: formatCnae(answer.cnaePrincipal.codigo), description: answer.cnaePrincipal.descricao },
    address: {
      street: [address.tipoLogradouro, address.logradouro].map((part) => part?.trim()).filter(Boolean).join(' '),
      number: text(address.numero) ?? 'S/N',
      ...(complement ? { complement } : {}),
      district: address.bairro?.trim() ?? '',
      city: address.municipio.descricao.trim(),
      state: address.uf.toUpperCase(),
      zipCode: address.cep.replace(/\D/g, ''),
    },
    checkedAt,
  };
}

// The Receita Federal's registries in our words: a CPF's status (sign-up, crediário) and a CNPJ's record
// (clinic review), whatever provider answers them. ReceitaFederalClient (Serpro's API) implements it.
import { ProviderUnavailableError } from '@medpay/runtime';

export const CPF_STATUSES = ['REGULAR', 'PENDENTE_DE_REGULARIZACAO', 'SUSPENSA', 'CANCELADA', 'TITULAR_FALECIDO', 'NULA'] as const;
export type CpfStatus = (typeof CPF_STATUSES)[number];

/** Why a CANCELADA CPF was cancelled. */
export type CpfCancellation = 'ESTATE_CLOSED' | 'MULTIPLE_REGISTRATIONS' | 'EX_OFFICIO';

export interface CpfRecord {
  /** 11 digits */
  cpf: string;
  status: CpfStatus;
  cancellation?: CpfCancellation;
  /** the name on record; absent when the Receita's answer has none */
  name?: string;
  socialName?: string;
  /** when the Receita answered (a cached record keeps its first one) */
  checkedAt: Date;
}

export const CNPJ_STATUSES = ['ATIVA', 'SUSPENSA', 'INAPTA', 'BAIXADA', 'NULA'] as const;
export type CnpjStatus = (typeof CNPJ_STATUSES)[number];

export interface CnpjRecord {
  /** 14 characters, digits or (since IN RFB 2.229/2024) upper-case letters in the first 12 */
  cnpj: string;
  status: CnpjStatus;
  /** YYYY-MM-DD, when the status began */
  statusSince?: string;
  statusReason?: string;
  legalName: string;
  tradeName?: string;
  /** code as 8630-5/03 */
  mainCnae: { code: string; description: string };
  address: { street: string; number: string; complement?: string; district: string; city: string; state: string; zipCode: string };
  checkedAt: Date;
}

export interface LookupOptions {
  /** a cached record older than this is not used (0: ask the Receita now); the cache's lifetime otherwise */
  maxAgeMs?: number;
}

export interface ReceitaFederal {
  /** InvalidDocumentNumberError, ReceitaRecordNotFoundError, or ProviderUnavailableError (queue the check). */
  cpfStatus(cpf: string, options?: LookupOptions): Promise<CpfRecord>;
  cnpjRecord(cnpj: string, options?: LookupOptions): Promise<CnpjRecord>;
}

export type DocumentKind = 'CPF' | 'CNPJ';

/** The number is malformed or its check digits are wrong: refused before anything is asked. */
export class InvalidDocumentNumberError extends Error {
  readonly code = 'INVALID_DOCUMENT_NUMBER';
  constructor(readonly kind: DocumentKind) {
    super(`Not a valid ${kind}`);
  }
}

/** The Receita has no record of the number. */
export class ReceitaRecordNotFoundError extends Error {
  readonly code = 'RECEITA_RECORD_NOT_FOUND';
  constructor(readonly kind: DocumentKind) {
    super(`The Receita Federal has no record of this ${kind}`);
  }
}

/** The provider answered in a shape we cannot read: as unusable as no answer (callers queue the check). */
export class ReceitaUnexpectedAnswerError extends ProviderUnavailableError {}

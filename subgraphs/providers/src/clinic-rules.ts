// What a clinic registration must contain, and how platform review moves a clinic between states.
import { normalizeCnpj } from '@medpay/br-documents';
import type { RegisterClinicInput } from './__generated__/resolvers-types.js';
import type { ClinicStatus } from './generated/prisma/client.js';
import { cleanText, fold, requiredText } from './validation.js';
import { ProvidersError } from './errors.js';

// The registration's input shapes come from the SDL (codegen); this module checks their contents.
export type { AddressInput, RegisterClinicInput } from './__generated__/resolvers-types.js';

/** A validated registration, ready to store. */
export interface ClinicRegistration {
  legalName: string;
  tradeName: string;
  /** 14 normalized characters */
  cnpj: string;
  street: string;
  city: string;
  cityKey: string;
  state: string;
  postalCode: string;
  specialties: string[];
  specialtyKeys: string[];
}

export const UFS: ReadonlySet<string> = new Set([
  'AC', 'AL', 'AP', 'AM', 'BA', 'CE', 'DF', 'ES', 'GO', 'MA', 'MT', 'MS', 'MG', 'PA',
  'PB', 'PR', 'PE', 'PI', 'RJ', 'RN', 'RS', 'RO', 'RR', 'SC', 'SP', 'SE', 'TO',
]);

export const MAX_SPECIALTIES = 20;

/** The UF in upper case, or null when it is not one of the 27. */
export function normalizeState(state: string): string | null {
  const upper = state.trim().toUpperCase();
  return UFS.has(upper) ? upper : null;
}

/** CEP as 00000-000, from 8 digits with or without the hyphen; null otherwise. */
export function normalizePostalCode(postalCode: string): string | null {
  const match = /^(\d{5})-?(\d{3})$/.exec(postalCode.trim());
  return match ? `${match[1]}-${match[2]}` : null;
}

export function validateClinicRegistration(input: RegisterClinicInput): ClinicRegistration {
  const legalName = requiredText(input.legalName, 'legalName', 'Informe a razão social (até 120 caracteres).');
  const tradeName = requiredText(input.tradeName, 'tradeName', 'Informe o nome fantasia (até 120 caracteres).');
  const cnpj = normalizeCnpj(input.cnpj);
  if (!cnpj) throw new ProvidersError('INVALID_CNPJ', 'CNPJ inválido. Confira os números e letras digitados.', { field: 'cnpj' });
  const street = requiredText(input.address.street, 'address.street', 'Informe o endereço (até 200 caracteres).', 200);
  const city = requiredText(input.address.city, 'address.city', 'Informe a cidade (até 120 caracteres).');
  const state = normalizeState(input.address.state);
  if (!state) throw new ProvidersError('BAD_USER_INPUT', 'Informe a UF com duas letras, como SP.', { field: 'address.state' });
  const postalCode = normalizePostalCode(input.address.postalCode);
  if (!postalCode) throw new ProvidersError('BAD_USER_INPUT', 'Informe o CEP no formato 00000-000.', { field: 'address.postalCode' });

  const specialties: string[] = [];
  const specialtyKeys: string[] = [];
  for (const raw of input.specialties) {
    const specialty = cleanText(raw);
    const key = fold(specialty);
    if (specialty.length === 0 || specialty.length > 60) {
      throw new ProvidersError('BAD_USER_INPUT', 'Cada especialidade precisa ter de 1 a 60 caracteres.', { field: 'specialties' });
    }
    if (!specialtyKeys.includes(key)) {
      specialties.push(specialty);
      specialtyKeys.push(key);
    }
  }
  if (specialties.length === 0 || specialties.length > MAX_SPECIALTIES) {
    throw new ProvidersError('BAD_USER_INPUT', `Informe de 1 a ${MAX_SPECIALTIES} especialidades.`, { field: 'specialties' });
  }
  return { legalName, tradeName, cnpj, street, city, cityKey: fold(city), state, postalCode, specialties, specialtyKeys };
}

const STATUS_LABEL: Record<ClinicStatus, string> = {
  PENDING_REVIEW: 'em análise',
  AWAITING_AGREEMENT: 'aguardando a assinatura do contrato',
  ACTIVE: 'ativa',
  SUSPENDED: 'suspensa',
  REJECTED: 'recusada',
};

/**
 * The moves platform review allows; `reason` says whether the target needs a reason, `becomes` where an
 * approval lands: a clinic under review goes live only once its service agreement is signed.
 */
const TRANSITIONS: Record<ClinicStatus, Partial<Record<ClinicStatus, { reason: boolean; becomes?: ClinicStatus }>>> = {
  PENDING_REVIEW: { ACTIVE: { reason: false, becomes: 'AWAITING_AGREEMENT' }, REJECTED: { reason: true } },
  AWAITING_AGREEMENT: { REJECTED: { reason: true } },
  ACTIVE: { SUSPENDED: { reason: true } },
  SUSPENDED: { ACTIVE: { reason: false } },
  REJECTED: {},
};

export const MAX_REASON_LENGTH = 500;

/**
 * The status and reason to store when moving `current` to `target`. A reason is kept only where the
 * target needs one (rejected, suspended); approving or reactivating clears it.
 */
export function statusChange(current: ClinicStatus, target: ClinicStatus, reason: string | null | undefined): { status: ClinicStatus; statusReason: string | null } {
  const rule = TRANSITIONS[current][target];
  if (!rule) {
    throw new ProvidersError('INVALID_STATUS_TRANSITION', `Não é possível passar uma clínica ${STATUS_LABEL[current]} para ${STATUS_LABEL[target]}.`, { from: current, to: target });
  }
  if (!rule.reason) return { status: rule.becomes ?? target, statusReason: null };
  const cleaned = cleanText(reason ?? '');
  if (cleaned.length === 0 || cleaned.length > MAX_REASON_LENGTH) {
    throw new ProvidersError('BAD_USER_INPUT', `Informe o motivo (até ${MAX_REASON_LENGTH} caracteres); a clínica verá este texto.`, { field: 'reason' });
  }
  return { status: target, statusReason: cleaned };
}

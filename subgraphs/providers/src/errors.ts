// The providers subgraph's error codes: the kit's generic ones plus the clinics and catalog domain's.
import { AppError, type KitErrorCode } from '@medpay/runtime';

export type ProvidersErrorCode = KitErrorCode | 'CNPJ_TAKEN' | 'CLINIC_NOT_ACTIVE' | 'LAST_CLINIC_ADMIN' | 'INVALID_CNPJ' | 'INVALID_STATUS_TRANSITION'
  /** only an ATIVA CNPJ can be approved */
  | 'CNPJ_NOT_ACTIVE'
  | 'RECEITA_UNAVAILABLE'
  | 'PRACTICE_CREDENTIALS_REFUSED'
  | 'PRACTICE_SYSTEM_UNAVAILABLE';

export class ProvidersError extends AppError<ProvidersErrorCode> {}

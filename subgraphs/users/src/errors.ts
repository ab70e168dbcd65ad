// The users subgraph's error codes: the kit's generic ones plus the accounts and sessions domain's.
import { AppError, type KitErrorCode } from '@medpay/runtime';

export type UsersErrorCode =
  | KitErrorCode
  | 'EMAIL_TAKEN'
  | 'CPF_TAKEN'
  | 'WEAK_PASSWORD'
  | 'INVALID_CREDENTIALS'
  | 'ACCOUNT_LOCKED'
  | 'TOO_MANY_ATTEMPTS'
  | 'INVALID_REFRESH_TOKEN'
  | 'REFRESH_TOKEN_REUSED'
  | 'INVALID_CPF'
  /** the versions accepted are not the ones in force (the page showed an older text) */
  | 'TERMS_VERSION_OUTDATED'
  | 'DATA_EXPORT_IN_PROGRESS'
  | 'DATA_EXPORT_LIMIT_REACHED'
  | 'ACCOUNT_HAS_MONEY_IN_FLIGHT'
  | 'ACCOUNT_IS_SOLE_CLINIC_ADMIN'
  | 'ACCOUNT_DELETION_UNAVAILABLE'
  | 'CONFIRMATION_LINK_INVALID'
  | 'CONFIRMATION_LINK_EXPIRED'
  /** the CPF is not REGULAR at the Receita Federal (its status in extensions.cpfStatus) */
  | 'CPF_IRREGULAR'
  /** the name typed is not the one the Receita Federal has for the CPF */
  | 'CPF_NAME_MISMATCH';

export class UsersError extends AppError<UsersErrorCode> {}

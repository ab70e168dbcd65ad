// The payments subgraph's error codes: the kit's generic ones plus checkout, ledger, refunds and gateway.
import { AppError, type KitErrorCode } from '@medpay/runtime';

export type PaymentsErrorCode =
  | KitErrorCode
  | 'INVALID_STATUS_TRANSITION'
  | 'INSUFFICIENT_BALANCE'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'PLAN_NOT_AVAILABLE'
  | 'PROCEDURE_NOT_AVAILABLE'
  | 'CARD_DECLINED'
  | 'CONTRACT_ACCEPTANCE_REQUIRED'
  | 'CREDIT_DENIED'
  | 'REFUND_EXCEEDS_BALANCE'
  | 'REFUND_NOT_ALLOWED'
  | 'DISPUTE_NOT_ALLOWED'
  | 'GATEWAY_UNAVAILABLE'
  | 'FRAUD_REVIEW_DECIDED'
  | 'PAYMENT_NOT_PAYABLE'
  /** crediário: the payer's CPF has not been confirmed at the Receita Federal in the last 30 days (yet) */
  | 'CPF_CHECK_PENDING'
  /** crediário: the payer's CPF is not REGULAR at the Receita Federal */
  | 'CPF_IRREGULAR'
  /** the document cannot be issued yet (the statement of a month still open) */
  | 'DOCUMENT_NOT_AVAILABLE'
  /** the payment link is used, canceled, expired, of another procedure or for another CPF */
  | 'PAYMENT_LINK_INVALID'
  | 'PAYMENT_LINK_USED';

export class PaymentsError extends AppError<PaymentsErrorCode> {}

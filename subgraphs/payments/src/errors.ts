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
  | 'PAYMENT_NOT_PAYABLE';

export class PaymentsError extends AppError<PaymentsErrorCode> {}

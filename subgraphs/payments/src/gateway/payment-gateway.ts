// The payments core speaks to "a payment gateway" through this interface; Celcoin is one
// implementation (celcoin-client.ts). Every call carries a clientRequestId: the gateway's
// idempotency key, so a retried call never moves money twice.

export interface Party {
  name: string;
  /** CPF or CNPJ, digits only */
  document: string;
}

/** A share of a charge credited to another account at settlement (Celcoin split). */
export interface SplitShare {
  /** our id for the receiving account (clinic or platform) */
  account: string;
  amountCentavos: number;
  description: string;
}

export interface PixChargeRequest {
  clientRequestId: string;
  amountCentavos: number;
  payer: Party;
  description: string;
  /** immediate charge (cob) expiring after this many seconds; ignored when dueDate is set */
  expiresInSeconds: number;
  /** YYYY-MM-DD: a charge with a due date (cobv), for installments */
  dueDate?: string;
  split?: SplitShare[];
}

export interface PixCharge {
  transactionId: string;
  /** the BR Code ("copia e cola") the patient pastes in a bank app */
  copiaECola: string;
  expiresAt: Date;
}

export interface BoletoRequest {
  clientRequestId: string;
  amountCentavos: number;
  payer: Party;
  /** YYYY-MM-DD */
  dueDate: string;
  split?: SplitShare[];
}

export interface Boleto {
  transactionId: string;
  /** linha digitável, 47 digits */
  line: string;
  /** 44 digits */
  barcode: string;
  dueDate: string;
}

export interface CardChargeRequest {
  clientRequestId: string;
  amountCentavos: number;
  installments: number;
  /** token from the gateway's browser tokenization; card numbers never reach us */
  cardToken: string;
  payer: Party;
  split?: SplitShare[];
}

export interface CardCharge {
  transactionId: string;
  status: 'APPROVED' | 'DECLINED';
  declineReason?: string;
  brand: string;
  last4: string;
}

export interface EscrowRequest {
  /** Celcoin's correlationBlockedId: one block per payment */
  correlationId: string;
  amountCentavos: number;
  /** makes a partial unblock idempotent: the same id unblocks once */
  clientRequestId?: string;
}

export interface PayoutRequest {
  clientRequestId: string;
  amountCentavos: number;
  /** the clinic's registered PIX key */
  pixKey: string;
  recipient: Party;
}

/** A payout by TED to a bank account in the recipient's own name. */
export interface TedRequest {
  clientRequestId: string;
  amountCentavos: number;
  bankAccount: { ispb: string; branch: string; account: string; accountType: 'CHECKING' | 'SAVINGS' | 'PAYMENT' };
  recipient: Party;
}

export interface RefundRequest {
  clientRequestId: string;
  /** the charge being refunded */
  transactionId: string;
  amountCentavos: number;
  reason: string;
}

export interface Transfer {
  transactionId: string;
  status: 'PENDING' | 'CONFIRMED' | 'FAILED';
}

export type ChargeStatus = 'ACTIVE' | 'PAID' | 'EXPIRED' | 'CANCELED';

/** The gateway's view of a charge, for reconciliation. */
export interface ChargeView {
  transactionId: string;
  clientRequestId: string;
  status: ChargeStatus;
  amountCentavos: number;
  paidCentavos: number;
  paidAt?: Date;
}

/** What a webhook means, whatever the provider's payload looked like. */
export type GatewayEvent =
  /** `endToEndId`: a PIX's id at the central bank, printed on its receipt */
  | { type: 'CHARGE_PAID'; eventId: string; transactionId: string; clientRequestId: string; amountCentavos: number; occurredAt: Date; endToEndId?: string }
  | { type: 'CHARGE_EXPIRED' | 'CHARGE_CANCELED'; eventId: string; transactionId: string; clientRequestId: string; occurredAt: Date }
  | { type: 'PAYOUT_CONFIRMED' | 'PAYOUT_FAILED'; eventId: string; transactionId: string; clientRequestId: string; occurredAt: Date }
  | { type: 'REFUND_CONFIRMED' | 'REFUND_FAILED'; eventId: string; transactionId: string; clientRequestId: string; occurredAt: Date }
  /** the card issuer took a charge's money back; `transactionId` is the original charge's */
  | { type: 'CHARGEBACK'; eventId: string; chargebackId: string; transactionId: string; amountCentavos: number; reason: string; occurredAt: Date };

/** A webhook whose signature or credentials do not verify. */
export class WebhookRejectedError extends Error {}

/** The gateway could not be reached or answered with a failure worth retrying later. */
export class GatewayUnavailableError extends Error {}

export interface PaymentGateway {
  createPixCharge(request: PixChargeRequest): Promise<PixCharge>;
  createBoleto(request: BoletoRequest): Promise<Boleto>;
  chargeCard(request: CardChargeRequest): Promise<CardCharge>;
  getCharge(transactionId: string): Promise<ChargeView>;
  /** finds a charge by our idempotency key, e.g. after a crash between the call and our commit */
  findChargeByClientRequestId(clientRequestId: string): Promise<ChargeView | null>;
  cancelCharge(transactionId: string): Promise<void>;
  blockBalance(request: EscrowRequest): Promise<void>;
  /** partial or total; never more than is blocked */
  unblockBalance(request: EscrowRequest): Promise<void>;
  payout(request: PayoutRequest): Promise<Transfer>;
  /** a payout by TED: settles the same business day before the cut-off, the next one after */
  tedTransfer(request: TedRequest): Promise<Transfer>;
  refund(request: RefundRequest): Promise<Transfer>;
  /** verifies the raw request (before any parsing) and normalizes it; throws WebhookRejectedError */
  parseWebhook(rawBody: Buffer, headers: Record<string, string | string[] | undefined>): GatewayEvent[];
}

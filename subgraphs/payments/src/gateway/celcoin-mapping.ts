// Pure translation between our gateway model and Celcoin's payloads: request bodies out, responses and
// webhooks in (checked with zod). No HTTP here, so every rule is unit-tested on plain values.
import { BrCodeError, centavosToDecimal, decimalToCentavos, parsePixBrCode } from '@medpay/br-rails';
import { z } from 'zod';
import { GatewayRejectedError, type GatewayRejectionCode } from './gateway-errors.js';
import {
  WebhookRejectedError,
  type Boleto,
  type BoletoRequest,
  type CardCharge,
  type CardChargeRequest,
  type ChargeStatus,
  type ChargeView,
  type EscrowRequest,
  type GatewayEvent,
  type Party,
  type PayoutRequest,
  type TedRequest,
  type PixCharge,
  type PixChargeRequest,
  type RefundRequest,
  type SplitShare,
  type Transfer,
} from './payment-gateway.js';

/** A 2xx answer that does not have the shape we rely on. */
export class CelcoinProtocolError extends Error {}

const reais = (centavos: number) => Number(centavosToDecimal(centavos));
const decimal = z.union([z.string(), z.number()]);

function parse<Schema extends z.ZodType>(schema: Schema, value: unknown, what: string): z.infer<Schema> {
  const result = schema.safeParse(value);
  if (!result.success) throw new CelcoinProtocolError(`Unexpected ${what} from Celcoin: ${result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  return result.data;
}

function centavos(value: string | number, what: string): number {
  try {
    return decimalToCentavos(value);
  } catch {
    throw new CelcoinProtocolError(`Celcoin sent ${what} that is not an amount: ${JSON.stringify(value)}`);
  }
}

// ---- requests -------------------------------------------------------------------------------------

function debtor(party: Party) {
  return party.document.length === 11 ? { name: party.name, cpf: party.document } : { name: party.name, cnpj: party.document };
}

/** Celcoin's split on dynamic PIX; each share gets its own derived clientRequestId so retries stay idempotent. */
function feeInfo(clientRequestId: string, split: SplitShare[]) {
  return {
    totalAmount: reais(split.reduce((sum, share) => sum + share.amountCentavos, 0)),
    feeDetails: split.map((share, index) => ({
      amount: reais(share.amountCentavos),
      description: share.description,
      clientRequestId: `${clientRequestId}-split-${index + 1}`,
      accountCredit: { account: share.account },
    })),
  };
}

/** The location gets a key derived from the charge's, so a retried charge reuses its location. */
export function locationBody(request: PixChargeRequest, merchant: { name: string; city: string }) {
  return {
    clientRequestId: `${request.clientRequestId}-location`,
    type: request.dueDate ? 'COBV' : 'COB',
    merchant: { name: merchant.name, city: merchant.city, merchantCategoryCode: '0000' },
  };
}

/** Installment charges (cobv) stop being payable at the end of the due date: late fees make a new charge. */
const DUE_DATE_VALIDITY_DAYS = 0;

export function pixCollectionBody(request: PixChargeRequest, pixKey: string, locationId: string) {
  return {
    clientRequestId: request.clientRequestId,
    key: pixKey,
    locationId,
    debtor: debtor(request.payer),
    amount: { original: centavosToDecimal(request.amountCentavos) },
    calendar: request.dueDate ? { dueDate: request.dueDate, validityAfterExpiration: DUE_DATE_VALIDITY_DAYS } : { expiration: request.expiresInSeconds },
    payerQuestion: request.description.slice(0, 140),
    ...(request.split?.length ? { feeInfo: feeInfo(request.clientRequestId, request.split) } : {}),
  };
}

function splitEntries(split: SplitShare[] | undefined) {
  return split?.length ? { split: split.map((share) => ({ account: share.account, amount: reais(share.amountCentavos) })) } : {};
}

export function boletoBody(request: BoletoRequest, receiverAccount: string) {
  return {
    externalId: request.clientRequestId,
    dueDate: request.dueDate,
    amount: reais(request.amountCentavos),
    debtor: { name: request.payer.name, document: request.payer.document },
    receiver: { account: receiverAccount },
    ...splitEntries(request.split),
  };
}

export function cardChargeBody(request: CardChargeRequest) {
  return {
    clientRequestId: request.clientRequestId,
    amount: reais(request.amountCentavos),
    installments: request.installments,
    cardToken: request.cardToken,
    payer: { name: request.payer.name, document: request.payer.document },
    ...splitEntries(request.split),
  };
}

export const blockBody = (request: EscrowRequest) => ({ correlationBlockedId: request.correlationId, amount: reais(request.amountCentavos) });

export const unblockBody = (request: EscrowRequest, clientRequestId: string) => ({ correlationBlockedId: request.correlationId, amount: reais(request.amountCentavos), clientRequestId });

export function payoutBody(request: PayoutRequest) {
  return {
    clientRequestId: request.clientRequestId,
    amount: reais(request.amountCentavos),
    creditParty: { key: request.pixKey, name: request.recipient.name, taxId: request.recipient.document },
    description: 'MedPay repasse',
  };
}

const ACCOUNT_TYPES = { CHECKING: 'CC', SAVINGS: 'PP', PAYMENT: 'PG' } as const;

/** Celcoin's TED (SPB transfer): routed by the bank's ISPB, with the holder's document and person type. */
export function tedBody(request: TedRequest) {
  const { bankAccount, recipient } = request;
  return {
    clientCode: request.clientRequestId,
    amount: reais(request.amountCentavos),
    creditParty: {
      bank: bankAccount.ispb,
      branch: bankAccount.branch,
      account: bankAccount.account,
      accountType: ACCOUNT_TYPES[bankAccount.accountType],
      taxId: recipient.document,
      name: recipient.name,
      personType: recipient.document.length === 11 ? 'F' : 'J',
    },
    description: 'MedPay repasse',
  };
}

export const reversalBody = (request: RefundRequest) => ({ clientRequestId: request.clientRequestId, amount: reais(request.amountCentavos), reason: request.reason.slice(0, 140) });

// ---- responses ------------------------------------------------------------------------------------

const tokenResponse = z.object({ access_token: z.string().min(1), expires_in: z.number().positive(), token_type: z.string() });

export function toAccessToken(response: unknown): { token: string; expiresInSeconds: number } {
  const token = parse(tokenResponse, response, 'token response');
  return { token: token.access_token, expiresInSeconds: token.expires_in };
}

const locationResponse = z.object({ locationId: z.string().min(1), location: z.string().min(1) });

export const toLocationId = (response: unknown): string => parse(locationResponse, response, 'PIX location').locationId;

const pixCollection = z.object({
  transactionId: z.string().min(1),
  clientRequestId: z.string(),
  status: z.string(),
  emvqrcps: z.string().min(1),
  amount: z.object({ original: decimal }),
  calendar: z.object({ createdAt: z.string(), expiration: z.number().int().optional(), dueDate: z.string().optional(), validityAfterExpiration: z.number().int().optional() }),
  pix: z.array(z.object({ endToEndId: z.string(), amount: decimal, paidAt: z.string().optional() })).default([]),
});

const boletoCharge = z.object({
  transactionId: z.string().min(1),
  externalId: z.string(),
  status: z.string(),
  amount: decimal,
  boleto: z.object({ digitableLine: z.string().regex(/^\d{47}$/), barCode: z.string().regex(/^\d{44}$/), dueDate: z.string() }),
  payment: z.object({ amount: decimal, paidAt: z.string() }).nullish(),
});

const cardCharge = z.object({
  transactionId: z.string().min(1),
  clientRequestId: z.string(),
  status: z.enum(['APPROVED', 'DECLINED']),
  amount: decimal,
  brand: z.string(),
  last4: z.string(),
  declineReason: z.string().optional(),
  createdAt: z.string().optional(),
});

const transfer = z.object({ transactionId: z.string().min(1), status: z.string() });

const PIX_STATUS: Record<string, ChargeStatus> = {
  ACTIVE: 'ACTIVE',
  CONCLUDED: 'PAID',
  REMOVED_BY_USER_RECEIVING: 'CANCELED',
  REMOVED_BY_PSP: 'CANCELED',
  EXPIRED: 'EXPIRED',
};

const BOLETO_STATUS: Record<string, ChargeStatus> = { ACTIVE: 'ACTIVE', PENDING: 'ACTIVE', CONFIRMED: 'PAID', PAID: 'PAID', CANCELED: 'CANCELED', EXPIRED: 'EXPIRED' };

function status(table: Record<string, ChargeStatus>, value: string, what: string): ChargeStatus {
  const mapped = table[value];
  if (!mapped) throw new CelcoinProtocolError(`Unknown ${what} status from Celcoin: ${value}`);
  return mapped;
}

/** When a PIX charge stops being payable: creation + expiration (cob), or the end of the last valid day in Brasília (cobv). */
export function pixExpiry(calendar: { createdAt: string; expiration?: number | undefined; dueDate?: string | undefined; validityAfterExpiration?: number | undefined }): Date {
  if (calendar.expiration !== undefined) return new Date(Date.parse(calendar.createdAt) + calendar.expiration * 1000);
  if (!calendar.dueDate) throw new CelcoinProtocolError('A PIX charge without expiration or due date');
  const lastDay = new Date(Date.parse(`${calendar.dueDate}T00:00:00Z`) + (calendar.validityAfterExpiration ?? 0) * 86_400_000).toISOString().slice(0, 10);
  return new Date(`${lastDay}T23:59:59.999-03:00`);
}

/**
 * The copia-e-cola is what the patient pays: refuse one that does not parse, is not dynamic, or states an
 * amount other than the one we asked for.
 */
export function checkedCopiaECola(emv: string, amountCentavos: number): string {
  let code;
  try {
    code = parsePixBrCode(emv);
  } catch (error) {
    throw new CelcoinProtocolError(`Celcoin returned an invalid BR Code: ${error instanceof BrCodeError ? error.message : String(error)}`);
  }
  if (!code.locationUrl) throw new CelcoinProtocolError('Celcoin returned a static BR Code for a dynamic charge');
  if (code.amountCentavos !== undefined && code.amountCentavos !== amountCentavos) {
    throw new CelcoinProtocolError(`Celcoin returned a BR Code for ${code.amountCentavos} centavos instead of ${amountCentavos}`);
  }
  return emv;
}

export function toPixCharge(response: unknown, amountCentavos: number): PixCharge {
  const collection = parse(pixCollection, response, 'PIX collection');
  return { transactionId: collection.transactionId, copiaECola: checkedCopiaECola(collection.emvqrcps, amountCentavos), expiresAt: pixExpiry(collection.calendar) };
}

export function toBoleto(response: unknown): Boleto {
  const charge = parse(boletoCharge, response, 'boleto charge');
  return { transactionId: charge.transactionId, line: charge.boleto.digitableLine, barcode: charge.boleto.barCode, dueDate: charge.boleto.dueDate };
}

export function toCardCharge(response: unknown): CardCharge {
  const charge = parse(cardCharge, response, 'card charge');
  return { transactionId: charge.transactionId, status: charge.status, brand: charge.brand, last4: charge.last4, ...(charge.declineReason ? { declineReason: charge.declineReason } : {}) };
}

export function pixChargeView(response: unknown): ChargeView {
  const collection = parse(pixCollection, response, 'PIX collection');
  const paidAt = collection.pix.map((pix) => pix.paidAt).find((at) => at !== undefined);
  return {
    transactionId: collection.transactionId,
    clientRequestId: collection.clientRequestId,
    status: status(PIX_STATUS, collection.status, 'PIX charge'),
    amountCentavos: centavos(collection.amount.original, 'a charge amount'),
    paidCentavos: collection.pix.reduce((sum, pix) => sum + centavos(pix.amount, 'a paid amount'), 0),
    ...(paidAt ? { paidAt: new Date(paidAt) } : {}),
  };
}

export function boletoChargeView(response: unknown): ChargeView {
  const charge = parse(boletoCharge, response, 'boleto charge');
  return {
    transactionId: charge.transactionId,
    clientRequestId: charge.externalId,
    status: status(BOLETO_STATUS, charge.status, 'boleto'),
    amountCentavos: centavos(charge.amount, 'a charge amount'),
    paidCentavos: charge.payment ? centavos(charge.payment.amount, 'a paid amount') : 0,
    ...(charge.payment ? { paidAt: new Date(charge.payment.paidAt) } : {}),
  };
}

/** A card charge is paid when approved; a declined one never took money and cannot be paid, so it reads as CANCELED. */
export function cardChargeView(response: unknown): ChargeView {
  const charge = parse(cardCharge, response, 'card charge');
  const amount = centavos(charge.amount, 'a charge amount');
  const approved = charge.status === 'APPROVED';
  return {
    transactionId: charge.transactionId,
    clientRequestId: charge.clientRequestId,
    status: approved ? 'PAID' : 'CANCELED',
    amountCentavos: amount,
    paidCentavos: approved ? amount : 0,
    ...(approved && charge.createdAt ? { paidAt: new Date(charge.createdAt) } : {}),
  };
}

const TRANSFER_STATUS: Record<string, Transfer['status']> = { PROCESSING: 'PENDING', PENDING: 'PENDING', CONFIRMED: 'CONFIRMED', ERROR: 'FAILED', FAILED: 'FAILED' };

export function toTransfer(response: unknown): Transfer {
  const sent = parse(transfer, response, 'transfer');
  const mapped = TRANSFER_STATUS[sent.status];
  if (!mapped) throw new CelcoinProtocolError(`Unknown transfer status from Celcoin: ${sent.status}`);
  return { transactionId: sent.transactionId, status: mapped };
}

const errorBody = z.object({ errorCode: z.string().optional(), message: z.string().optional(), error: z.string().optional(), error_description: z.string().optional() });

/** Provider codes that mean "more than is there" rather than a malformed request. */
const LIMIT_CODES = new Set(['INSUFFICIENT_BLOCKED_BALANCE', 'REFUND_EXCEEDS_AVAILABLE', 'INSUFFICIENT_BALANCE']);

/** A 4xx Celcoin answer as the error the payments core handles. */
export function rejectionFor(status: number, body: unknown, operation: string): GatewayRejectedError {
  const parsed = errorBody.safeParse(body);
  const providerCode = parsed.success ? (parsed.data.errorCode ?? parsed.data.error) : undefined;
  const detail = parsed.success ? (parsed.data.message ?? parsed.data.error_description) : undefined;
  let code: GatewayRejectionCode;
  if (status === 401 || status === 403) code = 'AUTHENTICATION_FAILED';
  else if (status === 404) code = 'NOT_FOUND';
  else if (status === 409) code = 'CONFLICT';
  else if (providerCode && LIMIT_CODES.has(providerCode)) code = 'LIMIT_EXCEEDED';
  else code = 'INVALID_REQUEST';
  return new GatewayRejectedError(`Celcoin refused ${operation} (HTTP ${status}${providerCode ? ` ${providerCode}` : ''})${detail ? `: ${detail}` : ''}`, code, providerCode);
}

// ---- webhooks -------------------------------------------------------------------------------------

/** Celcoin's RECEIVEPIX createdTimestamp is "MM/DD/YYYY hh:mm:ss" in Brasília time (UTC-03:00); ISO also accepted. */
export function parseCelcoinTimestamp(text: string): Date {
  const brasilia = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  const date = brasilia ? new Date(`${brasilia[3]}-${brasilia[1]}-${brasilia[2]}T${brasilia[4]}:${brasilia[5]}:${brasilia[6]}-03:00`) : new Date(text);
  if (Number.isNaN(date.getTime())) throw new WebhookRejectedError(`Unreadable timestamp in webhook: ${text}`);
  return date;
}

const receivePix = z.object({
  RequestBody: z.object({
    TransactionType: z.literal('RECEIVEPIX'),
    EndToEndId: z.string().min(1),
    Amount: decimal,
    TransactionIdBRCode: z.string().min(1).optional(),
    ClientRequestId: z.string().optional(),
    createdTimestamp: z.string().optional(),
  }),
});

const envelope = z.object({ entity: z.string(), webhookId: z.string().min(1), createTimestamp: z.string(), status: z.string(), body: z.record(z.string(), z.unknown()) });

const chargeIn = z.object({ transactionId: z.string().min(1), externalId: z.string(), amount: decimal, paidAmount: decimal.optional(), paymentDate: z.string().optional() });
const chargeClosed = z.object({ transactionId: z.string().min(1), clientRequestId: z.string().optional(), externalId: z.string().optional() });
const transferSettled = z.object({ id: z.string().min(1), clientCode: z.string() });
const chargeback = z.object({ id: z.string().min(1), originalTransactionId: z.string().min(1), amount: decimal, reasonCode: z.string().optional(), reason: z.string().optional() });

/** Entities we are subscribed to but do not act on; anything else is refused as an unknown shape. */
const IGNORED_ENTITIES = new Set(['charge-create', 'pix-payment-in', 'pix-reversal-in', 'card-charge']);

function webhookAmount(value: string | number): number {
  try {
    return decimalToCentavos(value);
  } catch {
    throw new WebhookRejectedError(`Webhook amount is not an amount: ${JSON.stringify(value)}`);
  }
}

function fields<Schema extends z.ZodType>(schema: Schema, value: unknown, entity: string): z.infer<Schema> {
  const result = schema.safeParse(value);
  if (!result.success) throw new WebhookRejectedError(`Webhook ${entity} is missing fields: ${result.error.issues.map((issue) => issue.path.join('.')).join(', ')}`);
  return result.data;
}

function transferEvent(
  entity: string,
  status: string,
  body: unknown,
  eventId: string,
  occurredAt: Date,
  types: { confirmed: 'PAYOUT_CONFIRMED' | 'REFUND_CONFIRMED'; failed: 'PAYOUT_FAILED' | 'REFUND_FAILED' },
): GatewayEvent[] {
  const sent = fields(transferSettled, body, entity);
  const base = { eventId, transactionId: sent.id, clientRequestId: sent.clientCode, occurredAt };
  if (status === 'CONFIRMED') return [{ type: types.confirmed, ...base }];
  if (status === 'ERROR' || status === 'FAILED') return [{ type: types.failed, ...base }];
  if (status === 'PROCESSING') return [];
  throw new WebhookRejectedError(`Unknown ${entity} status: ${status}`);
}

/** A parsed webhook body as the provider-agnostic events it means ([] for receipts that are not about our charges). */
export function webhookEvents(payload: unknown): GatewayEvent[] {
  const pix = receivePix.safeParse(payload);
  if (pix.success) {
    const receipt = pix.data.RequestBody;
    // A PIX to our key without a charge (no BR Code) is not about a charge of ours.
    if (!receipt.TransactionIdBRCode) return [];
    return [
      {
        type: 'CHARGE_PAID',
        eventId: receipt.EndToEndId,
        endToEndId: receipt.EndToEndId,
        transactionId: receipt.TransactionIdBRCode,
        clientRequestId: receipt.ClientRequestId ?? '',
        amountCentavos: webhookAmount(receipt.Amount),
        occurredAt: receipt.createdTimestamp ? parseCelcoinTimestamp(receipt.createdTimestamp) : new Date(),
      },
    ];
  }
  const event = envelope.safeParse(payload);
  if (!event.success) throw new WebhookRejectedError('Unknown webhook shape: neither a RECEIVEPIX nor a Celcoin event envelope');
  const { entity, webhookId: eventId, status, body } = event.data;
  const at = parseCelcoinTimestamp(event.data.createTimestamp);
  switch (entity) {
    case 'charge-in': {
      if (status !== 'CONFIRMED') return [];
      const paid = fields(chargeIn, body, entity);
      return [
        {
          type: 'CHARGE_PAID',
          eventId,
          transactionId: paid.transactionId,
          clientRequestId: paid.externalId,
          amountCentavos: webhookAmount(paid.paidAmount ?? paid.amount),
          occurredAt: paid.paymentDate ? parseCelcoinTimestamp(paid.paymentDate) : at,
        },
      ];
    }
    case 'charge-canceled':
    case 'charge-expired': {
      const closed = fields(chargeClosed, body, entity);
      const type = entity === 'charge-canceled' ? 'CHARGE_CANCELED' : 'CHARGE_EXPIRED';
      return [{ type, eventId, transactionId: closed.transactionId, clientRequestId: closed.clientRequestId ?? closed.externalId ?? '', occurredAt: at }];
    }
    case 'pix-payment-out':
    case 'spb-transfer-out':
      return transferEvent(entity, status, body, eventId, at, { confirmed: 'PAYOUT_CONFIRMED', failed: 'PAYOUT_FAILED' });
    case 'pix-reversal-out':
    case 'card-reversal-out':
      return transferEvent(entity, status, body, eventId, at, { confirmed: 'REFUND_CONFIRMED', failed: 'REFUND_FAILED' });
    case 'card-chargeback': {
      // Only a chargeback the acquirer has debited moves money; an open one (a retrieval request) waits.
      if (status !== 'CONFIRMED') return [];
      const taken = fields(chargeback, body, entity);
      const reason = [taken.reasonCode, taken.reason].filter(Boolean).join(' ');
      return [{ type: 'CHARGEBACK', eventId, chargebackId: taken.id, transactionId: taken.originalTransactionId, amountCentavos: webhookAmount(taken.amount), reason, occurredAt: at }];
    }
    default:
      if (IGNORED_ENTITIES.has(entity)) return [];
      throw new WebhookRejectedError(`Unknown webhook entity: ${entity}`);
  }
}

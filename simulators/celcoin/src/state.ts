// The simulator's whole memory: what Celcoin would hold for one account. Plain maps, read and written
// synchronously by the handlers, so every check-then-write (idempotency, limits) is atomic.
import { SimError } from '@medpay/simulation';

export type PixChargeStatus = 'ACTIVE' | 'CONCLUDED' | 'REMOVED_BY_USER_RECEIVING' | 'EXPIRED';
export type BoletoStatus = 'ACTIVE' | 'CONFIRMED' | 'CANCELED' | 'EXPIRED';
export type TransferStatus = 'PROCESSING' | 'CONFIRMED' | 'ERROR';

export interface Party {
  name: string;
  document: string;
}

/** A request remembered with its idempotency fingerprint (canonical JSON of the parsed body). */
interface Remembered {
  fingerprint: string;
  request: Record<string, unknown>;
}

export interface LocationRecord extends Remembered {
  locationId: string;
  clientRequestId: string;
  type: 'COB' | 'COBV';
  /** without scheme, as it goes into the BR Code */
  url: string;
  merchantName: string;
  merchantCity: string;
  transactionId?: string;
  createdAt: string;
}

export interface PixChargeRecord extends Remembered {
  kind: 'pix';
  transactionId: string;
  clientRequestId: string;
  type: 'COB' | 'COBV';
  txid: string;
  key: string;
  locationId: string;
  location: string;
  debtor: Party;
  amountCentavos: number;
  status: PixChargeStatus;
  emvqrcps: string;
  createdAt: string;
  expiresAt: string;
  expirationSeconds?: number;
  dueDate?: string;
  validityAfterExpiration?: number;
  feeInfo?: unknown;
  paidCentavos: number;
  paidAt?: string;
  endToEndId?: string;
}

export interface BoletoRecord extends Remembered {
  kind: 'boleto';
  transactionId: string;
  externalId: string;
  amountCentavos: number;
  dueDate: string;
  debtor: Party;
  status: BoletoStatus;
  barcode: string;
  line: string;
  freeField: string;
  split?: unknown;
  createdAt: string;
  paidCentavos: number;
  paidAt?: string;
}

export interface CardTokenRecord {
  cardToken: string;
  brand: string;
  last4: string;
  holder: string;
  declined: boolean;
  expiresAt: string;
  /** tokens are single-use: the clientRequestId of the charge that consumed it */
  usedBy?: string;
}

export interface CardChargeRecord extends Remembered {
  transactionId: string;
  clientRequestId: string;
  amountCentavos: number;
  installments: number;
  cardToken: string;
  brand: string;
  last4: string;
  status: 'APPROVED' | 'DECLINED';
  declineReason?: string;
  createdAt: string;
}

export interface BlockRecord extends Remembered {
  correlationBlockedId: string;
  amountCentavos: number;
  remainingCentavos: number;
  createdAt: string;
  unblocks: Array<{ clientRequestId?: string; amountCentavos: number; remainingCentavos: number; at: string }>;
}

export interface PayoutRecord extends Remembered {
  transactionId: string;
  clientRequestId: string;
  amountCentavos: number;
  key: string;
  endToEndId: string;
  status: TransferStatus;
  error?: { errorCode: string; message: string };
  createdAt: string;
  settledAt?: string;
}

export interface RefundRecord extends Remembered {
  transactionId: string;
  clientRequestId: string;
  originalTransactionId: string;
  method: 'pix' | 'card';
  amountCentavos: number;
  reason?: string;
  returnIdentification: string;
  status: TransferStatus;
  createdAt: string;
  settledAt?: string;
}

/** A TED: accepted at once, settled on `settlesOn` (the same business day before 17:00, else the next). */
export interface TedRecord extends Remembered {
  transactionId: string;
  clientCode: string;
  amountCentavos: number;
  creditParty: { bank: string; branch: string; account: string; accountType: string; taxId: string; name: string };
  status: TransferStatus;
  /** the São Paulo business day it settles on */
  settlesOn: string;
  error?: { errorCode: string; message: string };
  createdAt: string;
  settledAt?: string;
}

/** The cardholder's bank took a card charge's money back: debited from the account at once. */
export interface ChargebackRecord {
  chargebackId: string;
  originalTransactionId: string;
  amountCentavos: number;
  reasonCode: string;
  reason: string;
  createdAt: string;
}

/** The state file's content: counters, and each map as its entries. */
export interface SavedState {
  tokenRequests: number;
  apiCalls: number;
  nextBoletoNumber: number;
  maps: Record<string, [string, unknown][]>;
}

export class SimulatorState {
  tokenRequests = 0;
  apiCalls = 0;
  readonly tokens = new Map<string, number>();
  readonly locations = new Map<string, LocationRecord>();
  readonly pixCharges = new Map<string, PixChargeRecord>();
  readonly boletos = new Map<string, BoletoRecord>();
  readonly cardTokens = new Map<string, CardTokenRecord>();
  readonly cardCharges = new Map<string, CardChargeRecord>();
  readonly blocks = new Map<string, BlockRecord>();
  readonly payouts = new Map<string, PayoutRecord>();
  readonly refunds = new Map<string, RefundRecord>();
  readonly teds = new Map<string, TedRecord>();
  /** by the charged-back card charge's transactionId (one chargeback per charge) */
  readonly chargebacks = new Map<string, ChargebackRecord>();
  /** the boleto "nosso número" sequence */
  nextBoletoNumber = 1;

  private maps() {
    return {
      tokens: this.tokens,
      locations: this.locations,
      pixCharges: this.pixCharges,
      boletos: this.boletos,
      cardTokens: this.cardTokens,
      cardCharges: this.cardCharges,
      blocks: this.blocks,
      payouts: this.payouts,
      refunds: this.refunds,
      teds: this.teds,
      chargebacks: this.chargebacks,
    };
  }

  /** Everything it holds, as plain data for JSON, to be read back by restore (the simulator's state file). */
  dump(): SavedState {
    const maps = Object.fromEntries(Object.entries(this.maps()).map(([name, map]) => [name, [...map.entries()]]));
    return { tokenRequests: this.tokenRequests, apiCalls: this.apiCalls, nextBoletoNumber: this.nextBoletoNumber, maps };
  }

  restore(saved: SavedState) {
    this.reset();
    Object.assign(this, { tokenRequests: saved.tokenRequests, apiCalls: saved.apiCalls, nextBoletoNumber: saved.nextBoletoNumber });
    for (const [name, map] of Object.entries(this.maps()) as [string, Map<string, unknown>][]) for (const [key, value] of saved.maps[name] ?? []) map.set(key, value);
  }

  reset() {
    this.tokenRequests = 0;
    this.apiCalls = 0;
    this.nextBoletoNumber = 1;
    for (const map of Object.values(this.maps())) map.clear();
  }

  findLocation(predicate: (location: LocationRecord) => boolean) {
    return [...this.locations.values()].find(predicate);
  }
  pixByClientRequestId(clientRequestId: string) {
    return [...this.pixCharges.values()].find((charge) => charge.clientRequestId === clientRequestId);
  }
  boletoByExternalId(externalId: string) {
    return [...this.boletos.values()].find((boleto) => boleto.externalId === externalId);
  }
  cardByClientRequestId(clientRequestId: string) {
    return [...this.cardCharges.values()].find((charge) => charge.clientRequestId === clientRequestId);
  }
  payoutByClientRequestId(clientRequestId: string) {
    return [...this.payouts.values()].find((payout) => payout.clientRequestId === clientRequestId);
  }
  tedByClientCode(clientCode: string) {
    return [...this.teds.values()].find((ted) => ted.clientCode === clientCode);
  }
  refundByClientRequestId(clientRequestId: string) {
    return [...this.refunds.values()].find((refund) => refund.clientRequestId === clientRequestId);
  }
  /** refunds that hold part of the charge (processing or confirmed) */
  refundedCentavos(originalTransactionId: string) {
    let total = 0;
    for (const refund of this.refunds.values()) if (refund.originalTransactionId === originalTransactionId && refund.status !== 'ERROR') total += refund.amountCentavos;
    return total;
  }

  /** Everything, as JSON for GET /_sim/state (card tokens without the holder's name). */
  snapshot() {
    return {
      tokenRequests: this.tokenRequests,
      apiCalls: this.apiCalls,
      locations: [...this.locations.values()].map(withoutRequest),
      charges: [...this.pixCharges.values(), ...this.boletos.values()].map(withoutRequest),
      cardTokens: [...this.cardTokens.values()].map(({ holder: _holder, ...token }) => token),
      cardCharges: [...this.cardCharges.values()].map(withoutRequest),
      blocks: [...this.blocks.values()].map(withoutRequest),
      payouts: [...this.payouts.values()].map(withoutRequest),
      refunds: [...this.refunds.values()].map(withoutRequest),
      teds: [...this.teds.values()].map(withoutRequest),
      chargebacks: [...this.chargebacks.values()],
    };
  }
}

function withoutRequest<Record extends Remembered>({ fingerprint: _fingerprint, request: _request, ...rest }: Record) {
  return rest;
}

/** Canonical JSON (sorted keys): two bodies with the same content have the same fingerprint. */
export function fingerprint(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}

/**
 * Stripe's rule for an idempotency key seen before: the same request gets the first answer, a different
 * one is a 409 naming the fields that differ.
 */
export function assertSameRequest(existing: Remembered, request: Record<string, unknown>, keyName: string, key: string) {
  if (existing.fingerprint === fingerprint(request)) return;
  const fields = new Set([...Object.keys(existing.request), ...Object.keys(request)]);
  const differing = [...fields].filter((field) => fingerprint(existing.request[field]) !== fingerprint(request[field]));
  throw new SimError(409, 'IDEMPOTENCY_CONFLICT', `${keyName} ${key} was already used with a different request (differs in: ${differing.join(', ')})`);
}

export function remember<Request extends Record<string, unknown>>(request: Request): Remembered {
  return { fingerprint: fingerprint(request), request };
}

// What ai knows when it scores a checkout: a projection of the event log (accounts, clinics, payments,
// declines, disputes, refunds, failed logins, tickets), kept in this process's memory and rebuilt from
// the producers' outboxes at start (every replica builds the same), joined with the checkout log
// (checkout-log.ts): the checkouts with what each assessment request brought — device, address and
// card fingerprint, which the event log never carries — shared by the replicas through Redis.
import { readEvent } from '@medpay/contracts';
import type { DomainEvent } from '@medpay/runtime';
import { CHECKOUT_MEMORY_MS, MemoryCheckoutLog, type CheckoutLog, type LoggedCheckout } from './checkout-log.js';
import { methodFlags, type CheckoutFeatures } from './features.js';
import { areaCodePoint, cityPoint, distanceKm, type Point } from './geography.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The longest window a feature reads (refunds, dispute rate); older facts are forgotten. */
const MEMORY_MS = CHECKOUT_MEMORY_MS;
/** Tickets per clinic and category kept for the norms (the latest paid ones). */
const NORM_SAMPLES = 200;
/** Fewer paid tickets than this and the clinic's norm falls back to the platform's for the category. */
const MIN_NORM_SAMPLES = 3;
/**
 * Facts the platform does not know take the honest patient's usual value, so that a missing fact never
 * reads as risk: the distance between patient and clinic when either place is unknown (a patient who
 * gave no phone, events from before places were published; 8 km is the synthetic honest median).
 */
const UNKNOWN_DISTANCE_KM = 8;

/** A loopback address is the machine's own (a local run, a health probe), never a client's: it is not counted. */
const countedIp = (ip: string) => (!ip || ip === '::1' || /^(::ffff:)?127\./.test(ip) ? null : ip);

export interface CheckoutRequest {
  paymentId: string;
  payerId: string;
  clinicId: string;
  category: string;
  method: 'PIX' | 'BOLETO' | 'CARD';
  planKind: 'A_VISTA' | 'CARD_INSTALLMENTS' | 'CREDIARIO';
  amountCentavos: number;
  deviceId: string | null;
  clientIp: string;
  cardFingerprint: string | null;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

function push<K, V>(index: Map<K, V[]>, key: K, value: V) {
  const list = index.get(key);
  if (list) list.push(value);
  else index.set(key, [value]);
}

export class RiskSignals {
  /** when each declined payment was declined */
  private readonly declinedAt = new Map<string, number>();
  private readonly registeredAt = new Map<string, number>();
  /** where patients and clinics are (geography.ts), as far as the log tells */
  private readonly patientPlace = new Map<string, Point>();
  private readonly clinicPlace = new Map<string, Point>();
  private readonly clinicSince = new Map<string, number>();
  /** paid and disputed payment ids per clinic, with when they were paid or disputed */
  private readonly clinicPaid = new Map<string, Map<string, number>>();
  private readonly clinicDisputed = new Map<string, Map<string, number>>();
  private readonly refundsOfPayer = new Map<string, Map<string, number>>();
  /** per account: each failed login (by event id) and when */
  private readonly failedLogins = new Map<string, Map<string, number>>();
  /** ticket of each created payment, entering the norms once it is paid */
  private readonly tickets = new Map<string, { clinicId: string; category: string; amountCentavos: number; at: number }>();
  private readonly clinicTickets = new Map<string, number[]>();
  private readonly categoryTickets = new Map<string, number[]>();

  constructor(readonly checkouts: CheckoutLog = new MemoryCheckoutLog()) {}

  /**
   * Records this checkout and returns its features as of `at`. The counts are of the checkouts before
   * it, as the model was trained (synthetic.ts): except the distinct accounts on the device and card
   * and the card's attempts, which include it.
   */
  async features(request: CheckoutRequest, at: number): Promise<CheckoutFeatures> {
    const { payer, device, ip, card } = await this.checkouts.record({
      paymentId: request.paymentId, payerId: request.payerId, clinicId: request.clinicId, at, deviceId: request.deviceId, ip: countedIp(request.clientIp), card: request.cardFingerprint,
    });
    const before = (list: LoggedCheckout[], windowMs: number) => list.filter((entry) => entry.paymentId !== request.paymentId && entry.at <= at && entry.at > at - windowMs);
    const declines = (list: LoggedCheckout[], windowMs: number) => list.filter((entry) => (this.declinedAt.get(entry.paymentId) ?? -Infinity) > at - windowMs).length;
    const accounts = (list: LoggedCheckout[], windowMs: number) => new Set([request.payerId, ...before(list, windowMs).map((entry) => entry.payerId)]).size;
    const firstOnDevice = device.filter((entry) => entry.paymentId !== request.paymentId && entry.payerId === request.payerId).reduce((first, entry) => Math.min(first, entry.at), at);
    const registered = this.registeredAt.get(request.payerId) ?? at;
    const clinicSince = this.clinicSince.get(request.clinicId) ?? at;
    const paid = [...(this.clinicPaid.get(request.clinicId)?.values() ?? [])].filter((paidAt) => paidAt > at - MEMORY_MS).length;
    const disputed = [...(this.clinicDisputed.get(request.clinicId)?.values() ?? [])].filter((disputedAt) => disputedAt > at - MEMORY_MS).length;
    const categoryNorm = this.categoryTickets.get(request.category);
    const clinicNorm = this.clinicTickets.get(`${request.clinicId}|${request.category}`);
    const categoryMedian = categoryNorm && categoryNorm.length >= MIN_NORM_SAMPLES ? median(categoryNorm) : request.amountCentavos;
    const clinicMedian = clinicNorm && clinicNorm.length >= MIN_NORM_SAMPLES ? median(clinicNorm) : categoryMedian;
    const isCard = request.method === 'CARD';
    const patientPlace = this.patientPlace.get(request.payerId);
    const clinicPlace = this.clinicPlace.get(request.clinicId);
    return {
      accountAgeDays: Math.max(0, Math.floor((at - registered) / DAY)),
      deviceAgeDays: Math.max(0, Math.floor((at - firstOnDevice) / DAY)),
      failedLogins1h: [...(this.failedLogins.get(request.payerId)?.values() ?? [])].filter((failedAt) => failedAt > at - HOUR && failedAt <= at).length,
      cpfPayments1h: before(payer, HOUR).length,
      cpfPayments24h: before(payer, DAY).length,
      cpfPayments7d: before(payer, 7 * DAY).length,
      cpfDeclines24h: declines(payer, DAY),
      devicePayments1h: before(device, HOUR).length,
      deviceDeclines1h: declines(device, HOUR),
      deviceDeclines24h: declines(device, DAY),
      deviceAccounts24h: accounts(device, DAY),
      ipPayments1h: before(ip, HOUR).length,
      ipDeclines24h: declines(ip, DAY),
      cardPayments24h: isCard ? before(card, DAY).length + 1 : 0,
      cardDeclines1h: isCard ? declines(card, HOUR) : 0,
      cardAccounts7d: isCard ? accounts(card, 7 * DAY) : 0,
      // The gateway's token does not tell the card's country: never a signal here yet.
      cardBinCountryMismatch: 0,
      amountCentavos: request.amountCentavos,
      amountToClinicNorm: request.amountCentavos / clinicMedian,
      amountToCategoryNorm: request.amountCentavos / categoryMedian,
      clinicAgeDays: Math.max(0, Math.floor((at - clinicSince) / DAY)),
      clinicDisputeRate: paid ? Math.min(1, disputed / paid) : 0,
      cpfPaymentsSameClinic30d: before(payer, 30 * DAY).filter((entry) => entry.clinicId === request.clinicId).length,
      accountRefunds90d: [...(this.refundsOfPayer.get(request.payerId)?.values() ?? [])].filter((refundedAt) => refundedAt > at - MEMORY_MS).length,
      patientClinicDistanceKm: patientPlace && clinicPlace ? distanceKm(patientPlace, clinicPlace) : UNKNOWN_DISTANCE_KM,
      ...methodFlags(request.planKind === 'CREDIARIO' ? 'CREDIARIO' : isCard ? 'CARD' : request.method),
    };
  }

  /** Takes one event of the log in; applying the same event twice changes nothing. */
  async apply(event: DomainEvent): Promise<void> {
    const at = Date.parse(event.createdAt);
    const failedLogin = readEvent('login.failed', event);
    if (failedLogin) upsert(this.failedLogins, failedLogin.userId, event.id, Date.parse(failedLogin.at));
    const registered = readEvent('patient.registered', event);
    if (registered) {
      this.registeredAt.set(registered.userId, Date.parse(registered.registeredAt));
      const place = registered.areaCode ? areaCodePoint(registered.areaCode) : null;
      if (place) this.patientPlace.set(registered.userId, place);
    }
    const located = readEvent('clinic.located', event);
    const clinicPlace = located && cityPoint(located.city, located.state);
    if (clinicPlace) this.clinicPlace.set(located.clinicId, clinicPlace);
    const clinic = readEvent('clinic.approved', event) ?? readEvent('procedure.created', event);
    if (clinic) this.clinicSince.set(clinic.clinicId, Math.min(this.clinicSince.get(clinic.clinicId) ?? Infinity, Date.parse(clinic.at)));
    const created = readEvent('payment.created', event);
    if (created) {
      await this.checkouts.record({ paymentId: created.paymentId, payerId: created.payerId, clinicId: created.clinicId, at, deviceId: null, ip: null, card: null });
      this.tickets.set(created.paymentId, { clinicId: created.clinicId, category: created.category, amountCentavos: created.grossCentavos, at });
      if (!this.clinicSince.has(created.clinicId)) this.clinicSince.set(created.clinicId, at);
    }
    const status = readEvent('payment.status_changed', event);
    if (status) {
      if (status.status === 'DECLINED' && !this.declinedAt.has(status.paymentId)) this.declinedAt.set(status.paymentId, at);
      if (status.status === 'PAID' || (status.from === 'AWAITING_PAYMENT' && status.status === 'IN_ESCROW')) this.paid(status.paymentId, status.clinicId, at);
      // Contested at MedPay (a dispute) or at the card's bank (a chargeback): the clinic's dispute rate counts both.
      if (status.status === 'DISPUTED' || status.status === 'CHARGED_BACK') upsert(this.clinicDisputed, status.clinicId, status.paymentId, at);
      if (status.status === 'REFUNDED' || status.status === 'PARTIALLY_REFUNDED') upsert(this.refundsOfPayer, status.payerId, status.paymentId, at);
    }
  }

  /** Forgets what is past the longest window (memory stays bounded by ~90 days of checkouts). */
  prune(now: number) {
    this.checkouts.prune(now);
    for (const [paymentId, declinedAt] of this.declinedAt) if (declinedAt <= now - MEMORY_MS) this.declinedAt.delete(paymentId);
    for (const [paymentId, ticket] of this.tickets) if (ticket.at <= now - MEMORY_MS) this.tickets.delete(paymentId);
    for (const index of [this.clinicPaid, this.clinicDisputed, this.refundsOfPayer]) {
      for (const entries of index.values()) for (const [id, at] of entries) if (at <= now - MEMORY_MS) entries.delete(id);
    }
    // Failed logins count for an hour: a day is plenty to keep.
    for (const [userId, entries] of this.failedLogins) {
      for (const [id, at] of entries) if (at <= now - DAY) entries.delete(id);
      if (entries.size === 0) this.failedLogins.delete(userId);
    }
  }

  private paid(paymentId: string, clinicId: string, at: number) {
    if (this.clinicPaid.get(clinicId)?.has(paymentId)) return;
    upsert(this.clinicPaid, clinicId, paymentId, at);
    const ticket = this.tickets.get(paymentId);
    if (!ticket) return;
    for (const [index, key] of [[this.clinicTickets, `${ticket.clinicId}|${ticket.category}`], [this.categoryTickets, ticket.category]] as const) {
      push(index, key, ticket.amountCentavos);
      const list = index.get(key)!;
      if (list.length > NORM_SAMPLES) list.shift();
    }
  }
}

function upsert(index: Map<string, Map<string, number>>, key: string, id: string, at: number) {
  const entries = index.get(key) ?? new Map<string, number>();
  if (!entries.has(id)) entries.set(id, at);
  index.set(key, entries);
}

// The domain events of the benchmark dataset (bench/domain.ts's DATASET), generated from a seeded
// PRNG: patients registering, a year of payments (checkout, payment, escrow, release, payout, and the
// refunds, disputes, expiries and declines in between), crediário installments paid or late, and the
// plan-simulation counters. The same seed gives the same events, relative to the day it runs on.
import type { DomainEvent } from '@medpay/runtime';
import { addDays, dayOf } from '@medpay/runtime';
import { mulberry32 } from '@medpay/ai';
import { createHash } from 'node:crypto';

export interface EventDatasetShape {
  patients: number;
  clinics: number;
  proceduresPerClinic: number;
  payments: number;
  /** plans.simulated counters (each one procedure's simulations in one 5-minute window) */
  simulationWindows: number;
}

/** One unit of the dataset: a payment's events, a registration, or a simulation counter. */
export interface EventGroup {
  kind: 'payment' | 'patient' | 'simulation';
  events: DomainEvent[];
}

export interface EventDataset {
  groups: EventGroup[];
  /** the clinic with the most payments, and how many it has */
  busiestClinic: { id: string; payments: number };
  counts: Record<string, number>;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The ids bench/domain.ts seeds into the subgraphs' databases: md5 of a label, as a uuid. */
export function datasetId(label: string, index: number): string {
  const hex = createHash('md5').update(`${label}-${index}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const CATEGORIES = ['Odontologia', 'Estética', 'Oftalmologia', 'Dermatologia', 'Ortopedia'];

/** The index of the first value above `value` in an ascending list (its length when none is). */
function pick(cumulative: number[], value: number): number {
  let low = 0;
  let high = cumulative.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (cumulative[middle]! > value) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * Every event of the dataset, in groups (one per payment, registration or counter), times within
 * the 365 days before `now`. Clinics are not equally busy: clinic k gets payments in proportion to
 * 1/√k (the busiest about 2 % of all), procedures within a clinic equally.
 */
export function generateEventDataset(shape: EventDatasetShape, now: Date, seed = 20_261_204): EventDataset {
  const random = mulberry32(seed);
  const between = (low: number, high: number) => low + random() * (high - low);
  const integer = (low: number, high: number) => Math.floor(between(low, high + 1));
  // uuid-shaped event ids: the seed, then a sequence number (as deterministic as hashing, and cheaper)
  const idPrefix = `${(seed >>> 0).toString(16).padStart(8, '0')}-0000-4000-8000-`;
  let eventSequence = 0;
  const eventId = () => `${idPrefix}${(eventSequence += 1).toString(16).padStart(12, '0')}`;
  const nowMs = now.getTime();
  const yearStart = nowMs - 365 * DAY;
  const event = (type: string, aggregateId: string, at: number, payload: Record<string, unknown>): DomainEvent => ({
    id: eventId(),
    type,
    aggregateId,
    payload,
    createdAt: new Date(Math.round(at)).toISOString(),
  });

  // Patients register over the 450 days before today; a payment's payer registered before it.
  const registrations = Array.from({ length: shape.patients }, () => between(nowMs - 450 * DAY, nowMs - DAY)).sort((a, b) => a - b);
  const patientIds = registrations.map((_, index) => datasetId('patient', index + 1));
  const groups: EventGroup[] = registrations.map((at, index) => {
    const userId = patientIds[index]!;
    return { kind: 'patient', events: [event('patient.registered', userId, at, { userId, roles: ['PATIENT'], registeredAt: new Date(Math.round(at)).toISOString() })] };
  });

  const procedureCount = shape.clinics * shape.proceduresPerClinic;
  const prices = Array.from({ length: procedureCount }, () => Math.round(Math.exp(between(Math.log(8_000), Math.log(300_000)))));
  const categories = Array.from({ length: procedureCount }, () => CATEGORIES[integer(0, CATEGORIES.length - 1)]!);
  const clinicWeights: number[] = [];
  for (let k = 1, total = 0; k <= shape.clinics; k += 1) clinicWeights.push((total += 1 / Math.sqrt(k)));
  const pickProcedure = () => {
    const clinic = pick(clinicWeights, random() * clinicWeights.at(-1)!);
    return clinic * shape.proceduresPerClinic + integer(0, shape.proceduresPerClinic - 1);
  };
  const clinicOf = (procedure: number) => Math.floor(procedure / shape.proceduresPerClinic);
  const clinicIds = Array.from({ length: shape.clinics }, (_, index) => datasetId('clinic', index + 1));
  const procedureIds = Array.from({ length: procedureCount }, (_, index) => datasetId('procedure', index + 1));
  const paymentsPerClinic = new Array<number>(shape.clinics).fill(0);

  for (let index = 1; index <= shape.payments; index += 1) {
    const procedure = pickProcedure();
    paymentsPerClinic[clinicOf(procedure)]! += 1;
    const paymentId = datasetId('payment', index);
    const clinicId = clinicIds[clinicOf(procedure)]!;
    const procedureId = procedureIds[procedure]!;
    const createdAt = between(yearStart, nowMs - 10 * MINUTE);
    const registered = pick(registrations, createdAt);
    const payerId = patientIds[Math.floor(random() * Math.max(1, registered))]!;

    const plan = random();
    const planKind = plan < 0.1 ? 'CREDIARIO' : plan < 0.3 ? 'CARD_INSTALLMENTS' : 'A_VISTA';
    const method = planKind === 'CARD_INSTALLMENTS' ? 'CARD' : planKind === 'CREDIARIO' ? (random() < 0.7 ? 'PIX' : 'BOLETO') : (['PIX', 'PIX', 'CARD', 'BOLETO'] as const)[integer(0, 3)]!;
    const gross = prices[procedure]!;
    const fee = Math.round(gross * 0.05);
    const cost = planKind === 'CREDIARIO' ? 0 : method === 'PIX' ? Math.round(gross * 0.0099) : method === 'BOLETO' ? 349 : Math.round(gross * (planKind === 'CARD_INSTALLMENTS' ? 0.0399 : 0.0299));
    const patientTotal = planKind === 'CREDIARIO' ? Math.round(gross * 1.18) : gross;
    const installmentCount = planKind === 'CREDIARIO' ? ([3, 6, 10, 12] as const)[integer(0, 3)]! : planKind === 'CARD_INSTALLMENTS' ? integer(2, 12) : 1;
    const createdDay = dayOf(new Date(createdAt));
    const schedule =
      planKind === 'CREDIARIO'
        ? Array.from({ length: installmentCount }, (_, i) => ({
            number: i + 1,
            dueDate: addDays(createdDay, 30 * i),
            amountCentavos: i < installmentCount - 1 ? Math.floor(patientTotal / installmentCount) : patientTotal - Math.floor(patientTotal / installmentCount) * (installmentCount - 1),
          }))
        : [];

    const events: DomainEvent[] = [
      event('payment.created', paymentId, createdAt, {
        paymentId, payerId, clinicId, procedureId, category: categories[procedure]!, planKind, method, installmentCount,
        grossCentavos: gross, platformFeeCentavos: fee, processingCostCentavos: cost, clinicNetCentavos: gross - fee - cost, patientTotalCentavos: patientTotal,
        installments: schedule,
      }),
    ];
    // The status moves, each after the one before, none after now (a recent payment is still on its
    // way); the first is checkout's own, in the same transaction as payment.created.
    let at = createdAt;
    let status: string | null = null;
    let refunded = 0;
    const move = (afterMs: number, to: string, escrowState: string, refundedTotal = refunded) => {
      const next = at + afterMs;
      if (next > nowMs) return false;
      events.push(event('payment.status_changed', paymentId, next, { paymentId, payerId, clinicId, from: status, status: to, escrowState, reason: 'bench', refundedCentavos: refundedTotal }));
      at = next;
      status = to;
      refunded = refundedTotal;
      return true;
    };
    move(0, 'AWAITING_PAYMENT', 'NONE');
    const outcome = random();
    if (outcome >= 0.9) {
      // not paid: a card declined, a PIX or boleto left to expire, now and then a cancellation
      if (outcome >= 0.985) move(between(MINUTE, 2 * DAY), 'CANCELED', 'NONE');
      else if (method === 'CARD') move(between(2_000, 10_000), 'DECLINED', 'NONE');
      else move(method === 'BOLETO' ? between(3 * DAY, 4 * DAY) : between(30 * MINUTE, 60 * MINUTE), 'EXPIRED', 'NONE');
    } else {
      const paidAfter = method === 'CARD' ? between(2_000, 10_000) : method === 'BOLETO' ? between(6 * HOUR, 3 * DAY) : between(20_000, 20 * MINUTE);
      const paid = move(paidAfter, 'PAID', 'HELD') && move(between(200, 5_000), 'IN_ESCROW', 'HELD');
      const paidAt = at;
      if (paid) {
        const after = random();
        const releaseAndPayOut = () => move(between(7 * DAY, 30 * DAY), 'RELEASED', 'RELEASED') && move(between(DAY, 2 * DAY), 'PAID_OUT', 'PAID_OUT');
        if (after < 0.03) move(between(DAY, 10 * DAY), 'REFUNDED', 'RETURNED', gross);
        else if (after < 0.05) move(between(DAY, 7 * DAY), 'PARTIALLY_REFUNDED', 'HELD', Math.round(gross * between(0.1, 0.5))) && releaseAndPayOut();
        else if (after < 0.065) {
          if (move(between(DAY, 10 * DAY), 'DISPUTED', 'HELD')) {
            if (random() < 0.5) releaseAndPayOut();
            else move(between(5 * DAY, 20 * DAY), 'REFUNDED', 'RETURNED', gross);
          }
        } else releaseAndPayOut();
      }
      // Crediário: the first installment is paid with the checkout, the others on or near their due
      // dates, a few late, a few not at all (overdue the day after their due date).
      for (const row of paid ? schedule : []) {
        const dueMs = Date.parse(`${row.dueDate}T12:00:00-03:00`);
        const fields = { paymentId, payerId, clinicId, number: row.number, dueDate: row.dueDate, amountCentavos: row.amountCentavos };
        const paidAtMs = row.number === 1 ? paidAt : random() < 0.85 ? dueMs - between(0, 3 * DAY) : random() < 0.65 ? dueMs + between(5 * DAY, 60 * DAY) : Infinity;
        if (paidAtMs > dueMs + DAY && dueMs + DAY <= nowMs) events.push(event('installment.overdue', paymentId, dueMs + DAY, fields));
        if (paidAtMs <= nowMs) events.push(event('installment.paid', paymentId, paidAtMs, { ...fields, paidAt: new Date(Math.round(paidAtMs)).toISOString() }));
      }
    }
    groups.push({ kind: 'payment', events });
  }

  for (let index = 0; index < shape.simulationWindows; index += 1) {
    const procedure = pickProcedure();
    const windowStart = Math.floor(between(yearStart, nowMs - 10 * MINUTE) / (5 * MINUTE)) * 5 * MINUTE;
    const clinicId = clinicIds[clinicOf(procedure)]!;
    const procedureId = procedureIds[procedure]!;
    groups.push({
      kind: 'simulation',
      events: [event('plans.simulated', procedureId, windowStart + 5 * MINUTE, { clinicId, procedureId, category: categories[procedure]!, count: integer(1, 11), windowStart: new Date(windowStart).toISOString() })],
    });
  }

  const counts: Record<string, number> = { events: eventSequence };
  for (const group of groups) for (const each of group.events) counts[each.type] = (counts[each.type] ?? 0) + 1;
  const busiest = paymentsPerClinic.indexOf(Math.max(...paymentsPerClinic));
  return { groups, busiestClinic: { id: clinicIds[busiest]!, payments: paymentsPerClinic[busiest]! }, counts };
}

/** The events of some groups in the order an outbox would deliver them: by time, then id. */
export function inTimeOrder(groups: EventGroup[]): DomainEvent[] {
  return groups.flatMap((group) => group.events).sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
}

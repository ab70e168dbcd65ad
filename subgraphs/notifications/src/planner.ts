// From a domain event to what should be said about it, to whom, and when: occurrences (a template,
// its data, a time, a key that names it once for good) and cancellations of messages no longer due.
// Pure: the recipients are resolved and the messages written by the dispatcher.
import { readEvent } from '@medpay/contracts';
import { addDays, startOfDay, type DomainEvent } from '@medpay/runtime';
import type { OccurrenceData, TemplateKind } from './templates.js';

/**
 * Who hears of it: a person, a clinic's staff, the platform admins, or an address that is no account
 * yet: a sign-up's, a payment link's patient (the sign-up's or the link's id stands for its recipient).
 */
export type Audience = { userId: string } | { clinicId: string } | { signUpId: string } | { paymentLinkId: string } | 'admins';

export interface Occurrence {
  kind: TemplateKind;
  /** unique per occurrence: with the recipient and channel, the message's dedupe key */
  key: string;
  audience: Audience;
  data: OccurrenceData;
  at: Date;
  /** what cancels it before it goes out (a prefix match cancels all of a payment's) */
  cancelKey?: string;
}

export interface Plan {
  occurrences: Occurrence[];
  /** cancel pending messages whose cancel key equals one of these, or starts with one ending in ':' */
  cancel: string[];
}

const REMINDER_HOUR = 9;
/** a day's reminder time in São Paulo (09:00) */
const morningOf = (day: string) => new Date(startOfDay(day).getTime() + REMINDER_HOUR * 3600_000);
const paymentKey = (paymentId: string) => `payment:${paymentId}:`;
const installmentKey = (paymentId: string, number: number) => `payment:${paymentId}:installment:${number}`;
const chargeKey = (paymentId: string, installment: number | null) => `payment:${paymentId}:charge:${installment ?? 0}`;
const confirmationKey = (paymentId: string) => `payment:${paymentId}:confirmation`;

export interface PlannerOptions {
  confirmationReminderDays: number;
}

export function plan(event: DomainEvent, options: PlannerOptions): Plan {
  const at = new Date(event.createdAt);
  const occurrences: Occurrence[] = [];
  const cancel: string[] = [];
  const say = (kind: TemplateKind, audience: Audience, data: OccurrenceData, when = at, cancelKey?: string, key = event.id) => {
    // A reminder whose time had passed when the event happened (a due date 2 days away) is not sent late.
    if (when.getTime() >= at.getTime()) occurrences.push({ kind, key: `${key}:${kind}`, audience, data, at: when, cancelKey });
  };

  const created = readEvent('payment.created', event);
  if (created) {
    for (const installment of created.installments) {
      const cancelKey = installmentKey(created.paymentId, installment.number);
      const data = { paymentId: created.paymentId, installmentNumber: installment.number };
      const key = `installment:${created.paymentId}:${installment.number}`;
      say('installment.due_soon', { userId: created.payerId }, data, morningOf(addDays(installment.dueDate, -3)), cancelKey, key);
      say('installment.due_today', { userId: created.payerId }, data, morningOf(installment.dueDate), cancelKey, key);
    }
  }

  const charge = readEvent('charge.issued', event);
  if (charge) {
    const data = { paymentId: charge.paymentId, installmentNumber: charge.installmentNumber, amountCentavos: charge.amountCentavos, expiresAt: charge.expiresAt, dueDate: charge.dueDate };
    const cancelKey = chargeKey(charge.paymentId, charge.installmentNumber);
    if (charge.method === 'PIX' && charge.expiresAt) say('pix.expiring', { userId: charge.payerId }, data, new Date(Date.parse(charge.expiresAt) - 10 * 60_000), cancelKey);
    if (charge.method === 'BOLETO' && charge.dueDate) say('boleto.due_tomorrow', { userId: charge.payerId }, data, morningOf(addDays(charge.dueDate, -1)), cancelKey);
  }

  const change = readEvent('payment.status_changed', event);
  if (change) {
    const patient = { userId: change.payerId };
    const clinic = { clinicId: change.clinicId };
    const data = { paymentId: change.paymentId, clinicId: change.clinicId };
    if (change.status === 'PAID' && change.from === 'AWAITING_PAYMENT') {
      say('payment.confirmed', patient, data);
      cancel.push(`${paymentKey(change.paymentId)}charge:`);
    }
    if (change.status === 'IN_ESCROW' && change.from === 'PAID') {
      say('payment.in_escrow', patient, data);
      say('clinic.payment_in_escrow', clinic, data);
      const reminder = new Date(at.getTime() + options.confirmationReminderDays * 86_400_000);
      say('clinic.confirmation_pending', clinic, data, reminder, confirmationKey(change.paymentId));
    }
    if (change.status === 'RELEASED') {
      say('payment.released', patient, data);
      say('clinic.escrow_released', clinic, data);
      cancel.push(confirmationKey(change.paymentId));
    }
    if (change.status === 'PAID_OUT') say('clinic.payout_done', clinic, data);
    if (change.status === 'REFUNDED' || change.status === 'PARTIALLY_REFUNDED') {
      say('payment.refunded', patient, { ...data, amountCentavos: change.refundedCentavos });
    }
    if (change.status === 'DISPUTED') {
      say('payment.dispute_opened', patient, data);
      say('clinic.dispute_opened', clinic, data);
    }
    if (change.status === 'CHARGED_BACK') {
      say('payment.charged_back', patient, data);
      say('clinic.chargeback_received', clinic, data);
    } else if (change.from === 'DISPUTED' && change.status !== 'DISPUTED') say('payment.dispute_decided', patient, data);
    // Nothing is left to collect or confirm: every pending reminder of the payment goes.
    if (['REFUNDED', 'EXPIRED', 'CANCELED', 'DECLINED', 'CHARGED_BACK'].includes(change.status)) cancel.push(paymentKey(change.paymentId));
  }

  const paid = readEvent('installment.paid', event);
  if (paid) cancel.push(installmentKey(paid.paymentId, paid.number), chargeKey(paid.paymentId, paid.number));

  const overdue = readEvent('installment.overdue', event);
  if (overdue) say('installment.overdue', { userId: overdue.payerId }, { paymentId: overdue.paymentId, installmentNumber: overdue.number }, at, installmentKey(overdue.paymentId, overdue.number));

  const failed = readEvent('transfer.failed', event);
  if (failed) {
    const data = { paymentId: failed.paymentId, clinicId: failed.clinicId, amountCentavos: failed.amountCentavos, kind: failed.kind };
    if (failed.kind === 'PAYOUT') say('clinic.payout_failed', { clinicId: failed.clinicId }, data);
    say('admin.transfer_failed', 'admins', data);
  }

  const discrepancy = readEvent('ledger.discrepancy_found', event);
  if (discrepancy) say('admin.ledger_discrepancy', 'admins', { discrepancies: discrepancy.discrepancies });

  // Sign-ups: the e-mail that confirms a new one, and a word to the owner of an account whose e-mail
  // or CPF a sign-up gave. Only ids are in the events; the address and the link are asked of users
  // when the e-mail goes out.
  const signUp = readEvent('sign_up.requested', event);
  if (signUp) say('sign_up.confirmation', { signUpId: signUp.signUpId }, { signUpId: signUp.signUpId });
  const existing = readEvent('sign_up.existing_account', event);
  if (existing) say('account.sign_up_attempted', { userId: existing.userId }, { matched: existing.matched });

  const link = readEvent('payment_link.created', event);
  if (link) say('payment_link.sent', { paymentLinkId: link.linkId }, { paymentLinkId: link.linkId, clinicId: link.clinicId });

  const submitted = readEvent('clinic.submitted', event);
  if (submitted) say('admin.clinic_waiting_review', 'admins', { clinicId: submitted.clinicId });
  const approved = readEvent('clinic.approved', event);
  if (approved) say('clinic.approved', { clinicId: approved.clinicId }, { clinicId: approved.clinicId });
  const payout = readEvent('clinic.payout_account_changed', event);
  if (payout) say('clinic.payout_account_changed', { clinicId: payout.clinicId }, { clinicId: payout.clinicId, payoutMethod: payout.method });
  const suspended = readEvent('clinic.suspended', event);
  if (suspended) say('clinic.suspended', { clinicId: suspended.clinicId }, { clinicId: suspended.clinicId });

  return { occurrences, cancel };
}

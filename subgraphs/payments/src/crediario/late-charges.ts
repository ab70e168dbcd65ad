// Late charges on an overdue crediário installment: multa of 2 % once (the CDC cap) plus juros de
// mora of 1 % a month pro rata die, both on the installment's amount, rounded half-up.
import { percentOf, roundHalfUp } from '@medpay/money';
import { LATE_FEE_BASIS_POINTS, LATE_INTEREST_MONTHLY_RATE } from '../checkout/pricing.js';
import type { Installment } from '../generated/prisma/client.js';

export function lateChargesCentavos(amountCentavos: number, dueDate: string, today: string): number {
  if (today <= dueDate) return 0;
  const daysLate = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${dueDate}T00:00:00Z`)) / 86_400_000);
  return percentOf(amountCentavos, LATE_FEE_BASIS_POINTS) + roundHalfUp((amountCentavos * LATE_INTEREST_MONTHLY_RATE * daysLate) / 30);
}

/** What an installment owes on `today`: nothing once paid; otherwise its amount plus the late charges above. */
export function installmentDue(installment: Pick<Installment, 'status' | 'amountCentavos' | 'dueDate'>, today: string): { lateChargesCentavos: number; amountDueCentavos: number } {
  if (installment.status === 'PAID') return { lateChargesCentavos: 0, amountDueCentavos: 0 };
  const late = lateChargesCentavos(installment.amountCentavos, installment.dueDate, today);
  return { lateChargesCentavos: late, amountDueCentavos: installment.amountCentavos + late };
}

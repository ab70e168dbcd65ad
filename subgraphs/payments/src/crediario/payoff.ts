// Early settlement of a crediário (CDC art. 52 §2): the patient pays open installments before their
// due dates, and the interest not yet accrued is removed pro rata die — each installment is discounted
// at the contract's monthly rate by the calendar days it is paid early, (1 + i)^(−days / 30), the same
// convention the schedule was priced with. An overdue installment is due with its late charges. The
// installments settled are the next k in due order, or all.
import { roundHalfUp } from '@medpay/money';
import { presentValueByDays } from '@medpay/financing';
import type { Installment } from '../generated/prisma/client.js';
import { installmentDue } from './late-charges.js';

export interface PayoffLine {
  number: number;
  dueDate: string;
  /** the installment as scheduled */
  amountCentavos: number;
  /** what settling it costs on the quote's day */
  payoffCentavos: number;
}

export interface PayoffQuote {
  date: string;
  lines: PayoffLine[];
  totalCentavos: number;
  /** the interest not yet accrued, removed: scheduled amounts (with late charges) minus the total */
  discountCentavos: number;
}

/** The open installments, earliest due first: the next `count` of them (all when count is null). */
export function payoffQuote(
  installments: readonly Pick<Installment, 'number' | 'dueDate' | 'amountCentavos' | 'status'>[],
  monthlyRate: number,
  today: string,
  count: number | null,
): PayoffQuote {
  const open = installments.filter((installment) => installment.status !== 'PAID').sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.number - b.number);
  const lines = open.slice(0, count ?? open.length).map((installment) => {
    const payoffCentavos = installment.dueDate > today
      ? roundHalfUp(presentValueByDays(today, monthlyRate, [{ date: installment.dueDate, amountCentavos: installment.amountCentavos }]))
      : installmentDue(installment, today).amountDueCentavos;
    return { number: installment.number, dueDate: installment.dueDate, amountCentavos: installment.amountCentavos, payoffCentavos };
  });
  const totalCentavos = lines.reduce((sum, line) => sum + line.payoffCentavos, 0);
  const scheduled = lines.reduce((sum, line) => sum + Math.max(line.amountCentavos, line.payoffCentavos), 0);
  return { date: today, lines, totalCentavos, discountCentavos: scheduled - totalCentavos };
}

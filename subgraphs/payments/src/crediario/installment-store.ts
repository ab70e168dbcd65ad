// Data access for crediário installments: the one place that knows the installments table outside the
// read loaders. Methods take the client or an open transaction; status changes are conditional, so an
// installment is issued, paid or made overdue once however many writers race.
import type { Installment, Payment } from '../generated/prisma/client.js';
import type { Db } from '../transaction.js';

export type { Installment };

export type NewInstallment = Pick<Installment, 'id' | 'paymentId' | 'number' | 'dueDate' | 'amountCentavos' | 'interestCentavos' | 'amortizationCentavos'> & {
  status: 'ISSUED' | 'SCHEDULED';
};

/** Contracts that ended: nothing more is collected. */
export const ENDED_PAYMENT_STATUSES: Payment['status'][] = ['EXPIRED', 'CANCELED', 'DECLINED', 'REFUNDED'];
/** Payments whose later installments are not issued: ended, or not yet activated by the first. */
const CLOSED_PAYMENT_STATUSES: Payment['status'][] = ['AWAITING_PAYMENT', ...ENDED_PAYMENT_STATUSES];

export const installmentStore = {
  async createSchedule(db: Db, installments: NewInstallment[]): Promise<void> {
    if (installments.length > 0) await db.installment.createMany({ data: installments });
  },

  withPayment(db: Db, id: string): Promise<(Installment & { payment: Payment }) | null> {
    return db.installment.findUnique({ where: { id }, include: { payment: true } });
  },

  /** A contract's schedule, by number. */
  ofPayment(db: Db, paymentId: string): Promise<Installment[]> {
    return db.installment.findMany({ where: { paymentId }, orderBy: { number: 'asc' } });
  },

  get(db: Db, id: string): Promise<Installment> {
    return db.installment.findUniqueOrThrow({ where: { id } });
  },

  byNumber(db: Db, paymentId: string, number: number): Promise<Installment> {
    return db.installment.findUniqueOrThrow({ where: { paymentId_number: { paymentId, number } } });
  },

  /** What the contract finances: the sum of the installments' amortization. */
  async financedCentavos(db: Db, paymentId: string): Promise<number> {
    const financed = await db.installment.aggregate({ where: { paymentId }, _sum: { amortizationCentavos: true } });
    return financed._sum.amortizationCentavos ?? 0;
  },

  /** What the paid installments amortized of the contract's principal. */
  async amortizedCentavos(db: Db, paymentId: string): Promise<number> {
    const paid = await db.installment.aggregate({ where: { paymentId, status: 'PAID' }, _sum: { amortizationCentavos: true } });
    return paid._sum.amortizationCentavos ?? 0;
  },

  /** Scheduled installments due by `dueBy` on contracts still collected, with their payments. */
  dueToIssue(db: Db, dueBy: string, take: number): Promise<(Installment & { payment: Payment })[]> {
    return db.installment.findMany({ where: { status: 'SCHEDULED', dueDate: { lte: dueBy }, payment: { status: { notIn: CLOSED_PAYMENT_STATUSES } } }, include: { payment: true }, take });
  },

  /** SCHEDULED → ISSUED; false when it was issued before. */
  async issue(db: Db, id: string): Promise<boolean> {
    return (await db.installment.updateMany({ where: { id, status: 'SCHEDULED' }, data: { status: 'ISSUED' } })).count > 0;
  },

  /** → PAID unless it already is; false for a second payment of the same installment. */
  async markPaid(db: Db, id: string, paidAt: Date): Promise<boolean> {
    return (await db.installment.updateMany({ where: { id, status: { not: 'PAID' } }, data: { status: 'PAID', paidAt } })).count > 0;
  },

  /** Issued installments past their due date (`dueDate` before `today`) on contracts not ended, oldest first, with their payments. */
  pastDue(db: Db, today: string, take: number): Promise<(Installment & { payment: Payment })[]> {
    return db.installment.findMany({ where: { status: 'ISSUED', dueDate: { lt: today }, payment: { status: { notIn: ENDED_PAYMENT_STATUSES } } }, include: { payment: true }, orderBy: [{ dueDate: 'asc' }, { id: 'asc' }], take });
  },

  /** ISSUED → OVERDUE; false when it was paid or made overdue meanwhile. */
  async markOverdue(db: Db, id: string): Promise<boolean> {
    return (await db.installment.updateMany({ where: { id, status: 'ISSUED' }, data: { status: 'OVERDUE' } })).count > 0;
  },
};

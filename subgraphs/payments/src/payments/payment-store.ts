// Reads of payments for the graph: filtered pages, and per-request batch loaders for the
// parts of a payment (one query per part per request, never one per payment).
import { createLoader, isUuid, type Metrics } from '@medpay/runtime';
import DataLoader from 'dataloader';
import type { Charge, ContractSignature, Document, FraudAssessment, Installment, LedgerEntry, LedgerTransaction, Payment, PaymentMethod, PaymentStatus, PaymentStatusChange, Prisma, PrismaClient } from '../generated/prisma/client.js';
import { account, balances } from '../ledger/ledger-store.js';
import { ENDED_PAYMENT_STATUSES } from '../crediario/installment-store.js';
import type { Db } from '../transaction.js';

export interface Page<T> {
  rows: T[];
  hasNextPage: boolean;
}


/** What a list of payments may be narrowed by; ids that are not UUIDs match nothing. */
export interface PaymentCriteria {
  id?: string | null;
  clinicId?: string | null;
  payerId?: string | null;
  /** one of these payers (a patient search already resolved to ids) */
  payerIds?: string[];
  statuses?: PaymentStatus[] | null;
  method?: PaymentMethod | null;
  createdAt?: { gte?: Date; lt?: Date };
}

const NOTHING: Prisma.PaymentWhereInput = { id: { in: [] } };

export function paymentWhere(criteria: PaymentCriteria): Prisma.PaymentWhereInput {
  const ids = [criteria.id, criteria.clinicId, criteria.payerId].filter((value): value is string => typeof value === 'string');
  if (!ids.every(isUuid)) return NOTHING;
  return {
    ...(criteria.id ? { id: criteria.id } : {}),
    ...(criteria.clinicId ? { clinicId: criteria.clinicId } : {}),
    ...(criteria.payerId ? { payerId: criteria.payerId } : {}),
    ...(criteria.payerIds ? { payerId: { in: criteria.payerIds.filter(isUuid) } } : {}),
    ...(criteria.statuses?.length ? { status: { in: criteria.statuses } } : {}),
    ...(criteria.method ? { method: criteria.method } : {}),
    ...(criteria.createdAt ? { createdAt: criteria.createdAt } : {}),
  };
}

/** Groups rows by payment id, in the order the keys were asked. */
function byPayment<Row extends { paymentId: string }>(name: string, metrics: Metrics, fetch: (ids: string[]) => Promise<Row[]>) {
  return new DataLoader<string, Row[]>(async (ids) => {
    metrics.increment(`dataloader_batches_total_${name}`);
    const rows = await fetch([...ids]);
    return ids.map((id) => rows.filter((row) => row.paymentId === id));
  });
}

export class PaymentStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly metrics: Metrics,
  ) {}

  /** Newest first, keyset paged by id. */
  async page(where: Prisma.PaymentWhereInput, first: number, after?: string | null): Promise<Page<Payment>> {
    const take = Math.min(Math.max(first, 1), 100);
    const rows = await this.prisma.payment.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: take + 1,
      ...(after && isUuid(after) ? { cursor: { id: after }, skip: 1 } : {}),
    });
    return { rows: rows.slice(0, take), hasNextPage: rows.length > take };
  }

  count(where: Prisma.PaymentWhereInput): Promise<number> {
    return this.prisma.payment.count({ where });
  }

  /** Everyone who ever paid the clinic (for a patient search among them). */
  async payersOf(clinicId: string): Promise<string[]> {
    const rows = await this.prisma.payment.findMany({ where: { clinicId }, distinct: ['payerId'], select: { payerId: true } });
    return rows.map((row) => row.payerId);
  }

  /** The payer's installments of contracts in force (an expired or cancelled contract owes nothing). */
  installmentsOfPayer(payerId: string) {
    return this.prisma.installment.findMany({ where: { payment: { payerId, planKind: 'CREDIARIO', status: { notIn: ENDED_PAYMENT_STATUSES } } }, orderBy: [{ dueDate: 'asc' }, { number: 'asc' }] });
  }

  async clinicBalance(clinicId: string) {
    const books = await balances(this.prisma, [account.escrow(clinicId), account.clinicPayable(clinicId)]);
    const [inTransit, paidOut] = await Promise.all(
      (['PENDING', 'CONFIRMED'] as const).map((status) =>
        this.prisma.transfer.aggregate({ where: { kind: 'PAYOUT', status: status === 'PENDING' ? { in: ['REQUESTED', 'PENDING'] } : 'CONFIRMED', payment: { clinicId } }, _sum: { amountCentavos: true } }),
      ),
    );
    return {
      inEscrowCentavos: books.get(account.escrow(clinicId))!,
      availableCentavos: books.get(account.clinicPayable(clinicId))!,
      payoutsInTransitCentavos: inTransit!._sum.amountCentavos ?? 0,
      paidOutCentavos: paidOut!._sum.amountCentavos ?? 0,
    };
  }

  /** The DataLoaders of one request. */
  loaders() {
    const { prisma, metrics } = this;
    return {
      payment: createLoader<Payment>('payment', metrics, (ids) => prisma.payment.findMany({ where: { id: { in: ids.filter(isUuid) } } })),
      fraudAssessment: createLoader<FraudAssessment & { id: string }>('fraudAssessment', metrics, (ids) =>
        prisma.fraudAssessment.findMany({ where: { paymentId: { in: ids.filter(isUuid) } } }).then((rows) => rows.map((row) => ({ ...row, id: row.paymentId }))),
      ),
      contract: createLoader<ContractSignature & { id: string }>('contract', metrics, (ids) =>
        prisma.contractSignature.findMany({ where: { paymentId: { in: ids.filter(isUuid) } } }).then((rows) => rows.map((row) => ({ ...row, id: row.paymentId }))),
      ),
      documents: byPayment<Document & { paymentId: string }>('documents', metrics, (ids) =>
        prisma.document.findMany({ where: { paymentId: { in: ids } } }).then((rows) => rows.map((row) => ({ ...row, paymentId: row.paymentId! }))),
      ),
      charges: byPayment<Charge>('charges', metrics, (ids) => prisma.charge.findMany({ where: { paymentId: { in: ids } }, orderBy: { createdAt: 'asc' } })),
      installments: byPayment<Installment>('installments', metrics, (ids) => prisma.installment.findMany({ where: { paymentId: { in: ids } }, orderBy: { number: 'asc' } })),
      history: byPayment<PaymentStatusChange>('history', metrics, (ids) => prisma.paymentStatusChange.findMany({ where: { paymentId: { in: ids } }, orderBy: { at: 'asc' } })),
      ledger: byPayment<LedgerTransaction & { entries: LedgerEntry[]; paymentId: string }>('ledger', metrics, (ids) =>
        prisma.ledgerTransaction.findMany({ where: { paymentId: { in: ids } }, include: { entries: { orderBy: { id: 'asc' } } }, orderBy: { createdAt: 'asc' } }).then((rows) => rows.map((row) => ({ ...row, paymentId: row.paymentId! }))),
      ),
    };
  }
}

export type PaymentLoaders = ReturnType<PaymentStore['loaders']>;


/**
 * The payment rows the money-moving steps read and write, on the client or inside their transaction
 * (the class above serves the resolvers' reads). Status changes go through transitions.ts, which
 * uses `moveIfUnchanged` and `recordStatusChange`.
 */
export const paymentRows = {
  find(db: Db, id: string): Promise<Payment | null> {
    return db.payment.findUnique({ where: { id } });
  },

  get(db: Db, id: string): Promise<Payment> {
    return db.payment.findUniqueOrThrow({ where: { id } });
  },

  /** The payment, its row locked until the transaction ends: steps that read more than the row take turns. */
  async locked(tx: Db, id: string): Promise<Payment> {
    await tx.$executeRaw`SELECT 1 FROM payments WHERE id = ${id}::uuid FOR UPDATE`;
    return tx.payment.findUniqueOrThrow({ where: { id } });
  },

  /** A payment with its charges (oldest first) and installments (by number); null for an unknown id. */
  withChargesAndInstallments(db: Db, id: string): Promise<(Payment & { charges: Charge[]; installments: Installment[] }) | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return db.payment.findUnique({
      where: { id },
      include: { charges: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }, installments: { orderBy: { number: 'asc' } } },
    });
  },

  /** Paid payments whose money is not yet blocked in escrow at the gateway. */
  paidToBlock(db: Db, take: number): Promise<Payment[]> {
    return db.payment.findMany({ where: { status: 'PAID', escrowState: 'HELD' }, take });
  },

  /**
   * Payments that ended with their money taken out of escrow by a posting of their own (a chargeback,
   * a crediário cancelled), whose block at the gateway is still to lift; with their chargeback, if any.
   */
  endedInEscrow(db: Db, take: number) {
    return db.payment.findMany({
      where: { status: { in: ['CHARGED_BACK', 'REFUNDED'] }, escrowState: 'HELD' },
      include: { transfers: { where: { kind: 'CHARGEBACK' }, orderBy: { createdAt: 'asc' }, take: 1 } },
      take,
    });
  },

  /** Payments held in escrow past their auto-release date. */
  dueForRelease(db: Db, now: Date, take: number): Promise<Payment[]> {
    return db.payment.findMany({ where: { status: { in: ['IN_ESCROW', 'PARTIALLY_REFUNDED'] }, escrowState: 'HELD', escrowReleaseDueAt: { lte: now } }, take });
  },

  /** Released payments whose last payout failed and none is on its way, with that failed payout. */
  withFailedPayout(db: Db, take: number) {
    return db.payment.findMany({
      where: { escrowState: 'RELEASED', transfers: { some: { kind: 'PAYOUT', status: 'FAILED' }, none: { kind: 'PAYOUT', status: { in: ['REQUESTED', 'PENDING', 'CONFIRMED'] } } } },
      include: { transfers: { where: { kind: 'PAYOUT', status: 'FAILED' }, orderBy: { createdAt: 'desc' }, take: 1 } },
      take,
    });
  },

  /** Applies `data` only while the row is as `seen` (status, escrow and refunded amount); false otherwise. */
  async moveIfUnchanged(db: Db, seen: Pick<Payment, 'id' | 'status' | 'escrowState' | 'refundedCentavos'>, data: Prisma.PaymentUpdateManyMutationInput): Promise<boolean> {
    const updated = await db.payment.updateMany({ where: { id: seen.id, status: seen.status, escrowState: seen.escrowState, refundedCentavos: seen.refundedCentavos }, data });
    return updated.count === 1;
  },

  async recordStatusChange(db: Db, change: { id: string; paymentId: string; from: PaymentStatus | null; to: PaymentStatus; reason: string }): Promise<void> {
    await db.paymentStatusChange.create({ data: change, select: { id: true } });
  },
};

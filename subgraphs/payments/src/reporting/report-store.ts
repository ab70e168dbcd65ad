// Reads behind the clinic's statement and receivables and the platform's figures: a fixed number of
// queries per report, whatever the number of rows.
import type { PaymentMethod, PaymentStatus, PrismaClient } from '../generated/prisma/client.js';
import { buildStatement, transferIdOf, type Statement, type StatementRow } from './clinic-statement.js';
import { account } from '../ledger/ledger-store.js';
import type { Interval, Period } from '@medpay/runtime';
import { receivablesSeries, type ReceivablesPoint } from './receivables.js';
import { splitOf } from '../money-movement/settlement.js';

/** Statuses of payments whose money was received (whatever happened next). */
const PAID_STATUSES: PaymentStatus[] = ['PAID', 'IN_ESCROW', 'RELEASED', 'PAID_OUT', 'REFUNDED', 'PARTIALLY_REFUNDED', 'DISPUTED'];

export interface PlatformFigures {
  paymentCount: number;
  volumeCentavos: number;
  paidCount: number;
  byStatus: { status: PaymentStatus; count: number; grossCentavos: number }[];
  byMethod: { method: PaymentMethod; count: number; grossCentavos: number }[];
  refundedCentavos: number;
  escrowHeldCentavos: number;
  clinicsAvailableCentavos: number;
  platformRevenueCentavos: number;
}

export class ReportStore {
  constructor(private readonly prisma: PrismaClient) {}

  /** The clinic's ledger movements in the period, with opening balances and the transfers they name. */
  async statement(clinicId: string, range: Period): Promise<Statement> {
    const accounts = { escrow: account.escrow(clinicId), available: account.clinicPayable(clinicId) };
    const [before, entries] = await Promise.all([
      this.prisma.ledgerEntry.groupBy({
        by: ['accountId', 'direction'],
        where: { accountId: { in: [accounts.escrow, accounts.available] }, transaction: { createdAt: { lt: range.start } } },
        _sum: { amountCentavos: true },
      }),
      this.prisma.ledgerEntry.findMany({
        where: { accountId: { in: [accounts.escrow, accounts.available] }, transaction: { createdAt: { gte: range.start, lt: range.end } } },
        include: { transaction: { select: { description: true, paymentId: true, createdAt: true } } },
        orderBy: { id: 'asc' },
      }),
    ]);
    const opening = (accountId: string) =>
      before.filter((row) => row.accountId === accountId).reduce((sum, row) => sum + (row.direction === 'CREDIT' ? 1 : -1) * Number(row._sum.amountCentavos ?? 0), 0);
    const transferIds = [...new Set(entries.map((entry) => transferIdOf(entry.transactionId)).filter((id): id is string => id !== null))];
    const transfers = transferIds.length
      ? await this.prisma.transfer.findMany({ where: { id: { in: transferIds } }, select: { id: true, kind: true, status: true } })
      : [];
    const rows: StatementRow[] = entries.map((entry) => ({
      entryId: entry.id,
      transactionId: entry.transactionId,
      description: entry.transaction.description,
      paymentId: entry.transaction.paymentId,
      at: entry.transaction.createdAt,
      account: entry.accountId === accounts.escrow ? 'escrow' : 'available',
      direction: entry.direction,
      amountCentavos: Number(entry.amountCentavos),
    }));
    return buildStatement(
      { escrowCentavos: opening(accounts.escrow), availableCentavos: opening(accounts.available) },
      rows,
      new Map(transfers.map((transfer) => [transfer.id, transfer])),
    );
  }

  async receivables(clinicId: string, range: Period, interval: Interval, today: string): Promise<ReceivablesPoint[]> {
    const [released, paidOut, held] = await Promise.all([
      this.prisma.ledgerEntry.findMany({
        where: {
          accountId: account.clinicPayable(clinicId),
          direction: 'CREDIT',
          transaction: { id: { startsWith: 'payment:', endsWith: ':released' }, createdAt: { gte: range.start, lt: range.end } },
        },
        select: { amountCentavos: true, transaction: { select: { createdAt: true } } },
      }),
      this.prisma.transfer.findMany({
        where: { kind: 'PAYOUT', status: 'CONFIRMED', updatedAt: { gte: range.start, lt: range.end }, payment: { clinicId } },
        select: { amountCentavos: true, updatedAt: true },
      }),
      this.prisma.payment.findMany({ where: { clinicId, escrowState: 'HELD', escrowReleaseDueAt: { lt: range.end } } }),
    ]);
    return receivablesSeries(range, interval, {
      released: released.map((row) => ({ at: row.transaction.createdAt, amountCentavos: Number(row.amountCentavos) })),
      paidOut: paidOut.map((row) => ({ at: row.updatedAt, amountCentavos: row.amountCentavos })),
      expected: held.map((payment) => ({ dueAt: payment.escrowReleaseDueAt!, amountCentavos: splitOf(payment, payment.grossCentavos - payment.refundedCentavos).clinic })),
      today,
    });
  }

  async platformFigures(range: Period): Promise<PlatformFigures> {
    const createdAt = { gte: range.start, lt: range.end };
    const [byStatus, byMethod, refunded, escrow, available, revenue] = await Promise.all([
      this.prisma.payment.groupBy({ by: ['status'], where: { createdAt }, _count: { _all: true }, _sum: { grossCentavos: true } }),
      this.prisma.payment.groupBy({ by: ['method'], where: { createdAt, status: { in: PAID_STATUSES } }, _count: { _all: true }, _sum: { grossCentavos: true } }),
      this.prisma.payment.aggregate({ where: { createdAt }, _sum: { refundedCentavos: true } }),
      this.prisma.ledgerAccount.aggregate({ where: { id: { startsWith: 'escrow:' } }, _sum: { balance: true } }),
      this.prisma.ledgerAccount.aggregate({ where: { id: { startsWith: 'clinic_payable:' } }, _sum: { balance: true } }),
      this.prisma.ledgerAccount.findUnique({ where: { id: account.platformRevenue }, select: { balance: true } }),
    ]);
    const paid = byStatus.filter((row) => PAID_STATUSES.includes(row.status));
    return {
      paymentCount: byStatus.reduce((sum, row) => sum + row._count._all, 0),
      volumeCentavos: paid.reduce((sum, row) => sum + (row._sum.grossCentavos ?? 0), 0),
      paidCount: paid.reduce((sum, row) => sum + row._count._all, 0),
      byStatus: byStatus.map((row) => ({ status: row.status, count: row._count._all, grossCentavos: row._sum.grossCentavos ?? 0 })).sort((a, b) => b.count - a.count),
      byMethod: byMethod.map((row) => ({ method: row.method, count: row._count._all, grossCentavos: row._sum.grossCentavos ?? 0 })).sort((a, b) => b.count - a.count),
      refundedCentavos: refunded._sum.refundedCentavos ?? 0,
      escrowHeldCentavos: Number(escrow._sum.balance ?? 0),
      clinicsAvailableCentavos: Number(available._sum.balance ?? 0),
      platformRevenueCentavos: Number(revenue?.balance ?? 0),
    };
  }
}

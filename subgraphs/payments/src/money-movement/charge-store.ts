// Data access for charges (what the patient is asked to pay at the gateway): the one place that knows
// the charges table. Every method takes the database handle to run on, the client or an open
// transaction, so a caller's steps commit together; status changes are conditional on the status the
// caller saw, so of two racing writers only one moves a charge.
import type { Charge, Payment, PaymentMethod, Prisma } from '../generated/prisma/client.js';
import { isUuid } from '@medpay/runtime';
import type { Db } from '../transaction.js';

export type { Db };

export type { Charge };

export interface NewCharge {
  id: string;
  paymentId: string;
  method: PaymentMethod;
  amountCentavos: number;
  installmentNumber: number | null;
  dueDate?: string | null;
  /** an early settlement's installments, with what each costs (Charge.payoff) */
  payoff?: PayoffPart[];
}

export type PayoffPart = { number: number; amountCentavos: number };

const OPEN_STATUSES: Charge['status'][] = ['ACTIVE', 'CREATING'];

export const chargeStore = {
  /** A charge about to be brought to the gateway (CREATING). */
  create(db: Db, charge: NewCharge): Promise<Charge> {
    return db.charge.create({ data: { ...charge, status: 'CREATING' } });
  },

  /** The charge a gateway event is about: by the gateway's id, or by ours sent as clientRequestId. */
  findForEvent(db: Db, transactionId: string, clientRequestId: string): Promise<Charge | null> {
    return db.charge.findFirst({ where: { OR: [{ gatewayTransactionId: transactionId }, ...(isUuid(clientRequestId) ? [{ id: clientRequestId }] : [])] } });
  },

  /** The payment's first paid charge, the one a refund goes back through. */
  firstPaid(db: Db, paymentId: string): Promise<Charge | null> {
    return db.charge.findFirst({ where: { paymentId, status: 'PAID' }, orderBy: { createdAt: 'asc' } });
  },

  get(db: Db, id: string): Promise<Charge> {
    return db.charge.findUniqueOrThrow({ where: { id } });
  },

  /** A payment's charges still open (ACTIVE or CREATING). */
  openFor(db: Db, paymentId: string): Promise<Charge[]> {
    return db.charge.findMany({ where: { paymentId, status: { in: OPEN_STATUSES } } });
  },

  /** What a payment's charges received. */
  async paidFor(db: Db, paymentId: string): Promise<number> {
    const received = await db.charge.aggregate({ where: { paymentId, status: 'PAID' }, _sum: { paidCentavos: true } });
    return received._sum.paidCentavos ?? 0;
  },

  /** An installment's charges still open (ACTIVE or CREATING). */
  openForInstallment(db: Db, paymentId: string, installmentNumber: number): Promise<Charge[]> {
    return db.charge.findMany({ where: { paymentId, installmentNumber, status: { in: OPEN_STATUSES } } });
  },

  /** PIX and boleto charges left CREATING since before `before`, with their payments, for the worker to issue. */
  pendingToIssue(db: Db, before: Date, take: number): Promise<(Charge & { payment: Payment })[]> {
    return db.charge.findMany({ where: { status: 'CREATING', method: { in: ['PIX', 'BOLETO'] }, createdAt: { lte: before } }, include: { payment: true }, take });
  },

  /** Charges whose fate at the gateway may differ from ours: ACTIVE, or CREATING since before `creatingBefore`. */
  toReconcile(db: Db, creatingBefore: Date, take: number): Promise<Charge[]> {
    return db.charge.findMany({ where: { OR: [{ status: 'ACTIVE' }, { status: 'CREATING', createdAt: { lte: creatingBefore } }] }, take });
  },

  /** What every paid charge received. */
  async paidTotal(db: Db): Promise<number> {
    const received = await db.charge.aggregate({ where: { status: 'PAID' }, _sum: { paidCentavos: true } });
    return received._sum.paidCentavos ?? 0;
  },

  /** Card interest is the issuer's: received on paid card charges above the price, never booked as ours. */
  async cardInterest(db: Db): Promise<number> {
    const rows = await db.$queryRaw<{ interest: bigint | null }[]>`
      SELECT sum(c.paid_centavos - p.gross_centavos) AS interest FROM charges c JOIN payments p ON p.id = c.payment_id
      WHERE c.status = 'PAID' AND c.method = 'CARD' AND c.paid_centavos > p.gross_centavos`;
    return Number(rows[0]?.interest ?? 0);
  },

  /** CREATING → ACTIVE with what the gateway answered; false when another writer moved it first. */
  async activate(db: Db, id: string, data: Pick<Prisma.ChargeUpdateManyMutationInput, 'gatewayTransactionId' | 'pixCopiaECola' | 'expiresAt' | 'boletoLine' | 'boletoBarcode' | 'dueDate'>): Promise<boolean> {
    return (await db.charge.updateMany({ where: { id, status: 'CREATING' }, data: { ...data, status: 'ACTIVE' } })).count > 0;
  },

  /** The card the gateway charged, recorded before its approval or decline is applied. */
  async recordCard(db: Db, id: string, card: { gatewayTransactionId: string; cardBrand: string; cardLast4: string }): Promise<void> {
    await db.charge.update({ where: { id }, data: card, select: { id: true } });
  },

  /** CREATING → DECLINED; false when another writer moved it first. */
  async decline(db: Db, id: string, declineReason: string): Promise<boolean> {
    return (await db.charge.updateMany({ where: { id, status: 'CREATING' }, data: { status: 'DECLINED', declineReason } })).count > 0;
  },

  /** → PAID unless it already is; false for a repeated payment of the same charge. */
  async markPaid(db: Db, id: string, paid: { paidCentavos: number; paidAt: Date; gatewayTransactionId: string; pixEndToEndId?: string | null }): Promise<boolean> {
    return (await db.charge.updateMany({ where: { id, status: { not: 'PAID' } }, data: { ...paid, status: 'PAID' } })).count > 0;
  },

  /** An open charge → EXPIRED or CANCELED; false when it was no longer open. */
  async end(db: Db, id: string, status: 'EXPIRED' | 'CANCELED'): Promise<boolean> {
    return (await db.charge.updateMany({ where: { id, status: { in: OPEN_STATUSES } }, data: { status } })).count > 0;
  },

  /** Cancels a charge still in the status the caller saw. */
  async cancel(db: Db, id: string, seenStatus: Charge['status']): Promise<void> {
    await db.charge.updateMany({ where: { id, status: seenStatus }, data: { status: 'CANCELED' } });
  },
};

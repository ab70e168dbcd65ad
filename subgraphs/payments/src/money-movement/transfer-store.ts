// Data access for transfers (payouts to clinics, refunds to patients, chargebacks): the one place that knows the
// transfers table. Methods take the client or an open transaction; status changes are conditional, so
// a transfer is sent, confirmed or failed once however many writers race.
import type { Payment, Prisma, Transfer } from '../generated/prisma/client.js';
import { isUuid } from '@medpay/runtime';
import type { Db } from '../transaction.js';

export type { Transfer };

export type NewTransfer =
  | { id: string; paymentId: string; kind: 'PAYOUT'; amountCentavos: number }
  | { id: string; paymentId: string; kind: 'REFUND'; amountCentavos: number; reason: string; reversal: Prisma.InputJsonValue };

export const transferStore = {
  /** A transfer for the worker to send (REQUESTED). */
  create(db: Db, transfer: NewTransfer): Promise<Transfer> {
    return db.transfer.create({ data: { ...transfer, status: 'REQUESTED' } });
  },

  /** A chargeback the gateway has already taken: CONFIRMED at once, with the accounts it was drawn from. */
  createChargeback(db: Db, transfer: { id: string; paymentId: string; amountCentavos: number; reason: string; reversal: Prisma.InputJsonValue; gatewayTransactionId: string }): Promise<Transfer> {
    return db.transfer.create({ data: { ...transfer, kind: 'CHARGEBACK', status: 'CONFIRMED' } });
  },

  /** The transfer a gateway event is about: by the gateway's id, or by ours sent as clientRequestId. */
  findForEvent(db: Db, transactionId: string, clientRequestId: string): Promise<Transfer | null> {
    return db.transfer.findFirst({ where: { OR: [{ gatewayTransactionId: transactionId }, ...(isUuid(clientRequestId) ? [{ id: clientRequestId }] : [])] } });
  },

  /** The oldest transfers still to send, with their payments. */
  toSend(db: Db, take: number): Promise<(Transfer & { payment: Payment })[]> {
    return db.transfer.findMany({ where: { status: 'REQUESTED' }, include: { payment: true }, orderBy: { createdAt: 'asc' }, take });
  },

  /** A payment's transfer of one kind still waiting to be sent, if any. */
  requestedFor(db: Db, paymentId: string, kind: Transfer['kind']): Promise<Transfer | null> {
    return db.transfer.findFirst({ where: { paymentId, kind, status: 'REQUESTED' }, orderBy: { createdAt: 'asc' } });
  },

  /** REQUESTED → PENDING with the gateway's id (and, for a payout, where it went), once the gateway took it. */
  async markSent(db: Db, id: string, gatewayTransactionId: string, destination: string | null): Promise<void> {
    await db.transfer.updateMany({ where: { id, status: 'REQUESTED' }, data: { status: 'PENDING', gatewayTransactionId, destination } });
  },

  /** REQUESTED or PENDING → CONFIRMED or FAILED; false when it was settled before. */
  async settle(db: Db, id: string, confirmed: boolean, gatewayTransactionId: string): Promise<boolean> {
    const settled = await db.transfer.updateMany({ where: { id, status: { in: ['REQUESTED', 'PENDING'] } }, data: { status: confirmed ? 'CONFIRMED' : 'FAILED', gatewayTransactionId } });
    return settled.count > 0;
  },

  /** What every confirmed transfer took out of the gateway. */
  async confirmedTotal(db: Db): Promise<number> {
    const sent = await db.transfer.aggregate({ where: { status: 'CONFIRMED' }, _sum: { amountCentavos: true } });
    return sent._sum.amountCentavos ?? 0;
  },
};

// Collecting crediário installments: each is issued (with its charge) ahead of its due date, and one
// issued and not paid by its due date becomes OVERDUE, announced by an installment.overdue event
// written in the same transaction as its move. Both moves are conditional, so of two workers (or a
// worker and a payment) racing for an installment, one moves it and announces it.
import { randomUUID } from 'node:crypto';
import { installmentOverdue } from '../events/domain-events.js';
import { outboxStore } from '../events/outbox-store.js';
import type { Charge, Installment, Payment, PrismaClient } from '../generated/prisma/client.js';
import { chargeStore } from '../money-movement/charge-store.js';
import { inTransaction } from '../transaction.js';
import { installmentStore } from './installment-store.js';

/** SCHEDULED → ISSUED with the charge (CREATING) the worker then brings to the gateway; null when it was issued before. */
export function issueInstallment(prisma: PrismaClient, installment: Installment & { payment: Pick<Payment, 'method'> }): Promise<Charge | null> {
  return inTransaction(prisma, async (tx) => {
    if (!(await installmentStore.issue(tx, installment.id))) return null;
    return chargeStore.create(tx, {
      id: randomUUID(),
      paymentId: installment.paymentId,
      method: installment.payment.method,
      amountCentavos: installment.amountCentavos,
      installmentNumber: installment.number,
      dueDate: installment.dueDate,
    });
  });
}

/** Marks the installments due before `today` (YYYY-MM-DD) still ISSUED; returns how many it moved. */
export async function markOverdueInstallments(prisma: PrismaClient, today: string, batchSize = 200): Promise<number> {
  let moved = 0;
  for (;;) {
    // One transaction per batch: each installment's move and its event commit together.
    const found = await inTransaction(prisma, async (tx) => {
      const due = await installmentStore.pastDue(tx, today, batchSize);
      for (const installment of due) {
        if (!(await installmentStore.markOverdue(tx, installment.id))) continue;
        await outboxStore.append(tx, installmentOverdue(installment.payment, installment));
        moved += 1;
      }
      return due.length;
    });
    // Every row found left ISSUED (moved here or by someone else): a full batch may have more behind it.
    if (found < batchSize) return moved;
  }
}

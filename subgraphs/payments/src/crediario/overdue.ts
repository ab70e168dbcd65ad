// Crediário installments issued and not paid by their due date become OVERDUE, each announced by an
// installment.overdue event written in the same transaction as its move. The move is conditional, so
// of two workers (or a worker and a payment) racing for an installment, one moves and announces it.
import { installmentOverdue } from '../events/domain-events.js';
import { outboxStore } from '../events/outbox-store.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { inTransaction } from '../transaction.js';
import { installmentStore } from './installment-store.js';

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

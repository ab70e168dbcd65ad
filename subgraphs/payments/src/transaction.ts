// The transaction boundary of the payments subgraph: domain steps open a transaction here and hand it
// to the stores, which are the only modules that touch tables.
import type { Prisma, PrismaClient } from './generated/prisma/client.js';

/** The client, or the transaction a step runs in: what every store method takes. */
export type Db = PrismaClient | Prisma.TransactionClient;
export type Tx = Prisma.TransactionClient;

/** Runs `step` in one database transaction: all its writes commit together or none does. */
export function inTransaction<T>(prisma: PrismaClient, step: (tx: Tx) => Promise<T>): Promise<T> {
  return prisma.$transaction(step);
}

/**
 * Runs `read` on one snapshot of the database (REPEATABLE READ): figures read by several statements
 * agree with each other even while money moves (a transfer confirmed between two of them would
 * otherwise show up on one side of a comparison and not the other).
 */
export function inSnapshot<T>(prisma: PrismaClient, read: (tx: Tx) => Promise<T>): Promise<T> {
  return prisma.$transaction(read, { isolationLevel: 'RepeatableRead' });
}

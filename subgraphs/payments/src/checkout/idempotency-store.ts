// Stripe's idempotency semantics for money-moving mutations: the same key with the same request
// returns the first result; the same key with a different request is refused; keys are scoped to
// the caller and the operation.
import { violatedUniqueConstraint } from '@medpay/runtime';
import { PaymentsError } from '../errors.js';
import { createHash } from 'node:crypto';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { Tx } from '../ledger/ledger-store.js';

export const requestHash = (request: unknown) => createHash('sha256').update(JSON.stringify(request)).digest('hex');

export function assertKey(key: string) {
  if (!/^[\w.:-]{8,100}$/.test(key)) {
    throw new PaymentsError('BAD_USER_INPUT', 'A chave de idempotência deve ter de 8 a 100 letras, números, ".", ":", "_" ou "-".', { field: 'idempotencyKey' });
  }
}

const reused = () => new PaymentsError('IDEMPOTENCY_KEY_REUSED', 'Esta chave de idempotência já foi usada com outros dados.');

/** The resource a key already produced (when the request matches), or null when the key is new. */
export async function findByKey(prisma: PrismaClient | Tx, scope: string, key: string, hash: string): Promise<string | null> {
  const existing = await prisma.idempotencyKey.findUnique({ where: { scope_key: { scope, key } } });
  if (!existing) return null;
  if (existing.requestHash !== hash) throw reused();
  return existing.resourceId;
}

/**
 * Records the key for a new resource inside the transaction that creates it. When a concurrent
 * request with the same key committed first, the unique violation aborts this transaction and the
 * caller answers with the winner's resource.
 */
export async function claimKey(tx: Tx, scope: string, key: string, hash: string, resourceId: string) {
  await tx.idempotencyKey.create({ data: { scope, key, requestHash: hash, resourceId } });
}

export const isKeyConflict = (error: unknown) => violatedUniqueConstraint(error) === 'idempotency_keys_pkey';

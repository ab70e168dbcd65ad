// The router's usage records (one per operation, no variables or personal data), kept 90 days.
import type { OperationUsage } from '@medpay/contracts';
import { dayOf } from '@medpay/runtime';
import { randomUUID } from 'node:crypto';
import type { AnalyticsStore } from './store/models.js';

export async function recordUsage(store: AnalyticsStore, operations: OperationUsage[]): Promise<number> {
  for (const operation of operations) {
    const at = new Date(operation.at);
    await store.insertOnce('usage', { _id: randomUUID(), ...operation, at, day: dayOf(at) });
  }
  return operations.length;
}

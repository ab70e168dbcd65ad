import DataLoader from 'dataloader';
import type { Metrics } from './metrics.js';

/**
 * A per-request DataLoader over a batch query by ids: one query per batch, results in key order,
 * null for ids that do not exist. Counted as `dataloader_batches_total{loader}`.
 */
export function createLoader<Row extends { id: string }>(name: string, metrics: Metrics, fetchMany: (ids: readonly string[]) => Promise<Row[]>) {
  return new DataLoader<string, Row | null>(async (ids) => {
    metrics.increment(`dataloader_batches_total_${name}`);
    const byId = new Map((await fetchMany(ids)).map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

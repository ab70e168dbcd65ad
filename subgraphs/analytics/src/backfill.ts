// Rebuilds the analytics store from the source services' outboxes: for a new deployment, or to
// recover from a lost or damaged store. `npm run analytics:backfill`, with the analytics service
// stopped (an event applied live between the wipe and its log entry would be lost; the embedded store
// refuses a second process anyway). It applies the events the way live consumption does, so it
// gives the same figures; the live service then goes on from where the backfill stopped.
import { createLogger, type EventSource } from '@medpay/runtime';
import { fileURLToPath } from 'node:url';
import { loadAnalyticsConfig } from './config.js';
import { feedIntake } from './intake.js';
import { eventSources } from './service.js';
import { openDocumentStore } from '@medpay/documents';
import { analyticsCollections, type AnalyticsStore } from './store/models.js';

/** Empties the facts and the event log, then applies every source's whole outbox. Returns how many events. */
export async function backfill(store: AnalyticsStore, sources: EventSource[]): Promise<number> {
  await store.clear(['events', 'payments', 'installments', 'simulations', 'patients', 'accesses', 'cursors']);
  return feedIntake(store, sources, 0, createLogger('analytics-backfill', 'silent')).drain();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const config = loadAnalyticsConfig();
  const store = await openDocumentStore(analyticsCollections, config.MONGODB_URL, config.ANALYTICS_DATA_DIR);
  try {
    const applied = await backfill(store, eventSources(config));
    console.log(`analytics rebuilt from ${applied} events`);
  } finally {
    await store.close();
  }
}

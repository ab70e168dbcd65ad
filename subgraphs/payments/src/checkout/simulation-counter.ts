// How many times each procedure's plans were simulated, for the analytics funnel. paymentPlans is an
// anonymous query: writing a row per call would turn every request into a write (a DoS amplifier),
// so simulations are counted in memory and written every few seconds as one plans.simulated event
// per (clinic, procedure, category). A crash loses at most one window of counts, which is acceptable
// for an anonymous funnel counter. Only procedures the catalog knows are counted (the resolver counts
// after the lookup), so the window cannot grow past the catalog's size.
import { CoalescingLoop, type Logger } from '@medpay/runtime';
import { plansSimulated } from '../events/domain-events.js';
import type { NewOutboxEvent } from '../events/outbox-store.js';
import type { CatalogProcedure } from '../internal/directory.js';

interface Tally {
  clinicId: string;
  procedureId: string;
  category: string;
  count: number;
}

export class SimulationCounter {
  /** the window's counts, by clinic, procedure and category */
  private tallies = new Map<string, Tally>();
  private windowStart: Date;
  readonly loop: CoalescingLoop;

  constructor(
    /** writes the events of one window (one outbox insert) */
    private readonly write: (events: NewOutboxEvent[]) => Promise<void>,
    logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.windowStart = now();
    this.loop = new CoalescingLoop('plans-simulated', () => this.flush(), logger);
  }

  count(procedure: Pick<CatalogProcedure, 'id' | 'category'> & { clinic: Pick<CatalogProcedure['clinic'], 'id'> }) {
    const key = JSON.stringify([procedure.clinic.id, procedure.id, procedure.category]);
    const tally = this.tallies.get(key);
    if (tally) tally.count += 1;
    else this.tallies.set(key, { clinicId: procedure.clinic.id, procedureId: procedure.id, category: procedure.category, count: 1 });
  }

  /**
   * Closes the window: one event per key, with the window's start, and a new window from now. Should
   * the write fail, the counts go back into the open window, which then starts where this one did.
   */
  async flush(): Promise<void> {
    if (this.tallies.size === 0) return;
    const [tallies, windowStart] = [this.tallies, this.windowStart];
    this.tallies = new Map();
    this.windowStart = this.now();
    try {
      await this.write([...tallies.values()].map((tally) => plansSimulated({ ...tally, windowStart: windowStart.toISOString() })));
    } catch (error) {
      for (const [key, tally] of tallies) {
        const open = this.tallies.get(key);
        if (open) open.count += tally.count;
        else this.tallies.set(key, tally);
      }
      this.windowStart = windowStart;
      throw error;
    }
  }

  start(intervalMs: number) {
    this.loop.start(intervalMs);
  }

  /** Stops the timer and writes what the open window counted. */
  async close() {
    await this.loop.stop();
    await this.flush();
  }
}

// Process counters in Prometheus' text format at GET /metrics (SQL statements, DataLoader batches),
// read by tests and benchmarks to prove batching rather than guess at it.
export class Metrics {
  private readonly counters = new Map<string, number>();

  increment(name: string, by = 1) {
    this.counters.set(name, (this.counters.get(name) ?? 0) + by);
  }

  /** A gauge: the value now (progress of a background job). */
  set(name: string, value: number) {
    this.counters.set(name, value);
  }

  get(name: string): number {
    return this.counters.get(name) ?? 0;
  }

  render(service: string): string {
    return [...this.counters].map(([name, value]) => `medpay_${name}{service="${service}"} ${value}`).join('\n') + '\n';
  }
}

/** Reads one counter from a /metrics body. */
export function parseMetric(body: string, name: string): number {
  const line = body.split('\n').find((l) => l.startsWith(`medpay_${name}{`));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

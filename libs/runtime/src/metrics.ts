// Each service's metrics in Prometheus' format at GET /metrics (for the scraper; never published):
// counters and gauges the code moves by name (SQL statements, DataLoader batches, live
// subscriptions…) and reads back in tests and benchmarks to prove batching rather than guess at it;
// latency histograms (RED per operation and per subgraph fetch); gauges read when scraped (payments by
// status, outbox lag, the pool); and the process's own (event-loop lag, heap, GC), all with prom-client.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { performance } from 'node:perf_hooks';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

type Labels = Record<string, string>;

/** seconds, from a fast in-process resolver to a slow provider call */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The process's own metrics, once per process whatever the services in it (tests run several). */
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

const keyOf = (name: string, labels?: Labels) => (labels ? `${name}${JSON.stringify(Object.entries(labels).sort())}` : name);

export class Metrics {
  private readonly registry = new Registry();
  /** the value of each counter and gauge moved by name, per label set */
  private readonly values = new Map<string, { name: string; labels: Labels; value: number }>();
  private readonly declared = new Set<string>();
  private readonly histograms = new Map<string, Histogram>();

  increment(name: string, by = 1, labels?: Labels) {
    const key = keyOf(name, labels);
    const entry = this.values.get(key);
    if (entry) entry.value += by;
    else this.values.set(key, { name, labels: labels ?? {}, value: by });
  }

  /** A gauge: the value now (progress of a background job). */
  set(name: string, value: number, labels?: Labels) {
    this.values.set(keyOf(name, labels), { name, labels: labels ?? {}, value });
  }

  get(name: string, labels?: Labels): number {
    return this.values.get(keyOf(name, labels))?.value ?? 0;
  }

  /** Records a duration (seconds) or size in the histogram of that name. */
  observe(name: string, labels: Labels, value: number) {
    let histogram = this.histograms.get(name);
    if (!histogram) {
      histogram = new Histogram({ name: `medpay_${name}`, help: describe(name), labelNames: Object.keys(labels), buckets: LATENCY_BUCKETS, registers: [this.registry] });
      this.histograms.set(name, histogram);
    }
    histogram.observe(labels, value);
  }

  /** A gauge whose values are read when Prometheus scrapes (a count in the database, a queue's age). */
  gauge(name: string, help: string, labelNames: string[], read: () => Promise<{ labels?: Labels; value: number }[]>) {
    // the latest reader wins (a restarted part of the service registers its own again)
    this.registry.removeSingleMetric(`medpay_${name}`);
    new Gauge({
      name: `medpay_${name}`,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const { labels, value } of await read()) this.set(labels ?? {}, value);
      },
    });
  }

  /** Everything, in Prometheus' text format, labelled with the service. */
  async render(service: string): Promise<string> {
    this.declareMoved();
    this.registry.setDefaultLabels({ service });
    return `${await this.registry.metrics()}\n${await processMetrics().metrics()}`;
  }

  /** Counters (`…_total`) and gauges for the names moved so far, read from `values` when scraped. */
  private declareMoved() {
    const values = this.values;
    for (const { name, labels } of values.values()) {
      if (this.declared.has(name)) continue;
      this.declared.add(name);
      const current = () => [...values.values()].filter((entry) => entry.name === name);
      const config = { name: `medpay_${name}`, help: describe(name), labelNames: Object.keys(labels), registers: [this.registry] };
      if (name.endsWith('_total')) {
        new Counter({ ...config, collect() { this.reset(); for (const entry of current()) this.inc(entry.labels, entry.value); } });
      } else {
        new Gauge({ ...config, collect() { this.reset(); for (const entry of current()) this.set(entry.labels, entry.value); } });
      }
    }
  }
}

const describe = (name: string) => name.replace(/_/g, ' ');

/** distinct operation names a service labels its latencies with; the rest count as `other` (a caller picks the name) */
const MAX_OPERATION_NAMES = 200;

/**
 * Apollo Server plugin: each operation's duration and outcome (`graphql_operation_duration_seconds`
 * by operation name, type and outcome: rate, errors and duration per operation).
 */
export function operationMetricsPlugin(metrics: Metrics): ApolloServerPlugin<BaseContext> {
  const names = new Set<string>();
  const label = (name: string | null | undefined) => {
    if (!name) return 'anonymous';
    if (names.size < MAX_OPERATION_NAMES) names.add(name);
    return names.has(name) ? name : 'other';
  };
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, operation, errors, response }) {
          const failed = Boolean(errors?.length) || (response.body.kind === 'single' && Boolean(response.body.singleResult.errors?.length));
          metrics.observe('graphql_operation_duration_seconds', { operation: label(operationName), type: operation?.operation ?? 'unknown', outcome: failed ? 'error' : 'success' }, (performance.now() - started) / 1000);
        },
      };
    },
  };
}

/** Reads one metric (ours by its name without `medpay_`, or the process's, `process_resident_memory_bytes`) from a /metrics body. */
export function parseMetric(body: string, name: string): number {
  const line = body.split('\n').find((l) => [`medpay_${name}`, name].some((full) => l.startsWith(`${full}{`) || l.startsWith(`${full} `)));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

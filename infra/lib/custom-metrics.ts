// The business metrics the services publish in CloudWatch's `MedPay` namespace: the contract between
// their Prometheus /metrics and the dashboard and alarms (listed in infra/README.md). Each task's
// collector sidecar (ADOT) scrapes /metrics on loopback and sends these as embedded-metric-format logs;
// it also takes the service's spans over OTLP on loopback and sends them to X-Ray.
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';

export const CUSTOM_NAMESPACE = 'MedPay';

export interface CustomMetric {
  /** the Prometheus name, also the CloudWatch one */
  name: string;
  /** counters are sent as the increase since the last scrape, gauges as they are */
  type: 'counter' | 'gauge';
  /** Prometheus labels that become CloudWatch dimensions (`service` is the kit's own label) */
  dimensions: string[];
}

export const customMetrics = {
  paymentsByStatus: { name: 'medpay_payments', type: 'gauge', dimensions: ['service', 'status'] },
  outboxLag: { name: 'medpay_outbox_lag_seconds', type: 'gauge', dimensions: ['service'] },
  eventLag: { name: 'medpay_event_lag_seconds', type: 'gauge', dimensions: ['service'] },
  webhookDeliveries: { name: 'medpay_webhook_deliveries_total', type: 'counter', dimensions: ['service', 'result'] },
  gatewayWebhooks: { name: 'medpay_gateway_webhooks_total', type: 'counter', dimensions: ['service', 'result'] },
  deadLetters: { name: 'medpay_dead_letters_total', type: 'counter', dimensions: ['service'] },
  ledgerDiscrepancies: { name: 'medpay_ledger_discrepancies', type: 'gauge', dimensions: ['service'] },
  payoutFailures: { name: 'medpay_payout_failures_total', type: 'counter', dimensions: ['service'] },
} satisfies Record<string, CustomMetric>;

/** A counter's increases add up over a period; a gauge's worst value is what matters. */
const statisticOf = (metric: CustomMetric) => (metric.type === 'counter' ? 'Sum' : 'Maximum');

/** One service's series of a metric. */
export function serviceMetric(metric: CustomMetric, service: string, period = Duration.minutes(5)) {
  return new cloudwatch.Metric({ namespace: CUSTOM_NAMESPACE, metricName: metric.name, dimensionsMap: { service }, statistic: statisticOf(metric), period });
}

/** Every series of a metric, one line per dimension value (payments by status, lag per consumer…). */
export function everySeries(metric: CustomMetric, period = Duration.minutes(5)) {
  return new cloudwatch.MathExpression({
    expression: `SEARCH('{${CUSTOM_NAMESPACE},${metric.dimensions.join(',')}} MetricName="${metric.name}"', '${statisticOf(metric)}', ${period.toSeconds()})`,
    label: '',
    period,
  });
}

/**
 * The ADOT collector's configuration for one task (JSON is YAML): scrape the service's /metrics on
 * loopback, where it answers without a token, and publish the contract's metrics with their dimensions.
 */
/** where the collector beside each service takes its spans (OTLP/HTTP, loopback only) */
export const OTLP_HTTP_PORT = 4318;

export function collectorConfig(service: string, port: number, logGroupName: string): string {
  const metrics = Object.values(customMetrics) as CustomMetric[];
  const dimensionSets = [...new Set(metrics.map((metric) => metric.dimensions.join(',')))];
  return JSON.stringify({
    receivers: {
      prometheus: {
        // names stay as the services write them (`_total` and units included): they are the contract
        trim_metric_suffixes: false,
        config: { scrape_configs: [{ job_name: service, scrape_interval: '60s', static_configs: [{ targets: [`127.0.0.1:${port}`] }] }] },
      },
      otlp: { protocols: { http: { endpoint: `127.0.0.1:${OTLP_HTTP_PORT}` } } },
    },
    processors: { batch: { timeout: '60s' } },
    exporters: {
      awsemf: {
        namespace: CUSTOM_NAMESPACE,
        log_group_name: logGroupName,
        log_stream_name: service,
        dimension_rollup_option: 'NoDimensionRollup',
        metric_declarations: dimensionSets.map((set) => ({
          dimensions: [set.split(',')],
          metric_name_selectors: metrics.filter((metric) => metric.dimensions.join(',') === set).map((metric) => `^${metric.name}$`),
        })),
      },
      awsxray: {},
    },
    service: {
      pipelines: {
        metrics: { receivers: ['prometheus'], processors: ['batch'], exporters: ['awsemf'] },
        traces: { receivers: ['otlp'], processors: ['batch'], exporters: ['awsxray'] },
      },
    },
  });
}

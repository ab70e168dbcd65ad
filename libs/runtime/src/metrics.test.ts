import { describe, expect, it } from '@jest/globals';
import { Metrics, parseMetric } from './metrics.js';

describe('Metrics', () => {
  it('renders counters, gauges, labelled counters, histograms and read-on-scrape gauges in Prometheus format', async () => {
    const metrics = new Metrics();
    metrics.increment('sql_statements_total', 3);
    metrics.increment('subscriptions_active');
    metrics.increment('subscriptions_active', -1);
    metrics.increment('webhook_deliveries_total', 2, { result: 'succeeded' });
    metrics.increment('webhook_deliveries_total', 1, { result: 'failed' });
    metrics.observe('subgraph_fetch_duration_seconds', { subgraph: 'payments', outcome: 'success' }, 0.02);
    metrics.gauge('payments', 'payments by status', ['status'], async () => [{ labels: { status: 'PAID' }, value: 7 }]);

    const body = await metrics.render('payments');
    expect(body).toContain('# TYPE medpay_sql_statements_total counter');
    expect(body).toContain('medpay_sql_statements_total{service="payments"} 3');
    expect(body).toContain('# TYPE medpay_subscriptions_active gauge');
    expect(body).toContain('medpay_subscriptions_active{service="payments"} 0');
    expect(body).toContain('medpay_webhook_deliveries_total{result="succeeded",service="payments"} 2');
    expect(body).toContain('medpay_webhook_deliveries_total{result="failed",service="payments"} 1');
    expect(body).toContain('medpay_subgraph_fetch_duration_seconds_bucket{le="0.025",service="payments",subgraph="payments",outcome="success"} 1');
    expect(body).toContain('medpay_payments{status="PAID",service="payments"} 7');
    expect(body).toMatch(/^process_resident_memory_bytes \d+/m);
    expect([parseMetric(body, 'sql_statements_total'), metrics.get('webhook_deliveries_total', { result: 'failed' })]).toEqual([3, 1]);

    // moved again after a scrape: the next scrape shows the new values
    metrics.increment('sql_statements_total');
    expect(parseMetric(await metrics.render('payments'), 'sql_statements_total')).toBe(4);
  });
});

// The dashboard and the alarms, which go to one SNS topic (e-mailed to alarmEmail when set).
import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { customMetrics, everySeries, serviceMetric } from './custom-metrics.js';
import type { ServicesStack } from './services-stack.js';

export interface ObservabilityStackProps extends StackProps {
  envName: string;
  alarmEmail: string | undefined;
  services: ServicesStack;
}

const ERROR_RATE_PERCENT = 5;
const P99_LATENCY_SECONDS = 2;
/** how far behind the event stream analytics may fall before someone looks */
const ANALYTICS_LAG_SECONDS = 300;
const MINUTE = Duration.minutes(1);

export class ObservabilityStack extends Stack {
  readonly alarmTopic: sns.Topic;

  constructor(scope: Construct, id: string, props: ObservabilityStackProps) {
    super(scope, id, props);
    const { envName, services } = props;

    // Not encrypted with a KMS key: CloudWatch could not publish to it without a key policy, and
    // alarms carry no personal data.
    this.alarmTopic = new sns.Topic(this, 'Alarms', { displayName: `MedPay ${envName} alarms` });
    if (props.alarmEmail) this.alarmTopic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
    const alarmAction = new cloudwatchActions.SnsAction(this.alarmTopic);
    const alarms: cloudwatch.Alarm[] = [];
    const alarm = (name: string, props: Omit<cloudwatch.AlarmProps, 'alarmName' | 'comparisonOperator'>) => {
      const created = new cloudwatch.Alarm(this, name, {
        alarmName: `medpay-${envName}-${name}`,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        ...props,
      });
      created.addAlarmAction(alarmAction);
      alarms.push(created);
    };

    const trafficWidgets = services.publicTargets.flatMap(({ service, targetGroup }) => {
      const name = service.spec.name;
      const requests = targetGroup.metrics.requestCount({ period: MINUTE });
      const errors = targetGroup.metrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, { period: MINUTE });
      const p99 = targetGroup.metrics.targetResponseTime({ statistic: 'p99', period: MINUTE });
      alarm(`${name}-5xx-rate`, {
        metric: new cloudwatch.MathExpression({ expression: 'IF(requests > 0, 100 * errors / requests, 0)', usingMetrics: { requests, errors }, label: `${name} 5xx %`, period: MINUTE }),
        threshold: ERROR_RATE_PERCENT,
        evaluationPeriods: 5,
        datapointsToAlarm: 3,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      alarm(`${name}-p99-latency`, { metric: p99, threshold: P99_LATENCY_SECONDS, evaluationPeriods: 5, datapointsToAlarm: 3, treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING });
      return [
        new cloudwatch.GraphWidget({ title: `${name}: requests and 5xx`, left: [requests], right: [errors], width: 12 }),
        new cloudwatch.GraphWidget({ title: `${name}: p99 latency (s)`, left: [p99], width: 12 }),
      ];
    });
    // 5xx the load balancer answers itself: no healthy target, or none answering in time.
    alarm('load-balancer-5xx', {
      metric: services.loadBalancer.metrics.httpCodeElb(elbv2.HttpCodeElb.ELB_5XX_COUNT, { period: MINUTE }),
      threshold: 10,
      evaluationPeriods: 5,
      datapointsToAlarm: 3,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });

    alarm('ledger-discrepancies', {
      metric: serviceMetric(customMetrics.ledgerDiscrepancies, 'payments'),
      threshold: 0,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm('payout-failures', {
      metric: serviceMetric(customMetrics.payoutFailures, 'payments'),
      threshold: 0,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm('analytics-lag', {
      metric: serviceMetric(customMetrics.eventLag, 'analytics'),
      threshold: ANALYTICS_LAG_SECONDS,
      evaluationPeriods: 3,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });

    const dashboard = new cloudwatch.Dashboard(this, 'Dashboard', { dashboardName: `medpay-${envName}`, defaultInterval: Duration.hours(6) });
    const business = (title: string, ...series: cloudwatch.IMetric[]) => new cloudwatch.GraphWidget({ title, left: series, width: 8 });
    dashboard.addWidgets(new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms, width: 24 }));
    dashboard.addWidgets(...trafficWidgets);
    dashboard.addWidgets(
      new cloudwatch.GraphWidget({ title: 'CPU per service (%)', left: services.services.map(({ service }) => service.metricCpuUtilization()), width: 12 }),
      new cloudwatch.GraphWidget({ title: 'Memory per service (%)', left: services.services.map(({ service }) => service.metricMemoryUtilization()), width: 12 }),
    );
    dashboard.addWidgets(
      business('Payments by status', everySeries(customMetrics.paymentsByStatus)),
      business('Outbox: oldest event not yet published (s)', everySeries(customMetrics.outboxLag)),
      business('Event lag per consumer (s)', everySeries(customMetrics.eventLag)),
    );
    dashboard.addWidgets(
      business('Partner webhook deliveries by result', everySeries(customMetrics.webhookDeliveries)),
      business('Gateway webhooks by result', everySeries(customMetrics.gatewayWebhooks)),
      business('Dead letters', everySeries(customMetrics.deadLetters)),
    );
    dashboard.addWidgets(business('Ledger discrepancies and payout failures', everySeries(customMetrics.ledgerDiscrepancies), everySeries(customMetrics.payoutFailures)));
  }
}

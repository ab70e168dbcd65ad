// One Fargate service from the repository's image: its command, port, configuration and secrets; logs
// with retention; a health check on /health; rolling deploys that roll themselves back; CPU scaling;
// and, when it serves /metrics, the collector that carries its business metrics to CloudWatch.
import { Duration, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as servicediscovery from 'aws-cdk-lib/aws-servicediscovery';
import { Construct } from 'constructs';
import { collectorConfig, OTLP_HTTP_PORT } from './custom-metrics.js';
import { RUNTIME_PLATFORM } from './medpay-image.js';
import type { ServiceSpec } from './service-catalog.js';

/** how long a stopping subgraph keeps answering, its /health 503, before it stops taking connections */
const DRAIN_NOTICE = Duration.seconds(15);

/** Pinned: a collector upgrade is a deliberate change. */
const COLLECTOR_IMAGE = 'public.ecr.aws/aws-observability/aws-otel-collector:v0.47.0';
const CPU_TARGET_PERCENT = 60;
const REQUESTS_PER_TARGET_PER_MINUTE = 3_000;
/** CDK's note that an egress rule to a callee or a store is moot when all egress is open. */
export const EGRESS_ALREADY_OPEN = '@aws-cdk/aws-ec2:ipv4IgnoreEgressRule';

/** Where the public listener sends a service's requests: as its default, or under a rule. */
export type ListenerRoute = 'default' | { priority: number; conditions: elbv2.ListenerCondition[] };

export interface MedPayServiceProps {
  spec: ServiceSpec;
  envName: string;
  cluster: ecs.ICluster;
  image: ecs.ContainerImage;
  /** the spec's environment plus what the stack adds (callees' URLs, bucket names) */
  environment: Record<string, string>;
  secrets: Record<string, ecs.Secret>;
  /** where callers find it by name; unset when nothing calls it */
  namespace: servicediscovery.INamespace | undefined;
  /** where its collector writes metrics; unset when it serves no /metrics */
  metricsLogGroup: logs.ILogGroup | undefined;
  /** where the public load balancer sends its requests; unset, it is reached from inside the VPC only */
  publicEntry: { listener: elbv2.ApplicationListener; route: ListenerRoute } | undefined;
}

export class MedPayService extends Construct {
  readonly spec: ServiceSpec;
  readonly service: ecs.FargateService;
  readonly securityGroup: ec2.SecurityGroup;
  readonly taskRole: iam.IRole;
  /** its target group on the public load balancer, if it is behind it */
  readonly targetGroup: elbv2.ApplicationTargetGroup | undefined;
  private readonly scaling: ecs.ScalableTaskCount;

  constructor(scope: Construct, id: string, props: MedPayServiceProps) {
    super(scope, id);
    const { spec, cluster } = props;
    this.spec = spec;

    const logGroup = new logs.LogGroup(this, 'Logs', { logGroupName: `/medpay/${props.envName}/${spec.name}`, retention: logs.RetentionDays.THREE_MONTHS });
    const taskDefinition = new ecs.FargateTaskDefinition(this, 'Task', {
      family: `medpay-${props.envName}-${spec.name}`,
      cpu: spec.size.cpu,
      memoryLimitMiB: spec.size.memoryMiB,
      runtimePlatform: RUNTIME_PLATFORM,
    });
    this.taskRole = taskDefinition.taskRole;

    const alive = `[${spec.aliveStatuses.join(', ')}].includes(r.status)`;
    taskDefinition.addContainer(spec.name, {
      image: props.image,
      command: spec.command,
      environment: {
        ...props.environment,
        // spans to the collector beside it, which sends them to X-Ray
        ...(props.metricsLogGroup ? { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${OTLP_HTTP_PORT}` } : {}),
        // A stopping subgraph task answers on while Cloud Map's DNS answers (TTL 10 s) age out of its callers.
        ...(spec.kind === 'subgraph' ? { DRAIN_NOTICE_MS: String(DRAIN_NOTICE.toMilliseconds()) } : {}),
      },
      // SIGTERM, then the drain notice and the requests in flight, before ECS kills it
      stopTimeout: DRAIN_NOTICE.plus(Duration.seconds(20)),
      secrets: props.secrets,
      portMappings: [{ containerPort: spec.port }],
      logging: ecs.LogDrivers.awsLogs({ logGroup, streamPrefix: spec.name }),
      healthCheck: {
        // The image has Node but no curl.
        command: ['CMD', 'node', '-e', `fetch('http://127.0.0.1:${spec.port}/health').then((r) => process.exit(${alive} ? 0 : 1), () => process.exit(1))`],
        interval: Duration.seconds(15),
        timeout: Duration.seconds(5),
        retries: 3,
        // migrations and caches rebuilt from the outboxes run before the first answer
        startPeriod: Duration.seconds(120),
      },
    });

    if (props.metricsLogGroup) {
      taskDefinition.addContainer('collector', {
        image: ecs.ContainerImage.fromRegistry(COLLECTOR_IMAGE),
        // Metrics lost for a while are better than a service stopped for them.
        essential: false,
        cpu: 64,
        memoryReservationMiB: 128,
        environment: { AOT_CONFIG_CONTENT: collectorConfig(spec.name, spec.port, props.metricsLogGroup.logGroupName) },
        logging: ecs.LogDrivers.awsLogs({ logGroup, streamPrefix: 'collector' }),
      });
      props.metricsLogGroup.grantWrite(taskDefinition.taskRole);
      taskDefinition.taskRole.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('AWSXRayDaemonWriteAccess'));
    }

    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', { vpc: cluster.vpc, description: `MedPay ${spec.name}` });
    Validations.of(this.securityGroup).acknowledge({ id: EGRESS_ALREADY_OPEN, reason: 'tasks reach the providers\' APIs on the internet' });
    this.service = new ecs.FargateService(this, 'Service', {
      cluster,
      serviceName: spec.name,
      taskDefinition,
      desiredCount: spec.size.minTasks,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      securityGroups: [this.securityGroup],
      assignPublicIp: false,
      // Rolling: new tasks start beside the old ones, which stop only once the new are healthy.
      minHealthyPercent: 100,
      maxHealthyPercent: 200,
      circuitBreaker: { enable: true, rollback: true },
      healthCheckGracePeriod: props.publicEntry ? Duration.seconds(120) : undefined,
      cloudMapOptions: props.namespace
        ? { name: spec.name, cloudMapNamespace: props.namespace, dnsRecordType: servicediscovery.DnsRecordType.A, dnsTtl: Duration.seconds(10) }
        : undefined,
      propagateTags: ecs.PropagatedTagSource.SERVICE,
    });

    this.scaling = this.service.autoScaleTaskCount({ minCapacity: spec.size.minTasks, maxCapacity: spec.size.maxTasks });
    this.scaling.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: CPU_TARGET_PERCENT, scaleOutCooldown: Duration.seconds(60), scaleInCooldown: Duration.seconds(180) });
    this.targetGroup = props.publicEntry && this.exposeOn(props.publicEntry.listener, props.publicEntry.route);
  }

  /** Lets `caller` reach this service's port. */
  allowFrom(caller: ec2.IConnectable, description: string) {
    this.securityGroup.connections.allowFrom(caller, ec2.Port.tcp(this.spec.port), description);
  }

  /** Puts it behind the public listener: a target group checked on /health, and scaling on requests per target besides CPU. */
  private exposeOn(listener: elbv2.ApplicationListener, route: ListenerRoute): elbv2.ApplicationTargetGroup {
    const targetGroup = new elbv2.ApplicationTargetGroup(this, 'Target', {
      vpc: this.service.cluster.vpc,
      port: this.spec.port,
      protocol: elbv2.ApplicationProtocol.HTTP,
      targetType: elbv2.TargetType.IP,
      targets: [this.service],
      healthCheck: { path: '/health', healthyHttpCodes: this.spec.aliveStatuses.join(','), interval: Duration.seconds(15), healthyThresholdCount: 2, unhealthyThresholdCount: 3 },
      deregistrationDelay: Duration.seconds(30),
    });
    listener.addTargetGroups(this.spec.name, { targetGroups: [targetGroup], ...(route !== 'default' && route) });
    this.scaling.scaleOnRequestCount('Requests', { targetGroup, requestsPerTarget: REQUESTS_PER_TARGET_PER_MINUTE });
    return targetGroup;
  }
}

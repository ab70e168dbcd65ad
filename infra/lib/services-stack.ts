// The services on ECS Fargate, the public load balancer in front of the router and the apps, and the
// CloudFront distribution in front of that.
//
// Subgraphs are found through Cloud Map (private DNS), not an internal load balancer: each caller's
// security group can then be let into exactly the subgraphs it calls, with no balancer in between to
// pay for, scale or hop through; DNS answers with the healthy tasks only, its short TTL spreads new
// connections over new tasks, and the router's long-lived subscription sockets need no balancer.
import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as servicediscovery from 'aws-cdk-lib/aws-servicediscovery';
import * as cr from 'aws-cdk-lib/custom-resources';
import type { Construct } from 'constructs';
import { ContentDelivery } from './content-delivery.js';
import type { DataStack } from './data-stack.js';
import { medpayImage } from './medpay-image.js';
import { MedPayService, type ListenerRoute } from './medpay-service.js';
import { APP_HOSTS, APP_NAMES, databaseUrlVariable, isMongodbSubgraph, isPostgresSubgraph, serviceCatalog, urlVariable, type AppName, type ServiceSpec } from './service-catalog.js';
import type { Settings } from './settings.js';

export interface ServicesStackProps extends StackProps {
  settings: Settings;
  vpc: ec2.IVpc;
  data: DataStack;
  /** the edge stack's WAF web ACL (us-east-1) */
  webAclArn: string;
}

/** The private DNS zone the services find each other in: http://users.medpay.internal:4001 */
export const INTERNAL_DOMAIN = 'medpay.internal';

/** A service behind the public load balancer, and its target group (for the dashboard and alarms). */
export interface PublicTarget {
  service: MedPayService;
  targetGroup: elbv2.ApplicationTargetGroup;
}

export class ServicesStack extends Stack {
  readonly cluster: ecs.Cluster;
  readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  readonly services: MedPayService[];
  readonly publicTargets: PublicTarget[];

  constructor(scope: Construct, id: string, props: ServicesStackProps) {
    super(scope, id, props);
    const { settings, vpc, data } = props;
    const { envName, domain } = settings;

    this.cluster = new ecs.Cluster(this, 'Cluster', { vpc, clusterName: `medpay-${envName}`, containerInsightsV2: ecs.ContainerInsights.ENABLED });
    const namespace = new servicediscovery.PrivateDnsNamespace(this, 'Namespace', { name: INTERNAL_DOMAIN, vpc });

    // Only CloudFront reaches the load balancer, so nothing gets past the WAF.
    const originHttps = settings.originCertificateArn !== undefined;
    const listenerPort = originHttps ? 443 : 80;
    const loadBalancerSecurityGroup = new ec2.SecurityGroup(this, 'LoadBalancerSecurityGroup', { vpc, description: 'MedPay public load balancer', allowAllOutbound: false });
    loadBalancerSecurityGroup.addIngressRule(ec2.Peer.prefixList(cloudFrontOriginPrefixList(this)), ec2.Port.tcp(listenerPort), 'CloudFront origin-facing addresses');
    this.loadBalancer = new elbv2.ApplicationLoadBalancer(this, 'LoadBalancer', {
      vpc,
      internetFacing: true,
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
      securityGroup: loadBalancerSecurityGroup,
      dropInvalidHeaderFields: true,
      // subscriptions' WebSockets sit idle between events and keep-alive pings
      idleTimeout: Duration.seconds(120),
    });
    this.loadBalancer.logAccessLogs(data.accessLogsBucket, 'alb');
    const listener = this.loadBalancer.addListener('Listener', {
      port: listenerPort,
      protocol: originHttps ? elbv2.ApplicationProtocol.HTTPS : elbv2.ApplicationProtocol.HTTP,
      certificates: settings.originCertificateArn ? [elbv2.ListenerCertificate.fromArn(settings.originCertificateArn)] : undefined,
      sslPolicy: originHttps ? elbv2.SslPolicy.RECOMMENDED_TLS : undefined,
      open: false,
    });

    const appHost = (app: AppName) => `${APP_HOSTS[app]}.${domain}`;
    const distribution = new ContentDelivery(this, 'ContentDelivery', {
      loadBalancer: this.loadBalancer,
      httpsOriginHost: originHttps ? `origin.${domain}` : undefined,
      domainNames: domain ? APP_NAMES.map(appHost) : [],
      certificateArn: settings.edgeCertificateArn,
      webAclArn: props.webAclArn,
      logBucket: data.accessLogsBucket,
    }).distribution;
    // Without a domain, the distribution's own name serves the patient app (the load balancer's default).
    const appOrigin = (app: AppName) => `https://${domain ? appHost(app) : distribution.distributionDomainName}`;

    const specs = serviceCatalog({
      appOrigins: { patient: appOrigin('patient'), provider: appOrigin('provider'), admin: appOrigin('admin') },
      integrations: settings.integrations,
      trustedProxies: vpc.vpcCidrBlock,
    });
    const portOf = new Map(specs.map((spec) => [spec.name, spec.port]));
    const called = new Set<string>(specs.flatMap((spec) => spec.calls));
    const image = medpayImage(this);
    // The collectors' embedded-metric logs: CloudWatch keeps the metrics taken from them.
    const metricsLogGroup = new logs.LogGroup(this, 'MetricsLogs', { logGroupName: `/medpay/${envName}/metrics`, retention: logs.RetentionDays.ONE_WEEK });

    // The router on its paths whatever the host, then each app on its host; the patient app is the
    // default, and the only app reachable without a domain.
    const routeOf = ({ entry }: ServiceSpec): ListenerRoute | undefined => {
      if (!entry) return undefined;
      if ('paths' in entry) return { priority: 10, conditions: [elbv2.ListenerCondition.pathPatterns(entry.paths)] };
      if (entry.app === 'patient') return 'default';
      if (!domain) return undefined;
      return { priority: 20 + 10 * APP_NAMES.indexOf(entry.app), conditions: [elbv2.ListenerCondition.hostHeaders([appHost(entry.app)])] };
    };

    this.services = specs.map((spec) => {
      const route = routeOf(spec);
      return new MedPayService(this, spec.name, {
        spec,
        envName,
        cluster: this.cluster,
        image,
        environment: {
          ...spec.environment,
          ...Object.fromEntries(spec.calls.map((callee) => [urlVariable(callee), `http://${callee}.${INTERNAL_DOMAIN}:${portOf.get(callee)}`])),
          ...(spec.stores.includes('documents') && documentsEnvironment(data)),
        },
        secrets: secretsOf(spec, data),
        namespace: called.has(spec.name) ? namespace : undefined,
        metricsLogGroup: spec.kind === 'app' ? undefined : metricsLogGroup,
        publicEntry: route && { listener, route },
      });
    });

    const byName = new Map(this.services.map((service) => [service.spec.name, service]));
    for (const service of this.services) {
      const { name, calls, stores } = service.spec;
      for (const callee of calls) byName.get(callee)!.allowFrom(service.securityGroup, `${name} calls ${callee}`);
      // From the caller's side, so the rules live in this stack and the data stack needs nothing of it.
      if (isPostgresSubgraph(name)) service.securityGroup.connections.allowToDefaultPort(data.database, name);
      if (stores.includes('redis')) service.securityGroup.connections.allowToDefaultPort(data.redis, name);
      if (stores.includes('documents')) data.grantDocuments(service.taskRole);
    }

    this.publicTargets = this.services.flatMap((service) => (service.targetGroup ? [{ service, targetGroup: service.targetGroup }] : []));

    new CfnOutput(this, 'DistributionDomainName', { value: distribution.distributionDomainName, description: 'CNAME target of the app hosts' });
    new CfnOutput(this, 'LoadBalancerDnsName', { value: this.loadBalancer.loadBalancerDnsName, description: 'CNAME target of origin.<domain>' });
  }
}

/**
 * Where a service keeps its documents (libs/runtime's object store): the bucket, in its region, each put
 * encrypted under the key the bucket is encrypted with (grantDocuments lets the task use it through S3).
 */
function documentsEnvironment(data: DataStack): Record<string, string> {
  return { S3_BUCKET: data.documentsBucket.bucketName, S3_REGION: data.region, S3_SSE: 'aws:kms', S3_KMS_KEY_ID: data.dataKey.keyArn };
}

/** A service's secrets, each from Secrets Manager under the variable its config loader reads. */
function secretsOf(spec: ServiceSpec, data: DataStack): Record<string, ecs.Secret> {
  const secret = ecs.Secret.fromSecretsManager;
  return {
    ...Object.fromEntries(spec.secrets.map((name) => [name, secret(data.secrets[name])])),
    ...(isPostgresSubgraph(spec.name) && { [databaseUrlVariable(spec.name)]: secret(data.databaseUrls[spec.name]) }),
    ...(isMongodbSubgraph(spec.name) && { MONGODB_URL: secret(data.mongodbUrls[spec.name]) }),
    ...(spec.stores.includes('redis') && { REDIS_URL: secret(data.redisUrl) }),
  };
}

/** The ID of CloudFront's origin-facing address list, which differs per region: read at deploy time. */
function cloudFrontOriginPrefixList(scope: Construct): string {
  const lookup = new cr.AwsCustomResource(scope, 'CloudFrontPrefixList', {
    onUpdate: {
      service: 'EC2',
      action: 'describeManagedPrefixLists',
      parameters: { Filters: [{ Name: 'prefix-list-name', Values: ['com.amazonaws.global.cloudfront.origin-facing'] }] },
      physicalResourceId: cr.PhysicalResourceId.of('cloudfront-origin-facing'),
      outputPaths: ['PrefixLists.0.PrefixListId'],
    },
    // Describe calls take no resource-level permissions.
    policy: cr.AwsCustomResourcePolicy.fromStatements([new iam.PolicyStatement({ actions: ['ec2:DescribeManagedPrefixLists'], resources: ['*'] })]),
    installLatestAwsSdk: false,
  });
  return lookup.getResponseField('PrefixLists.0.PrefixListId');
}

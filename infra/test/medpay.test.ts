// The production infrastructure, synthesized offline once per configuration and checked for what it
// must guarantee: isolation, encryption, secrets out of plain sight, least privilege, deploys that roll
// back, scaling, the edge's caching and rules, and someone being told when things go wrong.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { customMetrics } from '../lib/custom-metrics.js';
import { GRAPHQL_BODY_LIMIT_BYTES, numbersAbove } from '../lib/edge-stack.js';
import { defineMedPay, medpayApp, type MedPayStacks } from '../lib/medpay-app.js';
import { INTERNAL_DOMAIN } from '../lib/services-stack.js';
import { POSTGRES_SUBGRAPHS, type ServiceSpec } from '../lib/service-catalog.js';
import { settingsFrom } from '../lib/settings.js';

type Json = Record<string, any>;
type StackName = keyof MedPayStacks;

const PRODUCTION_CONTEXT = {
  account: '123456789012',
  region: 'sa-east-1',
  env: 'production',
  domain: 'medpay.example',
  edgeCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/edge',
  originCertificateArn: 'arn:aws:acm:sa-east-1:123456789012:certificate/origin',
  alarmEmail: 'plantao@medpay.example',
  allowedCountries: 'BR,PT',
};
/** cdk.json's own values: no domain, certificates, e-mail or country rule */
const DEFAULT_CONTEXT = { account: '123456789012' };

const SUBGRAPHS = ['users', 'providers', 'payments', 'analytics', 'notifications', 'ai'];
const PUBLIC_SERVICES = ['router', 'patient-app', 'provider-app', 'admin-app'];
const SECRET_LOOKING = /(_SECRET|_KEY|PASSWORD|_TOKEN|_JWK|DATABASE_URL|REDIS_URL|MONGODB_URL)$/;
/** A PIX key is the public address patients pay to (an e-mail or a CNPJ): configuration, not a secret. */
const NOT_SECRET = new Set(['CELCOIN_PIX_KEY']);
const DATA_SERVICES = ['s3', 'rds', 'dynamodb', 'kms', 'secretsmanager'];
const ALL_VIEWER_EXCEPT_HOST_HEADER = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';
const USE_ORIGIN_CACHE_CONTROL_HEADERS_QUERY_STRINGS = '4cc15a8a-d715-48a4-82b8-cc0b614638fe';
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const YEAR_SECONDS = 365 * 24 * 3600;

/** One synthesized app: its stacks, their templates, and where the assembly was written. */
interface Synthesized {
  stacks: MedPayStacks;
  templates: Record<StackName, Template>;
  json: Record<StackName, Json>;
  directory: string;
  specs: ServiceSpec[];
}

function synthesize(context: Record<string, unknown>): Synthesized {
  const app = medpayApp({ context });
  const stacks = defineMedPay(app, settingsFrom(app.node));
  const assembly = app.synth();
  const names = Object.keys(stacks) as StackName[];
  const json = Object.fromEntries(names.map((name) => [name, assembly.getStackByName(stacks[name].stackName).template])) as Record<StackName, Json>;
  const templates = Object.fromEntries(names.map((name) => [name, Template.fromJSON(json[name])])) as Record<StackName, Template>;
  return { stacks, templates, json, directory: assembly.directory, specs: stacks.services.services.map((service) => service.spec) };
}

const resources = (template: Json, type: string): Array<[string, Json]> => Object.entries(template.Resources as Json).filter(([, resource]) => resource.Type === type);
const asList = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/** Follows a reference to another stack's output (Fn::GetStackOutput) to the value that stack outputs. */
function followOutput(app: Synthesized, value: unknown): unknown {
  const reference = (value as Json | undefined)?.['Fn::GetStackOutput'];
  if (!reference) return value;
  const producer = (Object.keys(app.stacks) as StackName[]).find((name) => app.stacks[name].stackName === reference.StackName)!;
  return app.json[producer].Outputs[reference.OutputName].Value;
}

/** The logical ID a Ref or Fn::GetAtt points at. */
const targetOf = (value: unknown): string | undefined => (value as Json)?.Ref ?? (value as Json)?.['Fn::GetAtt']?.[0];

/** Each service's security group, by service name (their descriptions name them). */
function securityGroupIds(app: Synthesized): Map<string, string> {
  return new Map(
    resources(app.json.services, 'AWS::EC2::SecurityGroup')
      .filter(([, group]) => /^MedPay [a-z-]+$/.test(group.Properties.GroupDescription))
      .map(([id, group]) => [group.Properties.GroupDescription.slice('MedPay '.length), id]),
  );
}

/** The logical ID of the security group with this description. */
const groupId = (template: Json, description: string) => resources(template, 'AWS::EC2::SecurityGroup').find(([, group]) => group.Properties.GroupDescription === description)![0];

/** The ingress rules into a security group: its own inline ones and the separate resources. */
function rulesInto(template: Json, group: string): Json[] {
  const inline = (template.Resources[group].Properties.SecurityGroupIngress ?? []) as Json[];
  const separate = resources(template, 'AWS::EC2::SecurityGroupIngress').filter(([, rule]) => targetOf(rule.Properties.GroupId) === group).map(([, rule]) => rule.Properties);
  return [...inline, ...separate];
}

/** A service's plain environment, by variable. */
const environmentOf = (template: Json, name: string): Record<string, unknown> =>
  Object.fromEntries(taskDefinitions(template).get(name)![0].Environment.map((variable: Json) => [variable.Name, variable.Value]));

/** Each service's containers, by the service's name (the first container carries it). */
function taskDefinitions(template: Json): Map<string, [Json, ...Json[]]> {
  return new Map(resources(template, 'AWS::ECS::TaskDefinition').map(([, task]) => [task.Properties.ContainerDefinitions[0].Name, task.Properties.ContainerDefinitions]));
}

describe('MedPay infrastructure (production context)', () => {
  let app: Synthesized;
  beforeAll(() => {
    app = synthesize(PRODUCTION_CONTEXT);
  });

  describe('network', () => {
    const subnetTypeOf = (subnet: unknown) => {
      const subnetId = targetOf(followOutput(app, subnet))!;
      return app.json.network.Resources[subnetId].Properties.Tags.find((tag: Json) => tag.Key === 'aws-cdk:subnet-type').Value;
    };

    it('puts only the load balancer in public subnets, the tasks in private ones, the databases in isolated ones', () => {
      const [[, loadBalancer]] = resources(app.json.services, 'AWS::ElasticLoadBalancingV2::LoadBalancer') as [[string, Json]];
      expect(loadBalancer.Properties.Scheme).toBe('internet-facing');
      expect(new Set(loadBalancer.Properties.Subnets.map(subnetTypeOf))).toEqual(new Set(['Public']));

      const services = resources(app.json.services, 'AWS::ECS::Service');
      expect(services).toHaveLength(10);
      for (const [, service] of services) {
        const network = service.Properties.NetworkConfiguration.AwsvpcConfiguration;
        expect(network.AssignPublicIp).toBe('DISABLED');
        expect(new Set(network.Subnets.map(subnetTypeOf))).toEqual(new Set(['Private']));
      }
      const [[, databaseSubnets]] = resources(app.json.data, 'AWS::RDS::DBSubnetGroup') as [[string, Json]];
      const [[, redisSubnets]] = resources(app.json.data, 'AWS::ElastiCache::SubnetGroup') as [[string, Json]];
      expect(new Set([...databaseSubnets.Properties.SubnetIds, ...redisSubnets.Properties.SubnetIds].map(subnetTypeOf))).toEqual(new Set(['Isolated']));
    });

    it('spans three zones with a NAT gateway each, named rather than looked up', () => {
      app.templates.network.resourceCountIs('AWS::EC2::NatGateway', 3);
      expect(resources(app.json.network, 'AWS::EC2::Subnet').map(([, subnet]) => subnet.Properties.AvailabilityZone).sort()).toEqual(
        ['a', 'a', 'a', 'b', 'b', 'b', 'c', 'c', 'c'].map((zone) => `sa-east-1${zone}`),
      );
    });
  });

  describe('security groups', () => {
    it('lets only CloudFront reach the load balancer', () => {
      const ingress = rulesInto(app.json.services, groupId(app.json.services, 'MedPay public load balancer'));
      expect(ingress).toHaveLength(1);
      expect(ingress[0]).toMatchObject({ FromPort: 443, ToPort: 443, SourcePrefixListId: { 'Fn::GetAtt': [expect.stringMatching(/^CloudFrontPrefixList/), 'PrefixLists.0.PrefixListId'] } });
      app.templates.services.hasResourceProperties('Custom::AWS', { Create: Match.stringLikeRegexp('com.amazonaws.global.cloudfront.origin-facing') });
    });

    it('lets each subgraph be reached only by the router and the services that call it', () => {
      const groups = securityGroupIds(app);
      const nameOf = new Map([...groups].map(([name, id]) => [id, name]));
      for (const subgraph of SUBGRAPHS) {
        // a source that is no service (the load balancer, an address range) would show as undefined
        const sources = rulesInto(app.json.services, groups.get(subgraph)!).map((rule) => nameOf.get(targetOf(rule.SourceSecurityGroupId)!));
        const callers = app.specs.filter((spec) => spec.calls.includes(subgraph as never)).map((spec) => spec.name);
        expect(sources.sort()).toEqual(callers.sort());
        expect(sources).toContain('router');
      }
    });

    it('lets the router be reached by the load balancer, the apps and the subgraphs that ask the graph', () => {
      const groups = securityGroupIds(app);
      const sources = rulesInto(app.json.services, groups.get('router')!).map((rule) => targetOf(rule.SourceSecurityGroupId));
      const expected = [groupId(app.json.services, 'MedPay public load balancer'), ...['patient-app', 'provider-app', 'admin-app', 'users', 'ai'].map((name) => groups.get(name))];
      expect(sources.sort()).toEqual(expected.sort());
    });

    it('puts only the router and the apps behind the public load balancer', () => {
      const behind = resources(app.json.services, 'AWS::ECS::Service').flatMap(([, service]) => (service.Properties.LoadBalancers ?? []).map((target: Json) => target.ContainerName));
      expect(behind.sort()).toEqual([...PUBLIC_SERVICES].sort());
      app.templates.services.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
        Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/graphql', '/data-exports/download', '/documents/*', '/webhooks/*'] } }],
      });
      app.templates.services.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', { Conditions: [{ Field: 'host-header', HostHeaderConfig: { Values: ['clinicas.medpay.example'] } }] });
      app.templates.services.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Protocol: 'HTTPS', Port: 443, SslPolicy: Match.stringLikeRegexp('TLS13') });
    });

    it('opens PostgreSQL to the subgraphs that own a database and the migrate task, Redis to the services that use it', () => {
      // Those rules live in the callers' stacks, on the data stack's groups.
      const callersOf = (description: string) =>
        [app.json.services, app.json.migrations]
          .flatMap((template) => resources(template, 'AWS::EC2::SecurityGroupIngress'))
          .filter(([, rule]) => targetOf(followOutput(app, rule.Properties.GroupId)) === groupId(app.json.data, description))
          .map(([, rule]) => rule.Properties.Description)
          .sort();
      expect(callersOf('MedPay PostgreSQL')).toEqual([...POSTGRES_SUBGRAPHS, 'migrate task'].sort());
      expect(callersOf('MedPay Redis')).toEqual([...SUBGRAPHS, 'router'].sort());
    });
  });

  describe('ECS services', () => {
    it('runs the ten services from the one image, each with its own command', () => {
      const tasks = taskDefinitions(app.json.services);
      expect([...tasks.keys()].sort()).toEqual([...SUBGRAPHS, 'router', ...PUBLIC_SERVICES.slice(1)].sort());
      const images = new Set([...tasks.values(), ...taskDefinitions(app.json.migrations).values()].map((containers) => JSON.stringify(containers[0].Image)));
      expect(images.size).toBe(1);
      expect(tasks.get('payments')![0].Command).toEqual(['node', '--import', 'tsx', 'subgraphs/payments/src/main.ts']);
      expect(tasks.get('router')![0].Command).toEqual(['node', '--import', 'tsx', 'router/src/main.ts']);
      expect(tasks.get('admin-app')![0].Command).toEqual(['node', 'node_modules/next/dist/bin/next', 'start', 'clients/admin', '--port', '3002', '--hostname', '0.0.0.0']);
    });

    it('builds the image from the repository without dependencies, local data, build outputs or history', () => {
      const manifest = JSON.parse(readFileSync(join(app.directory, `${app.stacks.services.stackName}.assets.json`), 'utf8'));
      const images = Object.values(manifest.dockerImages) as Json[];
      expect(images).toHaveLength(1);
      const context = join(app.directory, images[0]!.source.directory);
      expect(existsSync(join(context, 'Dockerfile'))).toBe(true);
      expect(existsSync(join(context, 'subgraphs/payments/src/main.ts'))).toBe(true);
      for (const excluded of ['node_modules', '.git', '.data', 'test-results', 'infra/cdk.out', 'clients/patient/.next']) expect(existsSync(join(context, excluded))).toBe(false);
    });

    it('rolls deploys out with the circuit breaker rolling back', () => {
      for (const [, service] of resources(app.json.services, 'AWS::ECS::Service')) {
        expect(service.Properties.DeploymentConfiguration).toEqual({ DeploymentCircuitBreaker: { Enable: true, Rollback: true }, MinimumHealthyPercent: 100, MaximumPercent: 200 });
        expect(service.Properties.DesiredCount).toBeGreaterThanOrEqual(2);
      }
    });

    it('checks every container and target group on /health', () => {
      for (const [name, containers] of taskDefinitions(app.json.services)) {
        const port = app.specs.find((spec) => spec.name === name)!.port;
        expect(containers[0].HealthCheck.Command.join(' ')).toContain(`http://127.0.0.1:${port}/health`);
      }
      const targetGroups = resources(app.json.services, 'AWS::ElasticLoadBalancingV2::TargetGroup');
      expect(targetGroups).toHaveLength(PUBLIC_SERVICES.length);
      for (const [, group] of targetGroups) expect(group.Properties).toMatchObject({ HealthCheckPath: '/health', TargetType: 'ip' });
      // a subgraph down makes the router's /health answer 503, which must not get the routers replaced
      app.templates.services.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', { Port: 4000, Matcher: { HttpCode: '200,503' } });
    });

    it('scales every service on CPU, and those behind the load balancer on requests per target', () => {
      const policies = resources(app.json.services, 'AWS::ApplicationAutoScaling::ScalingPolicy');
      const scaledOn = (metric: string) =>
        policies
          .filter(([, policy]) => policy.Properties.TargetTrackingScalingPolicyConfiguration.PredefinedMetricSpecification.PredefinedMetricType === metric)
          .map(([id]) => id);
      const prefixes = (names: string[]) => names.map((name) => name.replace('-', ''));
      const serviceOf = (ids: string[], names: string[]) => ids.map((id) => prefixes(names).find((prefix) => id.startsWith(prefix))).sort();
      const everyService = [...SUBGRAPHS, ...PUBLIC_SERVICES];
      expect(serviceOf(scaledOn('ECSServiceAverageCPUUtilization'), everyService)).toEqual(prefixes(everyService).sort());
      expect(serviceOf(scaledOn('ALBRequestCountPerTarget'), PUBLIC_SERVICES)).toEqual(prefixes(PUBLIC_SERVICES).sort());
      for (const [, target] of resources(app.json.services, 'AWS::ApplicationAutoScaling::ScalableTarget')) expect(target.Properties.MinCapacity).toBeGreaterThanOrEqual(2);
    });

    it('finds subgraphs through Cloud Map: the router reads each one\'s private DNS name', () => {
      app.templates.services.hasResourceProperties('AWS::ServiceDiscovery::PrivateDnsNamespace', { Name: INTERNAL_DOMAIN });
      const registered = resources(app.json.services, 'AWS::ServiceDiscovery::Service').map(([, service]) => service.Properties.Name);
      expect(registered.sort()).toEqual([...SUBGRAPHS, 'router'].sort());
      expect(environmentOf(app.json.services, 'router')).toMatchObject({
        USERS_URL: `http://users.${INTERNAL_DOMAIN}:4001`,
        PROVIDERS_URL: `http://providers.${INTERNAL_DOMAIN}:4002`,
        PAYMENTS_URL: `http://payments.${INTERNAL_DOMAIN}:4003`,
        ANALYTICS_URL: `http://analytics.${INTERNAL_DOMAIN}:4004`,
        NOTIFICATIONS_URL: `http://notifications.${INTERNAL_DOMAIN}:4005`,
        AI_URL: `http://ai.${INTERNAL_DOMAIN}:4006`,
        ROUTER_PORT: '4000',
        CORS_ORIGINS: 'https://app.medpay.example,https://clinicas.medpay.example,https://admin.medpay.example',
      });
    });

    it('gives each service the integrations and public origins its config loader reads', () => {
      const users = environmentOf(app.json.services, 'users');
      const providers = environmentOf(app.json.services, 'providers');
      const payments = environmentOf(app.json.services, 'payments');
      expect(users).toMatchObject({ RECEITA_BASE_URL: 'https://gateway.apiserpro.serpro.gov.br', ROUTER_PUBLIC_URL: 'https://app.medpay.example' });
      expect(providers).toMatchObject({
        RECEITA_BASE_URL: 'https://gateway.apiserpro.serpro.gov.br',
        CLICKSIGN_BASE_URL: 'https://app.clicksign.com',
        PROVIDER_APP_URL: 'https://clinicas.medpay.example',
        ROUTER_PUBLIC_URL: 'https://clinicas.medpay.example',
        // providers asks payments for the payment links of the clinics' systems' appointments
        PAYMENTS_URL: `http://payments.${INTERNAL_DOMAIN}:4003`,
      });
      expect(payments).toMatchObject({ CLICKSIGN_BASE_URL: 'https://app.clicksign.com', PATIENT_APP_URL: 'https://app.medpay.example', ROUTER_PUBLIC_URL: 'https://app.medpay.example' });
      // the clinics' systems' URLs come from their context keys (cdk.json's integrations)
      const { integrations } = settingsFrom(app.stacks.services.node);
      expect(providers).toMatchObject({ NINSAUDE_BASE_URL: integrations.ninsaudeBaseUrl, HELENA_BASE_URL: integrations.helenaBaseUrl });
      for (const name of ['analytics', 'notifications', 'ai', 'router']) expect(Object.keys(environmentOf(app.json.services, name)).filter((variable) => /^(RECEITA|CLICKSIGN|NINSAUDE|HELENA)_/.test(variable))).toEqual([]);
    });

    it('tells payments and providers where their documents go: the documents bucket, in its region, under the data key', () => {
      const documentsBucket = resources(app.json.data, 'AWS::S3::Bucket').find(([id]) => id.startsWith('Documents'))![0];
      const dataKey = resources(app.json.data, 'AWS::KMS::Key')[0]![0];
      for (const name of ['payments', 'providers']) {
        const environment = environmentOf(app.json.services, name);
        expect(environment).toMatchObject({ S3_REGION: 'sa-east-1', S3_SSE: 'aws:kms' });
        expect(followOutput(app, environment.S3_BUCKET)).toEqual({ Ref: documentsBucket });
        expect(followOutput(app, environment.S3_KMS_KEY_ID)).toEqual({ 'Fn::GetAtt': [dataKey, 'Arn'] });
      }
      for (const [name] of taskDefinitions(app.json.services)) {
        const variables = Object.keys(environmentOf(app.json.services, name));
        expect(variables).not.toContain('DOCUMENTS_BUCKET');
        if (!['payments', 'providers'].includes(name)) expect(variables.filter((variable) => variable.startsWith('S3_'))).toEqual([]);
      }
    });

    it('runs the collector beside every service that serves /metrics, publishing the MedPay namespace', () => {
      for (const [name, containers] of taskDefinitions(app.json.services)) {
        const collector = containers.find((container) => container.Name === 'collector');
        if (name.endsWith('-app')) {
          expect(collector).toBeUndefined();
          continue;
        }
        expect(collector).toMatchObject({ Essential: false, Image: expect.stringMatching(/aws-otel-collector:v/) });
        const config = JSON.stringify(collector!.Environment.find((variable: Json) => variable.Name === 'AOT_CONFIG_CONTENT').Value);
        expect(config).toContain('\\"namespace\\":\\"MedPay\\"');
        for (const metric of Object.values(customMetrics)) expect(config).toContain(metric.name);
      }
    });
  });

  describe('secrets', () => {
    it('never puts a secret in a container\'s plain environment', () => {
      for (const template of [app.json.services, app.json.migrations]) {
        for (const [, containers] of taskDefinitions(template)) {
          for (const container of containers) {
            const plain = (container.Environment ?? []).map((variable: Json) => variable.Name).filter((name: string) => !NOT_SECRET.has(name));
            expect(plain.filter((name: string) => SECRET_LOOKING.test(name))).toEqual([]);
          }
        }
      }
    });

    it('injects each secret from its own Secrets Manager secret', () => {
      const secretNameOf = (valueFrom: unknown) => {
        const id = targetOf(followOutput(app, valueFrom))!;
        const secret = app.json.data.Resources[id];
        expect(secret.Type).toBe('AWS::SecretsManager::Secret');
        return secret.Properties.Name;
      };
      const secretsOf = (template: Json, name: string) =>
        Object.fromEntries(taskDefinitions(template).get(name)![0].Secrets.map((secret: Json) => [secret.Name, secretNameOf(secret.ValueFrom)]));
      expect(secretsOf(app.json.services, 'users')).toEqual({
        INTERNAL_CLAIMS_SECRET: 'medpay/production/INTERNAL_CLAIMS_SECRET',
        JWT_PRIVATE_JWK: 'medpay/production/JWT_PRIVATE_JWK',
        DATA_ENCRYPTION_KEY: 'medpay/production/DATA_ENCRYPTION_KEY',
        BLIND_INDEX_KEY: 'medpay/production/BLIND_INDEX_KEY',
        DATA_EXPORT_LINK_SECRET: 'medpay/production/DATA_EXPORT_LINK_SECRET',
        RECEITA_CONSUMER_KEY: 'medpay/production/RECEITA_CONSUMER_KEY',
        RECEITA_CONSUMER_SECRET: 'medpay/production/RECEITA_CONSUMER_SECRET',
        RECEITA_CACHE_KEY_SECRET: 'medpay/production/RECEITA_CACHE_KEY_SECRET',
        USERS_DATABASE_URL: 'medpay/production/USERS_DATABASE_URL',
        REDIS_URL: 'medpay/production/REDIS_URL',
      });
      expect(secretsOf(app.json.services, 'providers')).toEqual({
        INTERNAL_CLAIMS_SECRET: 'medpay/production/INTERNAL_CLAIMS_SECRET',
        DATA_ENCRYPTION_KEY: 'medpay/production/DATA_ENCRYPTION_KEY',
        BLIND_INDEX_KEY: 'medpay/production/BLIND_INDEX_KEY',
        RECEITA_CONSUMER_KEY: 'medpay/production/RECEITA_CONSUMER_KEY',
        RECEITA_CONSUMER_SECRET: 'medpay/production/RECEITA_CONSUMER_SECRET',
        RECEITA_CACHE_KEY_SECRET: 'medpay/production/RECEITA_CACHE_KEY_SECRET',
        CLICKSIGN_ACCESS_TOKEN: 'medpay/production/CLICKSIGN_ACCESS_TOKEN',
        CLICKSIGN_WEBHOOK_SECRET: 'medpay/production/CLICKSIGN_WEBHOOK_SECRET',
        PROVIDERS_DATABASE_URL: 'medpay/production/PROVIDERS_DATABASE_URL',
        REDIS_URL: 'medpay/production/REDIS_URL',
      });
      expect(secretsOf(app.json.services, 'analytics')).toEqual({
        INTERNAL_CLAIMS_SECRET: 'medpay/production/INTERNAL_CLAIMS_SECRET',
        MONGODB_URL: 'medpay/production/analytics/MONGODB_URL',
        REDIS_URL: 'medpay/production/REDIS_URL',
      });
      expect(secretsOf(app.json.services, 'payments')).toMatchObject({
        CELCOIN_CLIENT_SECRET: 'medpay/production/CELCOIN_CLIENT_SECRET',
        CELCOIN_WEBHOOK_PASSWORD: 'medpay/production/CELCOIN_WEBHOOK_PASSWORD',
        CLICKSIGN_ACCESS_TOKEN: 'medpay/production/CLICKSIGN_ACCESS_TOKEN',
        CLICKSIGN_WEBHOOK_SECRET: 'medpay/production/CLICKSIGN_WEBHOOK_SECRET',
      });
      // the integrations' credentials reach only the services that call them
      const holders = (prefix: string) =>
        [...taskDefinitions(app.json.services)].filter(([, [container]]) => (container.Secrets ?? []).some((secret: Json) => secret.Name.startsWith(prefix))).map(([name]) => name).sort();
      expect(holders('RECEITA_')).toEqual(['providers', 'users']);
      expect(holders('CLICKSIGN_')).toEqual(['payments', 'providers']);
      expect(taskDefinitions(app.json.services).get('patient-app')![0].Secrets).toBeUndefined();
      expect(secretsOf(app.json.migrations, 'migrate')).toEqual(Object.fromEntries(POSTGRES_SUBGRAPHS.map((name) => [`${name.toUpperCase()}_DATABASE_URL`, `medpay/production/${name.toUpperCase()}_DATABASE_URL`])));
    });

    it('generates the secrets MedPay makes, and leaves a placeholder for those the providers issue', () => {
      const secret = (name: string) => resources(app.json.data, 'AWS::SecretsManager::Secret').find(([, candidate]) => candidate.Properties.Name === `medpay/production/${name}`)![1].Properties;
      // the Receita cache's HMAC key: its loader asks for at least 32 characters
      expect(secret('RECEITA_CACHE_KEY_SECRET').GenerateSecretString).toEqual({ ExcludePunctuation: true, PasswordLength: 64 });
      for (const [name, issuer] of [['RECEITA_CONSUMER_KEY', 'Serpro'], ['RECEITA_CONSUMER_SECRET', 'Serpro'], ['CLICKSIGN_ACCESS_TOKEN', 'ClickSign'], ['CLICKSIGN_WEBHOOK_SECRET', 'ClickSign']] as const) {
        expect(secret(name).Description).toMatch(new RegExp(`^Put by the operator, from ${issuer}`));
      }
    });

    it('builds the store URLs from references to generated passwords, never from the passwords themselves', () => {
      for (const [, secret] of resources(app.json.data, 'AWS::SecretsManager::Secret')) {
        const value = JSON.stringify(secret.Properties.SecretString ?? '');
        if (/DATABASE_URL|REDIS_URL/.test(secret.Properties.Name)) expect(value).toMatch(/\{\{resolve:secretsmanager:/);
        else expect(secret.Properties.SecretString).toBeUndefined();
      }
      expect(JSON.stringify(resources(app.json.data, 'AWS::SecretsManager::Secret').find(([, secret]) => secret.Properties.Name.endsWith('/USERS_DATABASE_URL'))![1])).toMatch(/^.*postgres:\/\/medpay:\{\{resolve:secretsmanager:.*\/users\?sslmode=/);
    });
  });

  describe('data', () => {
    it('runs PostgreSQL Multi-AZ, encrypted, backed up, protected from deletion, with its credentials in Secrets Manager', () => {
      const [[, database]] = resources(app.json.data, 'AWS::RDS::DBInstance') as [[string, Json]];
      expect(database.Properties).toMatchObject({ Engine: 'postgres', StorageEncrypted: true, MultiAZ: true, DeletionProtection: true, PubliclyAccessible: false });
      expect(database.Properties.BackupRetentionPeriod).toBeGreaterThan(0);
      expect(database.Properties.KmsKeyId).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^DataKey/), 'Arn'] });
      expect(JSON.stringify(database.Properties.MasterUserPassword)).toMatch(/resolve:secretsmanager/);
      expect(database.DeletionPolicy).toBe('Snapshot');
      app.templates.data.hasResourceProperties('AWS::RDS::DBParameterGroup', { Parameters: { 'rds.force_ssl': '1' } });
    });

    it('runs Redis with TLS, encryption at rest, an AUTH token from a secret, a replica and automatic failover', () => {
      const [[, redis]] = resources(app.json.data, 'AWS::ElastiCache::ReplicationGroup') as [[string, Json]];
      expect(redis.Properties).toMatchObject({ TransitEncryptionEnabled: true, AtRestEncryptionEnabled: true, AutomaticFailoverEnabled: true, MultiAZEnabled: true });
      expect(redis.Properties.NumCacheClusters).toBeGreaterThanOrEqual(2);
      const token = redis.Properties.AuthToken['Fn::Join'][1];
      expect(token[0]).toBe('{{resolve:secretsmanager:');
      expect(app.json.data.Resources[token[1].Ref].Type).toBe('AWS::SecretsManager::Secret');
    });

    it('uses MongoDB Atlas through a URL secret per service, not DocumentDB', () => {
      app.templates.data.resourceCountIs('AWS::DocDB::DBCluster', 0);
      for (const name of ['analytics', 'ai']) app.templates.data.hasResourceProperties('AWS::SecretsManager::Secret', { Name: `medpay/production/${name}/MONGODB_URL` });
    });

    it('keeps the buckets private, TLS-only, and the documents and backups versioned under the customer key', () => {
      const buckets = resources(app.json.data, 'AWS::S3::Bucket');
      expect(buckets).toHaveLength(3);
      for (const [id, bucket] of buckets) {
        expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
        const policy = resources(app.json.data, 'AWS::S3::BucketPolicy').find(([, candidate]) => targetOf(candidate.Properties.Bucket) === id)![1];
        expect(policy.Properties.PolicyDocument.Statement).toContainEqual(
          expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        );
      }
      const [documents, backups] = ['Documents', 'Backups'].map((name) => buckets.find(([id]) => id.startsWith(name))![1]);
      for (const bucket of [documents!, backups!]) {
        expect(bucket.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
        expect(bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault).toMatchObject({
          SSEAlgorithm: 'aws:kms',
          KMSMasterKeyID: { 'Fn::GetAtt': [expect.stringMatching(/^DataKey/), 'Arn'] },
        });
        expect(targetOf(bucket.Properties.LoggingConfiguration.DestinationBucketName)).toMatch(/^AccessLogs/);
      }
      expect(JSON.stringify(documents!.Properties.LifecycleConfiguration)).toContain('NoncurrentVersionExpiration');
      expect(JSON.stringify(backups!.Properties.LifecycleConfiguration)).toContain('"StorageClass":"GLACIER"');
      app.templates.data.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    });
  });

  describe('IAM', () => {
    const statementsOf = (template: Json): Array<{ roles: unknown[]; statements: Json[] }> => [
      ...resources(template, 'AWS::IAM::Policy').map(([id, policy]) => ({ id, roles: policy.Properties.Roles ?? [], statements: policy.Properties.PolicyDocument.Statement as Json[] })),
      ...resources(template, 'AWS::IAM::ManagedPolicy').map(([id, policy]) => ({ id, roles: policy.Properties.Roles ?? [], statements: policy.Properties.PolicyDocument.Statement as Json[] })),
      ...resources(template, 'AWS::IAM::Role').flatMap(([id, role]) => (role.Properties.Policies ?? []).map((policy: Json) => ({ id, roles: [{ Ref: id }], statements: policy.PolicyDocument.Statement as Json[] }))),
    ];

    it('grants no wildcard action anywhere, and none on a data service', () => {
      const policies = (Object.keys(app.json) as StackName[]).flatMap((name) => statementsOf(app.json[name]));
      expect(policies.length).toBeGreaterThan(20);
      for (const { statements } of policies) {
        for (const statement of statements) {
          for (const action of asList(statement.Action as string | string[])) {
            expect(action).not.toBe('*');
            for (const service of DATA_SERVICES) expect(action).not.toMatch(new RegExp(`^${service}:[A-Za-z]*\\*`));
          }
        }
      }
    });

    it('lets only providers and payments use the documents bucket, and its key only through S3', () => {
      const taskRoles = new Map(resources(app.json.services, 'AWS::ECS::TaskDefinition').map(([, task]) => [targetOf(task.Properties.TaskRoleArn), task.Properties.ContainerDefinitions[0].Name]));
      const withDocuments = statementsOf(app.json.services)
        .filter(({ statements }) => statements.some((statement) => asList(statement.Action).some((action: string) => action.startsWith('s3:'))))
        .flatMap(({ roles }) => roles.map((role: unknown) => taskRoles.get(targetOf(role))));
      expect(withDocuments.sort()).toEqual(['payments', 'providers']);
      for (const { statements } of statementsOf(app.json.services)) {
        for (const statement of statements.filter((candidate) => asList(candidate.Action).some((action: string) => action.startsWith('kms:')))) {
          expect(statement.Condition).toEqual({ StringEquals: { 'kms:ViaService': 's3.sa-east-1.amazonaws.com' } });
          expect(asList(statement.Action).sort()).toEqual(['kms:Decrypt', 'kms:GenerateDataKey']);
        }
      }
    });
  });

  describe('migrations', () => {
    it('defines the migrate task on the same image, in a stack deployed before the services and needing nothing of theirs', () => {
      const [[, task]] = resources(app.json.migrations, 'AWS::ECS::TaskDefinition') as [[string, Json]];
      expect(task.Properties.Family).toBe('medpay-production-migrate');
      expect(task.Properties.ContainerDefinitions[0].Command).toEqual(['node', '--import', 'tsx', 'scripts/migrate.ts']);
      expect(JSON.stringify(app.json.migrations.Outputs.RunMigrations.Value)).toContain('aws ecs run-task');
      app.templates.migrations.resourceCountIs('AWS::ECS::Service', 0);
      expect(app.stacks.migrations.dependencies.map((stack) => stack.stackName).sort()).toEqual(['MedPay-production-Data', 'MedPay-production-Network']);
      expect(app.stacks.services.dependencies).toContain(app.stacks.migrations);
    });
  });

  describe('edge', () => {
    it('deploys the WAF web ACL in us-east-1 with CLOUDFRONT scope', () => {
      expect(app.stacks.edge.region).toBe('us-east-1');
      app.templates.edge.hasResourceProperties('AWS::WAFv2::WebACL', { Scope: 'CLOUDFRONT', DefaultAction: { Allow: {} } });
    });

    it('applies the managed rule groups, a rate limit per address, the GraphQL body limit and the country rule', () => {
      const [[, webAcl]] = resources(app.json.edge, 'AWS::WAFv2::WebACL') as [[string, Json]];
      const rules = new Map((webAcl.Properties.Rules as Json[]).map((rule) => [rule.Name, rule]));
      for (const group of ['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet', 'AWSManagedRulesAmazonIpReputationList']) {
        expect(rules.get(group)?.Statement.ManagedRuleGroupStatement).toMatchObject({ VendorName: 'AWS', Name: group });
      }
      expect(rules.get('RequestsPerIp')).toMatchObject({ Action: { Block: {} }, Statement: { RateBasedStatement: { AggregateKeyType: 'IP' } } });
      const [path, size] = rules.get('GraphqlBodyLimit')!.Statement.AndStatement.Statements;
      expect(path.ByteMatchStatement).toMatchObject({ SearchString: '/graphql', PositionalConstraint: 'STARTS_WITH', FieldToMatch: { UriPath: {} } });
      expect(size.RegexMatchStatement).toMatchObject({ FieldToMatch: { SingleHeader: { Name: 'content-length' } }, RegexString: numbersAbove(GRAPHQL_BODY_LIMIT_BYTES) });
      expect(rules.get('GraphqlBodyLimit')!.Action).toEqual({ Block: {} });
      expect(rules.get('AllowedCountries')!.Statement.NotStatement.Statement.GeoMatchStatement.CountryCodes).toEqual(['BR', 'PT']);
      expect(rules.get('AWSManagedRulesCommonRuleSet')!.Statement.ManagedRuleGroupStatement.RuleActionOverrides).toEqual([{ Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } }]);
    });

    it('matches exactly the Content-Length values above the router\'s body limit', () => {
      const above = new RegExp(numbersAbove(GRAPHQL_BODY_LIMIT_BYTES));
      for (const length of [100_001, 100_010, 100_100, 101_000, 110_000, 199_999, 200_000, 999_999, 1_000_000, 25_000_000]) expect(above.test(String(length))).toBe(true);
      for (const length of [0, 1, 99_999, 100_000]) expect(above.test(String(length))).toBe(false);
    });

    it('serves one distribution for the apps and the router, behind the WAF, on the app hosts, over HTTPS to the origin', () => {
      const [[, distribution]] = resources(app.json.services, 'AWS::CloudFront::Distribution') as [[string, Json]];
      const config = distribution.Properties.DistributionConfig;
      expect(config.WebACLId['Fn::GetStackOutput']).toMatchObject({ StackName: 'MedPay-production-Edge', Region: 'us-east-1' });
      expect(config.Aliases).toEqual(['app.medpay.example', 'clinicas.medpay.example', 'admin.medpay.example']);
      expect(config.ViewerCertificate).toMatchObject({ AcmCertificateArn: PRODUCTION_CONTEXT.edgeCertificateArn, MinimumProtocolVersion: 'TLSv1.2_2021' });
      expect(config.Origins).toEqual([expect.objectContaining({ DomainName: 'origin.medpay.example', CustomOriginConfig: expect.objectContaining({ OriginProtocolPolicy: 'https-only' }) })]);
      expect(config.PriceClass).toBe('PriceClass_All');
    });

    it('caches hashed assets for a year, pages by their origin, and GraphQL GETs only as the router says', () => {
      const [[, distribution]] = resources(app.json.services, 'AWS::CloudFront::Distribution') as [[string, Json]];
      const config = distribution.Properties.DistributionConfig;
      const behaviour = (path: string) => (config.CacheBehaviors as Json[]).find((candidate) => candidate.PathPattern === path)!;
      const cachePolicy = (reference: Json) => app.json.services.Resources[reference.Ref].Properties.CachePolicyConfig;

      expect(config.DefaultCacheBehavior).toMatchObject({ CachePolicyId: USE_ORIGIN_CACHE_CONTROL_HEADERS_QUERY_STRINGS, ViewerProtocolPolicy: 'redirect-to-https' });
      expect(cachePolicy(behaviour('/_next/static/*').CachePolicyId)).toMatchObject({ MinTTL: YEAR_SECONDS, DefaultTTL: YEAR_SECONDS });

      const graphql = behaviour('/graphql');
      expect(graphql.AllowedMethods).toEqual(expect.arrayContaining(['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE']));
      // CloudFront caches GET and HEAD only: a POST always reaches the router.
      expect(graphql.CachedMethods).toEqual(['GET', 'HEAD']);
      expect(graphql.OriginRequestPolicyId).toBe(ALL_VIEWER_EXCEPT_HOST_HEADER);
      const graphqlPolicy = cachePolicy(graphql.CachePolicyId);
      expect(graphqlPolicy).toMatchObject({ MinTTL: 0, DefaultTTL: 0 });
      expect(graphqlPolicy.ParametersInCacheKeyAndForwardedToOrigin.QueryStringsConfig).toEqual({
        QueryStringBehavior: 'whitelist',
        QueryStrings: expect.arrayContaining(['extensions', 'variables', 'operationName']),
      });
      expect(graphqlPolicy.ParametersInCacheKeyAndForwardedToOrigin.HeadersConfig.Headers).toEqual(expect.arrayContaining(['Authorization', 'Origin']));
      // the providers' webhooks pass to the router uncached, every method; signed document links uncached, GET and HEAD
      expect(behaviour('/webhooks/*')).toMatchObject({ CachePolicyId: CACHING_DISABLED, OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST_HEADER });
      expect(behaviour('/documents/*')).toMatchObject({ CachePolicyId: CACHING_DISABLED, OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST_HEADER, AllowedMethods: ['GET', 'HEAD'] });
    });
  });

  describe('observability', () => {
    it('has a dashboard with the traffic of the public services and the business metrics', () => {
      const [[, dashboard]] = resources(app.json.observability, 'AWS::CloudWatch::Dashboard') as [[string, Json]];
      const body = JSON.stringify(dashboard.Properties.DashboardBody);
      for (const text of ['TargetResponseTime', 'HTTPCode_Target_5XX_Count', 'RequestCount', 'p99', ...Object.values(customMetrics).map((metric) => metric.name)]) expect(body).toContain(text);
    });

    it('raises an alarm to the SNS topic for each condition someone must act on', () => {
      const topic = resources(app.json.observability, 'AWS::SNS::Topic')[0]![0];
      app.templates.observability.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: PRODUCTION_CONTEXT.alarmEmail });
      const alarms = new Map(resources(app.json.observability, 'AWS::CloudWatch::Alarm').map(([, alarm]) => [alarm.Properties.AlarmName, alarm.Properties]));
      const expected = [
        ...PUBLIC_SERVICES.flatMap((name) => [`medpay-production-${name}-5xx-rate`, `medpay-production-${name}-p99-latency`]),
        'medpay-production-load-balancer-5xx',
        'medpay-production-ledger-discrepancies',
        'medpay-production-payout-failures',
        'medpay-production-analytics-lag',
      ];
      expect([...alarms.keys()].sort()).toEqual(expected.sort());
      for (const alarm of alarms.values()) expect(alarm.AlarmActions).toEqual([{ Ref: topic }]);
      expect(alarms.get('medpay-production-ledger-discrepancies')).toMatchObject({ Namespace: 'MedPay', MetricName: 'medpay_ledger_discrepancies', Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' });
      expect(alarms.get('medpay-production-router-p99-latency')).toMatchObject({ ExtendedStatistic: 'p99', MetricName: 'TargetResponseTime' });
    });

    it('keeps every log group for a limited time', () => {
      const logGroups = (Object.keys(app.json) as StackName[]).flatMap((name) => resources(app.json[name], 'AWS::Logs::LogGroup'));
      expect(logGroups.length).toBeGreaterThanOrEqual(14);
      for (const [, group] of logGroups) expect(group.Properties.RetentionInDays).toBeGreaterThan(0);
    });
  });
});

describe('MedPay infrastructure (cdk.json defaults: no domain, no certificates)', () => {
  let app: Synthesized;
  beforeAll(() => {
    app = synthesize(DEFAULT_CONTEXT);
  });

  it('serves the patient app and the router on the distribution\'s own name, over HTTP inside AWS', () => {
    const [[, distribution]] = resources(app.json.services, 'AWS::CloudFront::Distribution') as [[string, Json]];
    const config = distribution.Properties.DistributionConfig;
    expect(config.Aliases).toEqual([]);
    expect(config.Origins[0].CustomOriginConfig.OriginProtocolPolicy).toBe('http-only');
    app.templates.services.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Protocol: 'HTTP', Port: 80 });
    const behind = resources(app.json.services, 'AWS::ECS::Service').flatMap(([, service]) => (service.Properties.LoadBalancers ?? []).map((target: Json) => target.ContainerName));
    expect(behind.sort()).toEqual(['patient-app', 'router']);
    // ECS refuses a health check grace period on a service with no load balancer.
    const graced = resources(app.json.services, 'AWS::ECS::Service').filter(([, service]) => service.Properties.HealthCheckGracePeriodSeconds).map(([, service]) => service.Properties.ServiceName);
    expect(graced.sort()).toEqual(['patient-app', 'router']);
    const patient = taskDefinitions(app.json.services).get('patient-app')![0].Environment.find((variable: Json) => variable.Name === 'APP_ORIGINS');
    expect(JSON.stringify(patient.Value)).toContain('DomainName');
  });

  it('has no country rule and no alarm subscription', () => {
    const [[, webAcl]] = resources(app.json.edge, 'AWS::WAFv2::WebACL') as [[string, Json]];
    expect((webAcl.Properties.Rules as Json[]).map((rule) => rule.Name)).not.toContain('AllowedCountries');
    app.templates.observability.resourceCountIs('AWS::SNS::Subscription', 0);
  });
});

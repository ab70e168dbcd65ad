// MedPay's production infrastructure as one CDK app: its stacks, their regions and what they share.
import { App, type AppProps } from 'aws-cdk-lib';
import { readFileSync } from 'node:fs';
import { DataStack } from './data-stack.js';
import { EdgeStack } from './edge-stack.js';
import { MigrationsStack } from './migrations-stack.js';
import { NetworkStack } from './network-stack.js';
import { ObservabilityStack } from './observability-stack.js';
import { ServicesStack } from './services-stack.js';
import { EDGE_REGION, type Settings } from './settings.js';

export interface MedPayStacks {
  edge: EdgeStack;
  network: NetworkStack;
  data: DataStack;
  services: ServicesStack;
  migrations: MigrationsStack;
  observability: ObservabilityStack;
}

/** An app with the project's context and feature flags (cdk.json), also when run without the CDK CLI. */
export function medpayApp(props: AppProps = {}): App {
  const { context } = JSON.parse(readFileSync(new URL('../cdk.json', import.meta.url), 'utf8')) as { context: Record<string, unknown> };
  return new App({ analyticsReporting: false, ...props, context: { ...context, ...props.context } });
}

export function defineMedPay(app: App, settings: Settings): MedPayStacks {
  const { envName } = settings;
  const env = { account: settings.account, region: settings.region };
  const stackName = (part: string) => `MedPay-${envName}-${part}`;

  const edge = new EdgeStack(app, stackName('Edge'), {
    env: { account: settings.account, region: EDGE_REGION },
    crossRegionReferences: true,
    envName,
    allowedCountries: settings.allowedCountries,
  });
  const network = new NetworkStack(app, stackName('Network'), { env, availabilityZones: settings.availabilityZones });
  const data = new DataStack(app, stackName('Data'), { env, terminationProtection: true, envName, vpc: network.vpc });
  const migrations = new MigrationsStack(app, stackName('Migrations'), { env, envName, vpc: network.vpc, data });
  const services = new ServicesStack(app, stackName('Services'), { env, crossRegionReferences: true, settings, vpc: network.vpc, data, webAclArn: edge.webAclArn });
  // `cdk deploy --all` updates the migrate task before it rolls the services onto a new image.
  services.addStackDependency(migrations);
  const observability = new ObservabilityStack(app, stackName('Observability'), { env, envName, alarmEmail: settings.alarmEmail, services });
  return { edge, network, data, services, migrations, observability };
}

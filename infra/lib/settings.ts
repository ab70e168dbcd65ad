// What one deployment chooses, read once from the CDK context (infra/cdk.json, or `-c key=value`).
import type { Node } from 'constructs';

/** Endpoints and account values of the providers the services call (infra/cdk.json, `integrations`). */
export interface Integrations {
  celcoinBaseUrl: string;
  celcoinPixKey: string;
  /** where the patient app's browser page sends card data to be tokenized */
  cardTokenizeUrl: string;
  zenviaUrl: string;
  whatsappUrl: string;
  whatsappPhoneNumberId: string;
  /** Serpro's API gateway, through which users and providers ask the Receita Federal */
  receitaBaseUrl: string;
  /** ClickSign's API: payments' contracts and providers' agreements are signed there */
  clicksignBaseUrl: string;
  /** the clinics' systems providers syncs with: NinSaúde (ERP) and Helena (CRM) */
  ninsaudeBaseUrl: string;
  helenaBaseUrl: string;
}

export interface Settings {
  /** names the stacks, secrets and log groups: `production`, `staging` */
  envName: string;
  /** undefined: the account of the credentials `cdk deploy` runs with */
  account: string | undefined;
  region: string;
  /** named, not looked up, so synthesis needs no AWS account */
  availabilityZones: string[];
  /** e.g. medpay.com.br: the apps at app., clinicas. and admin. of it; unset, the distribution's own name serves the patient app */
  domain: string | undefined;
  /** ACM certificate in us-east-1 covering the app hosts (CloudFront requires one for a domain) */
  edgeCertificateArn: string | undefined;
  /** ACM certificate in the main region covering origin.<domain>: with it, CloudFront reaches the load balancer over HTTPS */
  originCertificateArn: string | undefined;
  /** where alarms are e-mailed; unset, the SNS topic has no subscription */
  alarmEmail: string | undefined;
  /** ISO country codes the WAF lets through; empty (the default), no country rule */
  allowedCountries: string[];
  integrations: Integrations;
}

/** The region of CloudFront's WAF web ACLs and certificates. */
export const EDGE_REGION = 'us-east-1';

const integrationKeys: Array<keyof Integrations> = [
  'celcoinBaseUrl', 'celcoinPixKey', 'cardTokenizeUrl', 'zenviaUrl', 'whatsappUrl', 'whatsappPhoneNumberId', 'receitaBaseUrl', 'clicksignBaseUrl', 'ninsaudeBaseUrl', 'helenaBaseUrl',
];

export function settingsFrom(node: Node): Settings {
  const optional = (key: string): string | undefined => {
    const value: unknown = node.tryGetContext(key);
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  // A list comes as an array from cdk.json and as comma-separated text from `-c`.
  const list = (key: string): string[] => {
    const value: unknown = node.tryGetContext(key);
    const items = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(',') : [];
    return items.map((item) => item.trim()).filter(Boolean);
  };

  const region = optional('region') ?? 'sa-east-1';
  const domain = optional('domain');
  const edgeCertificateArn = optional('edgeCertificateArn');
  const originCertificateArn = optional('originCertificateArn');
  if (domain && !edgeCertificateArn) throw new Error('context domain needs edgeCertificateArn: CloudFront serves a domain only with a certificate from us-east-1');
  if (originCertificateArn && !domain) throw new Error('context originCertificateArn needs domain: CloudFront reaches the load balancer as origin.<domain>');

  const integrations: unknown = node.tryGetContext('integrations');
  const missing = integrationKeys.filter((key) => typeof (integrations as Record<string, unknown> | undefined)?.[key] !== 'string');
  if (missing.length > 0) throw new Error(`context integrations lacks ${missing.join(', ')} (infra/cdk.json)`);

  const availabilityZones = list('availabilityZones');
  return {
    envName: optional('env') ?? 'production',
    account: optional('account') ?? process.env.CDK_DEFAULT_ACCOUNT,
    region,
    availabilityZones: availabilityZones.length > 0 ? availabilityZones : ['a', 'b', 'c'].map((zone) => `${region}${zone}`),
    domain,
    edgeCertificateArn,
    originCertificateArn,
    alarmEmail: optional('alarmEmail'),
    allowedCountries: list('allowedCountries').map((country) => country.toUpperCase()),
    integrations: integrations as Integrations,
  };
}

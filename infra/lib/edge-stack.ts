// The WAF web ACL CloudFront applies. A CLOUDFRONT-scope web ACL exists only in us-east-1, so this
// stack is deployed there; the distribution itself is global and lives beside its origin (services-stack.ts).
import { Stack, type StackProps } from 'aws-cdk-lib';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';

export interface EdgeStackProps extends StackProps {
  envName: string;
  /** ISO country codes let through; empty, no country rule */
  allowedCountries: string[];
}

/** The router's BODY_LIMIT_BYTES default: larger bodies are refused at the edge already. */
export const GRAPHQL_BODY_LIMIT_BYTES = 100_000;
/** Requests one address may make in five minutes; generous, as Brazilian mobile carriers put many people behind one address. */
export const REQUESTS_PER_IP_PER_5_MINUTES = 3_000;

/**
 * A regular expression matching the decimal numbers above `limit`. WAF sees at most 64 KB of a body
 * at CloudFront, so the body-size rule reads the declared Content-Length instead; a body sent without
 * one still meets the router's own limit.
 */
export function numbersAbove(limit: number): string {
  const digits = String(limit);
  const longer = `[1-9]\\d{${digits.length},}`;
  const sameLength = [...digits].flatMap((digit, index) => {
    const rest = digits.length - index - 1;
    return digit === '9' ? [] : [`${digits.slice(0, index)}[${Number(digit) + 1}-9]${rest > 0 ? `\\d{${rest}}` : ''}`];
  });
  return `^(${[longer, ...sameLength].join('|')})$`;
}

export class EdgeStack extends Stack {
  readonly webAclArn: string;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, props);
    const visibility = (metricName: string) => ({ cloudWatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName });
    const managed = (name: string, priority: number, ruleActionOverrides?: wafv2.CfnWebACL.RuleActionOverrideProperty[]): wafv2.CfnWebACL.RuleProperty => ({
      name,
      priority,
      overrideAction: { none: {} },
      statement: { managedRuleGroupStatement: { vendorName: 'AWS', name, ruleActionOverrides } },
      visibilityConfig: visibility(name),
    });

    const rules: wafv2.CfnWebACL.RuleProperty[] = [
      {
        name: 'RequestsPerIp',
        priority: 10,
        action: { block: {} },
        statement: { rateBasedStatement: { limit: REQUESTS_PER_IP_PER_5_MINUTES, evaluationWindowSec: 300, aggregateKeyType: 'IP' } },
        visibilityConfig: visibility('RequestsPerIp'),
      },
      {
        name: 'GraphqlBodyLimit',
        priority: 20,
        action: { block: {} },
        statement: {
          andStatement: {
            statements: [
              { byteMatchStatement: { fieldToMatch: { uriPath: {} }, positionalConstraint: 'STARTS_WITH', searchString: '/graphql', textTransformations: [{ priority: 0, type: 'NONE' }] } },
              {
                regexMatchStatement: {
                  fieldToMatch: { singleHeader: { Name: 'content-length' } },
                  regexString: numbersAbove(GRAPHQL_BODY_LIMIT_BYTES),
                  textTransformations: [{ priority: 0, type: 'NONE' }],
                },
              },
            ],
          },
        },
        visibilityConfig: visibility('GraphqlBodyLimit'),
      },
      managed('AWSManagedRulesAmazonIpReputationList', 30),
      managed('AWSManagedRulesKnownBadInputsRuleSet', 40),
      // Its 8 KB body rule would refuse GraphQL requests the router accepts: counted only, the
      // GraphqlBodyLimit rule above holds bodies to the router's limit instead.
      managed('AWSManagedRulesCommonRuleSet', 50, [{ name: 'SizeRestrictions_BODY', actionToUse: { count: {} } }]),
    ];
    if (props.allowedCountries.length > 0) {
      rules.unshift({
        name: 'AllowedCountries',
        priority: 0,
        action: { block: {} },
        statement: { notStatement: { statement: { geoMatchStatement: { countryCodes: props.allowedCountries } } } },
        visibilityConfig: visibility('AllowedCountries'),
      });
    }

    const webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      name: `medpay-${props.envName}`,
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility(`medpay-${props.envName}`),
      rules,
    });
    this.webAclArn = webAcl.attrArn;
  }
}

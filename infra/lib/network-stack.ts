// The VPC: public subnets hold only the load balancer and the NAT gateways; the services run in
// private subnets, and the databases in isolated ones with no route to the internet.
import { Stack, Validations, type StackProps } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

export interface NetworkStackProps extends StackProps {
  availabilityZones: string[];
}

export class NetworkStack extends Stack {
  readonly vpc: ec2.Vpc;
  private readonly zones: string[];

  constructor(scope: Construct, id: string, props: NetworkStackProps) {
    super(scope, id, props);
    this.zones = props.availabilityZones;

    this.vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr('10.40.0.0/16'),
      maxAzs: this.zones.length,
      // One per zone: a zone's outage must not cut the others off from Celcoin and the messaging providers.
      natGateways: this.zones.length,
      subnetConfiguration: [
        { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        { name: 'services', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 20 },
        { name: 'data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
      ],
      // S3 traffic (documents, image layers) stays off the NAT gateways.
      gatewayEndpoints: { S3: { service: ec2.GatewayVpcEndpointAwsService.S3 } },
    });

    Validations.of(this.vpc).acknowledge({ id: 'CloudFormation-Validate::W3010', reason: 'zones are named so synthesis needs no AWS account' });

    this.vpc.addFlowLog('RejectedTraffic', {
      trafficType: ec2.FlowLogTrafficType.REJECT,
      destination: ec2.FlowLogDestination.toCloudWatchLogs(new logs.LogGroup(this, 'FlowLogs', { retention: logs.RetentionDays.THREE_MONTHS })),
    });
  }

  // Named zones instead of a lookup: synthesis needs no AWS account.
  override get availabilityZones(): string[] {
    return this.zones;
  }
}

// The one-off task that applies every subgraph's SQL migrations (scripts/migrate.ts). It has a stack
// and a cluster of its own, needing nothing the services stack makes, so a deploy can publish the new
// image and update this task alone, run it, and only then roll the services onto the new image
// (infra/README.md, "Deploying a new version"). The first run creates the subgraphs' databases.
import { CfnOutput, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { DataStack } from './data-stack.js';
import { medpayImage, RUNTIME_PLATFORM } from './medpay-image.js';
import { EGRESS_ALREADY_OPEN } from './medpay-service.js';
import { databaseUrlVariable, POSTGRES_SUBGRAPHS } from './service-catalog.js';

export interface MigrationsStackProps extends StackProps {
  envName: string;
  vpc: ec2.IVpc;
  data: DataStack;
}

export class MigrationsStack extends Stack {
  readonly taskDefinition: ecs.FargateTaskDefinition;

  constructor(scope: Construct, id: string, props: MigrationsStackProps) {
    super(scope, id, props);
    const { envName, vpc, data } = props;
    const cluster = new ecs.Cluster(this, 'Cluster', { vpc, clusterName: `medpay-${envName}-jobs` });

    this.taskDefinition = new ecs.FargateTaskDefinition(this, 'Task', { family: `medpay-${envName}-migrate`, cpu: 512, memoryLimitMiB: 1024, runtimePlatform: RUNTIME_PLATFORM });
    this.taskDefinition.addContainer('migrate', {
      image: medpayImage(this),
      command: ['node', '--import', 'tsx', 'scripts/migrate.ts'],
      secrets: Object.fromEntries(POSTGRES_SUBGRAPHS.map((subgraph) => [databaseUrlVariable(subgraph), ecs.Secret.fromSecretsManager(data.databaseUrls[subgraph])])),
      logging: ecs.LogDrivers.awsLogs({
        logGroup: new logs.LogGroup(this, 'Logs', { logGroupName: `/medpay/${envName}/migrate`, retention: logs.RetentionDays.THREE_MONTHS }),
        streamPrefix: 'migrate',
      }),
    });
    const securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', { vpc, description: 'MedPay migrate task' });
    Validations.of(securityGroup).acknowledge({ id: EGRESS_ALREADY_OPEN, reason: 'the task reads its secrets and image over the internet' });
    securityGroup.connections.allowToDefaultPort(data.database, 'migrate task');

    const subnets = vpc.selectSubnets({ subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }).subnetIds.join(',');
    new CfnOutput(this, 'RunMigrations', {
      description: 'Starts the migrate task and prints its ARN; wait for it to stop with exit code 0 before deploying the services',
      value:
        `aws ecs run-task --region ${this.region} --cluster ${cluster.clusterName} --task-definition ${this.taskDefinition.family} --launch-type FARGATE` +
        ` --network-configuration 'awsvpcConfiguration={subnets=[${subnets}],securityGroups=[${securityGroup.securityGroupId}],assignPublicIp=DISABLED}'` +
        ` --query 'tasks[0].taskArn' --output text`,
    });
  }
}

// Where state lives: PostgreSQL (RDS), Redis (ElastiCache), the MongoDB Atlas URLs, the S3 buckets,
// and every secret the services read, each in Secrets Manager.
import { Duration, RemovalPolicy, SecretValue, Stack, type StackProps } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elasticache from 'aws-cdk-lib/aws-elasticache';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { databaseUrlVariable, MONGODB_SUBGRAPHS, POSTGRES_SUBGRAPHS, SECRET_SOURCES, type MongodbSubgraph, type PostgresSubgraph, type SecretName } from './service-catalog.js';

export interface DataStackProps extends StackProps {
  envName: string;
  vpc: ec2.IVpc;
}

/** One value per key, typed by its keys. */
const recordOf = <Key extends string, Value>(keys: readonly Key[], value: (key: Key) => Value) =>
  Object.fromEntries(keys.map((key) => [key, value(key)])) as Record<Key, Value>;

/** The master password goes into URLs: no character that a URL would need escaped. */
const URL_RESERVED_CHARACTERS = ' !"#$%&\'()*+,/:;<=>?@[\\]^`{|}';
const POSTGRES_USER = 'medpay';

export class DataStack extends Stack {
  /** encrypts the database, Redis, the documents and the backups */
  readonly dataKey: kms.Key;
  readonly documentsBucket: s3.Bucket;
  /** server access logs of the buckets, and the load balancer's and CloudFront's logs */
  readonly accessLogsBucket: s3.Bucket;
  readonly database: rds.DatabaseInstance;
  readonly redis: ec2.Connections;
  readonly databaseUrls: Record<PostgresSubgraph, secretsmanager.ISecret>;
  readonly mongodbUrls: Record<MongodbSubgraph, secretsmanager.ISecret>;
  readonly redisUrl: secretsmanager.ISecret;
  readonly secrets: Record<SecretName, secretsmanager.ISecret>;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    const { envName, vpc } = props;
    const secretName = (name: string) => `medpay/${envName}/${name}`;
    const isolated = { subnetType: ec2.SubnetType.PRIVATE_ISOLATED };

    this.dataKey = new kms.Key(this, 'DataKey', { alias: `medpay-${envName}-data`, enableKeyRotation: true, removalPolicy: RemovalPolicy.RETAIN });

    this.accessLogsBucket = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      // Log delivery writes only to S3-managed encryption; CloudFront's standard logs need ACLs.
      encryption: s3.BucketEncryption.S3_MANAGED,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const privateBucket = (id: string, lifecycleRules: s3.LifecycleRule[]) =>
      new s3.Bucket(this, id, {
        blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
        encryption: s3.BucketEncryption.KMS,
        encryptionKey: this.dataKey,
        bucketKeyEnabled: true,
        versioned: true,
        enforceSSL: true,
        objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
        serverAccessLogsBucket: this.accessLogsBucket,
        serverAccessLogsPrefix: `${id.toLowerCase()}/`,
        lifecycleRules: [{ abortIncompleteMultipartUploadAfter: Duration.days(7) }, ...lifecycleRules],
        removalPolicy: RemovalPolicy.RETAIN,
      });
    // Contracts, receipts and statements: overwritten or deleted versions stay a year.
    this.documentsBucket = privateBucket('Documents', [
      { noncurrentVersionTransitions: [{ storageClass: s3.StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(30) }], noncurrentVersionExpiration: Duration.days(365) },
    ]);
    // Database exports and off-site copies: cold after a month.
    privateBucket('Backups', [
      { transitions: [{ storageClass: s3.StorageClass.GLACIER, transitionAfter: Duration.days(30) }], noncurrentVersionExpiration: Duration.days(90) },
    ]);

    // One instance holds one database per subgraph (users, providers, payments, notifications), each
    // reached by its own URL; the migrate task creates a database the first time it meets its URL.
    const instanceIdentifier = `medpay-${envName}`;
    const postgresLogs = new logs.LogGroup(this, 'PostgresLogs', {
      // RDS would create this group itself, keeping its logs forever.
      logGroupName: `/aws/rds/instance/${instanceIdentifier}/postgresql`,
      retention: logs.RetentionDays.THREE_MONTHS,
    });
    const engine = rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 });
    this.database = new rds.DatabaseInstance(this, 'Postgres', {
      instanceIdentifier,
      engine,
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.M6G, ec2.InstanceSize.LARGE),
      vpc,
      vpcSubnets: isolated,
      securityGroups: [new ec2.SecurityGroup(this, 'PostgresSecurityGroup', { vpc, description: 'MedPay PostgreSQL', allowAllOutbound: false })],
      multiAz: true,
      storageType: rds.StorageType.GP3,
      allocatedStorage: 100,
      maxAllocatedStorage: 1000,
      storageEncrypted: true,
      storageEncryptionKey: this.dataKey,
      credentials: rds.Credentials.fromGeneratedSecret(POSTGRES_USER, { secretName: secretName('postgres-master'), excludeCharacters: URL_RESERVED_CHARACTERS }),
      parameterGroup: new rds.ParameterGroup(this, 'PostgresParameters', { engine, parameters: { 'rds.force_ssl': '1' } }),
      backupRetention: Duration.days(14),
      preferredBackupWindow: '05:00-06:00',
      // 03:00–04:00 in São Paulo, Sunday
      preferredMaintenanceWindow: 'sun:06:30-sun:07:30',
      deletionProtection: true,
      removalPolicy: RemovalPolicy.SNAPSHOT,
      cloudwatchLogsExports: ['postgresql'],
      enablePerformanceInsights: true,
      performanceInsightEncryptionKey: this.dataKey,
      monitoringInterval: Duration.seconds(60),
      autoMinorVersionUpgrade: true,
      publiclyAccessible: false,
    });
    this.database.node.addDependency(postgresLogs);

    // The services read whole URLs. Each is built at deploy time from a reference to the master
    // password, so no password is in the template; TLS without verification, as the image carries
    // no RDS certificate bundle (README).
    const master = this.database.secret!;
    const postgresUrl = (database: string) =>
      `postgres://${POSTGRES_USER}:${master.secretValueFromJson('password').unsafeUnwrap()}@${this.database.dbInstanceEndpointAddress}:${this.database.dbInstanceEndpointPort}/${database}?sslmode=no-verify`;
    this.databaseUrls = recordOf(POSTGRES_SUBGRAPHS, (subgraph) => {
      const variable = databaseUrlVariable(subgraph);
      return new secretsmanager.Secret(this, variable, { secretName: secretName(variable), secretStringValue: SecretValue.unsafePlainText(postgresUrl(subgraph)) });
    });

    // Cluster mode off: the services' Redis client speaks to one primary; a replica in another zone takes over.
    const redisSecurityGroup = new ec2.SecurityGroup(this, 'RedisSecurityGroup', { vpc, description: 'MedPay Redis', allowAllOutbound: false });
    this.redis = new ec2.Connections({ securityGroups: [redisSecurityGroup], defaultPort: ec2.Port.tcp(6379) });
    const redisAuthToken = new secretsmanager.Secret(this, 'RedisAuthToken', {
      secretName: secretName('redis-auth-token'),
      generateSecretString: { excludePunctuation: true, passwordLength: 64 },
    });
    const redis = new elasticache.CfnReplicationGroup(this, 'Redis', {
      replicationGroupDescription: 'MedPay sessions, cache, rate limits, pub/sub and event streams',
      engine: 'redis',
      engineVersion: '7.1',
      cacheNodeType: 'cache.r6g.large',
      numCacheClusters: 2,
      automaticFailoverEnabled: true,
      multiAzEnabled: true,
      transitEncryptionEnabled: true,
      transitEncryptionMode: 'required',
      atRestEncryptionEnabled: true,
      kmsKeyId: this.dataKey.keyArn,
      authToken: redisAuthToken.secretValue.unsafeUnwrap(),
      cacheSubnetGroupName: new elasticache.CfnSubnetGroup(this, 'RedisSubnets', {
        description: 'MedPay Redis',
        subnetIds: vpc.selectSubnets(isolated).subnetIds,
      }).ref,
      securityGroupIds: [redisSecurityGroup.securityGroupId],
      snapshotRetentionLimit: 7,
      autoMinorVersionUpgrade: true,
    });
    this.redisUrl = new secretsmanager.Secret(this, 'REDIS_URL', {
      secretName: secretName('REDIS_URL'),
      secretStringValue: SecretValue.unsafePlainText(`rediss://:${redisAuthToken.secretValue.unsafeUnwrap()}@${redis.attrPrimaryEndPointAddress}:${redis.attrPrimaryEndPointPort}`),
    });

    // MongoDB Atlas, not DocumentDB (README, "MongoDB"): the analytics pipelines' $facet runs only on
    // DocumentDB's newest engine, and the code is tested against MongoDB itself.
    this.mongodbUrls = recordOf(
      MONGODB_SUBGRAPHS,
      (subgraph) =>
        new secretsmanager.Secret(this, `${subgraph}MongodbUrl`, {
          secretName: secretName(`${subgraph}/MONGODB_URL`),
          description: `Put by the operator: the Atlas cluster's mongodb+srv:// URL with its own user, database medpay_${subgraph}`,
        }),
    );

    this.secrets = recordOf(Object.keys(SECRET_SOURCES) as SecretName[], (name) => {
      const source = SECRET_SOURCES[name];
      return new secretsmanager.Secret(this, name, {
        secretName: secretName(name),
        ...('length' in source
          ? { generateSecretString: { excludePunctuation: true, passwordLength: source.length } }
          : { description: `Put by ${source.putBy}; a random placeholder until then` }),
      });
    });
  }

  /** Read and write documents, nothing more: object actions on its objects, listing, and the key only through S3. */
  grantDocuments(grantee: iam.IGrantable) {
    const statements = [
      new iam.PolicyStatement({ actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], resources: [this.documentsBucket.arnForObjects('*')] }),
      new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [this.documentsBucket.bucketArn] }),
      new iam.PolicyStatement({
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: [this.dataKey.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `s3.${this.region}.amazonaws.com` } },
      }),
    ];
    for (const statement of statements) grantee.grantPrincipal.addToPrincipalPolicy(statement);
  }
}

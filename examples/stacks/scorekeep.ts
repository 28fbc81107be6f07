import { RemovalPolicy, Stack, StackProps, Validations } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { SCOREKEEP_API, SCOREKEEP_FRONTEND, buildScorekeepTaskDef } from './scorekeep-task';
import { AlbFrontedService, FargateTaskDef, FargateVpc, VpcTopology } from '../../src';

/**
 * Scorekeep — the seed's flagship app in the default topology:
 * - tasks in private subnets behind one NAT gateway per AZ (PRIVATE_WITH_NAT);
 * - one task definition holds `scorekeep-frontend` (8080) and `scorekeep-api` (5000),
 *   sharing localhost, both logging to CloudWatch through awslogs;
 * - an internet-facing ALB in the public subnets routes `/` to the frontend and
 *   `/api/*` to the API; the task security group accepts only 8080 and 5000, only from
 *   the ALB's security group;
 * - app permissions on the task role: read the scores table (DynamoDB) and publish to the
 *   notifications topic (SNS), both encrypted with KMS.
 */
export class ScorekeepStack extends Stack {
  /** The network. */
  public readonly network: FargateVpc;
  /** The scorekeep task definition (frontend + API containers). */
  public readonly taskDef: FargateTaskDef;
  /** The scores table the API reads. */
  public readonly table: dynamodb.Table;
  /** The topic the API publishes game notifications to. */
  public readonly topic: sns.Topic;
  /** The load-balanced service. */
  public readonly web: AlbFrontedService;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    this.network = new FargateVpc(this, 'Network', { topology: VpcTopology.PRIVATE_WITH_NAT });
    this.taskDef = buildScorekeepTaskDef(this, 'Task');

    this.table = new dynamodb.Table(this, 'Scores', {
      partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // SNS's AWS managed key: publishers in this account need no kms:* grant of their own.
    const topicKey = kms.Alias.fromAliasName(this, 'SnsManagedKey', 'alias/aws/sns');
    this.topic = new sns.Topic(this, 'Notifications', { masterKey: topicKey, enforceSSL: true });
    this.table.grantReadData(this.taskDef);
    this.topic.grantPublish(this.taskDef);
    this.taskDef.taskDefinition.findContainer(SCOREKEEP_API.name)!.addEnvironment('SCORES_TABLE', this.table.tableName);
    this.taskDef.taskDefinition.findContainer(SCOREKEEP_API.name)!.addEnvironment('NOTIFICATIONS_TOPIC', this.topic.topicArn);
    Validations.of(this.taskDef.taskDefinition).acknowledge({
      id: 'AwsSolutions-ECS2',
      reason: 'The environment variables are non-secret configuration: the table name, the topic ARN and the sibling container\'s localhost URL. Secrets go through `secrets` (Secrets Manager / SSM), never the environment.',
    });

    this.web = new AlbFrontedService(this, 'Web', {
      network: this.network,
      taskDef: this.taskDef,
      containerName: SCOREKEEP_FRONTEND.name,
      containerPort: SCOREKEEP_FRONTEND.port,
      routes: [{ pathPattern: '/api/*', containerName: SCOREKEEP_API.name, containerPort: SCOREKEEP_API.port }],
      autoScaling: { minCapacity: 2, maxCapacity: 6, targetCpuPercent: 70 },
      requestCountScaling: { requestsPerTarget: 1000 },
      loadBalancerAlarms: {},
      // access logs to an encrypted, SSL-only bucket: needs the stack's region (see app's env)
      accessLogs: true,
    });
  }
}

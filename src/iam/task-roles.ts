import { Aws, Fn, Stack, Token } from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';

/**
 * Properties of `TaskRoles`.
 */
export interface TaskRolesProps {
  /**
   * Bring your own execution role (image pull, logs, secrets). Grants are added to it
   * unless it is imported as immutable.
   * @default - a new role trusted by ecs-tasks.amazonaws.com from this account only
   */
  readonly executionRole?: iam.IRole;
  /**
   * Bring your own task role (the app's permissions).
   * @default - a new, empty role trusted by ecs-tasks.amazonaws.com from this account only
   */
  readonly taskRole?: iam.IRole;
}

/**
 * The two roles of a Fargate task: the execution role (housekeeping: image pull, log
 * writes, secret reads) and the task role (the app's own permissions).
 *
 * `TaskRoles` is itself grantable: granting to it grants to the task role, so
 * `bucket.grantRead(roles)` gives the app, never the ECS agent, read access.
 */
export class TaskRoles extends Construct implements iam.IGrantable {
  /** The execution role, used by the ECS agent to pull images, write logs and read secrets. */
  public readonly executionRole: iam.IRole;
  /** The task role, assumed by the app's code. Empty by default. */
  public readonly taskRole: iam.IRole;
  /** The principal app permissions are granted to: the task role. */
  public readonly grantPrincipal: iam.IPrincipal;

  constructor(scope: Construct, id: string, props: TaskRolesProps = {}) {
    super(scope, id);
    this.executionRole = props.executionRole ?? new iam.Role(this, 'ExecutionRole', {
      assumedBy: ecsTasksPrincipal(this),
      description: 'ECS task execution role: image pull, log writes, secret reads',
    });
    this.taskRole = props.taskRole ?? new iam.Role(this, 'TaskRole', {
      assumedBy: ecsTasksPrincipal(this),
      description: 'ECS task role: the application\'s permissions',
    });
    this.grantPrincipal = this.taskRole;
  }

  /**
   * Lets the execution role pull images from the repository: `ecr:GetAuthorizationToken`
   * on `*` (the API has no resource) and the three layer/image reads on the repository.
   * `FargateTaskDef.addAppContainer` does this for ECR images by itself.
   */
  public grantImagePull(repository: ecr.IRepository): iam.Grant {
    return repository.grantPull(this.executionRole);
  }

  /**
   * Lets the execution role create log streams and put log events in the log group (the
   * same statement the awslogs driver adds, so the two never duplicate).
   */
  public grantLogWrite(logGroup: logs.ILogGroup): iam.Grant {
    return iam.Grant.addToPrincipal({
      grantee: this.executionRole,
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      resourceArns: [logGroup.logGroupArn],
    });
  }

  /**
   * Lets the execution role read the secret's value (and decrypt it with its KMS key),
   * to inject it into a container. Container secrets are granted by `addAppContainer`.
   */
  public grantSecretRead(secret: secretsmanager.ISecret): iam.Grant {
    return secret.grantRead(this.executionRole);
  }

  /** Lets the execution role read the SSM parameter, to inject it into a container. */
  public grantParameterRead(parameter: ssm.IParameter): iam.Grant {
    return parameter.grantRead(this.executionRole);
  }
}

/** ecs-tasks.amazonaws.com, limited to tasks of this account (confused-deputy protection). */
function ecsTasksPrincipal(scope: Construct): iam.IPrincipal {
  const stack = Stack.of(scope);
  return new iam.ServicePrincipal('ecs-tasks.amazonaws.com').withConditions({
    StringEquals: { 'aws:SourceAccount': stack.account },
    ArnLike: { 'aws:SourceArn': ecsArnPattern(stack) },
  });
}

/**
 * `arn:<partition>:ecs:<region>:<account>:*`, the value of `stack.formatArn({ service: 'ecs',
 * resource: '*' })`, written as one `Fn::Sub` instead of an `Fn::Join` of seven parts: the same
 * condition, about 260 fewer template bytes per role (the template is indented).
 */
function ecsArnPattern(stack: Stack): string {
  const part = (value: string, pseudo: string, name: string) => !Token.isUnresolved(value) ? value : value === pseudo ? `\${${name}}` : undefined;
  const parts = [part(stack.partition, Aws.PARTITION, 'AWS::Partition'), part(stack.region, Aws.REGION, 'AWS::Region'), part(stack.account, Aws.ACCOUNT_ID, 'AWS::AccountId')];
  // an account or region given as another token: formatArn knows how to write it
  if (parts.some(p => p === undefined)) return stack.formatArn({ service: 'ecs', resource: '*' });
  const arn = `arn:${parts[0]}:ecs:${parts[1]}:${parts[2]}:*`;
  return arn.includes('${') ? Fn.sub(arn) : arn;
}

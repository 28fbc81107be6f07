import { ArnFormat, Stack } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { REASONS, acknowledgeWildcardResource } from '../shared/acknowledgements';
import { FargateTaskDef } from '../task/fargate-task-def';

/**
 * The channel actions the ECS Exec agent (SSM agent) needs. They support no
 * resource-level permissions, so their resource is `*` (the one exception besides
 * `ecr:GetAuthorizationToken`).
 */
export const EXEC_CHANNEL_ACTIONS = [
  'ssmmessages:CreateControlChannel',
  'ssmmessages:CreateDataChannel',
  'ssmmessages:OpenControlChannel',
  'ssmmessages:OpenDataChannel',
];

/**
 * Whether aws-cdk-lib should wire ECS Exec itself: only when the cluster carries an
 * execute-command configuration (S3 / KMS / a log group of its own), whose permissions
 * it knows. Otherwise session logs go to the task's own log group (`DEFAULT` logging) and
 * `grantExec` scopes the task role to exactly that.
 */
export function clusterConfiguresExec(cluster: ecs.ICluster): boolean {
  return cluster.executeCommandConfiguration !== undefined;
}

/**
 * Turns ECS Exec on for the service and grants the task role, in a policy of its own
 * (`scope/ExecPolicy`), the four `ssmmessages` channel actions plus writing session logs
 * to the task's own log group. The policy holds exactly what ECS Exec needs, so its two
 * wildcards (required by AWS) are acknowledged there, each by its exact resource.
 */
export function enableExec(scope: Construct, service: ecs.FargateService, taskDef: FargateTaskDef): iam.Policy {
  (service.node.defaultChild as ecs.CfnService).enableExecuteCommand = true;
  const anyLogGroup = Stack.of(service).formatArn({ service: 'logs', resource: 'log-group', resourceName: '*', arnFormat: ArnFormat.COLON_RESOURCE_NAME });
  const policy = new iam.Policy(scope, 'ExecPolicy', {
    roles: [taskDef.roles.taskRole],
    statements: [
      new iam.PolicyStatement({ actions: EXEC_CHANNEL_ACTIONS, resources: ['*'] }),
      new iam.PolicyStatement({ actions: ['logs:DescribeLogGroups'], resources: [anyLogGroup] }),
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:DescribeLogStreams', 'logs:PutLogEvents'],
        resources: [taskDef.logGroup.logGroupArn],
      }),
    ],
  });
  // the task must not start before it may open its exec channels
  service.node.addDependency(policy);
  acknowledgeWildcardResource(policy, '*', REASONS.execChannels);
  acknowledgeWildcardResource(policy, anyLogGroup, REASONS.execDescribeLogGroups);
  return policy;
}

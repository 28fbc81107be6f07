import { ArnFormat, Stack } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
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
 * Turns ECS Exec on for the service and grants the task role the four `ssmmessages`
 * channel actions, plus writing session logs to the task's own log group.
 */
export function enableExec(service: ecs.FargateService, taskDef: FargateTaskDef): void {
  (service.node.defaultChild as ecs.CfnService).enableExecuteCommand = true;
  taskDef.taskDefinition.addToTaskRolePolicy(new iam.PolicyStatement({ actions: EXEC_CHANNEL_ACTIONS, resources: ['*'] }));
  taskDef.taskDefinition.addToTaskRolePolicy(new iam.PolicyStatement({
    actions: ['logs:DescribeLogGroups'],
    resources: [Stack.of(service).formatArn({ service: 'logs', resource: 'log-group', resourceName: '*', arnFormat: ArnFormat.COLON_RESOURCE_NAME })],
  }));
  taskDef.taskDefinition.addToTaskRolePolicy(new iam.PolicyStatement({
    actions: ['logs:CreateLogStream', 'logs:DescribeLogStreams', 'logs:PutLogEvents'],
    resources: [taskDef.logGroup.logGroupArn],
  }));
}

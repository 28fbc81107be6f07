import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import { TaskRoles } from '../iam/task-roles';

/** `ArnEquals {"ecs:cluster": clusterArn}`: the call is allowed on this cluster only. */
export function clusterCondition(cluster: ecs.ICluster): Record<string, Record<string, unknown>> {
  return { ArnEquals: { 'ecs:cluster': cluster.clusterArn } };
}

/**
 * Lets the grantee run tasks of `taskDefinitionArn` (a revision, or `family:*`) on the
 * cluster only, and pass exactly the task's two roles, to ECS tasks only.
 */
export function grantRunOnCluster(grantee: iam.IGrantable, taskDefinitionArn: string, roles: TaskRoles, cluster: ecs.ICluster): iam.Grant {
  return iam.Grant.addToPrincipal({
    grantee,
    actions: ['ecs:RunTask'],
    resourceArns: [taskDefinitionArn],
    conditions: clusterCondition(cluster),
  }).combine(iam.Grant.addToPrincipal({
    grantee,
    actions: ['iam:PassRole'],
    resourceArns: [roles.executionRole.roleArn, roles.taskRole.roleArn],
    conditions: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
  }));
}

import { Resource, Stack } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct, IConstruct } from 'constructs';
import { reportProblems } from '../validation/errors';
import { checkGrantWritten } from '../validation/task-rules';

/** What the cluster grants of a task definition need to know about it. */
export interface GrantedTaskDef extends IConstruct {
  /** Every revision of the family. */
  readonly familyArnPattern: string;
  /** The execution role. */
  readonly executionRole: iam.IRole;
  /** The task role. */
  readonly taskRole: iam.IRole;
}

/** `ArnEquals {"ecs:cluster": clusterArn}`: the call is allowed on this cluster only. */
export function clusterCondition(cluster: ecs.ICluster): Record<string, Record<string, unknown>> {
  return { ArnEquals: { 'ecs:cluster': cluster.clusterArn } };
}

/**
 * Lets the grantee run tasks of `taskDefinitionArn` (a revision, or `family:*`) on the
 * cluster only, and pass exactly the task's two roles, to ECS tasks only.
 */
export function grantRunOnCluster(
  grantee: iam.IGrantable, taskDefinitionArn: string, roles: { executionRole: iam.IRole; taskRole: iam.IRole }, cluster: ecs.ICluster,
): iam.Grant {
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

/** The ARNs of the tasks of a cluster (`task/CLUSTER/*`). */
function clusterTasksArn(scope: IConstruct, cluster: ecs.ICluster): string {
  return Stack.of(scope).formatArn({ service: 'ecs', resource: 'task', resourceName: `${cluster.clusterName}/*` });
}

/** The three cluster grants of a task definition, each checked to be written into a policy (FGK-GRANT-PRINCIPAL). */
export const TASK_GRANTS = {
  /** `ecs:RunTask` on every revision of the family, on the cluster only, and `iam:PassRole` on the two roles. */
  run(taskDef: GrantedTaskDef, constructType: string, grantee: iam.IGrantable, cluster: ecs.ICluster): iam.Grant {
    return checked(taskDef, constructType, 'grantRun', grantee, grantRunOnCluster(grantee, taskDef.familyArnPattern, taskDef, cluster));
  },
  /**
   * `ecs:ListTasks` (authorized on resource `*` for a whole cluster, so scoped by the `ecs:cluster`
   * condition only) and `ecs:DescribeTasks` on the cluster's tasks.
   */
  describe(taskDef: GrantedTaskDef, constructType: string, grantee: iam.IGrantable, cluster: ecs.ICluster): iam.Grant {
    return checked(taskDef, constructType, 'grantDescribeTasks', grantee, iam.Grant.addToPrincipal({
      grantee,
      actions: ['ecs:ListTasks'],
      resourceArns: ['*'],
      conditions: clusterCondition(cluster),
    }).combine(iam.Grant.addToPrincipal({
      grantee,
      actions: ['ecs:DescribeTasks'],
      resourceArns: [clusterTasksArn(taskDef, cluster)],
      conditions: clusterCondition(cluster),
    })));
  },
  /** `ecs:StopTask` on the cluster's tasks. */
  stop(taskDef: GrantedTaskDef, constructType: string, grantee: iam.IGrantable, cluster: ecs.ICluster): iam.Grant {
    return checked(taskDef, constructType, 'grantStopTasks', grantee, iam.Grant.addToPrincipal({
      grantee,
      actions: ['ecs:StopTask'],
      resourceArns: [clusterTasksArn(taskDef, cluster)],
      conditions: clusterCondition(cluster),
    }));
  },
};

/**
 * A grant to a principal without a policy of this app (e.g. another account's) is written
 * nowhere: report it instead of dropping it silently.
 */
function checked(scope: IConstruct, constructType: string, method: string, grantee: iam.IGrantable, grant: iam.Grant): iam.Grant {
  const principal = grantee.grantPrincipal;
  // a principal this app creates has a policy of its own stack; an imported one of another
  // account has none, though aws-cdk-lib reports the grant added (it drops it silently)
  const created = Construct.isConstruct(principal) && Resource.isOwnedResource(principal);
  reportProblems(constructType, scope, [checkGrantWritten(method, principal.toString(), grant.success,
    created ? undefined : principal.principalAccount, Stack.of(scope).account)]);
  return grant;
}

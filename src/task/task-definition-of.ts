import * as ecs from 'aws-cdk-lib/aws-ecs';
import { FargateTaskDef } from './fargate-task-def';
import { ImportedFargateTaskDef } from './imported-task-def';
import { platformNames, PlatformNames } from './platform';
import { IFargateTaskDef } from './task-def';

/**
 * The aws-cdk-lib task definition of a task def: the L2 of a `FargateTaskDef`, the reference of
 * an imported one, or (for another implementation of `IFargateTaskDef`) a reference by its ARN
 * created once under it.
 */
export function taskDefinitionOf(taskDef: IFargateTaskDef): ecs.ITaskDefinition {
  if (taskDef instanceof FargateTaskDef || taskDef instanceof ImportedFargateTaskDef) return taskDef.taskDefinition;
  const id = 'TaskDefinitionReference';
  return taskDef.node.tryFindChild(id) as ecs.ITaskDefinition | undefined
    ?? ecs.FargateTaskDefinition.fromFargateTaskDefinitionAttributes(taskDef, id, {
      taskDefinitionArn: taskDef.taskDefinitionArn,
      networkMode: ecs.NetworkMode.AWS_VPC,
      executionRole: taskDef.executionRole,
      taskRole: taskDef.taskRole,
    });
}

/** The task definition of this app behind a task def, when it has one (its containers are known). */
export function ownTaskDefinition(taskDef: IFargateTaskDef): ecs.FargateTaskDefinition | undefined {
  return taskDef instanceof FargateTaskDef ? taskDef.taskDefinition : undefined;
}

/** The platform of a task def by name (see platformNames). */
export function platformOf(taskDef: IFargateTaskDef): PlatformNames {
  return platformNames(ownTaskDefinition(taskDef), taskDef.cpuArchitecture, taskDef.operatingSystemFamily);
}

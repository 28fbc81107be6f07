import * as ecs from 'aws-cdk-lib/aws-ecs';

/**
 * Every container of a task definition, in the order they were added — also those added
 * directly through `taskDefinition.addContainer`, so that checks read the real L2 containers.
 */
export function containersOf(taskDefinition: ecs.TaskDefinition): ecs.ContainerDefinition[] {
  return taskDefinition.node.children.filter((c): c is ecs.ContainerDefinition => c instanceof ecs.ContainerDefinition);
}

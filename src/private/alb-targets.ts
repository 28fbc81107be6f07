import * as ecs from 'aws-cdk-lib/aws-ecs';
import { FargateTaskDef } from '../task/fargate-task-def';
import { TargetContainerSpec } from '../validation/alb-rules';

/** A container:port the load balancer sends traffic to. */
export interface ResolvedTarget {
  /** The container name. */
  readonly containerName: string;
  /** The container port. */
  readonly containerPort: number;
}

/** The containers of the task, in the order they were added, with their ports. */
export function targetContainers(taskDef: FargateTaskDef): TargetContainerSpec[] {
  return taskDef.taskDefinition.node.children
    .filter((c): c is ecs.ContainerDefinition => c instanceof ecs.ContainerDefinition)
    .map(c => ({ name: c.containerName, ports: c.portMappings.map(pm => pm.containerPort) }));
}

/**
 * The container:port for `containerName`/`containerPort`, defaulting to the first port of
 * the named container, or of the first container with a port. Call after validating.
 */
export function resolveTarget(containers: readonly TargetContainerSpec[], containerName?: string, containerPort?: number): ResolvedTarget {
  const container = containerName === undefined
    ? containers.find(c => c.ports.length > 0)!
    : containers.find(c => c.name === containerName)!;
  return { containerName: container.name, containerPort: containerPort ?? container.ports[0] };
}

/** `name:port`, the key of a target. */
export function targetKey(t: ResolvedTarget): string {
  return `${t.containerName}:${t.containerPort}`;
}

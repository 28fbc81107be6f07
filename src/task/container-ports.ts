import * as ecs from 'aws-cdk-lib/aws-ecs';
import { containersOf } from './containers';
import { IFargateTaskDef } from './task-def';
import { taskDefinitionOf } from './task-definition-of';
import { TargetContainerSpec } from '../validation/alb-rules';

/** A container:port the load balancer sends traffic to. */
export interface ResolvedTarget {
  /** The container name. */
  readonly containerName: string;
  /** The container port. */
  readonly containerPort: number;
}

/** The containers of the task, in the order they were added, with their ports. */
export function targetContainers(taskDef: IFargateTaskDef): TargetContainerSpec[] {
  return containersOf(taskDefinitionOf(taskDef))
    // a load balancer target group forwards TCP (HTTP) only: UDP ports are no targets
    .map(c => ({
      name: c.containerName,
      ports: c.portMappings
        .filter(pm => pm.containerPortRange === undefined && (pm.protocol ?? ecs.Protocol.TCP) === ecs.Protocol.TCP)
        .map(pm => pm.containerPort),
    }));
}

/**
 * The container:port for `containerName`/`containerPort`, defaulting to the first port of
 * the named container, or of the first container with a port.
 */
export function resolveTarget(containers: readonly TargetContainerSpec[], containerName?: string, containerPort?: number): ResolvedTarget {
  const container = containerName === undefined
    ? containers.find(c => c.ports.length > 0)
    : containers.find(c => c.name === containerName);
  // a placeholder when validation has reported the target (it is never registered then)
  return { containerName: container?.name ?? containerName ?? 'app', containerPort: containerPort ?? container?.ports[0] ?? 80 };
}

/** `name:port`, the key of a target. */
export function targetKey(t: ResolvedTarget): string {
  return `${t.containerName}:${t.containerPort}`;
}

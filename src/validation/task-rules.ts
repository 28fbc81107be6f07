import { Token } from 'aws-cdk-lib';

/** Most containers one task definition may hold. */
export const MAX_CONTAINERS_PER_TASK = 10;

/** One container of a task, as the whole-task rules see it. */
export interface ContainerSpec {
  /** Container name. */
  readonly name: string;
  /** Whether the task stops when the container stops. */
  readonly essential: boolean;
  /** CPU units, if set. */
  readonly cpu?: number;
  /** Hard memory limit (MiB), if set. */
  readonly memoryLimitMiB?: number;
  /** Soft memory limit (MiB), if set. */
  readonly memoryReservationMiB?: number;
  /** Port mappings. */
  readonly portMappings: ReadonlyArray<{ readonly containerPort: number; readonly hostPort?: number }>;
  /** Whether the container has a health check. */
  readonly hasHealthCheck: boolean;
  /** Start-order dependencies: container names and ECS conditions (START, COMPLETE, SUCCESS, HEALTHY). */
  readonly dependsOn: ReadonlyArray<{ readonly containerName: string; readonly condition: string }>;
}

const known = (v: number | undefined): v is number => v !== undefined && !Token.isUnresolved(v);

/** A task holds 1 to 10 containers. */
export function checkContainerCount(count: number): string | undefined {
  if (count === 0) {
    return '[FGK-CONTAINER-COUNT] the task definition has no container; ECS rejects a task definition without containers. Fix: call addAppContainer() at least once.';
  }
  if (count > MAX_CONTAINERS_PER_TASK) {
    return `[FGK-CONTAINER-COUNT] the task definition has ${count} containers; a task definition holds at most ${MAX_CONTAINERS_PER_TASK}. Fix: move containers to another task definition (another service), or merge sidecars.`;
  }
  return undefined;
}

/** Container names are unique within a task. */
export function checkUniqueContainerNames(containers: readonly ContainerSpec[]): string | undefined {
  const seen = new Set<string>();
  for (const c of containers) {
    if (seen.has(c.name)) {
      return `[FGK-UNIQUE-CONTAINER-NAMES] container name '${c.name}' is used twice in the task; container names must be unique within a task definition. Fix: give each container its own name.`;
    }
    seen.add(c.name);
  }
  return undefined;
}

/** At least one container is essential (otherwise the task would never stop on a crash). */
export function checkEssentialContainer(containers: readonly ContainerSpec[]): string | undefined {
  if (containers.length > 0 && !containers.some(c => c.essential)) {
    return `[FGK-ESSENTIAL-CONTAINER] no container of the task is essential (${containers.map(c => `'${c.name}'`).join(', ')}); ECS requires at least one essential container. Fix: leave essential at its default (true) on the main app container.`;
  }
  return undefined;
}

/** Containers of one task share localhost, so two of them cannot listen on the same port. */
export function checkSharedPorts(containers: readonly ContainerSpec[]): string | undefined {
  const owner = new Map<number, string>();
  for (const c of containers) {
    for (const pm of c.portMappings) {
      if (!known(pm.containerPort)) continue;
      const other = owner.get(pm.containerPort);
      if (other !== undefined && other !== c.name) {
        return `[FGK-SHARED-PORTS] containers '${other}' and '${c.name}' both use port ${pm.containerPort}; the containers of a Fargate task share one network namespace (localhost), so a port can belong to one container only. Fix: make one of them listen on another port.`;
      }
      owner.set(pm.containerPort, c.name);
    }
  }
  return undefined;
}

/** Under awsvpc the host port, when given, equals the container port. */
export function checkHostPorts(containers: readonly ContainerSpec[]): string | undefined {
  for (const c of containers) {
    for (const pm of c.portMappings) {
      if (!known(pm.hostPort) || !known(pm.containerPort)) continue;
      if (pm.hostPort !== pm.containerPort) {
        return `[FGK-HOST-PORTS] container '${c.name}' maps host port ${pm.hostPort} to container port ${pm.containerPort}; Fargate tasks use network mode awsvpc, where the host port always equals the container port. Fix: drop hostPort (or set it to ${pm.containerPort}).`;
      }
    }
  }
  return undefined;
}

/** The containers' CPU units and memory reservations together fit in the task. */
export function checkContainersFitTask(containers: readonly ContainerSpec[], taskCpu: number, taskMemoryMiB: number): string | undefined {
  if (!Token.isUnresolved(taskCpu)) {
    const cpus = containers.filter(c => known(c.cpu));
    const sum = cpus.reduce((a, c) => a + c.cpu!, 0);
    if (sum > taskCpu) {
      return `[FGK-CONTAINERS-FIT-TASK] the containers' cpu adds up to ${sum} (${cpus.map(c => `${c.name} ${c.cpu}`).join(' + ')}), more than the task's cpu ${taskCpu}. Fix: lower the container cpu values, leave them unset, or raise the task cpu.`;
    }
  }
  if (!Token.isUnresolved(taskMemoryMiB)) {
    const reserved = containers
      .map(c => ({ name: c.name, mib: known(c.memoryReservationMiB) ? c.memoryReservationMiB : c.memoryLimitMiB }))
      .filter((r): r is { name: string; mib: number } => known(r.mib));
    const sum = reserved.reduce((a, r) => a + r.mib, 0);
    if (sum > taskMemoryMiB) {
      return `[FGK-CONTAINERS-FIT-TASK] the containers reserve ${sum} MiB of memory (${reserved.map(r => `${r.name} ${r.mib}`).join(' + ')}; the reservation, or the limit when no reservation is set), more than the task's memoryLimitMiB ${taskMemoryMiB}. Fix: lower memoryReservationMiB / memoryLimitMiB of the containers, or raise the task memoryLimitMiB.`;
    }
  }
  return undefined;
}

/**
 * Start-order dependencies name containers of the task, form no cycle, wait for HEALTHY
 * only on containers with a health check, and wait for COMPLETE/SUCCESS only on
 * non-essential containers (an essential container that exits stops the task).
 */
export function checkDependencies(containers: readonly ContainerSpec[]): string | undefined {
  const byName = new Map(containers.map(c => [c.name, c]));
  for (const c of containers) {
    for (const dep of c.dependsOn) {
      const target = byName.get(dep.containerName);
      if (target === undefined) {
        return `[FGK-DEPENDENCIES] container '${c.name}' depends on '${dep.containerName}', which is not a container of this task (containers: ${containers.map(x => x.name).join(', ')}). Fix: add a container named '${dep.containerName}' or correct the name in dependsOn.`;
      }
      if (dep.condition === 'HEALTHY' && !target.hasHealthCheck) {
        return `[FGK-DEPENDENCIES] container '${c.name}' waits for '${dep.containerName}' to be HEALTHY, but '${dep.containerName}' has no health check, so it never becomes healthy and '${c.name}' never starts. Fix: give '${dep.containerName}' a healthCheck, or depend on condition START.`;
      }
      if ((dep.condition === 'COMPLETE' || dep.condition === 'SUCCESS') && target.essential) {
        return `[FGK-DEPENDENCIES] container '${c.name}' waits for '${dep.containerName}' to ${dep.condition === 'COMPLETE' ? 'complete' : 'succeed'}, but '${dep.containerName}' is essential: when it exits the whole task stops. ECS accepts COMPLETE and SUCCESS only on non-essential containers. Fix: set essential: false on '${dep.containerName}' (an init container), or depend on condition START or HEALTHY.`;
      }
    }
  }
  const cycle = findCycle(containers);
  if (cycle !== undefined) {
    return `[FGK-DEPENDENCIES] container dependencies form a cycle (${cycle.join(' -> ')}); no container of the cycle can ever start. Fix: remove one of these dependsOn entries.`;
  }
  return undefined;
}

/** Returns the names along a dependency cycle (first name repeated at the end), if any. */
function findCycle(containers: readonly ContainerSpec[]): string[] | undefined {
  const edges = new Map(containers.map(c => [c.name, c.dependsOn.map(d => d.containerName)]));
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (name: string): string[] | undefined => {
    if (state.get(name) === 'done') return undefined;
    if (state.get(name) === 'visiting') return [...path.slice(path.indexOf(name)), name];
    state.set(name, 'visiting');
    path.push(name);
    for (const next of edges.get(name) ?? []) {
      const found = visit(next);
      if (found !== undefined) return found;
    }
    path.pop();
    state.set(name, 'done');
    return undefined;
  };
  for (const c of containers) {
    const found = visit(c.name);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Every whole-task rule, in the order their problems are reported. */
export function checkTask(containers: readonly ContainerSpec[], taskCpu: number, taskMemoryMiB: number): string[] {
  return [
    checkContainerCount(containers.length),
    checkUniqueContainerNames(containers),
    checkEssentialContainer(containers),
    checkSharedPorts(containers),
    checkHostPorts(containers),
    checkContainersFitTask(containers, taskCpu, taskMemoryMiB),
    checkDependencies(containers),
  ].filter((p): p is string => p !== undefined);
}

/**
 * The execution and task roles are roles of the stack's account: a grant to a role of another
 * account is written into no policy of this app (aws-cdk-lib drops it silently), so the task
 * could not pull its image, write its logs or read its secrets, and ECS uses roles of its own
 * account. Checked when both accounts are known at synth.
 */
export function checkRoleAccount(which: string, roleAccount: string | undefined, stackAccount: string | undefined): string | undefined {
  if (roleAccount === undefined || stackAccount === undefined || roleAccount === '' || Token.isUnresolved(roleAccount) || Token.isUnresolved(stackAccount)) {
    return undefined;
  }
  if (roleAccount === stackAccount) return undefined;
  return `[FGK-ROLE-ACCOUNT] ${which} is a role of account ${roleAccount}, but the stack deploys to account ${stackAccount}; grants to it (image pull, logs, secrets, app permissions) are written into no policy of this app and are dropped silently, and ECS runs tasks with roles of its own account. Fix: use a role of account ${stackAccount} (create it here, or import one of that account), and let the app assume a role of account ${roleAccount} if it needs that account's permissions.`;
}

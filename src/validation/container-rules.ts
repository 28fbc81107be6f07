import { Token } from 'aws-cdk-lib';

/** The smallest memory (MiB) Docker lets a container limit or reserve. */
export const MIN_CONTAINER_MEMORY_MIB = 6;

/** A container port is a whole number from 1 to 65535, listed once per container. */
export function checkPorts(container: string, ports: readonly number[]): string | undefined {
  const seen = new Set<number>();
  for (const port of ports) {
    if (Token.isUnresolved(port)) continue;
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      return `[FGK-PORTS] container '${container}' port ${port} is out of range; a port is a whole number from 1 to 65535. Fix: use the port the process listens on, e.g. 8080.`;
    }
    if (seen.has(port)) {
      return `[FGK-PORTS] container '${container}' lists port ${port} twice; each port is mapped once. Fix: remove the duplicate from ports.`;
    }
    seen.add(port);
  }
  return undefined;
}

/** A container's CPU units are a whole number >= 0 that fits in the task's CPU. */
export function checkContainerCpu(container: string, cpu: number | undefined, taskCpu: number): string | undefined {
  if (cpu === undefined || Token.isUnresolved(cpu)) return undefined;
  if (!Number.isInteger(cpu) || cpu < 0) {
    return `[FGK-CONTAINER-CPU] container '${container}' cpu ${cpu} is not valid; container CPU units are a whole number >= 0. Fix: set a whole number, or leave cpu unset to share the task's CPU.`;
  }
  if (!Token.isUnresolved(taskCpu) && cpu > taskCpu) {
    return `[FGK-CONTAINER-CPU] container '${container}' cpu ${cpu} exceeds the task's cpu ${taskCpu}; a container gets its CPU from the task. Fix: lower the container cpu to ${taskCpu} or less, or raise the task cpu.`;
  }
  return undefined;
}

/**
 * A container's memory limit and reservation are at least 6 MiB, the reservation is not
 * above the limit, and both fit in the task's memory.
 */
export function checkContainerMemory(
  container: string, limitMiB: number | undefined, reservationMiB: number | undefined, taskMemoryMiB: number,
): string | undefined {
  const known = (v: number | undefined): v is number => v !== undefined && !Token.isUnresolved(v);
  for (const [prop, value] of [['memoryLimitMiB', limitMiB], ['memoryReservationMiB', reservationMiB]] as const) {
    if (!known(value)) continue;
    if (!Number.isInteger(value) || value < MIN_CONTAINER_MEMORY_MIB) {
      return `[FGK-CONTAINER-MEMORY] container '${container}' ${prop} ${value} is not valid; Docker needs a whole number of at least ${MIN_CONTAINER_MEMORY_MIB} MiB per container. Fix: set ${prop} to ${MIN_CONTAINER_MEMORY_MIB} or more, or leave it unset.`;
    }
    if (!Token.isUnresolved(taskMemoryMiB) && value > taskMemoryMiB) {
      return `[FGK-CONTAINER-MEMORY] container '${container}' ${prop} ${value} exceeds the task's memoryLimitMiB ${taskMemoryMiB}; a container gets its memory from the task. Fix: lower ${prop} to ${taskMemoryMiB} or less, or raise the task memoryLimitMiB.`;
    }
  }
  if (known(limitMiB) && known(reservationMiB) && reservationMiB > limitMiB) {
    return `[FGK-CONTAINER-MEMORY] container '${container}' memoryReservationMiB ${reservationMiB} is above its memoryLimitMiB ${limitMiB}; the soft limit (reservation) must not exceed the hard limit. Fix: lower memoryReservationMiB to ${limitMiB} or less, or raise memoryLimitMiB.`;
  }
  return undefined;
}

/** Health check timings in seconds (undefined = ECS default). */
export interface HealthCheckTimings {
  /** Number of elements of the health check command. */
  readonly commandLength: number;
  /** Seconds between checks. */
  readonly intervalSeconds?: number;
  /** Seconds a check may take. */
  readonly timeoutSeconds?: number;
  /** Failures before the container is unhealthy. */
  readonly retries?: number;
  /** Grace period in seconds. */
  readonly startPeriodSeconds?: number;
}

/** Health check values must be in the ranges ECS accepts (interval 5-300 s, timeout 2-120 s, retries 1-10, start period 0-300 s). */
export function checkHealthCheck(container: string, hc: HealthCheckTimings): string | undefined {
  if (hc.commandLength === 0) {
    return `[FGK-HEALTH-CHECK] container '${container}' health check has an empty command; ECS needs a command such as ['CMD-SHELL', 'curl -f http://localhost/ || exit 1']. Fix: set healthCheck.command.`;
  }
  const ranges: Array<[string, number | undefined, number, number, string]> = [
    ['interval', hc.intervalSeconds, 5, 300, ' seconds'],
    ['timeout', hc.timeoutSeconds, 2, 120, ' seconds'],
    ['retries', hc.retries, 1, 10, ''],
    ['startPeriod', hc.startPeriodSeconds, 0, 300, ' seconds'],
  ];
  for (const [prop, value, min, max, unit] of ranges) {
    if (value === undefined || Token.isUnresolved(value)) continue;
    if (value < min || value > max) {
      return `[FGK-HEALTH-CHECK] container '${container}' health check ${prop} ${value}${unit} is out of range; ECS accepts ${min} to ${max}${unit}. Fix: set healthCheck.${prop} within that range.`;
    }
  }
  const interval = hc.intervalSeconds ?? 30;
  const timeout = hc.timeoutSeconds ?? 5;
  if (!Token.isUnresolved(interval) && !Token.isUnresolved(timeout) && timeout >= interval) {
    return `[FGK-HEALTH-CHECK] container '${container}' health check timeout ${timeout} seconds is not shorter than its interval ${interval} seconds; a check must finish before the next one starts. Fix: lower healthCheck.timeout or raise healthCheck.interval.`;
  }
  return undefined;
}

/** A mount's container path is absolute (`/data` on Linux, `C:\data` on Windows). */
export function checkMountPath(container: string, containerPath: string, windows: boolean): string | undefined {
  if (Token.isUnresolved(containerPath)) return undefined;
  const absolute = windows ? /^[A-Za-z]:\\/.test(containerPath) : containerPath.startsWith('/');
  if (!absolute) {
    const example = windows ? 'C:\\data' : '/data';
    return `[FGK-MOUNT-PATH] container '${container}' mount path '${containerPath}' is not absolute; ECS mounts volumes at absolute paths. Fix: use a path such as '${example}'.`;
  }
  return undefined;
}

/** Windows containers cannot have a read-only root filesystem. */
export function checkReadonlyRootFilesystem(container: string, readonlyRootFilesystem: boolean, windows: boolean): string | undefined {
  if (readonlyRootFilesystem && windows) {
    return `[FGK-READONLY-ROOT-FILESYSTEM] container '${container}' sets readonlyRootFilesystem on a Windows task; ECS supports a read-only root filesystem for Linux containers only. Fix: remove readonlyRootFilesystem, or use operatingSystemFamily LINUX.`;
  }
  return undefined;
}

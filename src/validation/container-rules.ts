import { Token } from 'aws-cdk-lib';
import { Finding, defineRule, defineRuleOfKinds } from './rule';

/** The smallest memory (MiB) Docker lets a container limit or reserve. */
export const MIN_CONTAINER_MEMORY_MIB = 6;

/** FGK-PORTS: container ports are 1-65535, each mapped once. */
export const PORTS = defineRuleOfKinds({
  id: 'FGK-PORTS',
  acknowledgeable: false,
  checkedBy: 'FargateTaskDef',
  fact: 'A container port is a whole number from 1 to 65535, mapped once; a port mapping\'s name is up to 64 lowercase letters, digits, underscores or hyphens, not starting with a hyphen.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html',
  kinds: {
    range: {
      message: (d: { container: string; port: number }) => `container '${d.container}' port ${d.port} is out of range; a port is a whole number from 1 to 65535.`,
      fix: () => 'use the port the process listens on, e.g. 8080.',
    },
    twice: {
      message: (d: { container: string; port: number }) => `container '${d.container}' lists port ${d.port} twice; each port is mapped once.`,
      fix: () => 'remove the duplicate from ports.',
    },
    name: {
      message: (d: { container: string; name: string }) =>
        `container '${d.container}' port mapping name '${d.name}' is not valid; ECS takes up to 64 lowercase letters, digits, underscores or hyphens, not starting with a hyphen (Service Connect refers to the mapping by it).`,
      fix: (d: { name: string }) => `name it like '${d.name.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+/, '').slice(0, 64) || 'web'}'.`,
    },
  },
  examples: {
    nonCompliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('app', {
  image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'),
  portMappings: [{ containerPort: 80 }],
  ports: [80],
});`,
    compliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('app', {
  image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'),
  ports: [80],
});`,
  },
});

/** A container port is a whole number from 1 to 65535, listed once per container. */
export function checkPorts(container: string, ports: readonly number[]): Finding {
  const seen = new Set<number>();
  for (const port of ports) {
    if (Token.isUnresolved(port)) continue;
    if (!Number.isInteger(port) || port < 1 || port > 65535) return PORTS.problem('range', { container, port });
    if (seen.has(port)) return PORTS.problem('twice', { container, port });
    seen.add(port);
  }
  return undefined;
}

/** Port mapping names are ones ECS accepts. */
export function checkPortMappingNames(container: string, names: ReadonlyArray<string | undefined>): Finding {
  const bad = names.find(n => n !== undefined && !Token.isUnresolved(n) && !/^[a-z0-9_][a-z0-9_-]{0,63}$/.test(n));
  return bad === undefined ? undefined : PORTS.problem('name', { container, name: bad });
}

/** FGK-CONTAINER-CPU: a container's CPU units are a whole number within the task's. */
export const CONTAINER_CPU = defineRuleOfKinds({
  id: 'FGK-CONTAINER-CPU',
  acknowledgeable: false,
  checkedBy: 'FargateTaskDef',
  fact: 'A container\'s CPU units are a whole number >= 0 within the task\'s CPU.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html',
  kinds: {
    value: {
      message: (d: { container: string; cpu: number }) => `container '${d.container}' cpu ${d.cpu} is not valid; container CPU units are a whole number >= 0.`,
      fix: () => 'set a whole number, or leave cpu unset to share the task\'s CPU.',
    },
    aboveTask: {
      message: (d: { container: string; cpu: number; taskCpu: number }) =>
        `container '${d.container}' cpu ${d.cpu} exceeds the task's cpu ${d.taskCpu}; a container gets its CPU from the task.`,
      fix: (d: { taskCpu: number }) => `lower the container cpu to ${d.taskCpu} or less, or raise the task cpu.`,
    },
  },
  examples: {
    nonCompliant: `const taskDef = new FargateTaskDef(stack, 'Task', { cpu: 256 });
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), cpu: 512 });`,
    compliant: `const taskDef = new FargateTaskDef(stack, 'Task', { cpu: 256 });
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), cpu: 256 });`,
  },
});

/** A container's CPU units are a whole number >= 0 that fits in the task's CPU. */
export function checkContainerCpu(container: string, cpu: number | undefined, taskCpu: number): Finding {
  if (cpu === undefined || Token.isUnresolved(cpu)) return undefined;
  if (!Number.isInteger(cpu) || cpu < 0) return CONTAINER_CPU.problem('value', { container, cpu });
  if (!Token.isUnresolved(taskCpu) && cpu > taskCpu) return CONTAINER_CPU.problem('aboveTask', { container, cpu, taskCpu });
  return undefined;
}

/** FGK-CONTAINER-MEMORY: memory limit and reservation are >= 6 MiB, ordered, within the task. */
export const CONTAINER_MEMORY = defineRuleOfKinds({
  id: 'FGK-CONTAINER-MEMORY',
  acknowledgeable: false,
  checkedBy: 'FargateTaskDef',
  fact: 'A container\'s memory limit and reservation are >= 6 MiB, reservation <= limit, within the task\'s memory.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html',
  kinds: {
    value: {
      message: (d: { container: string; prop: string; value: number }) =>
        `container '${d.container}' ${d.prop} ${d.value} is not valid; Docker needs a whole number of at least ${MIN_CONTAINER_MEMORY_MIB} MiB per container.`,
      fix: (d: { prop: string }) => `set ${d.prop} to ${MIN_CONTAINER_MEMORY_MIB} or more, or leave it unset.`,
    },
    aboveTask: {
      message: (d: { container: string; prop: string; value: number; taskMemoryMiB: number }) =>
        `container '${d.container}' ${d.prop} ${d.value} exceeds the task's memoryLimitMiB ${d.taskMemoryMiB}; a container gets its memory from the task.`,
      fix: (d: { prop: string; taskMemoryMiB: number }) => `lower ${d.prop} to ${d.taskMemoryMiB} or less, or raise the task memoryLimitMiB.`,
    },
    reservationAboveLimit: {
      message: (d: { container: string; limitMiB: number; reservationMiB: number }) =>
        `container '${d.container}' memoryReservationMiB ${d.reservationMiB} is above its memoryLimitMiB ${d.limitMiB}; the soft limit (reservation) must not exceed the hard limit.`,
      fix: (d: { limitMiB: number }) => `lower memoryReservationMiB to ${d.limitMiB} or less, or raise memoryLimitMiB.`,
    },
  },
  examples: {
    nonCompliant: `const taskDef = new FargateTaskDef(stack, 'Task', { memoryLimitMiB: 512 });
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), memoryLimitMiB: 1024 });`,
    compliant: `const taskDef = new FargateTaskDef(stack, 'Task', { memoryLimitMiB: 512 });
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), memoryLimitMiB: 512 });`,
  },
});

/**
 * A container's memory limit and reservation are at least 6 MiB, the reservation is not
 * above the limit, and both fit in the task's memory.
 */
export function checkContainerMemory(
  container: string, limitMiB: number | undefined, reservationMiB: number | undefined, taskMemoryMiB: number,
): Finding {
  const known = (v: number | undefined): v is number => v !== undefined && !Token.isUnresolved(v);
  for (const [prop, value] of [['memoryLimitMiB', limitMiB], ['memoryReservationMiB', reservationMiB]] as const) {
    if (!known(value)) continue;
    if (!Number.isInteger(value) || value < MIN_CONTAINER_MEMORY_MIB) return CONTAINER_MEMORY.problem('value', { container, prop, value });
    if (!Token.isUnresolved(taskMemoryMiB) && value > taskMemoryMiB) {
      return CONTAINER_MEMORY.problem('aboveTask', { container, prop, value, taskMemoryMiB });
    }
  }
  if (known(limitMiB) && known(reservationMiB) && reservationMiB > limitMiB) {
    return CONTAINER_MEMORY.problem('reservationAboveLimit', { container, limitMiB, reservationMiB });
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

/** FGK-HEALTH-CHECK: container health check timings in ECS's ranges. */
export const HEALTH_CHECK = defineRuleOfKinds({
  id: 'FGK-HEALTH-CHECK',
  acknowledgeable: true,
  checkedBy: 'FargateTaskDef',
  fact: 'Container health check timings lie in the ranges ECS accepts (interval 5-300 s, timeout 2-120 s, retries 1-10, start period 0-300 s) and the timeout is shorter than the interval.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html',
  kinds: {
    emptyCommand: {
      message: (d: { container: string }) =>
        `container '${d.container}' health check has an empty command; ECS needs a command such as ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'].`,
      fix: () => 'set healthCheck.command.',
    },
    range: {
      message: (d: { container: string; prop: string; value: number; min: number; max: number; unit: string }) =>
        `container '${d.container}' health check ${d.prop} ${d.value}${d.unit} is out of range; ECS accepts ${d.min} to ${d.max}${d.unit}.`,
      fix: (d: { prop: string }) => `set healthCheck.${d.prop} within that range.`,
    },
    timeoutNotShorter: {
      message: (d: { container: string; timeout: number; interval: number }) =>
        `container '${d.container}' health check timeout ${d.timeout} seconds is not shorter than its interval ${d.interval} seconds; a check must finish before the next one starts.`,
      fix: () => 'lower healthCheck.timeout or raise healthCheck.interval.',
    },
  },
  examples: {
    nonCompliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('app', {
  image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'),
  healthCheck: {
    command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'],
    interval: Duration.seconds(10),
    timeout: Duration.seconds(10),
  },
});`,
    compliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('app', {
  image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'),
  healthCheck: {
    command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'],
    interval: Duration.seconds(10),
    timeout: Duration.seconds(5),
  },
});`,
  },
});

/** Health check values must be in the ranges ECS accepts (interval 5-300 s, timeout 2-120 s, retries 1-10, start period 0-300 s). */
export function checkHealthCheck(container: string, hc: HealthCheckTimings): Finding {
  if (hc.commandLength === 0) return HEALTH_CHECK.problem('emptyCommand', { container });
  const ranges: Array<[string, number | undefined, number, number, string]> = [
    ['interval', hc.intervalSeconds, 5, 300, ' seconds'],
    ['timeout', hc.timeoutSeconds, 2, 120, ' seconds'],
    ['retries', hc.retries, 1, 10, ''],
    ['startPeriod', hc.startPeriodSeconds, 0, 300, ' seconds'],
  ];
  for (const [prop, value, min, max, unit] of ranges) {
    if (value === undefined || Token.isUnresolved(value)) continue;
    if (value < min || value > max) return HEALTH_CHECK.problem('range', { container, prop, value, min, max, unit });
  }
  const interval = hc.intervalSeconds ?? 30;
  const timeout = hc.timeoutSeconds ?? 5;
  if (!Token.isUnresolved(interval) && !Token.isUnresolved(timeout) && timeout >= interval) {
    return HEALTH_CHECK.problem('timeoutNotShorter', { container, timeout, interval });
  }
  return undefined;
}

/** FGK-MOUNT-PATH: volumes mount at absolute paths. */
export const MOUNT_PATH = defineRule<{ container: string; containerPath: string; windows: boolean }>({
  id: 'FGK-MOUNT-PATH',
  acknowledgeable: false,
  checkedBy: 'FargateTaskDef',
  fact: 'Volumes mount at absolute paths.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_MountPoint.html',
  message: d => `container '${d.container}' mount path '${d.containerPath}' is not absolute; ECS mounts volumes at absolute paths.`,
  fix: d => `use a path such as '${d.windows ? 'C:\\data' : '/data'}'.`,
  examples: {
    nonCompliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addSharedVolume('tmp');
taskDef.addAppContainer('app', {
  image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'),
  mountPoints: [{ sourceVolume: 'tmp', containerPath: 'tmp', readOnly: false }],
});`,
    compliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addSharedVolume('tmp');
taskDef.addAppContainer('app', {
  image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'),
  mountPoints: [{ sourceVolume: 'tmp', containerPath: '/tmp', readOnly: false }],
});`,
  },
});

/** A mount's container path is absolute (`/data` on Linux, `C:\data` on Windows). */
export function checkMountPath(container: string, containerPath: string, windows: boolean): Finding {
  if (Token.isUnresolved(containerPath)) return undefined;
  const absolute = windows ? /^[A-Za-z]:\\/.test(containerPath) : containerPath.startsWith('/');
  return absolute ? undefined : MOUNT_PATH.problem({ container, containerPath, windows });
}

/** FGK-READONLY-ROOT-FILESYSTEM: no read-only root filesystem on Windows. */
export const READONLY_ROOT_FILESYSTEM = defineRule<{ container: string }>({
  id: 'FGK-READONLY-ROOT-FILESYSTEM',
  acknowledgeable: true,
  checkedBy: 'FargateTaskDef',
  fact: 'Windows containers cannot have a read-only root filesystem.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html',
  message: d => `container '${d.container}' sets readonlyRootFilesystem on a Windows task; ECS supports a read-only root filesystem for Linux containers only.`,
  fix: () => 'remove readonlyRootFilesystem, or use operatingSystemFamily LINUX.',
  examples: {
    nonCompliant: `const taskDef = new FargateTaskDef(stack, 'Task', {
  cpu: 1024,
  memoryLimitMiB: 2048,
  operatingSystemFamily: ecs.OperatingSystemFamily.WINDOWS_SERVER_2022_CORE,
});
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), readonlyRootFilesystem: true });`,
    compliant: `const taskDef = new FargateTaskDef(stack, 'Task', {
  cpu: 1024,
  memoryLimitMiB: 2048,
  operatingSystemFamily: ecs.OperatingSystemFamily.WINDOWS_SERVER_2022_CORE,
});
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });`,
  },
});

/** Windows containers cannot have a read-only root filesystem. */
export function checkReadonlyRootFilesystem(container: string, readonlyRootFilesystem: boolean, windows: boolean): Finding {
  return readonlyRootFilesystem && windows ? READONLY_ROOT_FILESYSTEM.problem({ container }) : undefined;
}

/** FGK-CONTAINER-NAME-MISMATCH: addAppContainer's name is the container name. */
export const CONTAINER_NAME_MISMATCH = defineRule<{ containerName: string; name: string }>({
  id: 'FGK-CONTAINER-NAME-MISMATCH',
  acknowledgeable: false,
  checkedBy: 'FargateTaskDef',
  fact: 'addAppContainer\'s name is the container name; a different containerName would make two names for one container.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html',
  message: d => `containerName '${d.containerName}' differs from the name '${d.name}' given to addAppContainer(); the name is the container's name.`,
  fix: () => 'remove containerName.',
  examples: {
    nonCompliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80], containerName: 'nginx' });`,
    compliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80] });`,
  },
});

/** `containerName`, when given to addAppContainer, is its name. */
export function checkContainerNameMatches(name: string, containerName: string | undefined): Finding {
  return containerName !== undefined && containerName !== name ? CONTAINER_NAME_MISMATCH.problem({ containerName, name }) : undefined;
}

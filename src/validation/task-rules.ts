import { Token } from 'aws-cdk-lib';
import { Finding, defineRule, defineRuleOfKinds } from './rule';

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

/** FGK-CONTAINER-COUNT: a task definition holds 1 to 10 containers. */
export const CONTAINER_COUNT = defineRuleOfKinds({
  id: 'FGK-CONTAINER-COUNT',
  acknowledgeable: true,
  checkedBy: 'FargateTaskDef',
  fact: 'A task definition holds 1 to 10 containers (every container, also those added with taskDefinition.addContainer).',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-quotas.html',
  kinds: {
    none: {
      message: () => 'the task definition has no container; ECS rejects a task definition without containers.',
      fix: () => 'call addAppContainer() at least once.',
    },
    tooMany: {
      message: (d: { count: number }) => `the task definition has ${d.count} containers; a task definition holds at most ${MAX_CONTAINERS_PER_TASK}.`,
      fix: () => 'move containers to another task definition (another service), or merge sidecars.',
    },
  },
  examples: {
    nonCompliant: 'new FargateTaskDef(stack, \'Task\');',
    compliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });`,
  },
});

/** A task holds 1 to 10 containers. */
export function checkContainerCount(count: number): Finding {
  if (count === 0) return CONTAINER_COUNT.problem('none', undefined);
  if (count > MAX_CONTAINERS_PER_TASK) return CONTAINER_COUNT.problem('tooMany', { count });
  return undefined;
}

/** FGK-UNIQUE-CONTAINER-NAMES: container names are unique within a task. */
export const UNIQUE_CONTAINER_NAMES = defineRule<{ name: string }>({
  id: 'FGK-UNIQUE-CONTAINER-NAMES',
  acknowledgeable: false,
  checkedBy: 'FargateTaskDef',
  fact: 'Container names are unique within a task.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html',
  message: d => `container name '${d.name}' is used twice in the task; container names must be unique within a task definition.`,
  fix: () => 'give each container its own name.',
  examples: {
    nonCompliant: `const image = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27');
const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('web', { image, ports: [80] });
taskDef.addAppContainer('web', { image, command: ['./worker.sh'] });`,
    compliant: `const image = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27');
const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('web', { image, ports: [80] });
taskDef.addAppContainer('worker', { image, command: ['./worker.sh'] });`,
  },
});

/** Container names are unique within a task. */
export function checkUniqueContainerNames(containers: readonly ContainerSpec[]): Finding {
  const seen = new Set<string>();
  for (const c of containers) {
    if (seen.has(c.name)) return UNIQUE_CONTAINER_NAMES.problem({ name: c.name });
    seen.add(c.name);
  }
  return undefined;
}

/** FGK-ESSENTIAL-CONTAINER: at least one container is essential. */
export const ESSENTIAL_CONTAINER = defineRule<{ names: readonly string[] }>({
  id: 'FGK-ESSENTIAL-CONTAINER',
  acknowledgeable: false,
  checkedBy: 'FargateTaskDef',
  fact: 'At least one container of a task is essential.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html',
  message: d => `no container of the task is essential (${d.names.map(n => `'${n}'`).join(', ')}); ECS requires at least one essential container.`,
  fix: () => 'leave essential at its default (true) on the main app container.',
  examples: {
    nonCompliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('worker', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), essential: false });`,
    compliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('worker', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });`,
  },
});

/** At least one container is essential (otherwise the task would never stop on a crash). */
export function checkEssentialContainer(containers: readonly ContainerSpec[]): Finding {
  if (containers.length > 0 && !containers.some(c => c.essential)) return ESSENTIAL_CONTAINER.problem({ names: containers.map(c => c.name) });
  return undefined;
}

/** FGK-SHARED-PORTS: a port belongs to one container of a task. */
export const SHARED_PORTS = defineRule<{ first: string; second: string; port: number }>({
  id: 'FGK-SHARED-PORTS',
  acknowledgeable: false,
  checkedBy: 'FargateTaskDef',
  fact: 'The containers of a task share localhost (awsvpc network mode), so a port belongs to one container.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html',
  message: d => `containers '${d.first}' and '${d.second}' both use port ${d.port}; the containers of a Fargate task share one network namespace (localhost), so a port can belong to one container only.`,
  fix: () => 'make one of them listen on another port.',
  examples: {
    nonCompliant: `const image = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27');
const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('web', { image, ports: [80] });
taskDef.addAppContainer('admin', { image, ports: [80] });`,
    compliant: `const image = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27');
const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('web', { image, ports: [80] });
taskDef.addAppContainer('admin', { image, ports: [8080] });`,
  },
});

/** Containers of one task share localhost, so two of them cannot listen on the same port. */
export function checkSharedPorts(containers: readonly ContainerSpec[]): Finding {
  const owner = new Map<number, string>();
  for (const c of containers) {
    for (const pm of c.portMappings) {
      if (!known(pm.containerPort)) continue;
      const other = owner.get(pm.containerPort);
      if (other !== undefined && other !== c.name) return SHARED_PORTS.problem({ first: other, second: c.name, port: pm.containerPort });
      owner.set(pm.containerPort, c.name);
    }
  }
  return undefined;
}

/** FGK-HOST-PORTS: under awsvpc the host port equals the container port. */
export const HOST_PORTS = defineRule<{ container: string; hostPort: number; containerPort: number }>({
  id: 'FGK-HOST-PORTS',
  acknowledgeable: false,
  checkedBy: 'FargateTaskDef',
  fact: 'Under awsvpc the host port equals the container port.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html',
  message: d => `container '${d.container}' maps host port ${d.hostPort} to container port ${d.containerPort}; Fargate tasks use network mode awsvpc, where the host port always equals the container port.`,
  fix: d => `drop hostPort (or set it to ${d.containerPort}).`,
  examples: {
    nonCompliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('app', {
  image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'),
  portMappings: [{ containerPort: 8080, hostPort: 80 }],
});`,
    compliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('app', {
  image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'),
  portMappings: [{ containerPort: 8080 }],
});`,
  },
});

/** Under awsvpc the host port, when given, equals the container port. */
export function checkHostPorts(containers: readonly ContainerSpec[]): Finding {
  for (const c of containers) {
    for (const pm of c.portMappings) {
      if (!known(pm.hostPort) || !known(pm.containerPort)) continue;
      if (pm.hostPort !== pm.containerPort) return HOST_PORTS.problem({ container: c.name, hostPort: pm.hostPort, containerPort: pm.containerPort });
    }
  }
  return undefined;
}

/** FGK-CONTAINERS-FIT-TASK: the containers' reservations fit in the task. */
export const CONTAINERS_FIT_TASK = defineRuleOfKinds({
  id: 'FGK-CONTAINERS-FIT-TASK',
  acknowledgeable: false,
  checkedBy: 'FargateTaskDef',
  fact: 'The containers\' CPU units and memory reservations together fit in the task.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html',
  kinds: {
    cpu: {
      message: (d: { sum: number; parts: string; taskCpu: number }) =>
        `the containers' cpu adds up to ${d.sum} (${d.parts}), more than the task's cpu ${d.taskCpu}.`,
      fix: () => 'lower the container cpu values, leave them unset, or raise the task cpu.',
    },
    memory: {
      message: (d: { sum: number; parts: string; taskMemoryMiB: number }) =>
        `the containers reserve ${d.sum} MiB of memory (${d.parts}; the reservation, or the limit when no reservation is set), more than the task's memoryLimitMiB ${d.taskMemoryMiB}.`,
      fix: () => 'lower memoryReservationMiB / memoryLimitMiB of the containers, or raise the task memoryLimitMiB.',
    },
  },
  examples: {
    nonCompliant: `const image = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27');
const taskDef = new FargateTaskDef(stack, 'Task', { memoryLimitMiB: 512 });
taskDef.addAppContainer('web', { image, memoryReservationMiB: 384 });
taskDef.addAppContainer('worker', { image, memoryReservationMiB: 384 });`,
    compliant: `const image = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27');
const taskDef = new FargateTaskDef(stack, 'Task', { memoryLimitMiB: 512 });
taskDef.addAppContainer('web', { image, memoryReservationMiB: 256 });
taskDef.addAppContainer('worker', { image, memoryReservationMiB: 256 });`,
  },
});

/**
 * The containers' CPU units and memory reservations together fit in the task. A container
 * whose own value is above the task's is left out of the sum: FGK-CONTAINER-CPU /
 * FGK-CONTAINER-MEMORY report it, and one mistake is reported once.
 */
export function checkContainersFitTask(containers: readonly ContainerSpec[], taskCpu: number, taskMemoryMiB: number): Finding {
  if (!Token.isUnresolved(taskCpu)) {
    const cpus = containers.filter(c => known(c.cpu) && c.cpu <= taskCpu);
    const sum = cpus.reduce((a, c) => a + c.cpu!, 0);
    if (sum > taskCpu) return CONTAINERS_FIT_TASK.problem('cpu', { sum, parts: cpus.map(c => `${c.name} ${c.cpu}`).join(' + '), taskCpu });
  }
  if (!Token.isUnresolved(taskMemoryMiB)) {
    const reserved = containers
      .map(c => ({ name: c.name, mib: known(c.memoryReservationMiB) ? c.memoryReservationMiB : c.memoryLimitMiB }))
      .filter((r): r is { name: string; mib: number } => known(r.mib) && r.mib <= taskMemoryMiB);
    const sum = reserved.reduce((a, r) => a + r.mib, 0);
    if (sum > taskMemoryMiB) {
      return CONTAINERS_FIT_TASK.problem('memory', { sum, parts: reserved.map(r => `${r.name} ${r.mib}`).join(' + '), taskMemoryMiB });
    }
  }
  return undefined;
}

/** FGK-DEPENDENCIES: start-order dependencies that can be met. */
export const DEPENDENCIES = defineRuleOfKinds({
  id: 'FGK-DEPENDENCIES',
  acknowledgeable: false,
  checkedBy: 'FargateTaskDef',
  fact: 'Start-order dependencies name containers of the task, form no cycle and use conditions the target can reach (HEALTHY needs a health check; COMPLETE and SUCCESS a non-essential target).',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDependency.html',
  kinds: {
    unknown: {
      message: (d: { container: string; target: string; names: readonly string[] }) =>
        `container '${d.container}' depends on '${d.target}', which is not a container of this task (containers: ${d.names.join(', ')}).`,
      fix: (d: { target: string }) => `add a container named '${d.target}' or correct the name in dependsOn.`,
    },
    noHealthCheck: {
      message: (d: { container: string; target: string }) =>
        `container '${d.container}' waits for '${d.target}' to be HEALTHY, but '${d.target}' has no health check, so it never becomes healthy and '${d.container}' never starts.`,
      fix: (d: { target: string }) => `give '${d.target}' a healthCheck, or depend on condition START.`,
    },
    essentialTarget: {
      message: (d: { container: string; target: string; condition: string }) =>
        `container '${d.container}' waits for '${d.target}' to ${d.condition === 'COMPLETE' ? 'complete' : 'succeed'}, but '${d.target}' is essential: when it exits the whole task stops. ECS accepts COMPLETE and SUCCESS only on non-essential containers.`,
      fix: (d: { target: string }) => `set essential: false on '${d.target}' (an init container), or depend on condition START or HEALTHY.`,
    },
    cycle: {
      message: (d: { cycle: readonly string[] }) => `container dependencies form a cycle (${d.cycle.join(' -> ')}); no container of the cycle can ever start.`,
      fix: () => 'remove one of these dependsOn entries.',
    },
  },
  examples: {
    nonCompliant: `const image = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27');
const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('migrate', { image, command: ['./migrate.sh'] });
taskDef.addAppContainer('app', {
  image,
  dependsOn: [{ containerName: 'migrate', condition: ecs.ContainerDependencyCondition.SUCCESS }],
});`,
    compliant: `const image = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27');
const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('migrate', { image, command: ['./migrate.sh'], essential: false });
taskDef.addAppContainer('app', {
  image,
  dependsOn: [{ containerName: 'migrate', condition: ecs.ContainerDependencyCondition.SUCCESS }],
});`,
  },
});

/**
 * Start-order dependencies name containers of the task, form no cycle, wait for HEALTHY
 * only on containers with a health check, and wait for COMPLETE/SUCCESS only on
 * non-essential containers (an essential container that exits stops the task).
 */
export function checkDependencies(containers: readonly ContainerSpec[]): Finding {
  const byName = new Map(containers.map(c => [c.name, c]));
  for (const c of containers) {
    for (const dep of c.dependsOn) {
      const target = byName.get(dep.containerName);
      const ids = { container: c.name, target: dep.containerName };
      if (target === undefined) return DEPENDENCIES.problem('unknown', { ...ids, names: containers.map(x => x.name) });
      if (dep.condition === 'HEALTHY' && !target.hasHealthCheck) return DEPENDENCIES.problem('noHealthCheck', ids);
      if ((dep.condition === 'COMPLETE' || dep.condition === 'SUCCESS') && target.essential) {
        return DEPENDENCIES.problem('essentialTarget', { ...ids, condition: dep.condition });
      }
    }
  }
  const cycle = findCycle(containers);
  return cycle === undefined ? undefined : DEPENDENCIES.problem('cycle', { cycle });
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
export function checkTask(containers: readonly ContainerSpec[], taskCpu: number, taskMemoryMiB: number): Finding[] {
  return [
    checkContainerCount(containers.length),
    checkUniqueContainerNames(containers),
    checkEssentialContainer(containers),
    checkSharedPorts(containers),
    checkHostPorts(containers),
    checkContainersFitTask(containers, taskCpu, taskMemoryMiB),
    checkDependencies(containers),
  ].filter(p => p !== undefined);
}

/** FGK-ROLE-ACCOUNT: the task's roles belong to the stack's account. */
export const ROLE_ACCOUNT = defineRule<{ which: string; roleAccount: string; stackAccount: string }>({
  id: 'FGK-ROLE-ACCOUNT',
  acknowledgeable: false,
  checkedBy: 'FargateTaskDef',
  fact: 'The execution and task roles belong to the stack\'s account (when both are known): grants to a role of another account are dropped silently, and ECS passes roles of its own account.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html',
  message: d => `${d.which} is a role of account ${d.roleAccount}, but the stack deploys to account ${d.stackAccount}; grants to it (image pull, logs, secrets, app permissions) are written into no policy of this app and are dropped silently, and ECS runs tasks with roles of its own account.`,
  fix: d => `use a role of account ${d.stackAccount} (create it here, or import one of that account), and let the app assume a role of account ${d.roleAccount} if it needs that account's permissions.`,
  examples: {
    nonCompliant: `const taskRole = iam.Role.fromRoleArn(stack, 'AppRole', 'arn:aws:iam::210987654321:role/app');
const taskDef = new FargateTaskDef(stack, 'Task', { roles: new TaskRoles(stack, 'Roles', { taskRole }) });
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });`,
    compliant: `const taskRole = iam.Role.fromRoleArn(stack, 'AppRole', 'arn:aws:iam::123456789012:role/app');
const taskDef = new FargateTaskDef(stack, 'Task', { roles: new TaskRoles(stack, 'Roles', { taskRole }) });
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });`,
  },
});

/**
 * The execution and task roles are roles of the stack's account: a grant to a role of another
 * account is written into no policy of this app (aws-cdk-lib drops it silently), so the task
 * could not pull its image, write its logs or read its secrets, and ECS uses roles of its own
 * account. Checked when both accounts are known at synth.
 */
export function checkRoleAccount(which: string, roleAccount: string | undefined, stackAccount: string | undefined): Finding {
  if (roleAccount === undefined || stackAccount === undefined || roleAccount === '' || Token.isUnresolved(roleAccount) || Token.isUnresolved(stackAccount)) {
    return undefined;
  }
  if (roleAccount === stackAccount) return undefined;
  return ROLE_ACCOUNT.problem({ which, roleAccount, stackAccount });
}

/** FGK-GRANT-PRINCIPAL: a grant is written into a policy of this app. */
export const GRANT_PRINCIPAL = defineRule<{ method: string; principal: string }>({
  id: 'FGK-GRANT-PRINCIPAL',
  acknowledgeable: false,
  checkedBy: 'FargateTaskDef',
  fact: 'grantRun, grantDescribeTasks and grantStopTasks write into a policy of this app; to a principal of another account aws-cdk-lib would drop them silently.',
  source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies-cross-account-resource-access.html',
  message: d => `${d.method} to ${d.principal} was not added to any policy: the principal has no policy this app can write to (e.g. a principal of another account), so the permission would be missing at run time.`,
  fix: () => 'grant to a role of this app, or add the permissions in the other account and let it assume a role of this one.',
  examples: {
    nonCompliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });
const cluster = new ecs.Cluster(stack, 'Cluster', { vpc: network.vpc });
const scheduler = iam.Role.fromRoleArn(stack, 'Scheduler', 'arn:aws:iam::210987654321:role/scheduler');
taskDef.grantRun(scheduler, cluster);`,
    compliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });
const cluster = new ecs.Cluster(stack, 'Cluster', { vpc: network.vpc });
const scheduler = iam.Role.fromRoleArn(stack, 'Scheduler', 'arn:aws:iam::123456789012:role/scheduler');
taskDef.grantRun(scheduler, cluster);`,
  },
});

/**
 * A grant aws-cdk-lib wrote nowhere is reported: one it says it did not add, and one to a
 * principal of another account that this app imported (e.g. `iam.Role.fromRoleArn` of another
 * account), which aws-cdk-lib reports as added while it drops the statement.
 * @param importedAccount the account of the principal when this app did not create it, if known
 * @param stackAccount the account of the stack that grants
 */
export function checkGrantWritten(
  method: string, principal: string, success: boolean, importedAccount?: string, stackAccount?: string,
): Finding {
  const knownAccount = (a: string | undefined): a is string => a !== undefined && a !== '' && !Token.isUnresolved(a);
  const otherAccount = knownAccount(importedAccount) && knownAccount(stackAccount) && importedAccount !== stackAccount;
  return success && !otherAccount ? undefined : GRANT_PRINCIPAL.problem({ method, principal });
}

/** FGK-LOG-GROUP-OPTIONS: options of a created log group are not set with one you bring. */
export const LOG_GROUP_OPTIONS = defineRule<{ group: string; options: string }>({
  id: 'FGK-LOG-GROUP-OPTIONS',
  acknowledgeable: false,
  checkedBy: 'FargateVpc, FargateTaskDef',
  fact: 'A log group you bring is configured by you: retention, name and removal policy apply only to the log group the construct creates.',
  source: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html',
  message: d => `${d.group} is set together with ${d.options}; those configure the log group this construct creates, which it does not create when you bring one.`,
  fix: d => `set them on your log group, or remove ${d.group}.`,
  examples: {
    nonCompliant: `const taskDef = new FargateTaskDef(stack, 'Task', {
  logGroup: logs.LogGroup.fromLogGroupName(stack, 'Logs', 'shared-app-logs'),
  logRetention: logs.RetentionDays.ONE_WEEK,
});
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });`,
    compliant: `const taskDef = new FargateTaskDef(stack, 'Task', {
  logGroup: logs.LogGroup.fromLogGroupName(stack, 'Logs', 'shared-app-logs'),
});
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });`,
  },
});

/** The options of a log group the construct creates are not set when the user brings one. */
export function checkLogGroupOptions(group: string, brought: boolean, options: readonly string[], setOptions: readonly string[]): Finding {
  if (!brought || setOptions.length === 0) return undefined;
  return LOG_GROUP_OPTIONS.problem({ group, options: `${options.slice(0, -1).join(', ')} or ${options[options.length - 1]}` });
}

/** FGK-UNRESOLVED-TASK-SIZE (warning): a task size that cannot be checked at synth. */
export const UNRESOLVED_TASK_SIZE = defineRule({
  id: 'FGK-UNRESOLVED-TASK-SIZE',
  severity: 'warning',
  acknowledgeable: true,
  checkedBy: 'FargateTaskDef',
  fact: 'cpu or memoryLimitMiB is a token that cannot be resolved at synth, so the size and whether the containers fit are not checked.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html',
  message: () => 'cpu or memoryLimitMiB is an unresolved token, so the CPU/memory combination and whether the containers fit are not checked at synth.',
  fix: () => 'make sure the deployed values are a valid Fargate combination, or pass numbers.',
  examples: {
    nonCompliant: `const cpu = new CfnParameter(stack, 'TaskCpu', { type: 'Number', default: 256 });
const taskDef = new FargateTaskDef(stack, 'Task', { cpu: cpu.valueAsNumber });
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });`,
    compliant: `const taskDef = new FargateTaskDef(stack, 'Task', { cpu: 256 });
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });`,
  },
});

/** FGK-IMPORTED-TASK-DEF: what an imported task definition must say, and what it cannot do. */
export const IMPORTED_TASK_DEF = defineRuleOfKinds({
  id: 'FGK-IMPORTED-TASK-DEF',
  acknowledgeable: false,
  checkedBy: 'FargateTaskDef.fromFargateTaskDefAttributes, FargateService',
  fact: 'An imported task definition names its family (run-task and grants use every revision of it), and a service is created from a task definition of this app (aws-cdk-lib builds the service from the task definition construct).',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskDefinition.html',
  kinds: {
    family: {
      message: (d: { arn: string }) =>
        `the family cannot be read from taskDefinitionArn ${d.arn} (a token, or not a task definition ARN); run-task and the grants name the family.`,
      fix: () => 'pass family, or a literal ARN such as \'arn:aws:ecs:us-east-1:123456789012:task-definition/web:3\'.',
    },
    service: {
      message: (d: { taskDef: string }) =>
        `taskDef ${d.taskDef} is a task definition of another app; aws-cdk-lib creates a service only from a task definition construct of this app.`,
      fix: () => 'create the service in the app that owns the task definition, or define the task definition here with FargateTaskDef (a FargateTask of this app can run an imported one).',
    },
  },
  examples: {
    nonCompliant: `const arn = new CfnParameter(stack, 'MigrateTaskDefinitionArn').valueAsString;
const migrate = FargateTaskDef.fromFargateTaskDefAttributes(stack, 'Migrate', {
  taskDefinitionArn: arn,
  cpu: 256,
  memoryLimitMiB: 512,
  executionRole: iam.Role.fromRoleName(stack, 'ExecutionRole', 'migrate-execution'),
  taskRole: iam.Role.fromRoleName(stack, 'TaskRole', 'migrate-task'),
});
new FargateTask(stack, 'Migration', { network, taskDef: migrate });`,
    compliant: `const arn = new CfnParameter(stack, 'MigrateTaskDefinitionArn').valueAsString;
const migrate = FargateTaskDef.fromFargateTaskDefAttributes(stack, 'Migrate', {
  taskDefinitionArn: arn,
  family: 'migrate',
  cpu: 256,
  memoryLimitMiB: 512,
  executionRole: iam.Role.fromRoleName(stack, 'ExecutionRole', 'migrate-execution'),
  taskRole: iam.Role.fromRoleName(stack, 'TaskRole', 'migrate-task'),
});
new FargateTask(stack, 'Migration', { network, taskDef: migrate });`,
  },
});

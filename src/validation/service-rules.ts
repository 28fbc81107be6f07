import { Token } from 'aws-cdk-lib';
import { Finding, defineRule, defineRuleOfKinds } from './rule';

/** The Fargate platform versions before 1.4.0 (the `ecs.FargatePlatformVersion` values). */
const PRE_1_4_PLATFORMS = ['1.0.0', '1.1.0', '1.2.0', '1.3.0'];

/** Whether the platform version is older than 1.4.0 (`LATEST` is 1.4.0 or newer). */
export function isBeforePlatform14(platformVersion: string | undefined): boolean {
  return platformVersion !== undefined && PRE_1_4_PLATFORMS.includes(platformVersion);
}

/** FGK-DESIRED-COUNT: desiredCount is a whole number >= 0. */
export const DESIRED_COUNT = defineRule<{ desiredCount: number }>({
  id: 'FGK-DESIRED-COUNT',
  acknowledgeable: false,
  checkedBy: 'FargateService',
  fact: 'desiredCount is a whole number >= 0 (Lazy values are resolved and checked).',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html',
  message: d => `desiredCount ${d.desiredCount} is not valid; a service runs a whole number of tasks, 0 or more.`,
  fix: () => 'set desiredCount to 2 or more for high availability (0 pauses the service).',
  examples: {
    nonCompliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });
new FargateService(stack, 'Service', { network, taskDef, desiredCount: -1 });`,
    compliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });
new FargateService(stack, 'Service', { network, taskDef, desiredCount: 2 });`,
  },
});

/** `desiredCount` is a whole number of tasks, 0 or more. */
export function checkDesiredCount(desiredCount: number | undefined): Finding {
  if (desiredCount === undefined || Token.isUnresolved(desiredCount)) return undefined;
  return !Number.isInteger(desiredCount) || desiredCount < 0 ? DESIRED_COUNT.problem({ desiredCount }) : undefined;
}

/** FGK-SCALING-BOUNDS: 0 <= minCapacity <= desiredCount <= maxCapacity, maxCapacity >= 1. */
export const SCALING_BOUNDS = defineRuleOfKinds({
  id: 'FGK-SCALING-BOUNDS',
  acknowledgeable: false,
  checkedBy: 'FargateService',
  fact: 'Auto scaling keeps 0 <= minCapacity <= desiredCount <= maxCapacity, maxCapacity >= 1.',
  source: 'https://docs.aws.amazon.com/autoscaling/application/APIReference/API_RegisterScalableTarget.html',
  kinds: {
    min: {
      message: (d: { minCapacity: number }) => `autoScaling.minCapacity ${d.minCapacity} is not valid; the scaler needs a whole number of tasks, 0 or more.`,
      fix: () => 'set minCapacity to 2 or more for high availability.',
    },
    max: {
      message: (d: { maxCapacity: number }) => `autoScaling.maxCapacity ${d.maxCapacity} is not valid; the scaler needs a whole number of at least 1 task.`,
      fix: (d: { minCapacity: number }) => `set maxCapacity to at least minCapacity (${d.minCapacity}) and at least 1.`,
    },
    order: {
      message: (d: { minCapacity: number; maxCapacity: number }) =>
        `autoScaling.minCapacity ${d.minCapacity} is greater than maxCapacity ${d.maxCapacity}; the scaler keeps the task count between the two, so min must be <= max.`,
      fix: (d: { minCapacity: number }) => `raise maxCapacity to at least ${d.minCapacity} or lower minCapacity.`,
    },
    desired: {
      message: (d: { desiredCount: number; minCapacity: number; maxCapacity: number }) =>
        `desiredCount ${d.desiredCount} is outside the auto scaling range ${d.minCapacity}..${d.maxCapacity}; the scaler would move it back on its first run.`,
      fix: () => 'remove desiredCount (the scaler owns the count) or set it between minCapacity and maxCapacity.',
    },
  },
  examples: {
    nonCompliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });
new FargateService(stack, 'Service', { network, taskDef, autoScaling: { minCapacity: 4, maxCapacity: 2 } });`,
    compliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });
new FargateService(stack, 'Service', { network, taskDef, autoScaling: { minCapacity: 4, maxCapacity: 8 } });`,
  },
});

/** Auto scaling bounds: whole numbers with 0 <= minCapacity <= desiredCount <= maxCapacity and maxCapacity >= 1. */
export function checkScalingBounds(minCapacity: number, maxCapacity: number, desiredCount: number | undefined): Finding {
  // each bound is checked as far as it is known at synth (a CfnParameter is not)
  const known = (v: number | undefined): v is number => v !== undefined && !Token.isUnresolved(v);
  if (known(minCapacity) && (!Number.isInteger(minCapacity) || minCapacity < 0)) return SCALING_BOUNDS.problem('min', { minCapacity });
  if (known(maxCapacity) && (!Number.isInteger(maxCapacity) || maxCapacity < 1)) return SCALING_BOUNDS.problem('max', { maxCapacity, minCapacity });
  if (!known(minCapacity) || !known(maxCapacity)) return undefined;
  if (minCapacity > maxCapacity) return SCALING_BOUNDS.problem('order', { minCapacity, maxCapacity });
  if (known(desiredCount) && (desiredCount < minCapacity || desiredCount > maxCapacity)) {
    return SCALING_BOUNDS.problem('desired', { desiredCount, minCapacity, maxCapacity });
  }
  return undefined;
}

/** FGK-PERCENT: utilization targets and thresholds are percentages. */
export const PERCENT = defineRule<{ prop: string; percent: number }>({
  id: 'FGK-PERCENT',
  acknowledgeable: false,
  checkedBy: 'FargateService',
  fact: 'Utilization targets and alarm thresholds are percentages in 1..100.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-autoscaling-targettracking.html',
  message: d => `${d.prop} ${d.percent} is not a valid utilization percentage; CPU and memory utilization lie between 0 and 100.`,
  fix: d => `set ${d.prop} between 1 and 100 (50-75 leaves headroom for spikes).`,
  examples: {
    nonCompliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });
new FargateService(stack, 'Service', { network, taskDef, alarms: { cpuPercent: 120 } });`,
    compliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });
new FargateService(stack, 'Service', { network, taskDef, alarms: { cpuPercent: 90 } });`,
  },
});

/** A target tracking or alarm threshold percentage lies in 1..100. */
export function checkPercent(prop: string, percent: number | undefined): Finding {
  if (percent === undefined || Token.isUnresolved(percent)) return undefined;
  return percent > 0 && percent <= 100 ? undefined : PERCENT.problem({ prop, percent });
}

/** FGK-SPOT-WEIGHTS: capacity provider weights and base in ECS's ranges. */
export const SPOT_WEIGHTS = defineRuleOfKinds({
  id: 'FGK-SPOT-WEIGHTS',
  acknowledgeable: true,
  checkedBy: 'FargateService, FargateTask',
  fact: 'Capacity provider weights are 0..1000 with one above 0; the base is 0..100000.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html',
  kinds: {
    weight: {
      message: (d: { name: string; value: number }) => `spot.${d.name} ${d.value} is not valid; a capacity provider weight is a whole number between 0 and 1000.`,
      fix: () => 'use small relative weights, e.g. onDemandWeight 1 and spotWeight 3 (a quarter of the tasks on demand).',
    },
    bothZero: {
      message: () => 'spot.onDemandWeight and spot.spotWeight are both 0; ECS needs at least one capacity provider with a weight above 0 to place tasks.',
      fix: () => 'set spotWeight (e.g. 1), or remove spot to run on demand only.',
    },
    base: {
      message: (d: { onDemandBase: number }) =>
        `spot.onDemandBase ${d.onDemandBase} is not valid; the base is a whole number of tasks between 0 and 100000 that always run on demand.`,
      fix: () => 'set onDemandBase to 0 or to the number of tasks that must survive a Spot interruption (e.g. 1).',
    },
  },
  examples: {
    nonCompliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });
new FargateService(stack, 'Service', { network, taskDef, spot: { onDemandWeight: 0.25, spotWeight: 0.75 } });`,
    compliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });
new FargateService(stack, 'Service', { network, taskDef, spot: { onDemandWeight: 1, spotWeight: 3 } });`,
  },
});

/** Capacity provider weights: whole numbers, at least one weight above 0, base 0..100000. */
export function checkSpotWeights(onDemandWeight: number, spotWeight: number, onDemandBase: number): Finding {
  if ([onDemandWeight, spotWeight, onDemandBase].some(v => Token.isUnresolved(v))) return undefined;
  for (const [name, value] of [['onDemandWeight', onDemandWeight], ['spotWeight', spotWeight]] as const) {
    if (!Number.isInteger(value) || value < 0 || value > 1000) return SPOT_WEIGHTS.problem('weight', { name, value });
  }
  if (onDemandWeight === 0 && spotWeight === 0) return SPOT_WEIGHTS.problem('bothZero', undefined);
  if (!Number.isInteger(onDemandBase) || onDemandBase < 0 || onDemandBase > 100000) return SPOT_WEIGHTS.problem('base', { onDemandBase });
  return undefined;
}

/** FGK-SPOT-PLATFORM: Fargate Spot runs Linux; ARM64 from platform 1.4.0. */
export const SPOT_PLATFORM = defineRuleOfKinds({
  id: 'FGK-SPOT-PLATFORM',
  acknowledgeable: true,
  checkedBy: 'FargateService, FargateTask',
  fact: 'Fargate Spot runs Linux only: X86_64 from platform 1.3.0, ARM64 from 1.4.0, per the ECS API reference (the developer guide still says no ARM64 on Spot).',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html',
  kinds: {
    windows: {
      message: (d: { spotWeight: number }) =>
        `spot.spotWeight ${d.spotWeight} places tasks on FARGATE_SPOT, but this task definition runs Windows; Fargate Spot runs Linux tasks only.`,
      fix: () => 'remove spot (or set spotWeight 0) for Windows tasks, or run the app on Linux.',
    },
    arm64: {
      message: (d: { spotWeight: number; platformVersion: string }) =>
        `spot.spotWeight ${d.spotWeight} places ARM64 tasks on FARGATE_SPOT with platformVersion ${d.platformVersion}; Fargate (and Fargate Spot) runs ARM64 only on platform 1.4.0 and later.`,
      fix: () => 'use platformVersion VERSION1_4 or LATEST.',
    },
  },
  examples: {
    nonCompliant: `const taskDef = new FargateTaskDef(stack, 'Task', {
  cpu: 1024,
  memoryLimitMiB: 2048,
  operatingSystemFamily: ecs.OperatingSystemFamily.WINDOWS_SERVER_2022_CORE,
});
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });
new FargateService(stack, 'Service', { network, taskDef, spot: { spotWeight: 1 } });`,
    compliant: `const taskDef = new FargateTaskDef(stack, 'Task', {
  cpu: 1024,
  memoryLimitMiB: 2048,
  operatingSystemFamily: ecs.OperatingSystemFamily.WINDOWS_SERVER_2022_CORE,
});
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });
new FargateService(stack, 'Service', { network, taskDef });`,
  },
});

/**
 * Fargate Spot runs Linux tasks only; ARM64 tasks only on platform 1.4.0+. Re-checked
 * 2026-11-26: the ECS API reference (CapacityProviderStrategyItem) says FARGATE_SPOT supports
 * X86_64 Linux tasks on 1.3.0+ and ARM64 Linux tasks on 1.4.0+; the developer guide's capacity
 * provider page still says ARM64 has no Spot. The API reference is the newer fact (DESIGN.md:
 * these rules widened over time), so ARM64 on Spot is allowed.
 */
export function checkSpotPlatform(
  spotWeight: number, windows: boolean, cpuArchitecture: string, platformVersion: string | undefined,
): Finding {
  if (spotWeight === 0) return undefined;
  if (windows) return SPOT_PLATFORM.problem('windows', { spotWeight });
  if (cpuArchitecture === 'ARM64' && isBeforePlatform14(platformVersion)) {
    return SPOT_PLATFORM.problem('arm64', { spotWeight, platformVersion: platformVersion! });
  }
  return undefined;
}

/** FGK-PLATFORM-FOR-CPU: 8 and 16 vCPU tasks need platform 1.4.0+. */
export const PLATFORM_FOR_CPU = defineRule<{ cpu: number; platformVersion: string }>({
  id: 'FGK-PLATFORM-FOR-CPU',
  acknowledgeable: true,
  checkedBy: 'FargateService, FargateTask',
  fact: 'Tasks of 8 or 16 vCPU need Linux platform version 1.4.0 or later.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html',
  message: d => `platformVersion ${d.platformVersion} cannot run a task with cpu ${d.cpu} (${d.cpu / 1024} vCPU); 8 and 16 vCPU tasks need platform version 1.4.0 or later.`,
  fix: () => 'use platformVersion VERSION1_4 or LATEST (the default), or a task cpu of 4096 or less.',
  examples: {
    nonCompliant: `const taskDef = new FargateTaskDef(stack, 'Task', { cpu: 8192, memoryLimitMiB: 16384 });
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });
new FargateService(stack, 'Service', { network, taskDef, platformVersion: ecs.FargatePlatformVersion.VERSION1_3 });`,
    compliant: `const taskDef = new FargateTaskDef(stack, 'Task', { cpu: 8192, memoryLimitMiB: 16384 });
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });
new FargateService(stack, 'Service', { network, taskDef, platformVersion: ecs.FargatePlatformVersion.VERSION1_4 });`,
  },
});

/** Tasks of 8 or 16 vCPU (cpu 8192 / 16384) need platform 1.4.0+. */
export function checkPlatformForCpu(cpu: number, platformVersion: string | undefined): Finding {
  if (Token.isUnresolved(cpu)) return undefined;
  return cpu >= 8192 && isBeforePlatform14(platformVersion) ? PLATFORM_FOR_CPU.problem({ cpu, platformVersion: platformVersion! }) : undefined;
}

/** FGK-SCHEDULED-TASK-COUNT: each scheduled run starts 1 to 10 tasks, with a schedule. */
export const SCHEDULED_TASK_COUNT = defineRuleOfKinds({
  id: 'FGK-SCHEDULED-TASK-COUNT',
  acknowledgeable: true,
  checkedBy: 'FargateTask',
  fact: 'A scheduled run starts 1 to 10 tasks (EventBridge EcsParameters TaskCount >= 1, one ECS RunTask call <= 10), and only with a schedule.',
  source: 'https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_EcsParameters.html',
  kinds: {
    range: {
      message: (d: { count: number }) =>
        `scheduledTaskCount ${d.count} is not valid; each scheduled run starts 1 to 10 tasks (EventBridge needs at least 1, and one ECS RunTask call starts at most 10).`,
      fix: () => 'set scheduledTaskCount from 1 to 10, or leave it unset for 1.',
    },
    noSchedule: {
      message: () => 'scheduledTaskCount is set without schedule; it is the number of tasks each scheduled run starts.',
      fix: () => 'add schedule, or pass --count to `aws ecs run-task` yourself.',
    },
  },
  examples: {
    nonCompliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });
new FargateTask(stack, 'Report', {
  network,
  taskDef,
  schedule: events.Schedule.rate(Duration.hours(1)),
  scheduledTaskCount: 20,
});`,
    compliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });
new FargateTask(stack, 'Report', {
  network,
  taskDef,
  schedule: events.Schedule.rate(Duration.hours(1)),
  scheduledTaskCount: 10,
});`,
  },
});

/**
 * The tasks each scheduled run starts: a whole number from 1 (EventBridge's EcsParameters
 * TaskCount minimum) to 10 (one RunTask call starts at most 10,
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html).
 */
export function checkScheduledTaskCount(count: number | undefined): Finding {
  if (count === undefined || Token.isUnresolved(count)) return undefined;
  return !Number.isInteger(count) || count < 1 || count > 10 ? SCHEDULED_TASK_COUNT.problem('range', { count }) : undefined;
}

/** The fix of every schedule expression problem. */
const SCHEDULE_FIX = 'use events.Schedule.rate(Duration.hours(1)) or events.Schedule.cron({ hour: \'3\', minute: \'0\' }), which write valid expressions.';

/** FGK-SCHEDULE-EXPRESSION: a rate or cron expression EventBridge rules accept. */
export const SCHEDULE_EXPRESSION = defineRuleOfKinds({
  id: 'FGK-SCHEDULE-EXPRESSION',
  acknowledgeable: true,
  checkedBy: 'FargateTask',
  fact: 'A schedule is rate(...) with a whole number >= 1 (singular unit for 1) or a six-field cron(...) with \'?\' in day-of-month or day-of-week, as EventBridge rules accept.',
  source: 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html',
  kinds: {
    rate: {
      message: (d: { expression: string }) =>
        `schedule '${d.expression}' is not a rate EventBridge accepts; a rate is a whole number of at least 1 with a singular unit for 1 (rate(1 hour)) and a plural one above (rate(5 minutes)).`,
      fix: () => SCHEDULE_FIX,
    },
    cron: {
      message: (d: { expression: string }) =>
        `schedule '${d.expression}' is not a cron expression EventBridge accepts; it has six fields (minutes hours day-of-month month day-of-week year) and exactly one of day-of-month and day-of-week is '?'.`,
      fix: () => SCHEDULE_FIX,
    },
    other: {
      message: (d: { expression: string }) =>
        `schedule '${d.expression}' is not a schedule expression of an EventBridge rule; rules take rate(...) or cron(...) (at(...) is for EventBridge Scheduler).`,
      fix: () => SCHEDULE_FIX,
    },
  },
  examples: {
    nonCompliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });
new FargateTask(stack, 'Report', {
  network,
  taskDef,
  schedule: events.Schedule.expression('cron(0 3 * * *)'),
});`,
    compliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });
new FargateTask(stack, 'Report', {
  network,
  taskDef,
  schedule: events.Schedule.cron({ minute: '0', hour: '3' }),
});`,
  },
});

/**
 * An EventBridge rule's schedule is `rate(1 minute|hour|day)`, `rate(N minutes|hours|days)`
 * with N > 1, or `cron(...)` of six fields in which day-of-month or day-of-week (not both) is
 * `?`. `at(...)` belongs to EventBridge Scheduler, not to rules.
 */
export function checkScheduleExpression(expression: string): Finding {
  if (Token.isUnresolved(expression)) return undefined;
  const rate = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(expression);
  if (rate) {
    const value = Number(rate[1]);
    const singular = !rate[2].endsWith('s');
    return value >= 1 && singular === (value === 1) ? undefined : SCHEDULE_EXPRESSION.problem('rate', { expression });
  }
  const cron = /^cron\((.*)\)$/.exec(expression);
  if (cron) {
    const fields = cron[1].trim().split(/\s+/);
    return fields.length === 6 && (fields[2] === '?') !== (fields[4] === '?') ? undefined : SCHEDULE_EXPRESSION.problem('cron', { expression });
  }
  return SCHEDULE_EXPRESSION.problem('other', { expression });
}

/** FGK-CONTAINER-OVERRIDES: overrides name containers of the task, with a schedule. */
export const CONTAINER_OVERRIDES = defineRuleOfKinds({
  id: 'FGK-CONTAINER-OVERRIDES',
  acknowledgeable: false,
  checkedBy: 'FargateTask',
  fact: 'Container overrides name containers of the task, and apply to scheduled runs only.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerOverride.html',
  kinds: {
    unknown: {
      message: (d: { unknown: readonly string[]; containers: readonly string[] }) =>
        `containerOverrides name container(s) ${d.unknown.map(n => `'${n}'`).join(', ')}, which the task does not have (containers: ${d.containers.map(n => `'${n}'`).join(', ') || 'none'}); ECS rejects the scheduled run.`,
      fix: () => 'use the names given to addAppContainer().',
    },
    noSchedule: {
      message: () => 'containerOverrides is set without schedule; the overrides apply to scheduled runs only.',
      fix: () => 'add schedule, or pass overrides to `aws ecs run-task --overrides` yourself.',
    },
  },
  examples: {
    nonCompliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('report', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });
new FargateTask(stack, 'Report', {
  network,
  taskDef,
  schedule: events.Schedule.cron({ minute: '0', hour: '3' }),
  containerOverrides: [{ containerName: 'app', command: ['report', '--nightly'] }],
});`,
    compliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('report', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });
new FargateTask(stack, 'Report', {
  network,
  taskDef,
  schedule: events.Schedule.cron({ minute: '0', hour: '3' }),
  containerOverrides: [{ containerName: 'report', command: ['report', '--nightly'] }],
});`,
  },
});

/** Container overrides name containers of the task. */
export function checkContainerOverrides(overridden: readonly string[], containers: readonly string[]): Finding {
  const unknown = overridden.filter(n => !containers.includes(n));
  return unknown.length === 0 ? undefined : CONTAINER_OVERRIDES.problem('unknown', { unknown, containers });
}

/** Run settings that only a schedule uses are not set without one. */
export function checkScheduleOnlySettings(hasSchedule: boolean, scheduledTaskCount: boolean, containerOverrides: boolean): Finding[] {
  if (hasSchedule) return [];
  return [
    scheduledTaskCount ? SCHEDULED_TASK_COUNT.problem('noSchedule', undefined) : undefined,
    containerOverrides ? CONTAINER_OVERRIDES.problem('noSchedule', undefined) : undefined,
  ];
}

/** What a task needs of its platform version. */
export interface PlatformFeatureNeeds {
  /** ARM64 (Graviton) CPU. */
  readonly arm64: boolean;
  /** Windows containers. */
  readonly windows: boolean;
  /** EFS volumes. */
  readonly efs: boolean;
  /** Configured ephemeral storage (21-200 GiB). */
  readonly ephemeralStorage: boolean;
}

/** FGK-PLATFORM-FEATURES: the platform version runs what the task needs. */
export const PLATFORM_FEATURES = defineRuleOfKinds({
  id: 'FGK-PLATFORM-FEATURES',
  acknowledgeable: true,
  checkedBy: 'FargateService, FargateTask',
  fact: 'ARM64, EFS volumes and configurable ephemeral storage need Linux platform version 1.4.0 or later; Windows tasks need platform 1.0.0 or LATEST.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-linux-fargate.html',
  kinds: {
    windows: {
      message: (d: { platformVersion: string }) =>
        `platformVersion ${d.platformVersion} does not exist for Windows tasks; Fargate runs Windows containers on platform version 1.0.0 only.`,
      fix: () => 'leave platformVersion unset (LATEST), or use VERSION1_0.',
    },
    linux: {
      message: (d: { platformVersion: string; needing: readonly string[] }) =>
        `platformVersion ${d.platformVersion} cannot run this task: ${d.needing.join(', ')} need(s) Linux platform version 1.4.0 or later.`,
      fix: () => 'use platformVersion VERSION1_4 or LATEST (the default).',
    },
  },
  examples: {
    nonCompliant: `const taskDef = new FargateTaskDef(stack, 'Task', { cpuArchitecture: ecs.CpuArchitecture.ARM64 });
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });
new FargateService(stack, 'Service', { network, taskDef, platformVersion: ecs.FargatePlatformVersion.VERSION1_3 });`,
    compliant: `const taskDef = new FargateTaskDef(stack, 'Task', { cpuArchitecture: ecs.CpuArchitecture.ARM64 });
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });
new FargateService(stack, 'Service', { network, taskDef, platformVersion: ecs.FargatePlatformVersion.VERSION1_4 });`,
  },
});

/**
 * Linux platform 1.4.0 brought ARM64, EFS volumes and configurable ephemeral storage; Windows
 * tasks run on Windows platform 1.0.0 only (the Linux versions 1.1.0-1.4.0 do not exist for it,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-windows-fargate.html).
 */
export function checkPlatformFeatures(platformVersion: string | undefined, needs: PlatformFeatureNeeds): Finding {
  if (platformVersion === undefined || Token.isUnresolved(platformVersion) || platformVersion === 'LATEST') return undefined;
  if (needs.windows) return platformVersion !== '1.0.0' ? PLATFORM_FEATURES.problem('windows', { platformVersion }) : undefined;
  if (!isBeforePlatform14(platformVersion)) return undefined;
  const needing = [needs.arm64 && 'cpuArchitecture ARM64', needs.efs && 'EFS volumes', needs.ephemeralStorage && 'ephemeralStorageGiB'].filter((x): x is string => typeof x === 'string');
  return needing.length === 0 ? undefined : PLATFORM_FEATURES.problem('linux', { platformVersion, needing });
}

/** FGK-CLUSTER-CONFLICT: a workload runs in one cluster. */
export const CLUSTER_CONFLICT = defineRule({
  id: 'FGK-CLUSTER-CONFLICT',
  acknowledgeable: false,
  checkedBy: 'FargateService, FargateTask',
  fact: 'cluster and sharedCluster are exclusive: a workload runs in one cluster.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/clusters.html',
  message: () => 'cluster and sharedCluster are both set; a workload runs in one cluster.',
  fix: () => 'remove one of them.',
  examples: {
    nonCompliant: `const cluster = new ecs.Cluster(stack, 'Cluster', { vpc: network.vpc });
const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });
new FargateService(stack, 'Service', { network, taskDef, cluster, sharedCluster: true });`,
    compliant: `const cluster = new ecs.Cluster(stack, 'Cluster', { vpc: network.vpc });
const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });
new FargateService(stack, 'Service', { network, taskDef, cluster });`,
  },
});

/** FGK-DESIRED-COUNT-WITH-AUTOSCALING (warning): desiredCount fights the scaler. */
export const DESIRED_COUNT_WITH_AUTOSCALING = defineRule<{ desiredCount: number }>({
  id: 'FGK-DESIRED-COUNT-WITH-AUTOSCALING',
  severity: 'warning',
  acknowledgeable: true,
  checkedBy: 'FargateService',
  fact: 'desiredCount with autoScaling resets the scaled count on every deploy (aws/aws-cdk#3919).',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-auto-scaling.html',
  message: d => `desiredCount ${d.desiredCount} is written to the template although autoScaling is on, so every deploy resets the task count the scaler chose (aws/aws-cdk#3919).`,
  fix: () => 'remove desiredCount; the service starts at autoScaling.minCapacity.',
  examples: {
    nonCompliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });
new FargateService(stack, 'Service', { network, taskDef, desiredCount: 2, autoScaling: { minCapacity: 2, maxCapacity: 8 } });`,
    compliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });
new FargateService(stack, 'Service', { network, taskDef, autoScaling: { minCapacity: 2, maxCapacity: 8 } });`,
  },
});

/** FGK-SPOT-IMPORTED-CLUSTER (warning): Spot on a cluster whose capacity providers are unknown. */
export const SPOT_IMPORTED_CLUSTER = defineRule<{ constructType: string }>({
  id: 'FGK-SPOT-IMPORTED-CLUSTER',
  severity: 'warning',
  acknowledgeable: true,
  checkedBy: 'FargateService, FargateTask',
  fact: 'Spot on an imported cluster works only if it has the FARGATE and FARGATE_SPOT capacity providers.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html',
  message: () => 'spot is set on an imported cluster; ECS places the tasks only if that cluster has the FARGATE and FARGATE_SPOT capacity providers.',
  fix: d => `associate them with the cluster (or let ${d.constructType} create the cluster, or use sharedCluster).`,
  examples: {
    nonCompliant: `const cluster = ecs.Cluster.fromClusterAttributes(stack, 'Cluster', { clusterName: 'shared', vpc: network.vpc });
const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });
new FargateService(stack, 'Service', { network, taskDef, cluster, spot: { spotWeight: 1 } });`,
    compliant: `const cluster = ecs.Cluster.fromClusterAttributes(stack, 'Cluster', { clusterName: 'shared', vpc: network.vpc });
const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });
const service = new FargateService(stack, 'Service', { network, taskDef, cluster, spot: { spotWeight: 1 } });
Validations.of(service).acknowledge({
  id: 'cdk-fargate-kit::FGK-SPOT-IMPORTED-CLUSTER',
  reason: 'cluster shared has the FARGATE and FARGATE_SPOT capacity providers',
});`,
  },
});

/** FGK-UNREACHABLE-PUBLIC-SERVICE (warning): a public service nothing can reach. */
export const UNREACHABLE_PUBLIC_SERVICE = defineRule<{ ports: readonly number[] }>({
  id: 'FGK-UNREACHABLE-PUBLIC-SERVICE',
  severity: 'warning',
  acknowledgeable: true,
  checkedBy: 'FargateService',
  fact: 'A service in public subnets whose ports no security group rule opens receives no traffic.',
  source: 'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
  message: d => `the tasks get public IPs and listen on port(s) ${d.ports.join(', ')}, but no security group rule lets anything reach them (no load balancer, no ingress rule), so they receive no traffic.`,
  fix: () => 'put a load balancer in front (AlbFrontedService), or allow the clients with service.connections.allowFrom(...).',
  examples: {
    nonCompliant: `const publicNetwork = FargateVpc.fromVpc(stack, 'PublicNetwork', { vpc: network.vpc, topology: VpcTopology.PUBLIC_ONLY });
const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80] });
new FargateService(stack, 'Service', { network: publicNetwork, taskDef });`,
    compliant: `const publicNetwork = FargateVpc.fromVpc(stack, 'PublicNetwork', { vpc: network.vpc, topology: VpcTopology.PUBLIC_ONLY });
const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80] });
const service = new FargateService(stack, 'Service', { network: publicNetwork, taskDef });
service.allowFrom(ec2.Peer.anyIpv4(), 80);`,
  },
});

/** FGK-IMPORTED-SERVICE: an imported service is named by its ARN or its name. */
export const IMPORTED_SERVICE = defineRule({
  id: 'FGK-IMPORTED-SERVICE',
  acknowledgeable: false,
  checkedBy: 'FargateService.fromFargateServiceAttributes',
  fact: 'An imported service is named by exactly one of its ARN and its name (the other is derived).',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Service.html',
  message: () => 'exactly one of serviceArn and serviceName must be given; the other is derived from it.',
  fix: () => 'pass serviceArn (\'arn:aws:ecs:REGION:ACCOUNT:service/CLUSTER/NAME\') or serviceName, not both.',
  examples: {
    nonCompliant: `const cluster = ecs.Cluster.fromClusterAttributes(stack, 'Cluster', { clusterName: 'apps', vpc: network.vpc });
const api = FargateService.fromFargateServiceAttributes(stack, 'Api', { cluster });
api.metricCpuUtilization();`,
    compliant: `const cluster = ecs.Cluster.fromClusterAttributes(stack, 'Cluster', { clusterName: 'apps', vpc: network.vpc });
const api = FargateService.fromFargateServiceAttributes(stack, 'Api', { cluster, serviceName: 'api' });
api.metricCpuUtilization();`,
  },
});

import { Token } from 'aws-cdk-lib';

/** The Fargate platform versions before 1.4.0 (the `ecs.FargatePlatformVersion` values). */
const PRE_1_4_PLATFORMS = ['1.0.0', '1.1.0', '1.2.0', '1.3.0'];

/** Whether the platform version is older than 1.4.0 (`LATEST` is 1.4.0 or newer). */
export function isBeforePlatform14(platformVersion: string | undefined): boolean {
  return platformVersion !== undefined && PRE_1_4_PLATFORMS.includes(platformVersion);
}

/** `desiredCount` is a whole number of tasks, 0 or more. */
export function checkDesiredCount(desiredCount: number | undefined): string | undefined {
  if (desiredCount === undefined || Token.isUnresolved(desiredCount)) return undefined;
  if (!Number.isInteger(desiredCount) || desiredCount < 0) {
    return `[FGK-DESIRED-COUNT] desiredCount ${desiredCount} is not valid; a service runs a whole number of tasks, 0 or more. Fix: set desiredCount to 2 or more for high availability (0 pauses the service).`;
  }
  return undefined;
}

/** Auto scaling bounds: whole numbers with 0 <= minCapacity <= desiredCount <= maxCapacity and maxCapacity >= 1. */
export function checkScalingBounds(minCapacity: number, maxCapacity: number, desiredCount: number | undefined): string | undefined {
  // each bound is checked as far as it is known at synth (a CfnParameter is not)
  const known = (v: number | undefined): v is number => v !== undefined && !Token.isUnresolved(v);
  if (known(minCapacity) && (!Number.isInteger(minCapacity) || minCapacity < 0)) {
    return `[FGK-SCALING-BOUNDS] autoScaling.minCapacity ${minCapacity} is not valid; the scaler needs a whole number of tasks, 0 or more. Fix: set minCapacity to 2 or more for high availability.`;
  }
  if (known(maxCapacity) && (!Number.isInteger(maxCapacity) || maxCapacity < 1)) {
    return `[FGK-SCALING-BOUNDS] autoScaling.maxCapacity ${maxCapacity} is not valid; the scaler needs a whole number of at least 1 task. Fix: set maxCapacity to at least minCapacity (${minCapacity}) and at least 1.`;
  }
  if (!known(minCapacity) || !known(maxCapacity)) return undefined;
  if (minCapacity > maxCapacity) {
    return `[FGK-SCALING-BOUNDS] autoScaling.minCapacity ${minCapacity} is greater than maxCapacity ${maxCapacity}; the scaler keeps the task count between the two, so min must be <= max. Fix: raise maxCapacity to at least ${minCapacity} or lower minCapacity.`;
  }
  if (known(desiredCount) && (desiredCount < minCapacity || desiredCount > maxCapacity)) {
    return `[FGK-SCALING-BOUNDS] desiredCount ${desiredCount} is outside the auto scaling range ${minCapacity}..${maxCapacity}; the scaler would move it back on its first run. Fix: remove desiredCount (the scaler owns the count) or set it between minCapacity and maxCapacity.`;
  }
  return undefined;
}

/** A target tracking or alarm threshold percentage lies in 1..100. */
export function checkPercent(propName: string, percent: number | undefined): string | undefined {
  if (percent === undefined || Token.isUnresolved(percent)) return undefined;
  if (!(percent > 0 && percent <= 100)) {
    return `[FGK-PERCENT] ${propName} ${percent} is not a valid utilization percentage; CPU and memory utilization lie between 0 and 100. Fix: set ${propName} between 1 and 100 (50-75 leaves headroom for spikes).`;
  }
  return undefined;
}

/** Capacity provider weights: whole numbers, at least one weight above 0, base 0..100000. */
export function checkSpotWeights(onDemandWeight: number, spotWeight: number, onDemandBase: number): string | undefined {
  if ([onDemandWeight, spotWeight, onDemandBase].some(v => Token.isUnresolved(v))) return undefined;
  for (const [name, v] of [['onDemandWeight', onDemandWeight], ['spotWeight', spotWeight]] as const) {
    if (!Number.isInteger(v) || v < 0 || v > 1000) {
      return `[FGK-SPOT-WEIGHTS] spot.${name} ${v} is not valid; a capacity provider weight is a whole number between 0 and 1000. Fix: use small relative weights, e.g. onDemandWeight 1 and spotWeight 3 (a quarter of the tasks on demand).`;
    }
  }
  if (onDemandWeight === 0 && spotWeight === 0) {
    return '[FGK-SPOT-WEIGHTS] spot.onDemandWeight and spot.spotWeight are both 0; ECS needs at least one capacity provider with a weight above 0 to place tasks. Fix: set spotWeight (e.g. 1), or remove spot to run on demand only.';
  }
  if (!Number.isInteger(onDemandBase) || onDemandBase < 0 || onDemandBase > 100000) {
    return `[FGK-SPOT-WEIGHTS] spot.onDemandBase ${onDemandBase} is not valid; the base is a whole number of tasks between 0 and 100000 that always run on demand. Fix: set onDemandBase to 0 or to the number of tasks that must survive a Spot interruption (e.g. 1).`;
  }
  return undefined;
}

/**
 * Fargate Spot runs Linux tasks only; ARM64 tasks only on platform 1.4.0+. Re-checked
 * 2026-11-26: the ECS API reference (CapacityProviderStrategyItem,
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html)
 * says FARGATE_SPOT supports X86_64 Linux tasks on 1.3.0+ and ARM64 Linux tasks on 1.4.0+; the
 * developer guide's capacity provider page still says ARM64 has no Spot. The API reference is the
 * newer fact (DESIGN.md: these rules widened over time), so ARM64 on Spot is allowed.
 */
export function checkSpotPlatform(
  spotWeight: number, windows: boolean, cpuArchitecture: string, platformVersion: string | undefined,
): string | undefined {
  if (spotWeight === 0) return undefined;
  if (windows) {
    return `[FGK-SPOT-PLATFORM] spot.spotWeight ${spotWeight} places tasks on FARGATE_SPOT, but this task definition runs Windows; Fargate Spot runs Linux tasks only. Fix: remove spot (or set spotWeight 0) for Windows tasks, or run the app on Linux.`;
  }
  if (cpuArchitecture === 'ARM64' && isBeforePlatform14(platformVersion)) {
    return `[FGK-SPOT-PLATFORM] spot.spotWeight ${spotWeight} places ARM64 tasks on FARGATE_SPOT with platformVersion ${platformVersion}; Fargate (and Fargate Spot) runs ARM64 only on platform 1.4.0 and later. Fix: use platformVersion VERSION1_4 or LATEST.`;
  }
  return undefined;
}

/** Tasks of 8 or 16 vCPU (cpu 8192 / 16384) need platform 1.4.0+. */
export function checkPlatformForCpu(cpu: number, platformVersion: string | undefined): string | undefined {
  if (Token.isUnresolved(cpu)) return undefined;
  if (cpu >= 8192 && isBeforePlatform14(platformVersion)) {
    return `[FGK-PLATFORM-FOR-CPU] platformVersion ${platformVersion} cannot run a task with cpu ${cpu} (${cpu / 1024} vCPU); 8 and 16 vCPU tasks need platform version 1.4.0 or later. Fix: use platformVersion VERSION1_4 or LATEST (the default), or a task cpu of 4096 or less.`;
  }
  return undefined;
}

/**
 * The tasks each scheduled run starts: a whole number from 1 (EventBridge's EcsParameters
 * TaskCount minimum, https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_EcsParameters.html)
 * to 10 (one RunTask call starts at most 10, https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html).
 */
export function checkScheduledTaskCount(count: number | undefined): string | undefined {
  if (count === undefined || Token.isUnresolved(count)) return undefined;
  if (!Number.isInteger(count) || count < 1 || count > 10) {
    return `[FGK-SCHEDULED-TASK-COUNT] scheduledTaskCount ${count} is not valid; each scheduled run starts 1 to 10 tasks (EventBridge needs at least 1, and one ECS RunTask call starts at most 10). Fix: set scheduledTaskCount from 1 to 10, or leave it unset for 1.`;
  }
  return undefined;
}

/**
 * An EventBridge rule's schedule is `rate(1 minute|hour|day)`, `rate(N minutes|hours|days)`
 * with N > 1, or `cron(...)` of six fields in which day-of-month or day-of-week (not both) is
 * `?` (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html).
 * `at(...)` belongs to EventBridge Scheduler, not to rules.
 */
export function checkScheduleExpression(expression: string): string | undefined {
  if (Token.isUnresolved(expression)) return undefined;
  const fix = 'Fix: use events.Schedule.rate(Duration.hours(1)) or events.Schedule.cron({ hour: \'3\', minute: \'0\' }), which write valid expressions.';
  const rate = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(expression);
  if (rate) {
    const value = Number(rate[1]);
    const singular = !rate[2].endsWith('s');
    if (value >= 1 && singular === (value === 1)) return undefined;
    return `[FGK-SCHEDULE-EXPRESSION] schedule '${expression}' is not a rate EventBridge accepts; a rate is a whole number of at least 1 with a singular unit for 1 (rate(1 hour)) and a plural one above (rate(5 minutes)). ${fix}`;
  }
  const cron = /^cron\((.*)\)$/.exec(expression);
  if (cron) {
    const fields = cron[1].trim().split(/\s+/);
    if (fields.length === 6 && (fields[2] === '?') !== (fields[4] === '?')) return undefined;
    return `[FGK-SCHEDULE-EXPRESSION] schedule '${expression}' is not a cron expression EventBridge accepts; it has six fields (minutes hours day-of-month month day-of-week year) and exactly one of day-of-month and day-of-week is '?'. ${fix}`;
  }
  return `[FGK-SCHEDULE-EXPRESSION] schedule '${expression}' is not a schedule expression of an EventBridge rule; rules take rate(...) or cron(...) (at(...) is for EventBridge Scheduler). ${fix}`;
}

/** Container overrides name containers of the task. */
export function checkContainerOverrides(overridden: readonly string[], containers: readonly string[]): string | undefined {
  const unknown = overridden.filter(n => !containers.includes(n));
  if (unknown.length === 0) return undefined;
  return `[FGK-CONTAINER-OVERRIDES] containerOverrides name container(s) ${unknown.map(n => `'${n}'`).join(', ')}, which the task does not have (containers: ${containers.map(n => `'${n}'`).join(', ') || 'none'}); ECS rejects the scheduled run. Fix: use the names given to addAppContainer().`;
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

/**
 * Linux platform 1.4.0 brought ARM64, EFS volumes and configurable ephemeral storage; Windows
 * tasks run on Windows platform 1.0.0 only (the Linux versions 1.1.0-1.4.0 do not exist for it).
 */
export function checkPlatformFeatures(platformVersion: string | undefined, needs: PlatformFeatureNeeds): string | undefined {
  if (platformVersion === undefined || Token.isUnresolved(platformVersion) || platformVersion === 'LATEST') return undefined;
  if (needs.windows) {
    if (platformVersion !== '1.0.0') {
      return `[FGK-PLATFORM-FEATURES] platformVersion ${platformVersion} does not exist for Windows tasks; Fargate runs Windows containers on platform version 1.0.0 only. Fix: leave platformVersion unset (LATEST), or use VERSION1_0.`;
    }
    return undefined;
  }
  if (!isBeforePlatform14(platformVersion)) return undefined;
  const needing = [needs.arm64 && 'cpuArchitecture ARM64', needs.efs && 'EFS volumes', needs.ephemeralStorage && 'ephemeralStorageGiB'].filter((x): x is string => typeof x === 'string');
  if (needing.length === 0) return undefined;
  return `[FGK-PLATFORM-FEATURES] platformVersion ${platformVersion} cannot run this task: ${needing.join(', ')} need(s) Linux platform version 1.4.0 or later. Fix: use platformVersion VERSION1_4 or LATEST (the default).`;
}

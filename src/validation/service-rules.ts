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
    return `desiredCount ${desiredCount} is not valid; a service runs a whole number of tasks, 0 or more. Fix: set desiredCount to 2 or more for high availability (0 pauses the service).`;
  }
  return undefined;
}

/** Auto scaling bounds: whole numbers with 0 <= minCapacity <= desiredCount <= maxCapacity and maxCapacity >= 1. */
export function checkScalingBounds(minCapacity: number, maxCapacity: number, desiredCount: number | undefined): string | undefined {
  if ([minCapacity, maxCapacity, desiredCount].some(v => v !== undefined && Token.isUnresolved(v))) return undefined;
  if (!Number.isInteger(minCapacity) || minCapacity < 0) {
    return `autoScaling.minCapacity ${minCapacity} is not valid; the scaler needs a whole number of tasks, 0 or more. Fix: set minCapacity to 2 or more for high availability.`;
  }
  if (!Number.isInteger(maxCapacity) || maxCapacity < 1) {
    return `autoScaling.maxCapacity ${maxCapacity} is not valid; the scaler needs a whole number of at least 1 task. Fix: set maxCapacity to at least minCapacity (${minCapacity}) and at least 1.`;
  }
  if (minCapacity > maxCapacity) {
    return `autoScaling.minCapacity ${minCapacity} is greater than maxCapacity ${maxCapacity}; the scaler keeps the task count between the two, so min must be <= max. Fix: raise maxCapacity to at least ${minCapacity} or lower minCapacity.`;
  }
  if (desiredCount !== undefined && (desiredCount < minCapacity || desiredCount > maxCapacity)) {
    return `desiredCount ${desiredCount} is outside the auto scaling range ${minCapacity}..${maxCapacity}; the scaler would move it back on its first run. Fix: remove desiredCount (the scaler owns the count) or set it between minCapacity and maxCapacity.`;
  }
  return undefined;
}

/** A target tracking or alarm threshold percentage lies in 1..100. */
export function checkPercent(propName: string, percent: number | undefined): string | undefined {
  if (percent === undefined || Token.isUnresolved(percent)) return undefined;
  if (!(percent > 0 && percent <= 100)) {
    return `${propName} ${percent} is not a valid utilization percentage; CPU and memory utilization lie between 0 and 100. Fix: set ${propName} between 1 and 100 (50-75 leaves headroom for spikes).`;
  }
  return undefined;
}

/** Capacity provider weights: whole numbers, at least one weight above 0, base 0..100000. */
export function checkSpotWeights(onDemandWeight: number, spotWeight: number, onDemandBase: number): string | undefined {
  if ([onDemandWeight, spotWeight, onDemandBase].some(v => Token.isUnresolved(v))) return undefined;
  for (const [name, v] of [['onDemandWeight', onDemandWeight], ['spotWeight', spotWeight]] as const) {
    if (!Number.isInteger(v) || v < 0 || v > 1000) {
      return `spot.${name} ${v} is not valid; a capacity provider weight is a whole number between 0 and 1000. Fix: use small relative weights, e.g. onDemandWeight 1 and spotWeight 3 (a quarter of the tasks on demand).`;
    }
  }
  if (onDemandWeight === 0 && spotWeight === 0) {
    return 'spot.onDemandWeight and spot.spotWeight are both 0; ECS needs at least one capacity provider with a weight above 0 to place tasks. Fix: set spotWeight (e.g. 1), or remove spot to run on demand only.';
  }
  if (!Number.isInteger(onDemandBase) || onDemandBase < 0 || onDemandBase > 100000) {
    return `spot.onDemandBase ${onDemandBase} is not valid; the base is a whole number of tasks between 0 and 100000 that always run on demand. Fix: set onDemandBase to 0 or to the number of tasks that must survive a Spot interruption (e.g. 1).`;
  }
  return undefined;
}

/** Fargate Spot runs Linux tasks only; ARM64 tasks only on platform 1.4.0+. */
export function checkSpotPlatform(
  spotWeight: number, windows: boolean, cpuArchitecture: string, platformVersion: string | undefined,
): string | undefined {
  if (spotWeight === 0) return undefined;
  if (windows) {
    return `spot.spotWeight ${spotWeight} places tasks on FARGATE_SPOT, but this task definition runs Windows; Fargate Spot runs Linux tasks only. Fix: remove spot (or set spotWeight 0) for Windows tasks, or run the app on Linux.`;
  }
  if (cpuArchitecture === 'ARM64' && isBeforePlatform14(platformVersion)) {
    return `spot.spotWeight ${spotWeight} places ARM64 tasks on FARGATE_SPOT with platformVersion ${platformVersion}; Fargate (and Fargate Spot) runs ARM64 only on platform 1.4.0 and later. Fix: use platformVersion VERSION1_4 or LATEST.`;
  }
  return undefined;
}

/** Tasks of 8 or 16 vCPU (cpu 8192 / 16384) need platform 1.4.0+. */
export function checkPlatformForCpu(cpu: number, platformVersion: string | undefined): string | undefined {
  if (Token.isUnresolved(cpu)) return undefined;
  if (cpu >= 8192 && isBeforePlatform14(platformVersion)) {
    return `platformVersion ${platformVersion} cannot run a task with cpu ${cpu} (${cpu / 1024} vCPU); 8 and 16 vCPU tasks need platform version 1.4.0 or later. Fix: use platformVersion VERSION1_4 or LATEST (the default), or a task cpu of 4096 or less.`;
  }
  return undefined;
}

/** Which subnets tasks land in and whether they can reach the internet. */
export interface TaskPlacementFacts {
  /** The topology name, for messages. */
  readonly topology: string;
  /** How many selected task subnets are public (route to an internet gateway). */
  readonly publicSubnets: number;
  /** How many selected task subnets are isolated (no route to the internet). */
  readonly isolatedSubnets: number;
  /** Whether tasks get a public IP. */
  readonly assignPublicIp: boolean;
  /** The VPC endpoints that serve the task subnets. */
  readonly endpoints: readonly string[];
}

/** The endpoints a task needs to start without internet access. */
const CORE = ['ECR_API', 'ECR_DOCKER', 'S3', 'CLOUDWATCH_LOGS'];

/** Whether tasks in this placement have no route to the internet (only VPC endpoints). */
export function hasNoInternetRoute(f: TaskPlacementFacts): boolean {
  return f.topology === 'PRIVATE_ISOLATED' || f.isolatedSubnets > 0 || (f.publicSubnets > 0 && !f.assignPublicIp);
}

/** A task in a public subnet without a public IP (and without endpoints) cannot pull its image. */
export function checkPublicSubnetPublicIp(f: TaskPlacementFacts): string | undefined {
  if (f.publicSubnets === 0 || f.assignPublicIp) return undefined;
  const missing = CORE.filter(e => !f.endpoints.includes(e));
  if (missing.length === 0) return undefined;
  return `taskSubnets select ${f.publicSubnets} public subnet(s) but topology ${f.topology} gives tasks no public IP (assignPublicIp DISABLED), and the network lacks VPC endpoints ${missing.join(', ')}; the internet gateway drops traffic from addresses without a public IP, so the task cannot pull its image (CannotPullContainerError) or ship logs. Fix: use topology PUBLIC_ONLY (assigns public IPs), or select private subnets as taskSubnets, or add the VPC endpoints.`;
}

/** A task in an isolated subnet needs the ECR, S3 and CloudWatch Logs endpoints. */
export function checkIsolatedSubnetEndpoints(f: TaskPlacementFacts): string | undefined {
  if (f.isolatedSubnets === 0) return undefined;
  const missing = CORE.filter(e => !f.endpoints.includes(e));
  if (missing.length === 0) return undefined;
  return `taskSubnets select ${f.isolatedSubnets} isolated subnet(s) (no NAT, no internet route) and the network lacks VPC endpoints ${missing.join(', ')}; such a task cannot pull its image (ECR_API, ECR_DOCKER, S3) or ship logs (CLOUDWATCH_LOGS). Fix: create the endpoints (FargateVpc with topology PRIVATE_ISOLATED does), declare them in FargateVpc.fromVpc({ endpointServices }), or select private subnets with a NAT route.`;
}

/** Secrets need a Secrets Manager / SSM path when tasks have no internet route. */
export function checkSecretEndpoints(f: TaskPlacementFacts, required: readonly string[]): string | undefined {
  if (!hasNoInternetRoute(f)) return undefined;
  const missing = required.filter(e => !f.endpoints.includes(e));
  if (missing.length === 0) return undefined;
  return `the task's containers read secrets through ${missing.join(', ')}, but its subnets have no internet route and the network lacks VPC endpoint(s) ${missing.join(', ')}; the task stops before starting with ResourceInitializationError. Fix: add them to the network, e.g. new FargateVpc(..., { additionalEndpoints: [VpcEndpointService.${missing.join(', VpcEndpointService.')}] }).`;
}

/** ECS Exec needs the `ssmmessages` endpoint when tasks have no internet route. */
export function checkExecEndpoint(enableExecuteCommand: boolean, f: TaskPlacementFacts): string | undefined {
  if (!enableExecuteCommand || !hasNoInternetRoute(f) || f.endpoints.includes('SSM_MESSAGES')) return undefined;
  return 'enableExecuteCommand is true, but the task subnets have no internet route and the network lacks the SSM_MESSAGES (ssmmessages) VPC endpoint; the ECS Exec agent cannot open its channel, so `aws ecs execute-command` fails. Fix: add it to the network, e.g. new FargateVpc(..., { additionalEndpoints: [VpcEndpointService.SSM_MESSAGES] }), or turn enableExecuteCommand off.';
}

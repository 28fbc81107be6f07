import { NO_INTERNET_TOPOLOGIES, missingCoreEndpoints } from './network-rules';

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

/** Whether tasks in this placement have no route to the internet (only VPC endpoints). */
export function hasNoInternetRoute(f: TaskPlacementFacts): boolean {
  return NO_INTERNET_TOPOLOGIES.includes(f.topology) || f.isolatedSubnets > 0 || (f.publicSubnets > 0 && !f.assignPublicIp);
}

/** A task in a public subnet without a public IP (and without endpoints) cannot pull its image. */
export function checkPublicSubnetPublicIp(f: TaskPlacementFacts): string | undefined {
  if (f.publicSubnets === 0 || f.assignPublicIp) return undefined;
  const missing = missingCoreEndpoints(f.endpoints);
  if (missing.length === 0) return undefined;
  return `[FGK-PUBLIC-SUBNET-PUBLIC-IP] taskSubnets select ${f.publicSubnets} public subnet(s) but topology ${f.topology} gives tasks no public IP (assignPublicIp DISABLED), and the network lacks VPC endpoints ${missing.join(', ')}; the internet gateway drops traffic from addresses without a public IP, so the task cannot pull its image (CannotPullContainerError) or ship logs. Fix: use topology PUBLIC_ONLY (assigns public IPs), or select private subnets as taskSubnets, or add the VPC endpoints.`;
}

/** A task in an isolated subnet needs the ECR, S3 and CloudWatch Logs endpoints. */
export function checkIsolatedSubnetEndpoints(f: TaskPlacementFacts): string | undefined {
  if (f.isolatedSubnets === 0) return undefined;
  const missing = missingCoreEndpoints(f.endpoints);
  if (missing.length === 0) return undefined;
  return `[FGK-ISOLATED-SUBNET-ENDPOINTS] taskSubnets select ${f.isolatedSubnets} isolated subnet(s) (no NAT, no internet route) and the network lacks VPC endpoints ${missing.join(', ')}; such a task cannot pull its image (ECR_API, ECR_DOCKER, S3) or ship logs (CLOUDWATCH_LOGS). Fix: create the endpoints (FargateVpc with topology PRIVATE_ISOLATED does), declare them in FargateVpc.fromVpc({ vpcEndpoints }), or select private subnets with a NAT route.`;
}

/** Secrets need a Secrets Manager / SSM path when tasks have no internet route. */
export function checkSecretEndpoints(f: TaskPlacementFacts, required: readonly string[]): string | undefined {
  if (!hasNoInternetRoute(f)) return undefined;
  const missing = required.filter(e => !f.endpoints.includes(e));
  if (missing.length === 0) return undefined;
  return `[FGK-SECRET-ENDPOINTS] the task's containers read secrets through ${missing.join(', ')}, but its subnets have no internet route and the network lacks VPC endpoint(s) ${missing.join(', ')}; the task stops before starting with ResourceInitializationError. Fix: add them to the network, e.g. new FargateVpc(..., { vpcEndpoints: [VpcEndpointService.${missing.join(', VpcEndpointService.')}] }).`;
}

/** ECS Exec needs the `ssmmessages` endpoint when tasks have no internet route. */
export function checkExecEndpoint(enableExecuteCommand: boolean, f: TaskPlacementFacts): string | undefined {
  if (!enableExecuteCommand || !hasNoInternetRoute(f) || f.endpoints.includes('SSM_MESSAGES')) return undefined;
  return '[FGK-EXEC-ENDPOINT] enableExecuteCommand is true, but the task subnets have no internet route and the network lacks the SSM_MESSAGES (ssmmessages) VPC endpoint; the ECS Exec agent cannot open its channel, so `aws ecs execute-command` fails. Fix: add it to the network, e.g. new FargateVpc(..., { vpcEndpoints: [VpcEndpointService.SSM_MESSAGES] }), or turn enableExecuteCommand off.';
}


import { Token } from 'aws-cdk-lib';
import { VpcEndpointService, VpcTopology } from '../network/topology';

/**
 * The endpoints a task needs when it has no route to the internet: ECR API and
 * Docker registry to pull, S3 for the image layers, CloudWatch Logs for awslogs.
 */
export const CORE_TASK_ENDPOINTS: readonly VpcEndpointService[] = [
  VpcEndpointService.ECR_API,
  VpcEndpointService.ECR_DOCKER,
  VpcEndpointService.S3,
  VpcEndpointService.CLOUDWATCH_LOGS,
];

/** `maxAzs` must be a whole number of at least 1. */
export function checkMaxAzs(maxAzs: number): string | undefined {
  if (Token.isUnresolved(maxAzs)) return undefined;
  if (!Number.isInteger(maxAzs) || maxAzs < 1) {
    return `maxAzs ${maxAzs} is not valid; a VPC needs at least one availability zone (a whole number >= 1). Fix: set maxAzs to 2 or more (2 is the default and the minimum for high availability).`;
  }
  return undefined;
}

/** NAT gateways exist only in `PRIVATE_WITH_NAT`, at least one and at most one per AZ. */
export function checkNatGateways(topology: VpcTopology, natGateways: number | undefined, azCount: number): string | undefined {
  if (natGateways === undefined || Token.isUnresolved(natGateways)) return undefined;
  if (topology !== VpcTopology.PRIVATE_WITH_NAT) {
    if (natGateways !== 0) {
      return `natGateways ${natGateways} is set but topology ${topology} has no NAT gateways (only PRIVATE_WITH_NAT routes tasks through NAT). Fix: remove natGateways, or use topology PRIVATE_WITH_NAT.`;
    }
    return undefined;
  }
  if (!Number.isInteger(natGateways) || natGateways < 1) {
    return `natGateways ${natGateways} leaves the private subnets of topology PRIVATE_WITH_NAT without a route to the internet, so tasks cannot pull images or ship logs. Fix: set natGateways between 1 and ${azCount} (1 is the cheapest, one per AZ survives an AZ outage), or use topology PRIVATE_ISOLATED (VPC endpoints instead of NAT).`;
  }
  if (natGateways > azCount) {
    return `natGateways ${natGateways} exceeds the ${azCount} availability zones of this VPC; a NAT gateway lives in one AZ's public subnet, so there can be at most one per AZ. Fix: set natGateways between 1 and ${azCount}, or raise maxAzs.`;
  }
  return undefined;
}

/** A network without a route to the internet must have the endpoints a task needs to start. */
export function checkEndpointsForTopology(topology: VpcTopology, endpoints: readonly VpcEndpointService[]): string | undefined {
  if (topology !== VpcTopology.PRIVATE_ISOLATED) return undefined;
  const missing = CORE_TASK_ENDPOINTS.filter(e => !endpoints.includes(e));
  if (missing.length > 0) {
    return `the network lacks VPC endpoints ${missing.join(', ')}; in topology PRIVATE_ISOLATED tasks have no route to the internet and can only pull images (ECR_API, ECR_DOCKER, S3) and ship logs (CLOUDWATCH_LOGS) through VPC endpoints. Fix: create those endpoints (FargateVpc does by default: leave vpcEndpoints on; for FargateVpc.fromVpc create them and declare them in endpointServices), or use topology PRIVATE_WITH_NAT.`;
  }
  return undefined;
}

/** A VPC CIDR block is IPv4 with a prefix between /16 and /28. */
export function checkVpcCidr(cidr: string | undefined): string | undefined {
  if (cidr === undefined || Token.isUnresolved(cidr)) return undefined;
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
  const octetsOk = m !== null && m.slice(1, 5).every(o => Number(o) <= 255);
  const prefix = m === null ? NaN : Number(m[5]);
  if (!octetsOk || prefix < 16 || prefix > 28) {
    return `cidr '${cidr}' is not a valid VPC block; a VPC's IPv4 CIDR must look like 10.0.0.0/16 with a prefix between /16 and /28. Fix: use a private range such as '10.0.0.0/16'.`;
  }
  return undefined;
}

import { Token } from 'aws-cdk-lib';
import { networkAddress, parseCidr } from './cidr';

// Rules see topologies and endpoint services by their names (the values of the
// `VpcTopology` and `VpcEndpointService` enums), so that validation/ imports nothing above it.

/**
 * The endpoints a task needs when it has no route to the internet: ECR API and
 * Docker registry to pull, S3 for the image layers, CloudWatch Logs for awslogs.
 * The one list of them: FargateVpc creates these, and every endpoint check uses it.
 */
export const CORE_TASK_ENDPOINTS: readonly string[] = ['ECR_API', 'ECR_DOCKER', 'S3', 'CLOUDWATCH_LOGS'];

/** The topologies whose tasks have no route to the internet (VPC endpoints only). */
export const NO_INTERNET_TOPOLOGIES: readonly string[] = ['PRIVATE_ISOLATED', 'ISOLATED_ONLY'];

/** The core endpoints missing from `endpoints`. */
export function missingCoreEndpoints(endpoints: readonly string[]): string[] {
  return CORE_TASK_ENDPOINTS.filter(e => !endpoints.includes(e));
}

/** `maxAzs` must be a whole number of at least 1. */
export function checkMaxAzs(maxAzs: number): string | undefined {
  if (Token.isUnresolved(maxAzs)) {
    return '[FGK-MAX-AZS] maxAzs is a token (e.g. a CfnParameter); the subnets, NAT gateways and route tables are laid out per AZ at synth, so the number must be known then. Fix: pass a number (read a context value or an environment variable at synth if it varies).';
  }
  if (!Number.isInteger(maxAzs) || maxAzs < 1) {
    return `[FGK-MAX-AZS] maxAzs ${maxAzs} is not valid; a VPC needs at least one availability zone (a whole number >= 1). Fix: set maxAzs to 2 or more (2 is the default and the minimum for high availability).`;
  }
  return undefined;
}

/** NAT gateways exist only in `PRIVATE_WITH_NAT`, at least one and at most one per AZ. */
export function checkNatGateways(topology: string, natGateways: number | undefined, azCount: number): string | undefined {
  if (natGateways === undefined) return undefined;
  if (Token.isUnresolved(natGateways)) {
    return '[FGK-NAT-GATEWAYS] natGateways is a token (e.g. a CfnParameter); NAT gateways and the private subnets\' default routes are laid out at synth, so the number must be known then (a token would leave the private subnets without a route). Fix: pass a number.';
  }
  if (topology !== 'PRIVATE_WITH_NAT') {
    if (natGateways !== 0) {
      return `[FGK-NAT-GATEWAYS] natGateways ${natGateways} is set but topology ${topology} has no NAT gateways (only PRIVATE_WITH_NAT routes tasks through NAT). Fix: remove natGateways, or use topology PRIVATE_WITH_NAT.`;
    }
    return undefined;
  }
  if (!Number.isInteger(natGateways) || natGateways < 1) {
    return `[FGK-NAT-GATEWAYS] natGateways ${natGateways} leaves the private subnets of topology PRIVATE_WITH_NAT without a route to the internet, so tasks cannot pull images or ship logs. Fix: set natGateways between 1 and ${azCount} (1 is the cheapest, one per AZ survives an AZ outage), or use topology PRIVATE_ISOLATED (VPC endpoints instead of NAT).`;
  }
  if (natGateways > azCount) {
    return `[FGK-NAT-GATEWAYS] natGateways ${natGateways} exceeds the ${azCount} availability zones of this VPC; a NAT gateway lives in one AZ's public subnet, so there can be at most one per AZ. Fix: set natGateways between 1 and ${azCount}, or raise maxAzs.`;
  }
  return undefined;
}

/** A network without a route to the internet must have the endpoints a task needs to start. */
export function checkEndpointsForTopology(topology: string, endpoints: readonly string[]): string | undefined {
  if (!NO_INTERNET_TOPOLOGIES.includes(topology)) return undefined;
  const missing = missingCoreEndpoints(endpoints);
  if (missing.length > 0) {
    return `[FGK-ENDPOINTS-FOR-TOPOLOGY] the network lacks VPC endpoints ${missing.join(', ')}; in topology ${topology} tasks have no route to the internet and can only pull images (ECR_API, ECR_DOCKER, S3) and ship logs (CLOUDWATCH_LOGS) through VPC endpoints. Fix: create those endpoints and declare them in FargateVpc.fromVpc({ vpcEndpoints }) (FargateVpc creates them by itself), or use topology PRIVATE_WITH_NAT.`;
  }
  return undefined;
}

/**
 * A VPC CIDR block is an IPv4 network address (no host bits) with a prefix between /16 and
 * /28, large enough for `subnetCount` subnets of at least /28 each.
 */
export function checkVpcCidr(cidr: string | undefined, subnetCount = 1): string | undefined {
  if (cidr === undefined) return undefined;
  if (Token.isUnresolved(cidr)) {
    return '[FGK-VPC-CIDR] cidr is a token (e.g. a CfnParameter); the subnets are carved out of the block at synth, so it must be known then. Fix: pass a literal block such as \'10.0.0.0/16\'.';
  }
  const parsed = parseCidr(cidr);
  if (parsed === undefined || parsed.version !== 4 || parsed.prefix < 16 || parsed.prefix > 28) {
    return `[FGK-VPC-CIDR] cidr '${cidr}' is not a valid VPC block; a VPC's IPv4 CIDR must look like 10.0.0.0/16 with a prefix between /16 and /28. Fix: use a private range such as '10.0.0.0/16'.`;
  }
  const network = networkAddress(cidr);
  if (network !== undefined && network !== cidr.split('/')[0]) {
    return `[FGK-VPC-CIDR] cidr '${cidr}' has host bits set; the VPC would silently become ${network}/${parsed.prefix}. Fix: write the network address, '${network}/${parsed.prefix}'.`;
  }
  const bitsForSubnets = Math.ceil(Math.log2(Math.max(1, subnetCount)));
  if (parsed.prefix + bitsForSubnets > 28) {
    return `[FGK-VPC-CIDR] cidr '${cidr}' is too small for the ${subnetCount} subnets of this layout (one per subnet group and AZ, each at least /28, so at most /${28 - bitsForSubnets}). Fix: use a larger block such as '10.0.0.0/16', or fewer AZs.`;
  }
  return undefined;
}

import { Token } from 'aws-cdk-lib';
import { networkAddress, parseCidr } from './cidr';
import { Finding, defineRule, defineRuleOfKinds } from './rule';

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

/** FGK-MAX-AZS: maxAzs is a whole number >= 1 known at synth. */
export const MAX_AZS = defineRuleOfKinds({
  id: 'FGK-MAX-AZS',
  acknowledgeable: false,
  checkedBy: 'FargateVpc',
  fact: 'maxAzs is a whole number >= 1 known at synth: the subnets, NAT gateways and routes are laid out per AZ at synth.',
  source: 'https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html',
  kinds: {
    token: {
      message: () => 'maxAzs is a token (e.g. a CfnParameter); the subnets, NAT gateways and route tables are laid out per AZ at synth, so the number must be known then.',
      fix: () => 'pass a number (read a context value or an environment variable at synth if it varies).',
    },
    value: {
      message: (d: { maxAzs: number }) => `maxAzs ${d.maxAzs} is not valid; a VPC needs at least one availability zone (a whole number >= 1).`,
      fix: () => 'set maxAzs to 2 or more (2 is the default and the minimum for high availability).',
    },
  },
  examples: {
    nonCompliant: 'new FargateVpc(stack, \'AppVpc\', { maxAzs: 0 });',
    compliant: 'new FargateVpc(stack, \'AppVpc\', { maxAzs: 2 });',
  },
});

/** `maxAzs` must be a whole number of at least 1. */
export function checkMaxAzs(maxAzs: number): Finding {
  if (Token.isUnresolved(maxAzs)) return MAX_AZS.problem('token', undefined);
  if (!Number.isInteger(maxAzs) || maxAzs < 1) return MAX_AZS.problem('value', { maxAzs });
  return undefined;
}

/** FGK-NAT-GATEWAYS: NAT gateways only in PRIVATE_WITH_NAT, 1 to one per AZ. */
export const NAT_GATEWAYS = defineRuleOfKinds({
  id: 'FGK-NAT-GATEWAYS',
  acknowledgeable: false,
  checkedBy: 'FargateVpc',
  fact: 'NAT gateways exist only in PRIVATE_WITH_NAT, 1 to one per AZ (a NAT gateway lives in one AZ\'s public subnet), known at synth: otherwise private subnets have no default route.',
  source: 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html',
  kinds: {
    token: {
      message: () => 'natGateways is a token (e.g. a CfnParameter); NAT gateways and the private subnets\' default routes are laid out at synth, so the number must be known then (a token would leave the private subnets without a route).',
      fix: () => 'pass a number.',
    },
    notNat: {
      message: (d: { natGateways: number; topology: string }) =>
        `natGateways ${d.natGateways} is set but topology ${d.topology} has no NAT gateways (only PRIVATE_WITH_NAT routes tasks through NAT).`,
      fix: () => 'remove natGateways, or use topology PRIVATE_WITH_NAT.',
    },
    none: {
      message: (d: { natGateways: number }) =>
        `natGateways ${d.natGateways} leaves the private subnets of topology PRIVATE_WITH_NAT without a route to the internet, so tasks cannot pull images or ship logs.`,
      fix: (d: { azCount: number }) =>
        `set natGateways between 1 and ${d.azCount} (1 is the cheapest, one per AZ survives an AZ outage), or use topology PRIVATE_ISOLATED (VPC endpoints instead of NAT).`,
    },
    tooMany: {
      message: (d: { natGateways: number; azCount: number }) =>
        `natGateways ${d.natGateways} exceeds the ${d.azCount} availability zones of this VPC; a NAT gateway lives in one AZ's public subnet, so there can be at most one per AZ.`,
      fix: (d: { azCount: number }) => `set natGateways between 1 and ${d.azCount}, or raise maxAzs.`,
    },
  },
  examples: {
    nonCompliant: 'new FargateVpc(stack, \'AppVpc\', { topology: VpcTopology.PRIVATE_WITH_NAT, natGateways: 0 });',
    compliant: 'new FargateVpc(stack, \'AppVpc\', { topology: VpcTopology.PRIVATE_WITH_NAT, natGateways: 1 });',
  },
});

/** NAT gateways exist only in `PRIVATE_WITH_NAT`, at least one and at most one per AZ. */
export function checkNatGateways(topology: string, natGateways: number | undefined, azCount: number): Finding {
  if (natGateways === undefined) return undefined;
  if (Token.isUnresolved(natGateways)) return NAT_GATEWAYS.problem('token', undefined);
  if (topology !== 'PRIVATE_WITH_NAT') return natGateways !== 0 ? NAT_GATEWAYS.problem('notNat', { natGateways, topology }) : undefined;
  if (!Number.isInteger(natGateways) || natGateways < 1) return NAT_GATEWAYS.problem('none', { natGateways, azCount });
  if (natGateways > azCount) return NAT_GATEWAYS.problem('tooMany', { natGateways, azCount });
  return undefined;
}

/** FGK-ENDPOINTS-FOR-TOPOLOGY: a network without internet route has the core endpoints. */
export const ENDPOINTS_FOR_TOPOLOGY = defineRule<{ missing: readonly string[]; topology: string }>({
  id: 'FGK-ENDPOINTS-FOR-TOPOLOGY',
  acknowledgeable: false,
  checkedBy: 'FargateVpc, FargateVpc.fromVpc',
  fact: 'A network without an internet route has the ECR API, ECR Docker, S3 and CloudWatch Logs endpoints, or tasks cannot pull images or ship logs.',
  source: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html',
  message: d => `the network lacks VPC endpoints ${d.missing.join(', ')}; in topology ${d.topology} tasks have no route to the internet and can only pull images (ECR_API, ECR_DOCKER, S3) and ship logs (CLOUDWATCH_LOGS) through VPC endpoints.`,
  fix: () => 'create those endpoints and declare them in FargateVpc.fromVpc({ vpcEndpoints }) (FargateVpc creates them by itself), or use topology PRIVATE_WITH_NAT.',
  examples: {
    nonCompliant: `const vpc = ec2.Vpc.fromVpcAttributes(stack, 'IsolatedVpc', {
  vpcId: 'vpc-0fedcba9876543210',
  availabilityZones: ['us-east-1a', 'us-east-1b'],
  isolatedSubnetIds: ['subnet-0isolated1', 'subnet-0isolated2'],
  isolatedSubnetRouteTableIds: ['rtb-0isolated1', 'rtb-0isolated2'],
});
FargateVpc.fromVpc(stack, 'IsolatedNetwork', { vpc, topology: VpcTopology.ISOLATED_ONLY });`,
    compliant: `const vpc = ec2.Vpc.fromVpcAttributes(stack, 'IsolatedVpc', {
  vpcId: 'vpc-0fedcba9876543210',
  availabilityZones: ['us-east-1a', 'us-east-1b'],
  isolatedSubnetIds: ['subnet-0isolated1', 'subnet-0isolated2'],
  isolatedSubnetRouteTableIds: ['rtb-0isolated1', 'rtb-0isolated2'],
});
FargateVpc.fromVpc(stack, 'IsolatedNetwork', {
  vpc,
  topology: VpcTopology.ISOLATED_ONLY,
  // the endpoints that exist in this VPC
  vpcEndpoints: [VpcEndpointService.ECR_API, VpcEndpointService.ECR_DOCKER, VpcEndpointService.S3, VpcEndpointService.CLOUDWATCH_LOGS],
});`,
  },
});

/** A network without a route to the internet must have the endpoints a task needs to start. */
export function checkEndpointsForTopology(topology: string, endpoints: readonly string[]): Finding {
  if (!NO_INTERNET_TOPOLOGIES.includes(topology)) return undefined;
  const missing = missingCoreEndpoints(endpoints);
  return missing.length > 0 ? ENDPOINTS_FOR_TOPOLOGY.problem({ missing, topology }) : undefined;
}

/** FGK-VPC-CIDR: the VPC block is a valid IPv4 network large enough for the layout. */
export const VPC_CIDR = defineRuleOfKinds({
  id: 'FGK-VPC-CIDR',
  acknowledgeable: true,
  checkedBy: 'FargateVpc',
  fact: 'The VPC block is an IPv4 network address (no host bits) with a prefix /16 to /28, large enough for every subnet of the layout.',
  source: 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html',
  kinds: {
    token: {
      message: () => 'cidr is a token (e.g. a CfnParameter); the subnets are carved out of the block at synth, so it must be known then.',
      fix: () => 'pass a literal block such as \'10.0.0.0/16\'.',
    },
    invalid: {
      message: (d: { cidr: string }) => `cidr '${d.cidr}' is not a valid VPC block; a VPC's IPv4 CIDR must look like 10.0.0.0/16 with a prefix between /16 and /28.`,
      fix: () => 'use a private range such as \'10.0.0.0/16\'.',
    },
    hostBits: {
      message: (d: { cidr: string; network: string; prefix: number }) =>
        `cidr '${d.cidr}' has host bits set; the VPC would silently become ${d.network}/${d.prefix}.`,
      fix: (d: { network: string; prefix: number }) => `write the network address, '${d.network}/${d.prefix}'.`,
    },
    tooSmall: {
      message: (d: { cidr: string; subnetCount: number; largest: number }) =>
        `cidr '${d.cidr}' is too small for the ${d.subnetCount} subnets of this layout (one per subnet group and AZ, each at least /28, so at most /${d.largest}).`,
      fix: () => 'use a larger block such as \'10.0.0.0/16\', or fewer AZs.',
    },
  },
  examples: {
    nonCompliant: 'new FargateVpc(stack, \'AppVpc\', { cidr: \'10.0.1.0/16\' });',
    compliant: 'new FargateVpc(stack, \'AppVpc\', { cidr: \'10.0.0.0/16\' });',
  },
});

/**
 * A VPC CIDR block is an IPv4 network address (no host bits) with a prefix between /16 and
 * /28, large enough for `subnetCount` subnets of at least /28 each.
 */
export function checkVpcCidr(cidr: string | undefined, subnetCount = 1): Finding {
  if (cidr === undefined) return undefined;
  if (Token.isUnresolved(cidr)) return VPC_CIDR.problem('token', undefined);
  const parsed = parseCidr(cidr);
  if (parsed === undefined || parsed.version !== 4 || parsed.prefix < 16 || parsed.prefix > 28) return VPC_CIDR.problem('invalid', { cidr });
  const network = networkAddress(cidr);
  if (network !== undefined && network !== cidr.split('/')[0]) return VPC_CIDR.problem('hostBits', { cidr, network, prefix: parsed.prefix });
  const bitsForSubnets = Math.ceil(Math.log2(Math.max(1, subnetCount)));
  if (parsed.prefix + bitsForSubnets > 28) return VPC_CIDR.problem('tooSmall', { cidr, subnetCount, largest: 28 - bitsForSubnets });
  return undefined;
}

/** FGK-SUBNET-SELECTION: an imported network's selections name subnets of its VPC. */
export const SUBNET_SELECTION = defineRuleOfKinds({
  id: 'FGK-SUBNET-SELECTION',
  acknowledgeable: false,
  checkedBy: 'FargateVpc.fromVpc',
  fact: 'taskSubnets and loadBalancerSubnets select at least one subnet of the VPC.',
  source: 'https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html',
  kinds: {
    refused: {
      message: (d: { prop: string; selection: string; vpc: string; reason: string }) =>
        `${d.prop} ${d.selection} selects no subnets of VPC ${d.vpc} (${d.reason}).`,
      fix: (d: { prop: string }) => `pass ${d.prop} that names subnets the VPC has, e.g. { subnetGroupName: '...' } or { subnets: [...] }.`,
    },
    empty: {
      message: (d: { prop: string; selection: string; vpc: string }) =>
        `${d.prop} ${d.selection} selects no subnets of VPC ${d.vpc}; tasks and load balancers need at least one subnet.`,
      fix: (d: { prop: string }) => `pass ${d.prop} that names subnets the VPC has.`,
    },
  },
  examples: {
    nonCompliant: `// network.vpc has the subnet groups 'Public' and 'Private'
FargateVpc.fromVpc(stack, 'SharedNetwork', {
  vpc: network.vpc,
  topology: VpcTopology.PRIVATE_WITH_NAT,
  taskSubnets: { subnetGroupName: 'App' },
});`,
    compliant: `// network.vpc has the subnet groups 'Public' and 'Private'
FargateVpc.fromVpc(stack, 'SharedNetwork', {
  vpc: network.vpc,
  topology: VpcTopology.PRIVATE_WITH_NAT,
  taskSubnets: { subnetGroupName: 'Private' },
});`,
  },
});

/** FGK-VPC-FEWER-AZS (warning): the VPC spans fewer AZs than asked. */
export const VPC_FEWER_AZS = defineRule<{ maxAzs: number; knownAzs: number }>({
  id: 'FGK-VPC-FEWER-AZS',
  severity: 'warning',
  acknowledgeable: true,
  checkedBy: 'FargateVpc',
  fact: 'A VPC spans the AZs its stack knows: maxAzs above them gives fewer AZs than asked (an environment-agnostic stack knows 2).',
  source: 'https://docs.aws.amazon.com/cdk/v2/guide/environments.html',
  message: d => `maxAzs ${d.maxAzs} but the stack knows only ${d.knownAzs} availability zones, so the VPC spans ${d.knownAzs}.`,
  fix: d => `set the stack's env (account and region) so all AZs are known, or lower maxAzs to ${d.knownAzs}.`,
  examples: {
    nonCompliant: `// no env: the stack knows 2 AZs only
const vpcStack = new Stack(app, 'VpcStack');
new FargateVpc(vpcStack, 'AppVpc', { maxAzs: 3 });`,
    compliant: `// with env: the stack knows every AZ of the region
const vpcStack = new Stack(app, 'VpcStack', { env: { account: '123456789012', region: 'us-east-1' } });
new FargateVpc(vpcStack, 'AppVpc', { maxAzs: 3 });`,
  },
});

import { Token } from 'aws-cdk-lib';
import { Finding, defineRuleOfKinds } from './rule';

/**
 * The stable subnet layout of a FargateVpc: every availability zone has a fixed slot in each
 * subnet group, so adding AZs appends subnets and never re-cuts existing ones.
 * Task subnets are 1/16 of the VPC each (a /20 in a /16), load-balancer-only public subnets
 * 1/64 (a /22 in a /16); room for `SUBNET_LAYOUT_AZ_ROOM` AZs.
 */
export const SUBNET_LAYOUT_AZ_ROOM = 8;
/** Extra prefix bits of a task subnet over the VPC's prefix (1/16 of the VPC). */
export const TASK_SUBNET_BITS = 4;
/** Extra prefix bits of a load-balancer-only public subnet over the VPC's prefix (1/64 of the VPC). */
export const LB_SUBNET_BITS = 6;
/** The smallest subnet an Application Load Balancer accepts (/27). */
export const MAX_LB_SUBNET_PREFIX = 27;
/** The smallest subnet a VPC accepts (/28). */
export const MAX_SUBNET_PREFIX = 28;

/** FGK-SUBNET-LAYOUT: the subnet layout has room for every AZ and fits the VPC. */
export const SUBNET_LAYOUT = defineRuleOfKinds({
  id: 'FGK-SUBNET-LAYOUT',
  acknowledgeable: true,
  checkedBy: 'FargateVpc',
  fact: `Every AZ has a fixed subnet slot (room for ${SUBNET_LAYOUT_AZ_ROOM} AZs) so that adding AZs never re-cuts subnets; a load balancer subnet is /${MAX_LB_SUBNET_PREFIX} or larger.`,
  source: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#subnets-load-balancer',
  kinds: {
    azRoom: {
      message: (d: { maxAzs: number }) =>
        `maxAzs ${d.maxAzs} exceeds the subnet layout's room; FargateVpc gives every AZ a fixed slot so that adding AZs never re-cuts subnets, and has slots for ${SUBNET_LAYOUT_AZ_ROOM} AZs.`,
      fix: () => `set maxAzs to ${SUBNET_LAYOUT_AZ_ROOM} or fewer, or lay out an ec2.Vpc yourself and use FargateVpc.fromVpc.`,
    },
    tooSmall: {
      message: (d: { vpcPrefix: number; taskPrefix: number; lbPrefix: number }) =>
        `cidr /${d.vpcPrefix} is too small for the subnet layout; with room for ${SUBNET_LAYOUT_AZ_ROOM} AZs its subnets would be /${d.taskPrefix} (tasks) and /${d.lbPrefix} (load balancers), and a load balancer's subnet must be /${MAX_LB_SUBNET_PREFIX} or larger.`,
      fix: (d: { maxVpcPrefix: number }) => `use a VPC of /${d.maxVpcPrefix} or larger, e.g. '10.0.0.0/16'.`,
    },
  },
  examples: {
    nonCompliant: 'new FargateVpc(stack, \'AppVpc\', { cidr: \'10.0.0.0/24\' });',
    compliant: 'new FargateVpc(stack, \'AppVpc\', { cidr: \'10.0.0.0/21\' });',
  },
});

/**
 * The layout must have room for `maxAzs` AZs, and the VPC must be large enough for its
 * subnets (`lbOnlyGroup`: there is a public group that holds only load balancers).
 */
export function checkSubnetLayoutRoom(maxAzs: number, vpcPrefix: number, lbOnlyGroup: boolean): Finding {
  if (Token.isUnresolved(maxAzs)) return undefined;
  if (maxAzs > SUBNET_LAYOUT_AZ_ROOM) return SUBNET_LAYOUT.problem('azRoom', { maxAzs });
  const taskPrefix = vpcPrefix + TASK_SUBNET_BITS;
  const lbPrefix = lbOnlyGroup ? vpcPrefix + LB_SUBNET_BITS : taskPrefix;
  if (taskPrefix > MAX_SUBNET_PREFIX || lbPrefix > MAX_LB_SUBNET_PREFIX) {
    const maxVpcPrefix = lbOnlyGroup ? MAX_LB_SUBNET_PREFIX - LB_SUBNET_BITS : MAX_LB_SUBNET_PREFIX - TASK_SUBNET_BITS;
    return SUBNET_LAYOUT.problem('tooSmall', { vpcPrefix, taskPrefix, lbPrefix, maxVpcPrefix });
  }
  return undefined;
}

import { Token } from 'aws-cdk-lib';

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

/**
 * The layout must have room for `maxAzs` AZs, and the VPC must be large enough for its
 * subnets (`lbOnlyGroup`: there is a public group that holds only load balancers).
 */
export function checkSubnetLayoutRoom(maxAzs: number, vpcPrefix: number, lbOnlyGroup: boolean): string | undefined {
  if (Token.isUnresolved(maxAzs)) return undefined;
  if (maxAzs > SUBNET_LAYOUT_AZ_ROOM) {
    return `[FGK-SUBNET-LAYOUT] maxAzs ${maxAzs} exceeds the subnet layout's room; FargateVpc gives every AZ a fixed slot so that adding AZs never re-cuts subnets, and has slots for ${SUBNET_LAYOUT_AZ_ROOM} AZs. Fix: set maxAzs to ${SUBNET_LAYOUT_AZ_ROOM} or fewer, or lay out an ec2.Vpc yourself and use FargateVpc.fromVpc.`;
  }
  const taskPrefix = vpcPrefix + TASK_SUBNET_BITS;
  const lbPrefix = lbOnlyGroup ? vpcPrefix + LB_SUBNET_BITS : taskPrefix;
  if (taskPrefix > MAX_SUBNET_PREFIX || lbPrefix > MAX_LB_SUBNET_PREFIX) {
    const maxVpcPrefix = lbOnlyGroup ? MAX_LB_SUBNET_PREFIX - LB_SUBNET_BITS : MAX_LB_SUBNET_PREFIX - TASK_SUBNET_BITS;
    return `[FGK-SUBNET-LAYOUT] cidr /${vpcPrefix} is too small for the subnet layout; with room for ${SUBNET_LAYOUT_AZ_ROOM} AZs its subnets would be /${taskPrefix} (tasks) and /${lbPrefix} (load balancers), and a load balancer's subnet must be /${MAX_LB_SUBNET_PREFIX} or larger. Fix: use a VPC of /${maxVpcPrefix} or larger, e.g. '10.0.0.0/16'.`;
  }
  return undefined;
}

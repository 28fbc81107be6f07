import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { VpcTopology } from './topology';

/** The subnet type tasks run in, per topology. */
export function defaultTaskSubnets(topology: VpcTopology): ec2.SubnetSelection {
  switch (topology) {
    case VpcTopology.PUBLIC_ONLY:
      return { subnetType: ec2.SubnetType.PUBLIC };
    case VpcTopology.PRIVATE_WITH_NAT:
      return { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS };
    case VpcTopology.PRIVATE_ISOLATED:
    case VpcTopology.ISOLATED_ONLY:
      return { subnetType: ec2.SubnetType.PRIVATE_ISOLATED };
  }
}

/**
 * Load balancers go in the public subnets (internet-facing ones), except in
 * `ISOLATED_ONLY`, which has none: there they are internal, in the isolated subnets.
 */
export function defaultLoadBalancerSubnets(topology: VpcTopology): ec2.SubnetSelection {
  return topology === VpcTopology.ISOLATED_ONLY ? { subnetType: ec2.SubnetType.PRIVATE_ISOLATED } : { subnetType: ec2.SubnetType.PUBLIC };
}

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
      return { subnetType: ec2.SubnetType.PRIVATE_ISOLATED };
  }
}

/** Internet-facing load balancers always go in the public subnets. */
export function defaultLoadBalancerSubnets(): ec2.SubnetSelection {
  return { subnetType: ec2.SubnetType.PUBLIC };
}

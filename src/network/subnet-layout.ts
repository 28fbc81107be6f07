import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { LB_SUBNET_BITS, TASK_SUBNET_BITS } from '../validation/layout-rules';

/** The name of the subnet group that holds only load balancers (public, beside private task subnets). */
export const LB_ONLY_GROUP = 'Public';

/**
 * An `ec2.IIpAddresses` that gives every availability zone a fixed slot in each subnet group:
 * the task group (the first group) takes the first half of the VPC in /(P+4) slots, a
 * load-balancer-only public group the next eighth in /(P+6) slots. Subnet `i` of a group is
 * always the same block, so raising `maxAzs` only appends subnets.
 */
export class StableSubnetLayout implements ec2.IIpAddresses {
  private readonly inner: ec2.IIpAddresses;

  constructor(private readonly cidr: string) {
    this.inner = ec2.IpAddresses.cidr(cidr);
  }

  public allocateVpcCidr(): ec2.VpcIpamOptions {
    return this.inner.allocateVpcCidr();
  }

  public allocateSubnetsCidr(input: ec2.AllocateCidrRequest): ec2.SubnetIpamOptions {
    const [address, prefixText] = this.cidr.split('/');
    const prefix = Number(prefixText);
    const base = address.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
    const vpcSize = 2 ** (32 - prefix);
    const seen = new Map<string, number>();
    const allocatedSubnets = input.requestedSubnets.map(req => {
      const group = req.configuration.name;
      const azIndex = seen.get(group) ?? 0;
      seen.set(group, azIndex + 1);
      const lbOnly = group === LB_ONLY_GROUP && req.configuration.subnetType === ec2.SubnetType.PUBLIC
        && input.requestedSubnets.some(r => r.configuration.name !== LB_ONLY_GROUP);
      const bits = lbOnly ? LB_SUBNET_BITS : TASK_SUBNET_BITS;
      const size = vpcSize / 2 ** bits;
      const start = base + (lbOnly ? vpcSize / 2 : 0) + azIndex * size;
      return { cidr: `${toDotted(start)}/${prefix + bits}` };
    });
    return { allocatedSubnets };
  }
}

function toDotted(n: number): string {
  return [24, 16, 8, 0].map(shift => Math.floor(n / 2 ** shift) % 256).join('.');
}

import { Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { FargateVpc, VpcTopology } from '../../src';

/**
 * Scorekeep — the seed's flagship app in the default topology: tasks in private subnets
 * behind one NAT gateway per AZ, load balancer in the public subnets.
 */
export class ScorekeepStack extends Stack {
  /** The network. */
  public readonly network: FargateVpc;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    this.network = new FargateVpc(this, 'Network', { topology: VpcTopology.PRIVATE_WITH_NAT });
  }
}

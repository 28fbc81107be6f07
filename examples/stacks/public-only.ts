import { Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { FargateVpc, VpcTopology } from '../../src';

/**
 * PublicOnly — the whole task public, as the seed describes it: public subnets only,
 * tasks get a public IP, no NAT gateway (the cheapest layout).
 */
export class PublicOnlyStack extends Stack {
  /** The network. */
  public readonly network: FargateVpc;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    this.network = new FargateVpc(this, 'Network', { topology: VpcTopology.PUBLIC_ONLY });
  }
}

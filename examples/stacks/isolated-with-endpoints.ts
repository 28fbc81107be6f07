import { Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { FargateVpc, VpcTopology } from '../../src';

/**
 * IsolatedWithEndpoints — no NAT and no internet route for tasks: they reach ECR, S3 and
 * CloudWatch Logs through VPC endpoints; public subnets hold only load balancers.
 */
export class IsolatedWithEndpointsStack extends Stack {
  /** The network. */
  public readonly network: FargateVpc;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    this.network = new FargateVpc(this, 'Network', { topology: VpcTopology.PRIVATE_ISOLATED });
  }
}

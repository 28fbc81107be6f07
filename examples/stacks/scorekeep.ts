import { Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { buildScorekeepTaskDef } from './scorekeep-task';
import { FargateTaskDef, FargateVpc, VpcTopology } from '../../src';

/**
 * Scorekeep — the seed's flagship app in the default topology: tasks in private subnets
 * behind one NAT gateway per AZ, load balancer in the public subnets; one task holds the
 * web (8080) and API (5000) containers, talking over localhost.
 */
export class ScorekeepStack extends Stack {
  /** The network. */
  public readonly network: FargateVpc;
  /** The scorekeep task definition (frontend + API containers). */
  public readonly taskDef: FargateTaskDef;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    this.network = new FargateVpc(this, 'Network', { topology: VpcTopology.PRIVATE_WITH_NAT });
    this.taskDef = buildScorekeepTaskDef(this, 'Task');
  }
}

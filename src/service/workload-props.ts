import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { IFargateNetwork } from '../network/network';
import { FargateTaskDef } from '../task/fargate-task-def';

/**
 * What every Fargate workload of this library (service or task) runs, and where.
 */
export interface FargateWorkloadProps {
  /** The network the tasks run in (a `FargateVpc` or `FargateVpc.fromVpc`). */
  readonly network: IFargateNetwork;
  /** The task definition to run. */
  readonly taskDef: FargateTaskDef;
  /**
   * The ECS cluster.
   * @default - a new cluster in the network's VPC with Container Insights on
   */
  readonly cluster?: ecs.ICluster;
  /**
   * Security groups to attach in addition to the workload's own one.
   * @default - only its own security group (no ingress, all egress)
   */
  readonly securityGroups?: ec2.ISecurityGroup[];
  /**
   * The Fargate platform version.
   * @default ecs.FargatePlatformVersion.LATEST
   */
  readonly platformVersion?: ecs.FargatePlatformVersion;
}

import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { IFargateEnvironment } from '../environment/environment';
import { IFargateNetwork } from '../network/network';
import { IFargateTaskDef } from '../task/task-def';

/**
 * What every Fargate workload of this library (service or task) runs, and where.
 */
export interface FargateWorkloadProps {
  /**
   * The network the tasks run in (a `FargateVpc` or `FargateVpc.fromVpc`).
   * @default - the environment's network (one of `network` and `environment` is required)
   */
  readonly network?: IFargateNetwork;
  /**
   * The environment the workload joins: it runs in the environment's network and cluster, can
   * join its shared load balancer (`AlbFront`) and use its Service Connect namespace.
   * @default - no environment: `network` is required
   * @experimental
   */
  readonly environment?: IFargateEnvironment;
  /** The task definition to run. */
  readonly taskDef: IFargateTaskDef;
  /**
   * The ECS cluster.
   * @default - the environment's cluster with `environment`; the network's shared cluster
   * with `sharedCluster` (deprecated); else a new cluster of this workload's own in the
   * network's VPC with Container Insights on
   */
  readonly cluster?: ecs.ICluster;
  /**
   * Run in the network's shared cluster instead of a cluster of its own: one cluster
   * (Container Insights on) created once, as the child `SharedCluster` of the network
   * construct, by the first workload that asks for it, and used by every workload of that
   * network that sets `sharedCluster`. Cannot be combined with `cluster`.
   * @default false
   * @deprecated Use `environment` instead: a `FargateEnvironment` over this network
   * (`new FargateEnvironment(this, 'Env', { network })`) gives its workloads one cluster too,
   * and can add a shared load balancer and Service Connect. Moving replaces the cluster: the
   * environment creates its own, and CloudFormation replaces every ECS service that ran in the
   * shared one (a service cannot change cluster in place; one with a fixed `serviceName` fails
   * to be replaced). To keep the deployed cluster and services, give the environment's cluster
   * and its capacity provider association the logical IDs of the shared ones with
   * `Stack.renameLogicalId` (docs/changes.md). `sharedCluster` keeps working until the next
   * major release and is not removed before `FargateEnvironment` is stable.
   */
  readonly sharedCluster?: boolean;
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

import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';
import { IFargateEnvironment } from '../environment/environment';
import { IFargateNetwork } from '../network/network';
import { containerImagesOf } from '../task/containers';
import { IFargateTaskDef } from '../task/task-def';
import { ownTaskDefinition, platformOf, taskDefinitionOf } from '../task/task-definition-of';
import { reportAtSynth, reportProblems } from '../validation/errors';
import { checkImageRegistries } from '../validation/image-rules';
import {
  TaskPlacementFacts, checkExecEndpoint, checkIsolatedSubnetEndpoints, checkPublicSubnetPublicIp, checkSecretEndpoints,
} from '../validation/placement-rules';
import { checkPlatformFeatures, checkPlatformForCpu, isBeforePlatform14 } from '../validation/service-rules';

/** Where the tasks of a service or one-off task run. */
export interface TaskPlacement {
  /** The selected task subnets. */
  readonly subnets: ec2.SelectedSubnets;
  /** Whether tasks get a public IP. */
  readonly assignPublicIp: boolean;
  /** The facts the placement rules check. */
  readonly facts: TaskPlacementFacts;
}

/** Selects the network's task subnets and classifies them as public / isolated. */
export function resolvePlacement(network: IFargateNetwork): TaskPlacement {
  const subnets = network.vpc.selectSubnets(network.taskSubnets);
  const ids = (xs: ec2.ISubnet[]) => new Set(xs.map(s => s.subnetId));
  const publicIds = ids(network.vpc.publicSubnets);
  const isolatedIds = ids(network.vpc.isolatedSubnets);
  return {
    subnets,
    assignPublicIp: network.assignPublicIp,
    facts: {
      topology: network.topology,
      publicSubnets: subnets.subnetIds.filter(id => publicIds.has(id)).length,
      isolatedSubnets: subnets.subnetIds.filter(id => isolatedIds.has(id)).length,
      assignPublicIp: network.assignPublicIp,
      endpoints: network.vpcEndpoints,
    },
  };
}

/** Options of `validatePlacement`. */
export interface PlacementChecks {
  /** The Fargate platform version. */
  readonly platformVersion?: ecs.FargatePlatformVersion;
  /** Whether ECS Exec is on. */
  readonly enableExecuteCommand?: boolean;
}

/**
 * Checks that tasks of `taskDef` can start in `placement`: throws for what is known now
 * (subnets, public IP, endpoints, platform) and adds a tree validation for the secrets and
 * images, which containers added later may bring.
 */
export function validatePlacement(
  constructType: string, scope: Construct, placement: TaskPlacement, taskDef: IFargateTaskDef, checks: PlacementChecks,
): void {
  const f = placement.facts;
  reportProblems(constructType, scope, [
    checkPublicSubnetPublicIp(f),
    checkIsolatedSubnetEndpoints(f),
    checkPlatformForCpu(taskDef.cpu, checks.platformVersion),
    checkExecEndpoint(checks.enableExecuteCommand ?? false, f),
  ]);
  // read at synth from the L2 task definition: containers and secrets added later count too
  reportAtSynth(constructType, scope, () => {
    const cfn = ownTaskDefinition(taskDef)?.node.defaultChild;
    return [
      checkSecretEndpoints(f, taskDef.requiredVpcEndpoints),
      ...checkImageRegistries(f, containerImagesOf(taskDefinitionOf(taskDef))),
      checkPlatformFeatures(checks.platformVersion, {
        arm64: platformOf(taskDef).architecture === 'ARM64',
        windows: taskDef.operatingSystemFamily.isWindows(),
        efs: taskDef.efsFileSystems.length > 0,
        ephemeralStorage: cfn instanceof ecs.CfnTaskDefinition && cfn.ephemeralStorage !== undefined,
      }),
    ];
  });
}

/** The construct ID of the network's shared cluster (a child of the network construct). */
export const SHARED_CLUSTER_ID = 'SharedCluster';

/**
 * The cluster a service or task runs in: the given one; or the network's shared cluster
 * (created under the network by the first workload that asks for it); or a new one of the
 * workload's own. Clusters created here are in the network's VPC with Container Insights on;
 * clusters of this app (created here or given as an `ecs.Cluster`) get the FARGATE and
 * FARGATE_SPOT capacity providers.
 */
export function clusterFor(
  scope: Construct, network: IFargateNetwork, cluster: ecs.ICluster | undefined, sharedCluster: boolean,
): ecs.ICluster {
  if (cluster === undefined && sharedCluster) {
    cluster = network.node.tryFindChild(SHARED_CLUSTER_ID) as ecs.Cluster | undefined
      ?? newCluster(network, SHARED_CLUSTER_ID, network);
  }
  if (cluster !== undefined) {
    // services always use a capacity provider strategy on a cluster of this app, so turning
    // Spot on or off later updates the strategy in place (a LaunchType change replaces the service)
    if (cluster instanceof ecs.Cluster) cluster.enableFargateCapacityProviders();
    return cluster;
  }
  return newCluster(scope, 'Cluster', network);
}

function newCluster(scope: Construct, id: string, network: IFargateNetwork): ecs.Cluster {
  return new ecs.Cluster(scope, id, {
    vpc: network.vpc,
    containerInsightsV2: ecs.ContainerInsights.ENABLED,
    enableFargateCapacityProviders: true,
  });
}

/**
 * Whether the cluster has the FARGATE and FARGATE_SPOT capacity providers: a cluster of this
 * app (they are added to it), or an environment's (which always has them).
 */
export function hasFargateCapacityProviders(cluster: ecs.ICluster, environment: IFargateEnvironment | undefined): boolean {
  return cluster instanceof ecs.Cluster || (environment?.fargateCapacityProviders ?? false);
}

/** The platform version, or LATEST when aws-cdk-lib would throw on it (ephemeral storage before 1.4.0; FGK-PLATFORM-FEATURES reports it). */
export function safePlatformVersion(
  platformVersion: ecs.FargatePlatformVersion | undefined, taskDefinition: ecs.ITaskDefinition,
): ecs.FargatePlatformVersion | undefined {
  const storage = taskDefinition instanceof ecs.FargateTaskDefinition && taskDefinition.ephemeralStorageGiB !== undefined;
  return storage && isBeforePlatform14(platformVersion) ? ecs.FargatePlatformVersion.LATEST : platformVersion;
}

import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';
import { TaskPlacement, clusterFor, resolvePlacement, validatePlacement } from './placement';
import { RunTaskTarget, runTaskCommand, runTaskNetworkConfigurationJson } from './run-task';
import { FargateWorkloadProps } from './workload-props';
import { checkEnvironmentReachable } from '../environment/reachability';
import { IFargateNetwork } from '../network/network';
import { ENVIRONMENT_CONFLICT, checkEnvironmentConflicts } from '../validation/environment-rules';
import { formatProblem, reportProblems } from '../validation/errors';
import { CLUSTER_CONFLICT } from '../validation/service-rules';

/**
 * The network of a workload: its environment's, else the one given. Neither is a mistake
 * no placeholder can stand in for (every resource needs the VPC), so it throws.
 */
export function workloadNetwork(constructType: string, scope: Construct, props: FargateWorkloadProps): IFargateNetwork {
  if (props.environment !== undefined) checkEnvironmentReachable(constructType, scope, props.environment);
  const network = props.environment?.network ?? props.network;
  if (network === undefined) {
    throw new Error(formatProblem(constructType, scope, ENVIRONMENT_CONFLICT.problem('noNetwork', undefined)));
  }
  return network;
}

/** The parts every workload (service or task) sets up the same way. */
export interface WorkloadBase extends RunTaskTarget {
  /** Where the tasks run. */
  readonly placement: TaskPlacement;
  /** The network the tasks run in. */
  readonly network: IFargateNetwork;
  /** The workload's own security group. */
  readonly securityGroup: ec2.SecurityGroup;
  /** The `aws ecs run-task` command. */
  readonly runTaskCommand: string;
  /** Its network configuration as JSON. */
  readonly runTaskNetworkConfiguration: string;
}

/**
 * Validates the placement, then creates (or takes) the cluster and the workload's own
 * security group, and builds its run-task command.
 */
export function setUpWorkload(
  constructType: string, scope: Construct, props: FargateWorkloadProps, opts: {
    /** Whether (part of) the tasks run on Spot: the cluster needs the Fargate capacity providers. */
    spot: boolean;
    /** The capacity provider strategy of the emitted run-task command (else launch type FARGATE). */
    runTaskStrategies?: ecs.CapacityProviderStrategy[];
    enableExecuteCommand?: boolean;
  },
): WorkloadBase {
  const network = workloadNetwork(constructType, scope, props);
  const env = props.environment;
  reportProblems(constructType, scope, [checkEnvironmentConflicts(env !== undefined,
    props.network !== undefined && props.network !== env?.network, props.cluster !== undefined, props.sharedCluster ?? false)]);
  const placement = resolvePlacement(network);
  validatePlacement(constructType, scope, placement, props.taskDef, {
    platformVersion: props.platformVersion,
    enableExecuteCommand: opts.enableExecuteCommand,
  });
  const clusterConflict = env === undefined && props.cluster !== undefined && (props.sharedCluster ?? false);
  reportProblems(constructType, scope, [clusterConflict ? CLUSTER_CONFLICT.problem() : undefined]);
  const cluster = env?.cluster
    ?? clusterFor(scope, network, props.cluster, props.cluster === undefined && (props.sharedCluster ?? false));
  const securityGroup = new ec2.SecurityGroup(scope, 'SecurityGroup', {
    vpc: network.vpc,
    // no construct path: a description change replaces the group, and paths change when code is refactored
    description: `Tasks of a ${constructType} (cdk-fargate-kit)`,
    allowAllOutbound: true,
  });
  // EFS volumes of the task need NFS (TCP 2049) from the tasks to the file system
  for (const fileSystem of props.taskDef.efsFileSystems) {
    fileSystem.connections.allowDefaultPortFrom(securityGroup, `NFS from the tasks of ${scope.node.path}`);
  }
  const target: RunTaskTarget = {
    cluster,
    family: props.taskDef.family,
    subnetIds: placement.subnets.subnetIds,
    securityGroups: [securityGroup, ...(props.securityGroups ?? [])],
    assignPublicIp: placement.assignPublicIp,
    platformVersion: props.platformVersion,
    capacityProviderStrategies: opts.runTaskStrategies,
  };
  return {
    ...target,
    network,
    placement,
    securityGroup,
    runTaskCommand: runTaskCommand(target),
    runTaskNetworkConfiguration: runTaskNetworkConfigurationJson(scope, target),
  };
}

import { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { IConstruct } from 'constructs';

/** What `aws ecs run-task` needs to start one task of a family in a network. */
export interface RunTaskTarget {
  /** The cluster to run in. */
  readonly cluster: ecs.ICluster;
  /** The task definition family (the latest ACTIVE revision runs). */
  readonly family: string;
  /** The task subnets. */
  readonly subnetIds: string[];
  /** The task's security groups. */
  readonly securityGroups: ec2.ISecurityGroup[];
  /** Whether the task gets a public IP. */
  readonly assignPublicIp: boolean;
  /** The platform version, when pinned. */
  readonly platformVersion?: ecs.FargatePlatformVersion;
  /** The capacity provider strategy, when (part of) the tasks run on Spot; else launch type FARGATE. */
  readonly capacityProviderStrategies?: ecs.CapacityProviderStrategy[];
}

/**
 * The copy-pasteable `aws ecs run-task` command. IDs are tokens: CloudFormation
 * resolves the string (an Fn::Join) to real subnet and security group IDs.
 */
export function runTaskCommand(t: RunTaskTarget): string {
  const subnets = t.subnetIds.join(',');
  const sgs = t.securityGroups.map(sg => sg.securityGroupId).join(',');
  const platform = t.platformVersion ? ` --platform-version ${t.platformVersion}` : '';
  const capacity = t.capacityProviderStrategies === undefined
    ? '--launch-type FARGATE'
    : `--capacity-provider-strategy ${t.capacityProviderStrategies.map(strategyArg).join(' ')}`;
  return `aws ecs run-task --cluster ${t.cluster.clusterName} --task-definition ${t.family} ${capacity}${platform}`
    + ` --network-configuration "awsvpcConfiguration={subnets=[${subnets}],securityGroups=[${sgs}],assignPublicIp=${publicIp(t)}}"`;
}

/** The same run as the JSON `networkConfiguration` of the ECS RunTask API (for SDK users). */
export function runTaskNetworkConfigurationJson(scope: IConstruct, t: RunTaskTarget): string {
  return Stack.of(scope).toJsonString({
    awsvpcConfiguration: {
      subnets: t.subnetIds,
      securityGroups: t.securityGroups.map(sg => sg.securityGroupId),
      assignPublicIp: publicIp(t),
    },
  });
}

function publicIp(t: RunTaskTarget): string {
  return t.assignPublicIp ? 'ENABLED' : 'DISABLED';
}

function strategyArg(s: ecs.CapacityProviderStrategy): string {
  return `capacityProvider=${s.capacityProvider},weight=${s.weight ?? 0}${s.base !== undefined ? `,base=${s.base}` : ''}`;
}

import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { IConstruct } from 'constructs';

/**
 * A long-running ECS service on Fargate: one of this app (`FargateService`) or one another
 * app owns (`FargateService.fromFargateServiceAttributes`), whose tasks' network connections
 * can be opened to and whose metrics can be read.
 * @experimental
 */
export interface IFargateService extends IConstruct, ec2.IConnectable {
  /** The cluster the service runs in. */
  readonly cluster: ecs.ICluster;
  /** The ARN of the service. */
  readonly serviceArn: string;
  /** The name of the service. */
  readonly serviceName: string;

  /** Average CPU utilization of the service's tasks (AWS/ECS namespace). @default average over 5 minutes */
  metricCpuUtilization(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /** Average memory utilization of the service's tasks (AWS/ECS namespace). @default average over 5 minutes */
  metricMemoryUtilization(props?: cloudwatch.MetricOptions): cloudwatch.Metric;
}

/**
 * A service another app owns, for `FargateService.fromFargateServiceAttributes`.
 * @experimental
 */
export interface FargateServiceAttributes {
  /** The cluster the service runs in. */
  readonly cluster: ecs.ICluster;
  /**
   * The ARN of the service (`arn:aws:ecs:REGION:ACCOUNT:service/CLUSTER/NAME`).
   * @default - built from serviceName (one of serviceArn and serviceName is required)
   */
  readonly serviceArn?: string;
  /**
   * The name of the service.
   * @default - read from serviceArn
   */
  readonly serviceName?: string;
  /**
   * The security groups of the service's tasks, so that `connections` can open them to peers.
   * @default - none: `connections` opens nothing
   */
  readonly securityGroups?: ec2.ISecurityGroup[];
}

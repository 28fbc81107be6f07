import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { IConstruct } from 'constructs';
import { VpcEndpointService, VpcTopology } from './topology';

/**
 * A network that Fargate tasks can run in: a VPC plus the decisions of where tasks
 * and load balancers go and how tasks reach the internet and AWS APIs.
 *
 * Implemented by `FargateVpc` and by `FargateVpc.fromVpc()`.
 */
export interface IFargateNetwork extends IConstruct {
  /** The VPC. */
  readonly vpc: ec2.IVpc;
  /** How tasks reach the internet and AWS APIs. */
  readonly topology: VpcTopology;
  /** The subnets that tasks run in. */
  readonly taskSubnets: ec2.SubnetSelection;
  /** The subnets that load balancers go in (public ones, or the isolated ones in `ISOLATED_ONLY`). */
  readonly loadBalancerSubnets: ec2.SubnetSelection;
  /** Whether tasks must be given a public IP (only in `PUBLIC_ONLY`). */
  readonly assignPublicIp: boolean;
  /** The availability zones that tasks run in. */
  readonly availabilityZones: string[];
  /** The AWS services that tasks reach through VPC endpoints in their subnets. */
  readonly vpcEndpoints: VpcEndpointService[];
}

/**
 * Properties to adapt an existing VPC with `FargateVpc.fromVpc()`.
 */
export interface FargateNetworkFromVpcProps {
  /** The existing VPC. */
  readonly vpc: ec2.IVpc;
  /** How tasks in this VPC reach the internet and AWS APIs. */
  readonly topology: VpcTopology;
  /**
   * The subnets that tasks run in.
   * @default - public subnets for `PUBLIC_ONLY`, private-with-egress subnets for
   * `PRIVATE_WITH_NAT`, isolated subnets for `PRIVATE_ISOLATED` and `ISOLATED_ONLY`
   */
  readonly taskSubnets?: ec2.SubnetSelection;
  /**
   * The subnets that load balancers go in.
   * @default - the public subnets; the isolated subnets in `ISOLATED_ONLY`
   */
  readonly loadBalancerSubnets?: ec2.SubnetSelection;
  /**
   * The VPC endpoints that exist in this VPC and serve the task subnets.
   * `PRIVATE_ISOLATED` and `ISOLATED_ONLY` need at least ECR_API, ECR_DOCKER, S3 and CLOUDWATCH_LOGS.
   * @default - none
   */
  readonly vpcEndpoints?: VpcEndpointService[];
}

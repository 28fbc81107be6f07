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
  /** The subnets that internet-facing load balancers go in. */
  readonly loadBalancerSubnets: ec2.SubnetSelection;
  /** Whether tasks must be given a public IP (only in `PUBLIC_ONLY`). */
  readonly assignPublicIp: boolean;
  /** The availability zones that tasks run in. */
  readonly availabilityZones: string[];
  /** The AWS services that tasks reach through VPC endpoints. */
  readonly endpointServices: VpcEndpointService[];
}

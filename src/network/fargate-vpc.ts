import { Annotations, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { FargateNetworkFromVpcProps, IFargateNetwork } from './network';
import { VpcEndpointService, VpcTopology } from './topology';
import { addEndpoints } from '../private/endpoints';
import { ImportedFargateNetwork } from '../private/imported-network';
import { defaultLoadBalancerSubnets, defaultTaskSubnets } from '../private/subnets';
import { reportProblems } from '../validation/errors';
import {
  CORE_TASK_ENDPOINTS, NO_INTERNET_TOPOLOGIES, checkEndpointsForTopology, checkMaxAzs, checkNatGateways, checkVpcCidr,
} from '../validation/network-rules';

/**
 * Properties of a `FargateVpc`.
 */
export interface FargateVpcProps {
  /**
   * How tasks reach the internet and AWS APIs.
   * @default VpcTopology.PRIVATE_WITH_NAT
   */
  readonly topology?: VpcTopology;
  /**
   * The number of availability zones to spread subnets across.
   * In an environment-agnostic stack only 2 are known; set the stack's `env` for more.
   * @default 2
   */
  readonly maxAzs?: number;
  /**
   * The number of NAT gateways, for `PRIVATE_WITH_NAT` only. `1` is cheaper; one per AZ
   * keeps tasks online when an AZ fails.
   * @default - one per availability zone with `PRIVATE_WITH_NAT`, none otherwise
   */
  readonly natGateways?: number;
  /**
   * The VPC's IPv4 CIDR block.
   * @default '10.0.0.0/16'
   */
  readonly cidr?: string;
  /**
   * The VPC endpoints to create in the task subnets (interface endpoints with private DNS,
   * S3 as a gateway endpoint). In `PRIVATE_ISOLATED` and `ISOLATED_ONLY` the four a task
   * needs to start (ECR_API, ECR_DOCKER, S3, CLOUDWATCH_LOGS) are always created; list
   * more there, e.g. `SECRETS_MANAGER` and `SSM` for container secrets, `SSM_MESSAGES` for
   * ECS Exec. In the other topologies exactly the listed ones are created (e.g. the four
   * to keep image pulls off the NAT gateways).
   * @default - the four a task needs to start in `PRIVATE_ISOLATED` and `ISOLATED_ONLY`, none otherwise
   */
  readonly vpcEndpoints?: VpcEndpointService[];
  /**
   * Whether to record VPC flow logs (all traffic) to a CloudWatch Logs group.
   * @default true
   */
  readonly flowLogs?: boolean;
  /**
   * How long flow log records are kept.
   * @default logs.RetentionDays.ONE_MONTH
   */
  readonly flowLogRetention?: logs.RetentionDays;
}

/**
 * A VPC laid out for Fargate tasks in one of four topologies, with flow logs,
 * and the VPC endpoints that tasks without internet access need.
 */
export class FargateVpc extends Construct implements IFargateNetwork {
  /**
   * Adapts an existing VPC (for example from `ec2.Vpc.fromLookup`) so the constructs of
   * this library can place tasks and load balancers in it.
   */
  public static fromVpc(scope: Construct, id: string, props: FargateNetworkFromVpcProps): IFargateNetwork {
    return new ImportedFargateNetwork(scope, id, props);
  }

  /** The VPC (an `ec2.Vpc`). */
  public readonly vpc: ec2.IVpc;
  /** How tasks reach the internet and AWS APIs. */
  public readonly topology: VpcTopology;
  /** The subnets that tasks run in. */
  public readonly taskSubnets: ec2.SubnetSelection;
  /** The subnets that load balancers go in (the public ones; the isolated ones in `ISOLATED_ONLY`). */
  public readonly loadBalancerSubnets: ec2.SubnetSelection;
  /** Whether tasks must be given a public IP (only in `PUBLIC_ONLY`). */
  public readonly assignPublicIp: boolean;
  /** The availability zones of the VPC. */
  public readonly availabilityZones: string[];
  /** The AWS services that tasks reach through the VPC endpoints created here. */
  public readonly vpcEndpoints: VpcEndpointService[];
  /** The flow log group, when flow logs are on. */
  public readonly flowLogGroup?: logs.ILogGroup;

  constructor(scope: Construct, id: string, props: FargateVpcProps = {}) {
    super(scope, id);
    this.topology = props.topology ?? VpcTopology.PRIVATE_WITH_NAT;
    // every problem is reported at synth; the VPC is laid out from safe placeholders meanwhile
    const badMaxAzs = reportProblems('FargateVpc', this, [checkMaxAzs(props.maxAzs ?? 2)]);
    const maxAzs = badMaxAzs ? 2 : props.maxAzs ?? 2;
    const knownAzs = Stack.of(this).availabilityZones.length;
    const azCount = Math.min(maxAzs, knownAzs);
    const noInternet = NO_INTERNET_TOPOLOGIES.includes(this.topology);
    this.vpcEndpoints = uniq([
      ...(noInternet ? CORE_TASK_ENDPOINTS as VpcEndpointService[] : []),
      ...(props.vpcEndpoints ?? []),
    ]);

    const badCidr = reportProblems('FargateVpc', this, [checkVpcCidr(props.cidr, subnetLayout(this.topology).length * azCount)]);
    const badNat = reportProblems('FargateVpc', this, [checkNatGateways(this.topology, props.natGateways, azCount)]);
    reportProblems('FargateVpc', this, [checkEndpointsForTopology(this.topology, this.vpcEndpoints)]);
    if (maxAzs > knownAzs) {
      Annotations.of(this).addWarningV2('cdk-fargate-kit:vpcFewerAzs',
        `FargateVpc ${this.node.path}: maxAzs ${maxAzs} but the stack knows only ${knownAzs} availability zones, so the VPC spans ${knownAzs}. Fix: set the stack's env (account and region) so all AZs are known, or lower maxAzs to ${knownAzs}.`);
    }

    const vpc = new ec2.Vpc(this, 'Resource', {
      ipAddresses: ec2.IpAddresses.cidr(badCidr ? '10.0.0.0/16' : props.cidr ?? '10.0.0.0/16'),
      maxAzs,
      natGateways: this.topology === VpcTopology.PRIVATE_WITH_NAT ? (badNat ? azCount : props.natGateways ?? azCount) : 0,
      subnetConfiguration: subnetLayout(this.topology),
      // No custom-resource Lambda: nothing of this library uses the default security group.
      restrictDefaultSecurityGroup: false,
    });
    this.vpc = vpc;

    this.taskSubnets = defaultTaskSubnets(this.topology);
    this.loadBalancerSubnets = defaultLoadBalancerSubnets(this.topology);
    this.assignPublicIp = this.topology === VpcTopology.PUBLIC_ONLY;
    this.availabilityZones = vpc.availabilityZones;

    addEndpoints(vpc, this.vpcEndpoints, this.taskSubnets);

    if (props.flowLogs ?? true) {
      const flowLogGroup = new logs.LogGroup(this, 'FlowLogGroup', {
        retention: props.flowLogRetention ?? logs.RetentionDays.ONE_MONTH,
      });
      vpc.addFlowLog('FlowLog', {
        destination: ec2.FlowLogDestination.toCloudWatchLogs(flowLogGroup),
        trafficType: ec2.FlowLogTrafficType.ALL,
      });
      this.flowLogGroup = flowLogGroup;
    }
  }
}

function subnetLayout(topology: VpcTopology): ec2.SubnetConfiguration[] {
  // Public subnets never auto-assign public IPs: tasks get one only through assignPublicIp.
  const publicSubnets: ec2.SubnetConfiguration = { name: 'Public', subnetType: ec2.SubnetType.PUBLIC, mapPublicIpOnLaunch: false };
  switch (topology) {
    case VpcTopology.PUBLIC_ONLY:
      return [publicSubnets];
    case VpcTopology.PRIVATE_WITH_NAT:
      return [publicSubnets, { name: 'Private', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }];
    case VpcTopology.PRIVATE_ISOLATED:
      return [publicSubnets, { name: 'Isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }];
    case VpcTopology.ISOLATED_ONLY:
      // no public subnet, so ec2.Vpc creates no internet gateway either
      return [{ name: 'Isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }];
  }
}

function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

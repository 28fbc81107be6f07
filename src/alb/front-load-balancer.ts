import { Duration, Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { accessLogBucket } from './access-logs';
import { AlbFrontOptions } from './alb-front-options';
import { loadBalancerSecurityGroup } from './load-balancer';
import { knownAzs } from '../network/imported-network';
import { IFargateNetwork } from '../network/network';
import { VpcTopology } from '../network/topology';
import { checkAzCoverage, checkLoadBalancerSubnets } from '../validation/alb-rules';
import { reportAtSynth, reportProblems } from '../validation/errors';

/** A front's load balancer of its own. */
export interface OwnLoadBalancer {
  readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  readonly securityGroup: ec2.ISecurityGroup;
  readonly accessLogBucket?: s3.IBucket;
}

/**
 * The load balancer of a front that does not join a shared one, under `scope` (ID
 * `LoadBalancer`): internet-facing in the network's load balancer subnets (internal in its task
 * subnets in ISOLATED_ONLY), open to the allowed CIDRs on the listener ports only, invalid
 * header fields dropped, access logs when asked. Its subnets and AZ coverage are checked.
 */
export function createOwnLoadBalancer(constructType: string, scope: Construct, network: IFargateNetwork, props: AlbFrontOptions): OwnLoadBalancer {
  const vpc = network.vpc;
  const internetFacing = props.internetFacing ?? network.topology !== VpcTopology.ISOLATED_ONLY;
  const lbSubnetSelection = props.loadBalancerSubnets ?? (internetFacing ? network.loadBalancerSubnets : network.taskSubnets);
  checkLoadBalancerPlacement(constructType, scope, network, lbSubnetSelection, internetFacing);

  // Security group chaining: clients -> ALB on the listener ports only; ALB -> tasks on
  // the target ports only (added by aws-cdk-lib when the targets are registered).
  const dualStack = props.ipAddressType === elbv2.IpAddressType.DUAL_STACK;
  const listenerPorts = props.certificate ? [80, 443] : [80];
  const securityGroup = props.loadBalancerSecurityGroup ?? loadBalancerSecurityGroup(constructType, scope, vpc,
    // no construct path: a description change replaces the group, and paths change when code is refactored
    'Load balancer of an AlbFrontedService (cdk-fargate-kit)',
    props.allowedCidrs ?? (dualStack ? ['0.0.0.0/0', '::/0'] : ['0.0.0.0/0']), listenerPorts, internetFacing);
  const loadBalancer = new elbv2.ApplicationLoadBalancer(scope, 'LoadBalancer', {
    vpc,
    vpcSubnets: lbSubnetSelection,
    internetFacing,
    ipAddressType: props.ipAddressType,
    securityGroup,
    dropInvalidHeaderFields: true,
  });
  // aws-cdk-lib throws on access logs without a region (FGK-ACCESS-LOGS-REGION reports it)
  const accessLogsOn = (props.accessLogs ?? false) || props.accessLogBucket !== undefined;
  let bucket: s3.IBucket | undefined;
  if (accessLogsOn && !Token.isUnresolved(Stack.of(scope).region)) {
    bucket = props.accessLogBucket ?? accessLogBucket(scope, 'AccessLogs', props.accessLogRetention ?? Duration.days(90));
    loadBalancer.logAccessLogs(bucket);
  }
  return { loadBalancer, securityGroup, accessLogBucket: bucket };
}

/** The load balancer's subnets are public (internet-facing) or not, and cover every AZ of the tasks. */
export function checkLoadBalancerPlacement(
  constructType: string, scope: Construct, network: IFargateNetwork, selection: ec2.SubnetSelection, internetFacing: boolean,
): void {
  const vpc = network.vpc;
  const lbSubnets = vpc.selectSubnets(selection);
  const publicIds = new Set(vpc.publicSubnets.map(s => s.subnetId));
  const publicCount = lbSubnets.subnetIds.filter(s => publicIds.has(s)).length;
  const nonPublicSubnets = vpc.privateSubnets.length + vpc.isolatedSubnets.length > 0;
  reportProblems(constructType, scope, [
    checkLoadBalancerSubnets(internetFacing, publicCount, lbSubnets.subnetIds.length - publicCount, nonPublicSubnets),
  ]);
  // an environment-agnostic stack's AZs are tokens: name them by their place in the VPC
  const azLabel = (az: string) => Token.isUnresolved(az) ? `AZ#${vpc.availabilityZones.indexOf(az) + 1}` : az;
  // subnets imported by ID only have no known AZ: the coverage rule checks what is known
  const taskAzs = knownAzs(vpc.selectSubnets(network.taskSubnets))?.map(azLabel);
  const lbAzs = knownAzs(lbSubnets)?.map(azLabel);
  reportAtSynth(constructType, scope, () => [checkAzCoverage(taskAzs, lbAzs, lbSubnets.subnetIds.length)]);
}

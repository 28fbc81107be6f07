import { Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { Construct } from 'constructs';
import { AlbFrontOptions } from './alb-front-options';
import { AlbRoute } from './routes';
import { IFargateEnvironment } from '../environment/environment';
import { environmentState } from '../environment/registry';
import { vpcHasIpv6 } from '../network/ipv6';
import {
  TargetContainerSpec, checkAccessLogsRegion, checkAllowedCidrs, checkDeregistrationDelay, checkHasTargetContainer,
  checkHealthCheckPath, checkHealthyHttpCodes, checkHttpsOptions, checkPathPattern, checkRequestCountScaling, checkRoutePatterns,
  checkDualStack, checkTargetContainer,
} from '../validation/alb-rules';
import { checkConditionsNeedSharedListener, checkSharedFrontConditions, checkSharedFrontOptions } from '../validation/environment-rules';
import { reportProblems } from '../validation/errors';

/** The options that configure a load balancer itself (refused on a front of the shared one). */
const OWN_LOAD_BALANCER_OPTIONS: Array<keyof AlbFrontOptions> = [
  'certificate', 'sslPolicy', 'allowedCidrs', 'ipAddressType', 'internetFacing', 'loadBalancerSubnets',
  'loadBalancerSecurityGroup', 'accessLogs', 'accessLogBucket', 'accessLogRetention',
];

/** What a front's checks decided: the values an L2 must not see. */
export interface FrontVerdict {
  /** A target is not a container:port of the task: no target is registered. */
  readonly badTargets: boolean;
  /** A health check setting is invalid: the target groups get placeholders. */
  readonly badHealthCheck: boolean;
}

/** The facts the checks of a front read. */
export interface FrontFacts {
  readonly props: AlbFrontOptions;
  readonly routes: readonly AlbRoute[];
  readonly containers: readonly TargetContainerSpec[];
  readonly environment?: IFargateEnvironment;
  /** Whether the front asks to join the environment's shared load balancer. */
  readonly shared: boolean;
  /** Whether it does (the environment has a shared listener). */
  readonly onShared: boolean;
  readonly autoScaling: boolean;
  readonly hosts: readonly string[];
  readonly paths: readonly string[];
  /** The VPC of the network the tasks run in. */
  readonly vpc: ec2.IVpc;
}

/**
 * Every check of a front's own options, reported at synth all at once; returns what the
 * builder must keep from aws-cdk-lib (which would crash on it).
 */
export function checkFront(constructType: string, scope: Construct, f: FrontFacts): FrontVerdict {
  const { props, routes, containers } = f;
  const defaultName = props.containerName ?? containers.find(c => c.ports.length > 0)?.name;
  const badTargets = reportProblems(constructType, scope, [
    props.containerName === undefined ? checkHasTargetContainer(containers) : undefined,
    defaultName === undefined ? undefined : checkTargetContainer('', defaultName, props.containerPort, containers),
    ...routes.map((r, i) => checkTargetContainer(`routes[${i}].`, r.containerName, r.containerPort, containers)),
  ]);
  const badHealthCheck = reportProblems(constructType, scope, [
    checkHealthCheckPath('healthCheckPath', props.healthCheckPath ?? '/'),
    ...routes.map((r, i) => checkHealthCheckPath(`routes[${i}].healthCheckPath`, r.healthCheckPath)),
    checkHealthyHttpCodes(props.healthyHttpCodes),
  ]);
  reportProblems(constructType, scope, [
    ...routes.map((r, i) => checkPathPattern(`routes[${i}].pathPattern`, r.pathPattern)),
    // on the shared load balancer, the environment counts the rules (FGK-LISTENER-RULE-QUOTA) and
    // sslPolicy is an option of the environment's load balancer (FGK-SHARED-FRONT-OPTIONS): reported once
    checkRoutePatterns(routes.map(r => r.pathPattern), !f.onShared),
    checkHttpsOptions(props.certificate !== undefined || (f.shared && (f.environment?.https ?? false)),
      !f.onShared && props.sslPolicy !== undefined, props.domainName, props.hostedZone !== undefined),
    checkRequestCountScaling(f.autoScaling, props.requestCountScaling?.requestsPerTarget),
    checkDeregistrationDelay(props.deregistrationDelay?.toSeconds()),
    // an environment whose shared load balancer is reported broken: its fronts' conditions are not reported again
    ...(f.environment !== undefined && environmentState(f.environment).brokenLoadBalancer ? []
      : f.shared ? checkSharedOptions(f) : checkOwnOptions(scope, props, f.vpc)),
  ]);
  return { badTargets, badHealthCheck };
}

/** A front on the shared listener: conditions, no load balancer settings of its own. */
function checkSharedOptions(f: FrontFacts) {
  const { props, hosts, paths } = f;
  return [
    checkSharedFrontOptions(f.environment?.listener !== undefined, OWN_LOAD_BALANCER_OPTIONS.filter(o => props[o] !== undefined)),
    ...checkSharedFrontConditions(hosts, paths, f.routes.map(r => r.pathPattern)),
    ...paths.map((p, i) => checkPathPattern(`pathPatterns[${i}]`, p)),
  ];
}

/** A front with a load balancer of its own: client CIDRs, access logs, no shared-listener conditions. */
function checkOwnOptions(scope: Construct, props: AlbFrontOptions, vpc: ec2.IVpc) {
  const accessLogsOn = (props.accessLogs ?? false) || props.accessLogBucket !== undefined;
  const dualStack = props.ipAddressType === elbv2.IpAddressType.DUAL_STACK;
  const sharedConditions = props.hostHeaders !== undefined || props.pathPatterns !== undefined || props.priority !== undefined;
  return [
    checkAllowedCidrs(props.allowedCidrs, dualStack, props.loadBalancerSecurityGroup !== undefined),
    checkAccessLogsRegion(accessLogsOn, !Token.isUnresolved(Stack.of(scope).region)),
    checkConditionsNeedSharedListener(sharedConditions),
    checkDualStack(dualStack, vpc.node.path, vpcHasIpv6(vpc)),
  ];
}

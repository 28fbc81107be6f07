import { CfnOutput } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as route53Targets from 'aws-cdk-lib/aws-route53-targets';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { AlbFrontOptions } from './alb-front-options';
import { addAlbAlarms } from './front-alarms';
import { checkFront } from './front-checks';
import { createOwnLoadBalancer } from './front-load-balancer';
import { TargetedRoute, addOwnListeners, addSharedRules } from './front-rules';
import { FrontTargets, createTargetGroups } from './front-target-groups';
import { IFargateEnvironment } from '../environment/environment';
import { IFargateNetwork } from '../network/network';
import { FargateService } from '../service/fargate-service';
import { resolveTarget, targetContainers, targetKey } from '../task/container-ports';
import { IFargateTaskDef } from '../task/task-def';
import { checkTargetCount } from '../validation/alb-rules';
import { reportProblems } from '../validation/errors';
import { checkRoutePriorities } from '../validation/route-rules';

/** What the service side gives the front. */
export interface FrontContext {
  /** The network the tasks run in. */
  readonly network: IFargateNetwork;
  /** The task definition of the service. */
  readonly taskDef: IFargateTaskDef;
  /** The environment of the service, if any. */
  readonly environment?: IFargateEnvironment;
  /** Whether the service has auto scaling (for request-count scaling). */
  readonly autoScaling: boolean;
  /**
   * The service: built now, with the front's rollback alarms as deployment alarms
   * (`AlbFrontedService`), or an existing one that gets them added (`AlbFront`).
   */
  readonly service: (rollbackAlarms: cloudwatch.IAlarm[]) => FargateService;
}

/** Everything a front builds. */
export interface FrontParts {
  readonly loadBalancer: elbv2.IApplicationLoadBalancer;
  readonly loadBalancerSecurityGroup: ec2.ISecurityGroup;
  readonly listener: elbv2.IApplicationListener;
  readonly redirectListener?: elbv2.IApplicationListener;
  readonly targetGroups: elbv2.ApplicationTargetGroup[];
  readonly listenerRules: elbv2.ApplicationListenerRule[];
  readonly fargateService: FargateService;
  readonly url: string;
  readonly containerName: string;
  readonly containerPort: number;
  readonly http5xxAlarm?: cloudwatch.Alarm;
  readonly targetResponseTimeAlarm?: cloudwatch.Alarm;
  readonly unhealthyHostsAlarms: cloudwatch.Alarm[];
  readonly accessLogBucket?: s3.IBucket;
  /** Whether the front joined the environment's shared load balancer. */
  readonly shared: boolean;
}

/** Where a front's traffic enters: a load balancer of its own, or the environment's shared listener. */
interface Entry {
  readonly loadBalancer: elbv2.IApplicationLoadBalancer;
  readonly securityGroup: ec2.ISecurityGroup;
  readonly listener: elbv2.IApplicationListener;
  readonly redirectListener?: elbv2.IApplicationListener;
  readonly listenerRules: elbv2.ApplicationListenerRule[];
  readonly accessLogBucket?: s3.IBucket;
}

/**
 * Builds the load-balancer side of a service under `scope`: the checks of its options, its
 * target groups (keyed by what they are attached to and what they serve), the entry (a load
 * balancer of its own with its listeners, or rules on the environment's shared listener),
 * alarms, then the service (`ctx.service`), its targets, request-count scaling, DNS and URL.
 */
export function buildAlbFront(constructType: string, scope: Construct, props: AlbFrontOptions, ctx: FrontContext): FrontParts {
  const { network, environment } = ctx;
  const shared = props.sharedLoadBalancer ?? environment?.listener !== undefined;
  const allRoutes = props.routes ?? [];
  // a path pattern listed twice is reported (FGK-ROUTES); only its first route is built, since
  // rules are keyed by their path
  const routes = allRoutes.filter((r, i) => allRoutes.findIndex(o => o.pathPattern === r.pathPattern) === i);
  const containers = targetContainers(ctx.taskDef);
  const hosts = props.hostHeaders ?? (props.domainName !== undefined ? [props.domainName] : []);
  const paths = props.pathPatterns ?? [];
  const onShared = shared && environment?.listener !== undefined;
  const verdict = checkFront(constructType, scope, {
    props, routes: allRoutes, containers, environment, shared, onShared, autoScaling: ctx.autoScaling, hosts, paths, vpc: network.vpc,
  });
  const defaultTarget = resolveTarget(containers, props.containerName, props.containerPort);
  const targeted: TargetedRoute[] = routes.map(route => ({ route, target: resolveTarget(containers, route.containerName, route.containerPort) }));
  const targets = createTargetGroups(scope, network.vpc, props, defaultTarget, targeted, onShared, verdict.badHealthCheck);
  reportProblems(constructType, scope, [checkTargetCount(targets.targets.map(targetKey)), ...(shared ? [] : checkRoutePriorities(routes))]);

  const entry: Entry = onShared
    ? sharedEntry(scope, environment!, { hosts, paths, priority: props.priority }, targeted, targets)
    : ownEntry(constructType, scope, network, props, targeted, targets);
  const alarms = props.loadBalancerAlarms
    ? addAlbAlarms(scope, entry.loadBalancer, targets.groups, targets.ids, props.loadBalancerAlarms, onShared)
    : undefined;
  // The 5xx alarm depends on the load balancer (or the target groups) only, never on the
  // service, so the service can name it as a deployment alarm without a circular dependency.
  const rollbackAlarms = alarms && (props.loadBalancerAlarms?.rollbackOnHttp5xx ?? true) ? [alarms.http5xx] : [];
  const fargateService = ctx.service(rollbackAlarms);
  registerTargets(fargateService, props, targets, verdict.badTargets);
  const url = frontUrl(scope, props, entry.loadBalancer, onShared ? { https: environment!.https, hosts, paths } : undefined);
  return {
    loadBalancer: entry.loadBalancer,
    loadBalancerSecurityGroup: entry.securityGroup,
    listener: entry.listener,
    redirectListener: entry.redirectListener,
    targetGroups: targets.groups,
    listenerRules: entry.listenerRules,
    fargateService,
    url,
    containerName: defaultTarget.containerName,
    containerPort: defaultTarget.containerPort,
    http5xxAlarm: alarms?.http5xx,
    targetResponseTimeAlarm: alarms?.targetResponseTime,
    unhealthyHostsAlarms: alarms?.unhealthyHosts ?? [],
    accessLogBucket: entry.accessLogBucket,
    shared: onShared,
  };
}

/** The front's rules on the environment's shared listener. */
function sharedEntry(
  scope: Construct, environment: IFargateEnvironment, placement: { hosts: string[]; paths: string[]; priority?: number },
  routes: TargetedRoute[], targets: FrontTargets,
): Entry {
  return {
    loadBalancer: environment.loadBalancer!,
    securityGroup: environment.loadBalancerSecurityGroup!,
    listener: environment.listener!,
    redirectListener: environment.redirectListener,
    listenerRules: addSharedRules(scope, environment, placement, routes, targets),
    accessLogBucket: environment.accessLogBucket,
  };
}

/** A load balancer of the front's own, with its listeners. */
function ownEntry(
  constructType: string, scope: Construct, network: IFargateNetwork, props: AlbFrontOptions, routes: TargetedRoute[], targets: FrontTargets,
): Entry {
  const own = createOwnLoadBalancer(constructType, scope, network, props);
  const listeners = addOwnListeners(own.loadBalancer, props.certificate, props.sslPolicy, routes, targets);
  return { loadBalancer: own.loadBalancer, securityGroup: own.securityGroup, ...listeners, listenerRules: [], accessLogBucket: own.accessLogBucket };
}

/** Registers the service's container:ports with their target groups, and request-count scaling on the default one. */
function registerTargets(fargateService: FargateService, props: AlbFrontOptions, targets: FrontTargets, badTargets: boolean): void {
  // with a target that is not a container:port of the task (reported), aws-cdk-lib would throw
  targets.targets.forEach((t, i) => {
    if (badTargets) return;
    targets.groups[i].addTarget(fargateService.service.loadBalancerTarget({ containerName: t.containerName, containerPort: t.containerPort }));
  });
  if (props.requestCountScaling && fargateService.scalableTaskCount) {
    fargateService.scalableTaskCount.scaleOnRequestCount('RequestCountScaling', {
      requestsPerTarget: props.requestCountScaling.requestsPerTarget,
      targetGroup: targets.groups[0],
      scaleInCooldown: props.requestCountScaling.scaleInCooldown,
      scaleOutCooldown: props.requestCountScaling.scaleOutCooldown,
    });
  }
}

/**
 * The alias records of `domainName` and the URL of the front (also a stack output): its domain
 * name, else (on the shared listener) its first literal host, else the load balancer's DNS name,
 * plus the literal prefix of its first path on the shared listener.
 */
function frontUrl(
  scope: Construct, props: AlbFrontOptions, loadBalancer: elbv2.IApplicationLoadBalancer,
  shared: { https: boolean; hosts: string[]; paths: string[] } | undefined,
): string {
  if (props.domainName && props.hostedZone) {
    const target = route53.RecordTarget.fromAlias(new route53Targets.LoadBalancerTarget(loadBalancer));
    new route53.ARecord(scope, 'AliasRecord', { zone: props.hostedZone, recordName: props.domainName, target });
    if (props.ipAddressType === elbv2.IpAddressType.DUAL_STACK) {
      new route53.AaaaRecord(scope, 'AliasRecordIpv6', { zone: props.hostedZone, recordName: props.domainName, target });
    }
  }
  const https = shared !== undefined ? shared.https : props.certificate !== undefined;
  const host = props.domainName ?? shared?.hosts.find(h => !/[*?]/.test(h)) ?? loadBalancer.loadBalancerDnsName;
  const path = shared !== undefined && shared.paths.length > 0 ? pathPrefix(shared.paths[0]) : '';
  const url = `${https ? 'https' : 'http'}://${host}${path}`;
  new CfnOutput(scope, 'Url', { value: url, description: `URL of ${scope.node.path}` });
  return url;
}

/** The literal part of a path pattern up to its last '/' before a wildcard ('/app/*' -> '/app/'). */
function pathPrefix(pattern: string): string {
  const i = pattern.search(/[*?]/);
  const literal = i === -1 ? pattern : pattern.slice(0, i);
  return literal.slice(0, literal.lastIndexOf('/') + 1);
}

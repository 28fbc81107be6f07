import { CfnOutput, Duration, Lazy, Stack, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as route53Targets from 'aws-cdk-lib/aws-route53-targets';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { accessLogBucket } from './access-logs';
import { addAlbAlarms } from './alb-alarms';
import { ResolvedTarget, resolveTarget, targetContainers, targetKey } from './alb-targets';
import { environmentState, sharedRulePriorities } from './environment-registry';
import { knownAzs } from './imported-network';
import { addListeners, loadBalancerSecurityGroup } from './load-balancer';
import { AlbFrontOptions } from '../alb/alb-front-options';
import { FargateEnvironment } from '../environment/fargate-environment';
import { IFargateNetwork } from '../network/network';
import { VpcTopology } from '../network/topology';
import { FargateService } from '../service/fargate-service';
import { FargateTaskDef } from '../task/fargate-task-def';
import {
  checkAccessLogsRegion, checkAllowedCidrs, checkAzCoverage, checkDeregistrationDelay, checkHasTargetContainer,
  checkHealthCheckPath, checkHttpsOptions, checkLoadBalancerSubnets, checkPathPattern, checkRequestCountScaling,
  checkTargetContainer, checkTargetCount, checkHealthyHttpCodes, checkRoutePatterns,
} from '../validation/alb-rules';
import { SharedRuleSpec, checkConditionsNeedSharedListener, checkSharedFrontConditions, checkSharedFrontOptions } from '../validation/environment-rules';
import { reportAtSynth, reportProblems } from '../validation/errors';
import { checkRoutePriorities, derivedRulePriority, sharedRuleSlot } from '../validation/route-rules';

/** The port of every target group (ECS registers each task with its container port). */
const TARGET_GROUP_PORT = 80;

/** What the service side gives the front. */
export interface FrontContext {
  /** The network the tasks run in. */
  readonly network: IFargateNetwork;
  /** The task definition of the service. */
  readonly taskDef: FargateTaskDef;
  /** The environment of the service, if any. */
  readonly environment?: FargateEnvironment;
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
  readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  readonly loadBalancerSecurityGroup: ec2.ISecurityGroup;
  readonly listener: elbv2.ApplicationListener;
  readonly redirectListener?: elbv2.ApplicationListener;
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

/** The options that configure a load balancer itself (refused on a front of the shared one). */
const OWN_LOAD_BALANCER_OPTIONS: Array<keyof AlbFrontOptions> = [
  'certificate', 'sslPolicy', 'allowedCidrs', 'ipAddressType', 'internetFacing', 'loadBalancerSubnets',
  'loadBalancerSecurityGroup', 'accessLogs', 'accessLogBucket', 'accessLogRetention',
];

/**
 * Builds the load-balancer side of a service under `scope`, keyed as `AlbFrontedService`
 * always keyed it (so its logical IDs never change): the load balancer (own, or the
 * environment's shared one), target groups keyed by what they serve, listeners and rules,
 * alarms, then the service (`ctx.service`), its targets, request-count scaling, DNS and URL.
 */
export function buildAlbFront(constructType: string, scope: Construct, props: AlbFrontOptions, ctx: FrontContext): FrontParts {
  const { network, taskDef, environment } = ctx;
  const vpc = network.vpc;
  const shared = props.sharedLoadBalancer ?? environment?.listener !== undefined;
  const sharedListener = shared ? environment?.listener : undefined;
  const internetFacing = props.internetFacing ?? network.topology !== VpcTopology.ISOLATED_ONLY;
  const dualStack = props.ipAddressType === elbv2.IpAddressType.DUAL_STACK;
  const healthCheckPath = props.healthCheckPath ?? '/';
  const allRoutes = props.routes ?? [];
  // a path pattern listed twice is reported (FGK-ROUTES); only its first route is built, since
  // rules and target groups are keyed by their path
  const routes = allRoutes.filter((r, i) => allRoutes.findIndex(o => o.pathPattern === r.pathPattern) === i);
  const containers = targetContainers(taskDef);
  const accessLogsOn = (props.accessLogs ?? false) || props.accessLogBucket !== undefined;

  // every problem is reported at synth, all at once; what aws-cdk-lib would crash on is kept from it
  const defaultName = props.containerName ?? containers.find(c => c.ports.length > 0)?.name;
  const badTargets = reportProblems(constructType, scope, [
    props.containerName === undefined ? checkHasTargetContainer(containers) : undefined,
    defaultName === undefined ? undefined : checkTargetContainer('', defaultName, props.containerPort, containers),
    ...allRoutes.map((r, i) => checkTargetContainer(`routes[${i}].`, r.containerName, r.containerPort, containers)),
  ]);
  const badHealthCheck = reportProblems(constructType, scope, [
    checkHealthCheckPath('healthCheckPath', healthCheckPath),
    ...allRoutes.map((r, i) => checkHealthCheckPath(`routes[${i}].healthCheckPath`, r.healthCheckPath)),
    checkHealthyHttpCodes(props.healthyHttpCodes),
  ]);
  reportProblems(constructType, scope, [
    ...allRoutes.map((r, i) => checkPathPattern(`routes[${i}].pathPattern`, r.pathPattern)),
    // on the shared load balancer, the environment counts the rules (FGK-LISTENER-RULE-QUOTA) and
    // sslPolicy is an option of the environment's load balancer (FGK-SHARED-FRONT-OPTIONS): reported once
    checkRoutePatterns(allRoutes.map(r => r.pathPattern), sharedListener === undefined),
    checkHttpsOptions(props.certificate !== undefined || (shared && (environment?.certificates.length ?? 0) > 0),
      sharedListener === undefined && props.sslPolicy !== undefined, props.domainName, props.hostedZone !== undefined),
    shared ? undefined : checkAllowedCidrs(props.allowedCidrs, dualStack, props.loadBalancerSecurityGroup !== undefined),
    checkRequestCountScaling(ctx.autoScaling, props.requestCountScaling?.requestsPerTarget),
    shared ? undefined : checkAccessLogsRegion(accessLogsOn, !Token.isUnresolved(Stack.of(scope).region)),
    checkDeregistrationDelay(props.deregistrationDelay?.toSeconds()),
  ]);
  const hosts = props.hostHeaders ?? (props.domainName !== undefined ? [props.domainName] : []);
  const paths = props.pathPatterns ?? [];
  if (shared) {
    reportProblems(constructType, scope, [
      checkSharedFrontOptions(sharedListener !== undefined, OWN_LOAD_BALANCER_OPTIONS.filter(o => props[o] !== undefined)),
      ...checkSharedFrontConditions(hosts, paths, routes.map(r => r.pathPattern)),
      ...paths.map((p, i) => checkPathPattern(`pathPatterns[${i}]`, p)),
    ]);
  } else if (props.hostHeaders !== undefined || props.pathPatterns !== undefined || props.priority !== undefined) {
    reportProblems(constructType, scope, [checkConditionsNeedSharedListener(true)]);
  }
  const defaultTarget = resolveTarget(containers, props.containerName, props.containerPort);
  const routeTargets = routes.map(r => resolveTarget(containers, r.containerName, r.containerPort));
  const targets = uniqueTargets([defaultTarget, ...routeTargets]);
  reportProblems(constructType, scope, [checkTargetCount(targets.map(targetKey)), ...(shared ? [] : checkRoutePriorities(routes))]);

  let loadBalancer: elbv2.ApplicationLoadBalancer;
  let lbSecurityGroup: ec2.ISecurityGroup;
  let bucket: s3.IBucket | undefined;
  if (sharedListener !== undefined) {
    loadBalancer = environment!.loadBalancer!;
    lbSecurityGroup = environment!.loadBalancerSecurityGroup!;
  } else {
    const lbSubnetSelection = props.loadBalancerSubnets ?? (internetFacing ? network.loadBalancerSubnets : network.taskSubnets);
    const lbSubnets = vpc.selectSubnets(lbSubnetSelection);
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

    // Security group chaining: clients -> ALB on the listener ports only; ALB -> tasks on
    // the target ports only (added by aws-cdk-lib when the targets are registered).
    const listenerPorts = props.certificate ? [80, 443] : [80];
    lbSecurityGroup = props.loadBalancerSecurityGroup ?? loadBalancerSecurityGroup(constructType, scope, vpc,
      // no construct path: a description change replaces the group, and paths change when code is refactored
      'Load balancer of an AlbFrontedService (cdk-fargate-kit)',
      props.allowedCidrs ?? (dualStack ? ['0.0.0.0/0', '::/0'] : ['0.0.0.0/0']), listenerPorts, internetFacing);
    loadBalancer = new elbv2.ApplicationLoadBalancer(scope, 'LoadBalancer', {
      vpc,
      vpcSubnets: lbSubnetSelection,
      internetFacing,
      ipAddressType: props.ipAddressType,
      securityGroup: lbSecurityGroup,
      dropInvalidHeaderFields: true,
    });
    // aws-cdk-lib throws on access logs without a region (reported above)
    if (accessLogsOn && !Token.isUnresolved(Stack.of(scope).region)) {
      bucket = props.accessLogBucket ?? accessLogBucket(scope, 'AccessLogs', props.accessLogRetention ?? Duration.days(90));
      loadBalancer.logAccessLogs(bucket);
    }
  }

  // Target groups are keyed by what they serve, never by position: the default one is
  // 'TargetGroup', a route's own one is named after the (first) path pattern that uses it.
  // Their port is fixed: for `ip` targets ECS registers each task with the container port,
  // and the health check uses that port, so a container port change keeps the group (and
  // the listener's traffic) instead of replacing it.
  const routeOf = (t: ResolvedTarget) => routes[routeTargets.findIndex(r => targetKey(r) === targetKey(t))];
  const targetIds = targets.map((t, i) => i === 0 ? 'TargetGroup' : `TargetGroup ${routeOf(t).pathPattern}`);
  const targetGroups = targets.map((t, i) => new elbv2.ApplicationTargetGroup(scope, targetIds[i], {
    vpc,
    targetType: elbv2.TargetType.IP,
    protocol: elbv2.ApplicationProtocol.HTTP,
    port: TARGET_GROUP_PORT,
    deregistrationDelay: props.deregistrationDelay ?? Duration.seconds(30),
    healthCheck: {
      path: badHealthCheck ? '/' : i === 0 ? healthCheckPath : (routeOf(t).healthCheckPath ?? healthCheckPath),
      protocol: elbv2.Protocol.HTTP,
      healthyHttpCodes: badHealthCheck ? '200-399' : props.healthyHttpCodes ?? '200-399',
      interval: Duration.seconds(15),
      timeout: Duration.seconds(5),
      healthyThresholdCount: 2,
      unhealthyThresholdCount: 3,
    },
  }));
  const targetGroupOf = (t: ResolvedTarget) => targetGroups[targets.findIndex(x => targetKey(x) === targetKey(t))];

  let listener: elbv2.ApplicationListener;
  let redirectListener: elbv2.ApplicationListener | undefined;
  const listenerRules: elbv2.ApplicationListenerRule[] = [];
  if (sharedListener !== undefined) {
    listener = sharedListener;
    redirectListener = environment!.redirectListener;
    const state = environmentState(environment!);
    state.targetGroups += targetGroups.length;
    state.hosts.push({ owner: scope.node.path, hosts: [...hosts] });
    // the front's rules live under the front, keyed by what they serve: 'Rule' for the
    // default target, 'Rule <path pattern>' for a route (its paths AND the front's hosts)
    const add = (id: string, owner: string, ruleHosts: string[], rulePaths: string[], tg: elbv2.ApplicationTargetGroup, explicit?: number) => {
      // a derived priority another rule already holds moves within its band: resolved at synth,
      // when every rule of the listener is known
      const slot = explicit === undefined ? sharedRuleSlot(ruleHosts, rulePaths) : undefined;
      const index = state.rules.length;
      state.rules.push({
        owner, hosts: ruleHosts, paths: rulePaths, priority: explicit ?? slot!.base, explicit: explicit !== undefined, slot,
      } satisfies SharedRuleSpec);
      const priority = explicit ?? Lazy.number({ produce: () => sharedRulePriorities(state)[index] });
      const conditions = [
        ...(ruleHosts.length > 0 ? [elbv2.ListenerCondition.hostHeaders(ruleHosts)] : []),
        ...(rulePaths.length > 0 ? [elbv2.ListenerCondition.pathPatterns(rulePaths)] : []),
      ];
      listenerRules.push(new elbv2.ApplicationListenerRule(scope, id, {
        listener: sharedListener,
        priority,
        // a rule needs a condition: FGK-SHARED-LISTENER-CONDITIONS reported the missing ones
        conditions: conditions.length > 0 ? conditions : [elbv2.ListenerCondition.pathPatterns(['/*'])],
        targetGroups: [tg],
      }));
    };
    add('Rule', scope.node.path, [...hosts], [...paths], targetGroups[0], props.priority);
    routes.forEach((r, i) => add(`Rule ${r.pathPattern}`, `${scope.node.path} route ${r.pathPattern}`, [...hosts], [r.pathPattern],
      targetGroupOf(routeTargets[i]), r.priority));
  } else {
    const listeners = addListeners(loadBalancer, props.certificate ? [props.certificate] : [], props.sslPolicy);
    listener = listeners.listener;
    redirectListener = listeners.redirectListener;
    listener.addTargetGroups('Default', { targetGroups: [targetGroups[0]] });
    // rules keyed by path with priorities of their own: inserting a route never renumbers or
    // repurposes another (swapped priorities can also fail an update with PriorityInUse)
    routes.forEach((r, i) => {
      listener.addTargetGroups(`Route ${r.pathPattern}`, {
        targetGroups: [targetGroupOf(routeTargets[i])],
        conditions: [elbv2.ListenerCondition.pathPatterns([r.pathPattern])],
        priority: r.priority ?? derivedRulePriority(r.pathPattern),
      });
    });
  }

  const alarms = props.loadBalancerAlarms
    ? addAlbAlarms(scope, loadBalancer, targetGroups, targetIds, props.loadBalancerAlarms, sharedListener !== undefined)
    : undefined;
  // The 5xx alarm depends on the load balancer (or the target groups) only, never on the
  // service, so the service can name it as a deployment alarm without a circular dependency.
  const rollbackAlarms = alarms && (props.loadBalancerAlarms?.rollbackOnHttp5xx ?? true) ? [alarms.http5xx] : [];

  const fargateService = ctx.service(rollbackAlarms);
  const service: ecs.FargateService = fargateService.service;
  // with a target that is not a container:port of the task (reported), aws-cdk-lib would throw
  for (const t of badTargets ? [] : targets) {
    targetGroupOf(t).addTarget(service.loadBalancerTarget({ containerName: t.containerName, containerPort: t.containerPort }));
  }
  if (props.requestCountScaling && fargateService.scalableTaskCount) {
    fargateService.scalableTaskCount.scaleOnRequestCount('RequestCountScaling', {
      requestsPerTarget: props.requestCountScaling.requestsPerTarget,
      targetGroup: targetGroups[0],
      scaleInCooldown: props.requestCountScaling.scaleInCooldown,
      scaleOutCooldown: props.requestCountScaling.scaleOutCooldown,
    });
  }

  if (props.domainName && props.hostedZone) {
    const target = route53.RecordTarget.fromAlias(new route53Targets.LoadBalancerTarget(loadBalancer));
    new route53.ARecord(scope, 'AliasRecord', { zone: props.hostedZone, recordName: props.domainName, target });
    if (dualStack) new route53.AaaaRecord(scope, 'AliasRecordIpv6', { zone: props.hostedZone, recordName: props.domainName, target });
  }
  const https = sharedListener !== undefined ? environment!.certificates.length > 0 : props.certificate !== undefined;
  const host = props.domainName ?? (sharedListener !== undefined ? hosts.find(h => !/[*?]/.test(h)) : undefined) ?? loadBalancer.loadBalancerDnsName;
  const path = sharedListener !== undefined && paths.length > 0 ? pathPrefix(paths[0]) : '';
  const url = `${https ? 'https' : 'http'}://${host}${path}`;
  new CfnOutput(scope, 'Url', { value: url, description: `URL of ${scope.node.path}` });

  return {
    loadBalancer,
    loadBalancerSecurityGroup: lbSecurityGroup,
    listener,
    redirectListener,
    targetGroups,
    listenerRules,
    fargateService,
    url,
    containerName: defaultTarget.containerName,
    containerPort: defaultTarget.containerPort,
    http5xxAlarm: alarms?.http5xx,
    targetResponseTimeAlarm: alarms?.targetResponseTime,
    unhealthyHostsAlarms: alarms?.unhealthyHosts ?? [],
    accessLogBucket: bucket ?? (sharedListener !== undefined ? environment!.accessLogBucket : undefined),
    shared: sharedListener !== undefined,
  };
}

/** The literal part of a path pattern up to its last '/' before a wildcard ('/app/*' -> '/app/'). */
function pathPrefix(pattern: string): string {
  const i = pattern.search(/[*?]/);
  const literal = i === -1 ? pattern : pattern.slice(0, i);
  return literal.slice(0, literal.lastIndexOf('/') + 1);
}

function uniqueTargets(targets: ResolvedTarget[]): ResolvedTarget[] {
  return targets.filter((t, i) => targets.findIndex(x => targetKey(x) === targetKey(t)) === i);
}

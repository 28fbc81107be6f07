import { CfnOutput, Duration, Stack, Token } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as route53Targets from 'aws-cdk-lib/aws-route53-targets';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { AlbAlarmOptions } from './alb-alarms';
import { AlbRoute } from './routes';
import { VpcTopology } from '../network/topology';
import { accessLogBucket } from '../private/access-logs';
import { REASONS, acknowledgeOpenListenerPorts } from '../private/acknowledgements';
import { addAlbAlarms } from '../private/alb-alarms';
import { ResolvedTarget, resolveTarget, targetContainers, targetKey } from '../private/alb-targets';
import { knownAzs } from '../private/imported-network';
import { FargateService, FargateServiceProps } from '../service/fargate-service';
import {
  checkAccessLogsRegion, checkAllowedCidrs, checkAzCoverage, checkDeregistrationDelay, checkHasTargetContainer,
  checkHealthCheckPath, checkHttpsOptions, checkLoadBalancerSubnets, checkPathPattern, checkRequestCountScaling,
  checkTargetContainer, checkTargetCount, checkHealthyHttpCodes, checkRoutePatterns,
} from '../validation/alb-rules';
import { parseCidr } from '../validation/cidr';
import { reportAtSynth, reportProblems } from '../validation/errors';
import { checkRoutePriorities, derivedRulePriority } from '../validation/route-rules';

const TYPE = 'AlbFrontedService';
/** The port of every target group (ECS registers each task with its container port). */
const TARGET_GROUP_PORT = 80;

/**
 * Target tracking on the number of requests each task receives (ALBRequestCountPerTarget).
 */
export interface RequestCountScalingOptions {
  /** Keep the requests per task per minute near this number. */
  readonly requestsPerTarget: number;
  /**
   * How long to wait after a scale-in before scaling in again.
   * @default - the Application Auto Scaling default (300 seconds)
   */
  readonly scaleInCooldown?: Duration;
  /**
   * How long to wait after a scale-out before scaling out again.
   * @default - the Application Auto Scaling default (300 seconds)
   */
  readonly scaleOutCooldown?: Duration;
}

/**
 * Properties of an `AlbFrontedService`: those of `FargateService` plus the load balancer's.
 */
export interface AlbFrontedServiceProps extends FargateServiceProps {
  /**
   * The container that receives the load balancer's default traffic.
   * @default - the first container of the task that has a port
   */
  readonly containerName?: string;
  /**
   * The port of that container that receives the traffic.
   * @default - the container's first port
   */
  readonly containerPort?: number;
  /**
   * The path the target group's health check requests (on the container port).
   * @default '/'
   */
  readonly healthCheckPath?: string;
  /**
   * The HTTP codes that count as healthy, e.g. '200' or '200-299'.
   * @default '200-399'
   */
  readonly healthyHttpCodes?: string;
  /**
   * How long the load balancer lets in-flight requests finish before a stopping task is
   * removed (ELB's own default is 300 seconds, which slows every deployment).
   * @default Duration.seconds(30)
   */
  readonly deregistrationDelay?: Duration;
  /**
   * A certificate for HTTPS: the load balancer then listens on 443 with `sslPolicy` and
   * port 80 only redirects to 443.
   * @default - HTTP on port 80 only
   */
  readonly certificate?: acm.ICertificate;
  /**
   * The TLS policy of the HTTPS listener (only with `certificate`).
   * @default elbv2.SslPolicy.RECOMMENDED_TLS (TLS 1.2 and 1.3, forward secrecy)
   */
  readonly sslPolicy?: elbv2.SslPolicy;
  /**
   * A DNS name for the service, e.g. 'app.example.com'; an alias record for the load
   * balancer is created in `hostedZone` and the URL uses it.
   * @default - no DNS record; the URL uses the load balancer's DNS name
   */
  readonly domainName?: string;
  /**
   * The hosted zone of `domainName`.
   * @default - none (required with domainName)
   */
  readonly hostedZone?: route53.IHostedZone;
  /**
   * The client networks allowed to reach the listeners (80, and 443 with a certificate),
   * as IPv4 or IPv6 CIDR blocks.
   * @default - ['0.0.0.0/0'], plus '::/0' on a dual-stack load balancer
   */
  readonly allowedCidrs?: string[];
  /**
   * IPv4 only, or dual-stack (the VPC and subnets need IPv6 CIDR blocks).
   * @default elbv2.IpAddressType.IPV4
   */
  readonly ipAddressType?: elbv2.IpAddressType;
  /**
   * Whether the load balancer is reachable from the internet.
   * @default - true; false in topology ISOLATED_ONLY, which has no internet gateway
   */
  readonly internetFacing?: boolean;
  /**
   * The subnets of the load balancer. They must cover every AZ the tasks run in.
   * @default - the network's loadBalancerSubnets (internet-facing) or taskSubnets (internal)
   */
  readonly loadBalancerSubnets?: ec2.SubnetSelection;
  /**
   * A security group of your own for the load balancer. This construct adds no ingress
   * rule to it (so `allowedCidrs` cannot be used with it); import it with
   * `mutable: false` to also manage the egress to the tasks yourself.
   * @default - a new security group allowing only the listener ports from `allowedCidrs`
   */
  readonly loadBalancerSecurityGroup?: ec2.ISecurityGroup;
  /**
   * Path-based rules to other containers or ports of the same task, evaluated before the
   * default action, most specific path first (see `AlbRoute.priority`). Each rule and each
   * route target group is keyed by its path pattern, never by its place in the list, so
   * routes can be added, removed and reordered without touching the others.
   * @default - all paths go to containerName:containerPort
   */
  readonly routes?: AlbRoute[];
  /**
   * Scale on requests per task, beside `autoScaling`'s CPU and memory targets (needs
   * `autoScaling`).
   * @default - no request-count scaling
   */
  readonly requestCountScaling?: RequestCountScalingOptions;
  /**
   * Alarms on 5xx responses (which also roll a deployment back), target response time
   * and unhealthy targets.
   * @default - no load balancer alarms
   */
  readonly loadBalancerAlarms?: AlbAlarmOptions;
  /**
   * Whether to write access logs to an S3 bucket (SSE-S3, SSL only, no public access,
   * deleted after `accessLogRetention`). Needs the stack's region.
   * @default false
   */
  readonly accessLogs?: boolean;
  /**
   * A bucket of your own for the access logs (turns `accessLogs` on).
   * @default - a new bucket when accessLogs is true
   */
  readonly accessLogBucket?: s3.IBucket;
  /**
   * How long the new access log bucket keeps the logs.
   * @default Duration.days(90)
   */
  readonly accessLogRetention?: Duration;
}

/**
 * An internet-facing Application Load Balancer in front of a `FargateService`: `ip` target
 * groups with health checks, HTTP (or HTTPS with an 80→443 redirect), security groups
 * chained so the tasks accept only the container port(s) from the load balancer, optional
 * path routes to other containers of the task, request-count scaling, alarms and access
 * logs. Outputs the service URL.
 */
export class AlbFrontedService extends Construct implements ec2.IConnectable {
  /** The Application Load Balancer. */
  public readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  /** The load balancer's security group. */
  public readonly loadBalancerSecurityGroup: ec2.ISecurityGroup;
  /** The listener that forwards to the tasks: HTTPS 443 with a certificate, else HTTP 80. */
  public readonly listener: elbv2.ApplicationListener;
  /** The HTTP 80 listener that redirects to HTTPS, when there is a certificate. */
  public readonly redirectListener?: elbv2.ApplicationListener;
  /** The target group of the default container:port. */
  public readonly targetGroup: elbv2.ApplicationTargetGroup;
  /** All target groups: the default one first, then one per further container:port of `routes`. */
  public readonly targetGroups: elbv2.ApplicationTargetGroup[];
  /** The Fargate service behind the load balancer (this library's construct: alarms, scaling, run-task command). */
  public readonly fargateService: FargateService;
  /** The ECS service (`fargateService.service`). */
  public readonly service: ecs.FargateService;
  /** The cluster the service runs in. */
  public readonly cluster: ecs.ICluster;
  /** The security group of the service's tasks. */
  public readonly securityGroup: ec2.ISecurityGroup;
  /** The URL of the service (`http://` or `https://`, the domain name or the load balancer's DNS name). */
  public readonly url: string;
  /** The network connections of the service's tasks. */
  public readonly connections: ec2.Connections;
  /** The container that receives the default traffic. */
  public readonly containerName: string;
  /** The port of that container. */
  public readonly containerPort: number;
  /** The 5xx alarm, when `loadBalancerAlarms` is set. */
  public readonly http5xxAlarm?: cloudwatch.Alarm;
  /** The p95 target response time alarm, when `loadBalancerAlarms` is set. */
  public readonly targetResponseTimeAlarm?: cloudwatch.Alarm;
  /** The unhealthy targets alarms (one per target group), when `loadBalancerAlarms` is set. */
  public readonly unhealthyHostsAlarms: cloudwatch.Alarm[];
  /** The access log bucket, when access logs are on. */
  public readonly accessLogBucket?: s3.IBucket;

  constructor(scope: Construct, id: string, props: AlbFrontedServiceProps) {
    super(scope, id);
    const { network, taskDef } = props;
    const vpc = network.vpc;
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
    const badTargets = reportProblems(TYPE, this, [
      props.containerName === undefined ? checkHasTargetContainer(containers) : undefined,
      defaultName === undefined ? undefined : checkTargetContainer('', defaultName, props.containerPort, containers),
      ...allRoutes.map((r, i) => checkTargetContainer(`routes[${i}].`, r.containerName, r.containerPort, containers)),
    ]);
    const badHealthCheck = reportProblems(TYPE, this, [
      checkHealthCheckPath('healthCheckPath', healthCheckPath),
      ...allRoutes.map((r, i) => checkHealthCheckPath(`routes[${i}].healthCheckPath`, r.healthCheckPath)),
      checkHealthyHttpCodes(props.healthyHttpCodes),
    ]);
    reportProblems(TYPE, this, [
      ...allRoutes.map((r, i) => checkPathPattern(`routes[${i}].pathPattern`, r.pathPattern)),
      checkRoutePatterns(allRoutes.map(r => r.pathPattern)),
      checkHttpsOptions(props.certificate !== undefined, props.sslPolicy !== undefined, props.domainName, props.hostedZone !== undefined),
      checkAllowedCidrs(props.allowedCidrs, dualStack, props.loadBalancerSecurityGroup !== undefined),
      checkRequestCountScaling(props.autoScaling !== undefined, props.requestCountScaling?.requestsPerTarget),
      checkAccessLogsRegion(accessLogsOn, !Token.isUnresolved(Stack.of(this).region)),
      checkDeregistrationDelay(props.deregistrationDelay?.toSeconds()),
    ]);
    const defaultTarget = resolveTarget(containers, props.containerName, props.containerPort);
    const routeTargets = routes.map(r => resolveTarget(containers, r.containerName, r.containerPort));
    const targets = uniqueTargets([defaultTarget, ...routeTargets]);
    reportProblems(TYPE, this, [checkTargetCount(targets.map(targetKey)), ...checkRoutePriorities(routes)]);
    this.containerName = defaultTarget.containerName;
    this.containerPort = defaultTarget.containerPort;

    const lbSubnetSelection = props.loadBalancerSubnets ?? (internetFacing ? network.loadBalancerSubnets : network.taskSubnets);
    const lbSubnets = vpc.selectSubnets(lbSubnetSelection);
    const publicIds = new Set(vpc.publicSubnets.map(s => s.subnetId));
    const publicCount = lbSubnets.subnetIds.filter(s => publicIds.has(s)).length;
    const nonPublicSubnets = vpc.privateSubnets.length + vpc.isolatedSubnets.length > 0;
    reportProblems(TYPE, this, [checkLoadBalancerSubnets(internetFacing, publicCount, lbSubnets.subnetIds.length - publicCount, nonPublicSubnets)]);
    // an environment-agnostic stack's AZs are tokens: name them by their place in the VPC
    const azLabel = (az: string) => Token.isUnresolved(az) ? `AZ#${vpc.availabilityZones.indexOf(az) + 1}` : az;
    // subnets imported by ID only have no known AZ: the coverage rule checks what is known
    const taskAzs = knownAzs(vpc.selectSubnets(network.taskSubnets))?.map(azLabel);
    const lbAzs = knownAzs(lbSubnets)?.map(azLabel);
    reportAtSynth(TYPE, this, () => [checkAzCoverage(taskAzs, lbAzs, lbSubnets.subnetIds.length)]);

    // Security group chaining: clients -> ALB on the listener ports only; ALB -> tasks on
    // the target ports only (added by aws-cdk-lib when the targets are registered).
    const listenerPorts = props.certificate ? [80, 443] : [80];
    if (props.loadBalancerSecurityGroup) {
      this.loadBalancerSecurityGroup = props.loadBalancerSecurityGroup;
    } else {
      const sg = new ec2.SecurityGroup(this, 'LoadBalancerSecurityGroup', {
        vpc,
        // no construct path: a description change replaces the group, and paths change when code is refactored
        description: 'Load balancer of an AlbFrontedService (cdk-fargate-kit)',
        allowAllOutbound: false,
      });
      const cidrs = props.allowedCidrs ?? (dualStack ? ['0.0.0.0/0', '::/0'] : ['0.0.0.0/0']);
      for (const cidr of cidrs) {
        const peer = safePeer(cidr);
        if (peer === undefined) {
          reportProblems(TYPE, this, [`[FGK-ALLOWED-CIDRS] allowedCidrs entry '${cidr}' is not a CIDR block a security group accepts (address/prefix, IPv4 in four dotted parts, IPv6 in its standard form). Fix: write it like '203.0.113.0/24' or '2001:db8::/32'.`]);
          continue;
        }
        for (const port of listenerPorts) {
          sg.addIngressRule(peer, ec2.Port.tcp(port), `Clients to the load balancer on TCP ${port}`);
        }
      }
      if (internetFacing && cidrs.some(c => c === '0.0.0.0/0' || c === '::/0')) {
        acknowledgeOpenListenerPorts(sg, listenerPorts, REASONS.internetFacingListener);
      }
      this.loadBalancerSecurityGroup = sg;
    }

    this.loadBalancer = new elbv2.ApplicationLoadBalancer(this, 'LoadBalancer', {
      vpc,
      vpcSubnets: lbSubnetSelection,
      internetFacing,
      ipAddressType: props.ipAddressType,
      securityGroup: this.loadBalancerSecurityGroup,
      dropInvalidHeaderFields: true,
    });
    // aws-cdk-lib throws on access logs without a region (reported above)
    if (accessLogsOn && !Token.isUnresolved(Stack.of(this).region)) {
      this.accessLogBucket = props.accessLogBucket ?? accessLogBucket(this, 'AccessLogs', props.accessLogRetention ?? Duration.days(90));
      this.loadBalancer.logAccessLogs(this.accessLogBucket);
    }

    // Target groups are keyed by what they serve, never by position: the default one is
    // 'TargetGroup', a route's own one is named after the (first) path pattern that uses it.
    // Their port is fixed: for `ip` targets ECS registers each task with the container port,
    // and the health check uses that port, so a container port change keeps the group (and
    // the listener's traffic) instead of replacing it.
    const targetIds = targets.map((t, i) => i === 0 ? 'TargetGroup' : `TargetGroup ${routes[routeTargets.findIndex(r => targetKey(r) === targetKey(t))].pathPattern}`);
    this.targetGroups = targets.map((t, i) => new elbv2.ApplicationTargetGroup(this, targetIds[i], {
      vpc,
      targetType: elbv2.TargetType.IP,
      protocol: elbv2.ApplicationProtocol.HTTP,
      port: TARGET_GROUP_PORT,
      deregistrationDelay: props.deregistrationDelay ?? Duration.seconds(30),
      healthCheck: {
        path: badHealthCheck ? '/' : i === 0 ? healthCheckPath : (routes[routeTargets.findIndex(r => targetKey(r) === targetKey(t))].healthCheckPath ?? healthCheckPath),
        protocol: elbv2.Protocol.HTTP,
        healthyHttpCodes: badHealthCheck ? '200-399' : props.healthyHttpCodes ?? '200-399',
        interval: Duration.seconds(15),
        timeout: Duration.seconds(5),
        healthyThresholdCount: 2,
        unhealthyThresholdCount: 3,
      },
    }));
    this.targetGroup = this.targetGroups[0];
    const targetGroupOf = (t: ResolvedTarget) => this.targetGroups[targets.findIndex(x => targetKey(x) === targetKey(t))];

    if (props.certificate) {
      this.listener = this.loadBalancer.addListener('Https', {
        protocol: elbv2.ApplicationProtocol.HTTPS,
        port: 443,
        certificates: [props.certificate],
        sslPolicy: props.sslPolicy ?? elbv2.SslPolicy.RECOMMENDED_TLS,
        open: false,
      });
      this.redirectListener = this.loadBalancer.addListener('Http', {
        protocol: elbv2.ApplicationProtocol.HTTP,
        port: 80,
        open: false,
        defaultAction: elbv2.ListenerAction.redirect({ protocol: 'HTTPS', port: '443', permanent: true }),
      });
    } else {
      this.listener = this.loadBalancer.addListener('Http', { protocol: elbv2.ApplicationProtocol.HTTP, port: 80, open: false });
    }
    this.listener.addTargetGroups('Default', { targetGroups: [this.targetGroup] });
    // rules keyed by path with priorities of their own: inserting a route never renumbers or
    // repurposes another (swapped priorities can also fail an update with PriorityInUse)
    routes.forEach((r, i) => {
      this.listener.addTargetGroups(`Route ${r.pathPattern}`, {
        targetGroups: [targetGroupOf(routeTargets[i])],
        conditions: [elbv2.ListenerCondition.pathPatterns([r.pathPattern])],
        priority: r.priority ?? derivedRulePriority(r.pathPattern),
      });
    });

    const alarms = props.loadBalancerAlarms
      ? addAlbAlarms(this, this.loadBalancer, this.targetGroups, targetIds, props.loadBalancerAlarms)
      : undefined;
    this.http5xxAlarm = alarms?.http5xx;
    this.targetResponseTimeAlarm = alarms?.targetResponseTime;
    this.unhealthyHostsAlarms = alarms?.unhealthyHosts ?? [];
    // The 5xx alarm depends on the load balancer only, never on the service, so the
    // service can name it as a deployment alarm without a circular dependency.
    const rollbackAlarms = alarms && (props.loadBalancerAlarms?.rollbackOnHttp5xx ?? true) ? [alarms.http5xx] : [];

    this.fargateService = new FargateService(this, 'Service', {
      ...props,
      deploymentAlarms: [...(props.deploymentAlarms ?? []), ...rollbackAlarms],
    });
    this.service = this.fargateService.service;
    this.cluster = this.fargateService.cluster;
    this.securityGroup = this.fargateService.securityGroup;
    this.connections = this.fargateService.connections;
    // with a target that is not a container:port of the task (reported), aws-cdk-lib would throw
    for (const t of badTargets ? [] : targets) {
      targetGroupOf(t).addTarget(this.service.loadBalancerTarget({ containerName: t.containerName, containerPort: t.containerPort }));
    }
    if (props.requestCountScaling && this.fargateService.scalableTaskCount) {
      this.fargateService.scalableTaskCount.scaleOnRequestCount('RequestCountScaling', {
        requestsPerTarget: props.requestCountScaling.requestsPerTarget,
        targetGroup: this.targetGroup,
        scaleInCooldown: props.requestCountScaling.scaleInCooldown,
        scaleOutCooldown: props.requestCountScaling.scaleOutCooldown,
      });
    }

    if (props.domainName && props.hostedZone) {
      const target = route53.RecordTarget.fromAlias(new route53Targets.LoadBalancerTarget(this.loadBalancer));
      new route53.ARecord(this, 'AliasRecord', { zone: props.hostedZone, recordName: props.domainName, target });
      if (dualStack) new route53.AaaaRecord(this, 'AliasRecordIpv6', { zone: props.hostedZone, recordName: props.domainName, target });
    }
    const host = props.domainName ?? this.loadBalancer.loadBalancerDnsName;
    this.url = `${props.certificate ? 'https' : 'http'}://${host}`;
    new CfnOutput(this, 'Url', { value: this.url, description: `URL of ${this.node.path}` });
  }

  /** 5xx responses returned by the tasks (all target groups). @default sum over 5 minutes */
  public metricTargetHttp5xxCount(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.loadBalancer.metrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, props);
  }

  /** 5xx responses the load balancer itself returned (e.g. 502/503 with no healthy task). @default sum over 5 minutes */
  public metricElbHttp5xxCount(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.loadBalancer.metrics.httpCodeElb(elbv2.HttpCodeElb.ELB_5XX_COUNT, props);
  }

  /** Time from the load balancer sending a request to a task until the response starts. @default average over 5 minutes */
  public metricTargetResponseTime(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.loadBalancer.metrics.targetResponseTime(props);
  }

  /** Unhealthy targets of the default target group. @default average over 5 minutes */
  public metricUnhealthyHostCount(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.targetGroup.metrics.unhealthyHostCount(props);
  }
}

/** A security group peer for a CIDR, or `undefined` when aws-cdk-lib would reject it. */
function safePeer(cidr: string): ec2.IPeer | undefined {
  try {
    return parseCidr(cidr)?.version === 6 ? ec2.Peer.ipv6(cidr) : ec2.Peer.ipv4(cidr);
  } catch {
    return undefined;
  }
}

function uniqueTargets(targets: ResolvedTarget[]): ResolvedTarget[] {
  return targets.filter((t, i) => targets.findIndex(x => targetKey(x) === targetKey(t)) === i);
}

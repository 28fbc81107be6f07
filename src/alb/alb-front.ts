import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { AlbFrontOptions } from './alb-front-options';
import { buildAlbFront } from './front';
import { FargateService } from '../service/fargate-service';
import { IFargateService } from '../service/service';
import { FRONT_SERVICE, checkTargetCount } from '../validation/alb-rules';
import { formatProblem, reportAtSynth } from '../validation/errors';

const TYPE = 'AlbFront';

/**
 * Properties of an `AlbFront`.
 * @experimental
 */
export interface AlbFrontProps extends AlbFrontOptions {
  /** The service to put behind the load balancer (a `FargateService` of this app). */
  readonly service: IFargateService;
}

/**
 * A load-balancer front on an existing `FargateService`: its own target groups (health
 * checks, keyed by what they serve), and either a place on the service's environment's shared
 * load balancer (a listener rule with host and/or path conditions and a stable priority) or an
 * internet-facing load balancer of its own. The tasks' security group accepts exactly the
 * target container ports from the load balancer's security group. Request-count scaling,
 * alarms (which also roll a deployment back) and the URL output as with `AlbFrontedService`.
 *
 * Experimental: it may change in a minor release (docs/stability.md).
 * @experimental
 */
export class AlbFront extends Construct {
  /** The Application Load Balancer (the environment's shared one, or the front's own). */
  public readonly loadBalancer: elbv2.IApplicationLoadBalancer;
  /** The load balancer's security group. */
  public readonly loadBalancerSecurityGroup: ec2.ISecurityGroup;
  /** The listener that forwards to the tasks. */
  public readonly listener: elbv2.IApplicationListener;
  /** The HTTP 80 listener that redirects to HTTPS, when the load balancer has a certificate. */
  public readonly redirectListener?: elbv2.IApplicationListener;
  /** The target group of the default container:port. */
  public readonly targetGroup: elbv2.ApplicationTargetGroup;
  /** All target groups: the default one first, then one per further container:port of `routes`. */
  public readonly targetGroups: elbv2.ApplicationTargetGroup[];
  /** The front's rules on the shared listener (empty with a load balancer of its own). */
  public readonly listenerRules: elbv2.ApplicationListenerRule[];
  /** The service behind the front. */
  public readonly fargateService: IFargateService;
  /** The URL of the service. */
  public readonly url: string;
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
  /** The access log bucket of the load balancer, when access logs are on. */
  public readonly accessLogBucket?: s3.IBucket;

  constructor(scope: Construct, id: string, props: AlbFrontProps) {
    super(scope, id);
    // ECS registers a service's load balancer targets in the service resource: it must be one of this app
    if (!(props.service instanceof FargateService)) {
      throw new Error(formatProblem(TYPE, this, FRONT_SERVICE.problem({ service: props.service.node.path })));
    }
    const svc = props.service;
    const front = buildAlbFront(TYPE, this, props, {
      network: svc.network,
      taskDef: svc.taskDef,
      environment: svc.environment,
      autoScaling: svc.scalableTaskCount !== undefined,
      service: rollbackAlarms => {
        if (rollbackAlarms.length > 0) {
          svc.service.enableDeploymentAlarms(rollbackAlarms.map(a => a.alarmName), { behavior: ecs.AlarmBehavior.ROLLBACK_ON_ALARM });
        }
        return svc;
      },
    });
    this.loadBalancer = front.loadBalancer;
    this.loadBalancerSecurityGroup = front.loadBalancerSecurityGroup;
    this.listener = front.listener;
    this.redirectListener = front.redirectListener;
    this.targetGroups = front.targetGroups;
    this.targetGroup = front.targetGroups[0];
    this.listenerRules = front.listenerRules;
    this.fargateService = svc;
    this.url = front.url;
    this.containerName = front.containerName;
    this.containerPort = front.containerPort;
    this.http5xxAlarm = front.http5xxAlarm;
    this.targetResponseTimeAlarm = front.targetResponseTimeAlarm;
    this.unhealthyHostsAlarms = front.unhealthyHostsAlarms;
    this.accessLogBucket = front.accessLogBucket;
    // several fronts may serve one service: the ECS limit holds for all of them together
    reportAtSynth(TYPE, this, () => [checkTargetCount(svc.service.loadBalancers
      .map(lb => `${lb.containerName}:${lb.containerPort}`), 'the fronts of the service')]);
  }

  /** 5xx responses returned by the service's tasks (its target groups' default one). @default sum over 5 minutes */
  public metricTargetHttp5xxCount(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.targetGroup.metrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, props);
  }

  /** Time from the load balancer sending a request to a task until the response starts (default target group). @default average over 5 minutes */
  public metricTargetResponseTime(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.targetGroup.metrics.targetResponseTime(props);
  }

  /** Unhealthy targets of the default target group. @default average over 5 minutes */
  public metricUnhealthyHostCount(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.targetGroup.metrics.unhealthyHostCount(props);
  }
}

import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { AlbFrontOptions } from './alb-front-options';
import { buildAlbFront } from './front';
import { FargateService, FargateServiceProps } from '../service/fargate-service';
import { workloadNetwork } from '../service/workload';

const TYPE = 'AlbFrontedService';

/**
 * Properties of an `AlbFrontedService`: those of `FargateService` plus the load balancer's.
 */
export interface AlbFrontedServiceProps extends FargateServiceProps, AlbFrontOptions {
}

/**
 * An Application Load Balancer (its own, or its environment's shared one; internet-facing unless `internetFacing: false`
 * or in `ISOLATED_ONLY`) in front of a new `FargateService`: `ip` target
 * groups with health checks, HTTP (or HTTPS with an 80→443 redirect), security groups
 * chained so the tasks accept only the container port(s) from the load balancer, optional
 * path routes to other containers of the task, request-count scaling, alarms and access
 * logs. Outputs the service URL.
 */
export class AlbFrontedService extends Construct implements ec2.IConnectable {
  /** The Application Load Balancer (the environment's shared one when the service joined it). */
  public readonly loadBalancer: elbv2.IApplicationLoadBalancer;
  /** The load balancer's security group. */
  public readonly loadBalancerSecurityGroup: ec2.ISecurityGroup;
  /** The listener that forwards to the tasks: HTTPS 443 with a certificate, else HTTP 80. */
  public readonly listener: elbv2.IApplicationListener;
  /** The HTTP 80 listener that redirects to HTTPS, when there is a certificate. */
  public readonly redirectListener?: elbv2.IApplicationListener;
  /** The target group of the default container:port. */
  public readonly targetGroup: elbv2.ApplicationTargetGroup;
  /** All target groups: the default one first, then one per further container:port of `routes`. */
  public readonly targetGroups: elbv2.ApplicationTargetGroup[];
  /**
   * The rules on the environment's shared listener (empty with a load balancer of its own, whose rules belong to `listener`).
   * @experimental
   */
  public readonly listenerRules: elbv2.ApplicationListenerRule[];
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
    // the front and the service are built by the same code as AlbFront + FargateService, in the
    // order (and with the construct IDs) this construct always used, so no logical ID changes
    const front = buildAlbFront(TYPE, this, props, {
      network: workloadNetwork(TYPE, this, props),
      taskDef: props.taskDef,
      environment: props.environment,
      autoScaling: props.autoScaling !== undefined,
      service: rollbackAlarms => new FargateService(this, 'Service', {
        ...props,
        deploymentAlarms: [...(props.deploymentAlarms ?? []), ...rollbackAlarms],
      }),
    });
    this.loadBalancer = front.loadBalancer;
    this.loadBalancerSecurityGroup = front.loadBalancerSecurityGroup;
    this.listener = front.listener;
    this.redirectListener = front.redirectListener;
    this.targetGroups = front.targetGroups;
    this.targetGroup = front.targetGroups[0];
    this.listenerRules = front.listenerRules;
    this.fargateService = front.fargateService;
    this.service = this.fargateService.service;
    this.cluster = this.fargateService.cluster;
    this.securityGroup = this.fargateService.securityGroup;
    this.connections = this.fargateService.connections;
    this.containerName = front.containerName;
    this.containerPort = front.containerPort;
    this.http5xxAlarm = front.http5xxAlarm;
    this.targetResponseTimeAlarm = front.targetResponseTimeAlarm;
    this.unhealthyHostsAlarms = front.unhealthyHostsAlarms;
    this.accessLogBucket = front.accessLogBucket;
    this.url = front.url;
  }

  /** 5xx responses returned by the service's tasks (its default target group: per service, also on a shared load balancer). @default sum over 5 minutes */
  public metricTargetHttp5xxCount(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.targetGroup.metrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, props);
  }

  /**
   * 5xx responses the load balancer itself returned (e.g. 502/503 with no healthy task). ELB
   * publishes this metric per load balancer only: on a shared load balancer it counts the
   * answers of every service. @default sum over 5 minutes
   */
  public metricElbHttp5xxCount(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.loadBalancer.metrics.httpCodeElb(elbv2.HttpCodeElb.ELB_5XX_COUNT, props);
  }

  /** Time from the load balancer sending a request to a task until the response starts (default target group: per service). @default average over 5 minutes */
  public metricTargetResponseTime(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.targetGroup.metrics.targetResponseTime(props);
  }

  /** Unhealthy targets of the default target group. @default average over 5 minutes */
  public metricUnhealthyHostCount(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.targetGroup.metrics.unhealthyHostCount(props);
  }
}

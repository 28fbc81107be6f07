import { Duration } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AlbAlarmOptions } from './alb-alarms';
import { AlbRoute } from './routes';

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
 * The load-balancer side of a service: target groups and health checks, listener rules,
 * security group chaining, request-count scaling, alarms, and either a load balancer of its
 * own or a place on its environment's shared load balancer. Used by `AlbFront` (on an
 * existing `FargateService`) and `AlbFrontedService` (which builds the service too).
 */
export interface AlbFrontOptions {
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
   * Only for a load balancer of its own: on the shared one, set it in the environment.
   * @default - HTTP on port 80 only
   */
  readonly certificate?: acm.ICertificate;
  /**
   * The TLS policy of the HTTPS listener (only with `certificate`).
   * Only for a load balancer of its own: on the shared one, set it in the environment.
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
   * Only for a load balancer of its own: on the shared one, set it in the environment.
   * @default - ['0.0.0.0/0'], plus '::/0' on a dual-stack load balancer
   */
  readonly allowedCidrs?: string[];
  /**
   * IPv4 only, or dual-stack (the VPC and subnets need IPv6 CIDR blocks).
   * Only for a load balancer of its own: on the shared one, set it in the environment.
   * @default elbv2.IpAddressType.IPV4
   */
  readonly ipAddressType?: elbv2.IpAddressType;
  /**
   * Whether the load balancer is reachable from the internet.
   * Only for a load balancer of its own: on the shared one, set it in the environment.
   * @default - true; false in topology ISOLATED_ONLY, which has no internet gateway
   */
  readonly internetFacing?: boolean;
  /**
   * The subnets of the load balancer. They must cover every AZ the tasks run in.
   * Only for a load balancer of its own.
   * @default - the network's loadBalancerSubnets (internet-facing) or taskSubnets (internal)
   */
  readonly loadBalancerSubnets?: ec2.SubnetSelection;
  /**
   * A security group of your own for the load balancer. This construct adds no ingress
   * rule to it (so `allowedCidrs` cannot be used with it); import it with
   * `mutable: false` to also manage the egress to the tasks yourself.
   * Only for a load balancer of its own.
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
   * Only for a load balancer of its own: on the shared one, set it in the environment.
   * @default false
   */
  readonly accessLogs?: boolean;
  /**
   * A bucket of your own for the access logs (turns `accessLogs` on).
   * Only for a load balancer of its own: on the shared one, set it in the environment.
   * @default - a new bucket when accessLogs is true
   */
  readonly accessLogBucket?: s3.IBucket;
  /**
   * How long the new access log bucket keeps the logs.
   * Only for a load balancer of its own: on the shared one, set it in the environment.
   * @default Duration.days(90)
   */
  readonly accessLogRetention?: Duration;
  /**
   * Join the environment's shared load balancer (with `hostHeaders` and/or `pathPatterns`)
   * instead of creating a load balancer of its own.
   * @default - true when the service runs in an environment with a shared load balancer
   * @experimental
   */
  readonly sharedLoadBalancer?: boolean;
  /**
   * Host header conditions of the front's rule on the shared listener, e.g. ['app.example.com']
   * (wildcards `*` and `?`). On an HTTPS listener a certificate of the environment must cover each.
   * @default - `domainName` when set, else any host
   * @experimental
   */
  readonly hostHeaders?: string[];
  /**
   * Path pattern conditions of the front's rule on the shared listener, e.g. ['/app/*'].
   * @default - any path
   * @experimental
   */
  readonly pathPatterns?: string[];
  /**
   * The priority of the front's rule on the shared listener (1-50000, lower first). Derived
   * from the conditions alone, so other services joining or leaving never renumber it: more
   * specific paths first, ties broken by a hash of the hosts and paths.
   * @default - derived from hostHeaders and pathPatterns
   * @experimental
   */
  readonly priority?: number;
}

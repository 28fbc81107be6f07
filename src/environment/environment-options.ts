import { Duration } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as s3 from 'aws-cdk-lib/aws-s3';

/**
 * The shared Application Load Balancer of a `FargateEnvironment`: services join its listener
 * with host and/or path conditions (`AlbFront`, or `AlbFrontedService` in the environment).
 * @experimental
 */
export interface EnvironmentLoadBalancerOptions {
  /**
   * Certificates for HTTPS: the load balancer then listens on 443 (the first certificate is
   * the default, the others are served by SNI) and port 80 only redirects to 443.
   * @default - HTTP on port 80 only
   */
  readonly certificates?: acm.ICertificate[];
  /**
   * The TLS policy of the HTTPS listener (only with certificates).
   * @default elbv2.SslPolicy.RECOMMENDED_TLS (TLS 1.2 and 1.3, forward secrecy)
   */
  readonly sslPolicy?: elbv2.SslPolicy;
  /**
   * The client networks allowed to reach the listeners, as IPv4 or IPv6 CIDR blocks.
   * @default - ['0.0.0.0/0'], plus '::/0' on a dual-stack load balancer
   */
  readonly allowedCidrs?: string[];
  /**
   * Whether the load balancer is reachable from the internet.
   * @default - true; false in topology ISOLATED_ONLY, which has no internet gateway
   */
  readonly internetFacing?: boolean;
  /**
   * IPv4 only, or dual-stack (the VPC and subnets need IPv6 CIDR blocks).
   * @default elbv2.IpAddressType.IPV4
   */
  readonly ipAddressType?: elbv2.IpAddressType;
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
 * The Service Connect (Cloud Map HTTP) namespace of a `FargateEnvironment`: services publish
 * a name and port in it (`serviceConnect`) and call each other by name (`calls`).
 * @experimental
 */
export interface EnvironmentServiceConnectOptions {
  /**
   * The name of the Cloud Map HTTP namespace.
   * @default 'internal'
   */
  readonly namespaceName?: string;
}

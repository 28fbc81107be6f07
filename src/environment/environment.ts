import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as cloudmap from 'aws-cdk-lib/aws-servicediscovery';
import { IConstruct } from 'constructs';
import { IFargateNetwork } from '../network/network';

/**
 * Where services run together: one network, one cluster, optionally a shared load balancer
 * (services join its listener with host and/or path rules) and a Service Connect namespace.
 * A `FargateEnvironment` of this app, or one another app owns
 * (`FargateEnvironment.fromFargateEnvironmentAttributes`).
 * @experimental
 */
export interface IFargateEnvironment extends IConstruct {
  /** The network the services run in. */
  readonly network: IFargateNetwork;
  /** The ECS cluster of every workload of the environment. */
  readonly cluster: ecs.ICluster;
  /**
   * Whether the cluster has the FARGATE and FARGATE_SPOT capacity providers: services then
   * place their tasks with a capacity provider strategy (so turning Spot on or off later
   * updates them in place).
   */
  readonly fargateCapacityProviders: boolean;
  /** The shared load balancer, when there is one. */
  readonly loadBalancer?: elbv2.IApplicationLoadBalancer;
  /** The shared load balancer's security group, when there is one. */
  readonly loadBalancerSecurityGroup?: ec2.ISecurityGroup;
  /** The listener services join (HTTPS 443 with certificates, else HTTP 80), when there is a shared load balancer. */
  readonly listener?: elbv2.IApplicationListener;
  /** The HTTP 80 listener that redirects to HTTPS, when the shared listener is HTTPS and this app knows it. */
  readonly redirectListener?: elbv2.IApplicationListener;
  /** Whether the shared listener is HTTPS (services' URLs are https://). */
  readonly https: boolean;
  /** The certificates of the shared HTTPS listener known to this app (hosts are checked against them). */
  readonly certificates: acm.ICertificate[];
  /** The access log bucket of the shared load balancer, when this app knows it. */
  readonly accessLogBucket?: s3.IBucket;
  /** The Service Connect namespace, when the environment has one. */
  readonly serviceConnectNamespace?: cloudmap.INamespace;
}

/**
 * An environment another app owns, for `FargateEnvironment.fromFargateEnvironmentAttributes`:
 * its network and cluster, and (when services join them) its shared listener and Service
 * Connect namespace. Typically the owning app exports these values (stack outputs, SSM
 * parameters) and the service app reads them.
 * @experimental
 */
export interface FargateEnvironmentAttributes {
  /** The network of the environment (e.g. `FargateVpc.fromVpc` over `ec2.Vpc.fromLookup`). */
  readonly network: IFargateNetwork;
  /** The name of the environment's ECS cluster. */
  readonly clusterName: string;
  /**
   * Whether the cluster has the FARGATE and FARGATE_SPOT capacity providers.
   * @default true (every FargateEnvironment cluster has them)
   */
  readonly fargateCapacityProviders?: boolean;
  /**
   * The ARN of the shared listener services join.
   * @default - no shared load balancer
   */
  readonly listenerArn?: string;
  /**
   * Whether the shared listener is HTTPS.
   * @default false
   */
  readonly https?: boolean;
  /**
   * Certificates of the shared HTTPS listener whose domain names this app knows (hosts of
   * fronts are checked against them).
   * @default - none: hosts are not checked against certificates
   */
  readonly certificates?: acm.ICertificate[];
  /**
   * The ARN of the shared load balancer (with `listenerArn`).
   * @default - no shared load balancer
   */
  readonly loadBalancerArn?: string;
  /**
   * The DNS name of the shared load balancer (the URL of services without a host of their own).
   * @default - required with loadBalancerArn
   */
  readonly loadBalancerDnsName?: string;
  /**
   * The canonical hosted zone ID of the shared load balancer (for alias records of `domainName`).
   * @default - none: fronts cannot create alias records
   */
  readonly loadBalancerCanonicalHostedZoneId?: string;
  /**
   * The ID of the shared load balancer's security group (tasks accept traffic from it).
   * @default - required with listenerArn
   */
  readonly loadBalancerSecurityGroupId?: string;
  /**
   * The ARN of the Service Connect (Cloud Map HTTP) namespace.
   * @default - no Service Connect namespace
   */
  readonly serviceConnectNamespaceArn?: string;
  /**
   * The ID of the Service Connect namespace (with its ARN).
   * @default - required with serviceConnectNamespaceArn
   */
  readonly serviceConnectNamespaceId?: string;
  /**
   * The name of the Service Connect namespace (with its ARN).
   * @default - required with serviceConnectNamespaceArn
   */
  readonly serviceConnectNamespaceName?: string;
}

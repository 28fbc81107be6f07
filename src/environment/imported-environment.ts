import { Stack } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as cloudmap from 'aws-cdk-lib/aws-servicediscovery';
import { Construct } from 'constructs';
import { FargateEnvironmentAttributes, IFargateEnvironment } from './environment';
import { checkEnvironmentServices } from './environment-checks';
import { environmentState } from './registry';
import { IFargateNetwork } from '../network/network';
import { IMPORTED_ENVIRONMENT } from '../validation/environment-rules';
import { reportProblems } from '../validation/errors';

const TYPE = 'FargateEnvironment.fromFargateEnvironmentAttributes';

/** An environment another app owns (`FargateEnvironment.fromFargateEnvironmentAttributes`). */
export class ImportedFargateEnvironment extends Construct implements IFargateEnvironment {
  public readonly network: IFargateNetwork;
  public readonly cluster: ecs.ICluster;
  public readonly fargateCapacityProviders: boolean;
  public readonly loadBalancer?: elbv2.IApplicationLoadBalancer;
  public readonly loadBalancerSecurityGroup?: ec2.ISecurityGroup;
  public readonly listener?: elbv2.IApplicationListener;
  public readonly https: boolean;
  public readonly certificates: acm.ICertificate[];
  public readonly serviceConnectNamespace?: cloudmap.INamespace;

  constructor(scope: Construct, id: string, attrs: FargateEnvironmentAttributes) {
    super(scope, id);
    this.network = attrs.network;
    this.cluster = ecs.Cluster.fromClusterAttributes(this, 'Cluster', {
      clusterName: attrs.clusterName,
      clusterArn: Stack.of(this).formatArn({ service: 'ecs', resource: 'cluster', resourceName: attrs.clusterName }),
      vpc: attrs.network.vpc,
      securityGroups: [],
    });
    this.fargateCapacityProviders = attrs.fargateCapacityProviders ?? true;
    this.https = attrs.https ?? false;
    this.certificates = [...(attrs.certificates ?? [])];
    const lb = this.importLoadBalancer(attrs);
    this.loadBalancerSecurityGroup = lb?.securityGroup;
    this.loadBalancer = lb?.loadBalancer;
    this.listener = lb?.listener;
    this.serviceConnectNamespace = this.importNamespace(attrs);
    checkEnvironmentServices(TYPE, this);
  }

  private importLoadBalancer(attrs: FargateEnvironmentAttributes): {
    securityGroup: ec2.ISecurityGroup; loadBalancer: elbv2.IApplicationLoadBalancer; listener: elbv2.IApplicationListener;
  } | undefined {
    const lb = [attrs.listenerArn, attrs.loadBalancerArn, attrs.loadBalancerDnsName, attrs.loadBalancerSecurityGroupId];
    if (lb.every(x => x === undefined)) return undefined;
    const missing = (['listenerArn', 'loadBalancerArn', 'loadBalancerDnsName', 'loadBalancerSecurityGroupId'] as const).filter(k => attrs[k] === undefined);
    if (reportProblems(TYPE, this, [missing.length > 0 ? IMPORTED_ENVIRONMENT.problem('loadBalancer', { missing }) : undefined])) {
      environmentState(this).brokenLoadBalancer = true;
      return undefined;
    }
    const securityGroup = ec2.SecurityGroup.fromSecurityGroupId(this, 'LoadBalancerSecurityGroup', attrs.loadBalancerSecurityGroupId!, {
      allowAllOutbound: false,
    });
    const loadBalancer = elbv2.ApplicationLoadBalancer.fromApplicationLoadBalancerAttributes(this, 'LoadBalancer', {
      loadBalancerArn: attrs.loadBalancerArn!,
      loadBalancerDnsName: attrs.loadBalancerDnsName,
      loadBalancerCanonicalHostedZoneId: attrs.loadBalancerCanonicalHostedZoneId,
      securityGroupId: attrs.loadBalancerSecurityGroupId!,
      vpc: this.network.vpc,
    });
    const listener = elbv2.ApplicationListener.fromApplicationListenerAttributes(this, 'Listener', {
      listenerArn: attrs.listenerArn!,
      securityGroup,
    });
    return { securityGroup, loadBalancer, listener };
  }

  private importNamespace(attrs: FargateEnvironmentAttributes): cloudmap.INamespace | undefined {
    const ns = [attrs.serviceConnectNamespaceArn, attrs.serviceConnectNamespaceId, attrs.serviceConnectNamespaceName];
    if (ns.every(x => x === undefined)) return undefined;
    const missing = (['serviceConnectNamespaceArn', 'serviceConnectNamespaceId', 'serviceConnectNamespaceName'] as const).filter(k => attrs[k] === undefined);
    if (reportProblems(TYPE, this, [missing.length > 0 ? IMPORTED_ENVIRONMENT.problem('namespace', { missing }) : undefined])) return undefined;
    return cloudmap.HttpNamespace.fromHttpNamespaceAttributes(this, 'Namespace', {
      namespaceArn: attrs.serviceConnectNamespaceArn!,
      namespaceId: attrs.serviceConnectNamespaceId!,
      namespaceName: attrs.serviceConnectNamespaceName!,
    });
  }
}

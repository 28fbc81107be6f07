import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { taskDef } from './helpers';
import {
  AlbFrontedService, FargateEnvironment, FargateEnvironmentAttributes, FargateService, FargateVpc, IFargateEnvironment, VpcTopology,
} from '../../src';
import { atSynth } from '../at-synth';

const ENV = { account: '123456789012', region: 'us-east-1' };

/** A network of another app, imported (2 AZs, public and private subnets). */
function importedNetwork(stack: Stack) {
  return FargateVpc.fromVpc(stack, 'Network', {
    vpc: ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
      vpcId: 'vpc-0123456789abcdef0',
      availabilityZones: ['us-east-1a', 'us-east-1b'],
      publicSubnetIds: ['subnet-0public1', 'subnet-0public2'],
      privateSubnetIds: ['subnet-0private1', 'subnet-0private2'],
      publicSubnetRouteTableIds: ['rtb-1', 'rtb-2'],
      privateSubnetRouteTableIds: ['rtb-3', 'rtb-4'],
    }),
    topology: VpcTopology.PRIVATE_WITH_NAT,
  });
}

/** The environment of the platform app, imported by a service app. */
function importedEnvironment(stack: Stack, extra: Partial<FargateEnvironmentAttributes> = {}): IFargateEnvironment {
  return FargateEnvironment.fromFargateEnvironmentAttributes(stack, 'Env', {
    network: importedNetwork(stack),
    clusterName: 'platform',
    listenerArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/shared/50dc6c495c0c9188/f2f7dc8efc522ab2',
    loadBalancerArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/shared/50dc6c495c0c9188',
    loadBalancerDnsName: 'shared-123.us-east-1.elb.amazonaws.com',
    loadBalancerSecurityGroupId: 'sg-0loadbalancer',
    serviceConnectNamespaceArn: 'arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-abc',
    serviceConnectNamespaceId: 'ns-abc',
    serviceConnectNamespaceName: 'internal',
    ...extra,
  });
}

/** The resources a service joining `environment` creates, by type, from the service's own stack. */
function serviceResources(stack: Stack, type: string): Record<string, any>[] {
  return Object.values(Template.fromStack(stack).findResources(type)).map(r => r.Properties);
}

describe('a service of another app joins an imported environment', () => {
  test('the same listener rule (conditions, priority) and target group as joining the real construct', () => {
    const own = new Stack(new App(), 'Own', { env: ENV });
    const env = new FargateEnvironment(own, 'Env', { network: importedNetwork(own), loadBalancer: {}, serviceConnect: {} });
    new AlbFrontedService(own, 'Web', { environment: env, taskDef: taskDef(own, 'Task', 'web', 8080), hostHeaders: ['web.example.com'] });

    const other = new Stack(new App(), 'Other', { env: ENV });
    new AlbFrontedService(other, 'Web', { environment: importedEnvironment(other), taskDef: taskDef(other, 'Task', 'web', 8080), hostHeaders: ['web.example.com'] });

    const strip = (p: Record<string, any>) => ({ ...p, ListenerArn: undefined, Actions: undefined, VpcId: undefined });
    const ownRules = serviceResources(own, 'AWS::ElasticLoadBalancingV2::ListenerRule').map(strip);
    const otherRules = serviceResources(other, 'AWS::ElasticLoadBalancingV2::ListenerRule').map(strip);
    expect(otherRules).toEqual(ownRules);
    expect(otherRules[0]).toMatchObject({ Priority: expect.any(Number), Conditions: [{ Field: 'host-header', HostHeaderConfig: { Values: ['web.example.com'] } }] });
    expect(serviceResources(other, 'AWS::ElasticLoadBalancingV2::TargetGroup').map(strip))
      .toEqual(serviceResources(own, 'AWS::ElasticLoadBalancingV2::TargetGroup').map(strip));
    // keyed the same way: the logical IDs of the service's rule and target group do not depend on where the environment comes from
    const ids = (s: Stack, type: string) => Object.keys(Template.fromStack(s).findResources(type)).sort();
    expect(ids(other, 'AWS::ElasticLoadBalancingV2::ListenerRule')).toEqual(ids(own, 'AWS::ElasticLoadBalancingV2::ListenerRule'));
    expect(ids(other, 'AWS::ElasticLoadBalancingV2::TargetGroup')).toEqual(ids(own, 'AWS::ElasticLoadBalancingV2::TargetGroup'));
  });

  test('the rule is on the imported listener, the tasks accept the imported load balancer group, the cluster is the environment\'s', () => {
    const stack = new Stack(new App(), 'Other', { env: ENV });
    new AlbFrontedService(stack, 'Web', { environment: importedEnvironment(stack), taskDef: taskDef(stack, 'Task', 'web', 8080), hostHeaders: ['web.example.com'] });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
      ListenerArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/shared/50dc6c495c0c9188/f2f7dc8efc522ab2',
    });
    t.hasResourceProperties('AWS::EC2::SecurityGroupIngress', { FromPort: 8080, ToPort: 8080, SourceSecurityGroupId: 'sg-0loadbalancer' });
    t.hasResourceProperties('AWS::ECS::Service', {
      Cluster: 'platform',
      CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE', Weight: 1 }],
    });
    t.resourceCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', 0);
    t.resourceCountIs('AWS::ECS::Cluster', 0);
    t.hasOutput('*', { Value: 'http://web.example.com' });
  });

  test('Service Connect through the imported namespace, by its ARN', () => {
    const stack = new Stack(new App(), 'Other', { env: ENV });
    new FargateService(stack, 'Api', { environment: importedEnvironment(stack), taskDef: taskDef(stack, 'Task', 'api', 8080), serviceConnect: { name: 'api' } });
    Template.fromStack(stack).hasResourceProperties('AWS::ECS::Service', {
      ServiceConnectConfiguration: {
        Enabled: true,
        Namespace: 'arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-abc',
        Services: [Match.objectLike({ DiscoveryName: 'api', PortName: 'api' })],
      },
    });
  });

  test('the checks across services see this app\'s services: two of them on the same host collide', () => {
    const stack = new Stack(new App(), 'Other', { env: ENV });
    const env = importedEnvironment(stack);
    new AlbFrontedService(stack, 'A', { environment: env, taskDef: taskDef(stack, 'TaskA', 'web', 8080), hostHeaders: ['web.example.com'] });
    new AlbFrontedService(stack, 'B', { environment: env, taskDef: taskDef(stack, 'TaskB', 'web', 8080), hostHeaders: ['web.example.com'] });
    expect(atSynth(() => stack)).toThrow(/FargateEnvironment.fromFargateEnvironmentAttributes Other\/Env: \[FGK-SHARED-LISTENER-OVERLAP\]/);
  });

  test('a shared load balancer imported in part is reported (FGK-IMPORTED-ENVIRONMENT), all missing attributes named', () => {
    const stack = new Stack(new App(), 'Other', { env: ENV });
    importedEnvironment(stack, { loadBalancerDnsName: undefined, loadBalancerSecurityGroupId: undefined });
    expect(atSynth(() => stack)).toThrow(/\[FGK-IMPORTED-ENVIRONMENT\] the shared load balancer is imported without loadBalancerDnsName, loadBalancerSecurityGroupId;/);
  });

  test('a namespace imported in part is reported (FGK-IMPORTED-ENVIRONMENT)', () => {
    const stack = new Stack(new App(), 'Other', { env: ENV });
    importedEnvironment(stack, { serviceConnectNamespaceId: undefined });
    expect(atSynth(() => stack)).toThrow(/\[FGK-IMPORTED-ENVIRONMENT\] the Service Connect namespace is imported without serviceConnectNamespaceId;/);
  });

  test('without a load balancer or namespace, an imported environment is a network and a cluster', () => {
    const stack = new Stack(new App(), 'Other', { env: ENV });
    const env = FargateEnvironment.fromFargateEnvironmentAttributes(stack, 'Env', { network: importedNetwork(stack), clusterName: 'platform' });
    expect(env.listener).toBeUndefined();
    expect(env.serviceConnectNamespace).toBeUndefined();
    expect(env.https).toBe(false);
    expect(env.cluster.clusterArn).toContain(':ecs:us-east-1:123456789012:cluster/platform');
    new FargateService(stack, 'Worker', { environment: env, taskDef: taskDef(stack, 'Task', 'worker') });
    Template.fromStack(stack).hasResourceProperties('AWS::ECS::Service', { Cluster: 'platform' });
  });
});

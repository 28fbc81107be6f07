import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { SCOREKEEP_REGION } from '../../examples/scenarios';
import { API_PORT, FRONTEND_PORT, ManyServicesStack } from '../../examples/stacks/many-services';

describe('ManyServices example', () => {
  const stack = new ManyServicesStack(new App(), 'ManyServices', { env: { region: SCOREKEEP_REGION } });
  const t = Template.fromStack(stack);
  const sg = (s: { securityGroup: any }) => stack.getLogicalId(s.securityGroup.node.defaultChild);

  test('one VPC, one cluster, one load balancer, one namespace for three services', () => {
    t.resourceCountIs('AWS::EC2::VPC', 1);
    t.resourceCountIs('AWS::ECS::Cluster', 1);
    t.resourceCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', 1);
    t.resourceCountIs('AWS::ServiceDiscovery::HttpNamespace', 1);
    t.resourceCountIs('AWS::ECS::Service', 3);
    t.hasResourceProperties('AWS::ServiceDiscovery::HttpNamespace', { Name: 'many-services.internal' });
  });

  test('the frontend is public through a rule of the shared listener', () => {
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
      Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/*'] } }],
      Actions: [{ Type: 'forward', TargetGroupArn: { Ref: Match.stringLikeRegexp('FrontendFrontSharedTargetGroup') } }],
    });
    t.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      GroupId: { 'Fn::GetAtt': [sg(stack.frontend), 'GroupId'] },
      SourceSecurityGroupId: { 'Fn::GetAtt': [stack.getLogicalId(stack.fargateEnvironment.loadBalancerSecurityGroup!.node.defaultChild as any), 'GroupId'] },
      FromPort: FRONTEND_PORT,
      ToPort: FRONTEND_PORT,
    });
  });

  test('the API is internal: reached only by its two callers, on its container port', () => {
    const ingress = Object.values(t.findResources('AWS::EC2::SecurityGroupIngress')).map((r: any) => r.Properties)
      .filter(p => p.GroupId['Fn::GetAtt'][0] === sg(stack.api));
    expect(ingress.map(p => [p.SourceSecurityGroupId['Fn::GetAtt'][0], p.FromPort, p.ToPort]).sort())
      .toEqual([[sg(stack.frontend), API_PORT, API_PORT], [sg(stack.worker), API_PORT, API_PORT]].sort());
    t.hasResourceProperties('AWS::ECS::Service', {
      ServiceConnectConfiguration: Match.objectLike({ Services: [{ PortName: 'api', DiscoveryName: 'api', ClientAliases: [{ DnsName: 'api', Port: 80 }] }] }),
    });
  });

  test('the worker has no ingress at all', () => {
    const ingress = Object.values(t.findResources('AWS::EC2::SecurityGroupIngress')).map((r: any) => r.Properties)
      .filter(p => p.GroupId['Fn::GetAtt']?.[0] === sg(stack.worker));
    expect(ingress).toEqual([]);
    t.hasResourceProperties('AWS::ECS::Service', {
      TaskDefinition: { Ref: Match.stringLikeRegexp('WorkerTask') },
      LoadBalancers: Match.absent(),
      ServiceConnectConfiguration: { Enabled: true, Namespace: Match.anyValue() },
    });
  });
});

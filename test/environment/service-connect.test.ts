import { Match, Template } from 'aws-cdk-lib/assertions';
import { envFixture, taskDef } from './helpers';
import { FargateService } from '../../src';

describe('Service Connect in an environment', () => {
  function app(order: 'callee first' | 'caller first' = 'callee first') {
    const { stack, environment } = envFixture({ serviceConnect: {} });
    const callee = () => new FargateService(stack, 'Api', { environment, taskDef: taskDef(stack, 'ApiTask', 'api', 5000), serviceConnect: { name: 'api', port: 80 } });
    const caller = () => new FargateService(stack, 'Web', { environment, taskDef: taskDef(stack, 'WebTask', 'web', 8080), calls: ['api'] });
    let api: FargateService;
    let web: FargateService;
    if (order === 'callee first') {
      api = callee();
      web = caller();
    } else {
      web = caller();
      api = callee();
    }
    const other = new FargateService(stack, 'Other', { environment, taskDef: taskDef(stack, 'OtherTask', 'other', 9000) });
    return { stack, environment, api, web, other, t: Template.fromStack(stack) };
  }

  test('the callee publishes its name and client port on its named port mapping, in the environment\'s namespace', () => {
    const { t, api } = app();
    t.hasResourceProperties('AWS::ECS::Service', {
      ServiceConnectConfiguration: {
        Enabled: true,
        Namespace: { 'Fn::GetAtt': [Match.stringLikeRegexp('DefaultServiceDiscoveryNamespace'), 'Arn'] },
        Services: [{ PortName: 'api', DiscoveryName: 'api', ClientAliases: [{ DnsName: 'api', Port: 80 }] }],
      },
    });
    expect(api.serviceConnectName).toBe('api');
  });

  test('the caller is a Service Connect client only (no services published)', () => {
    const { t, web } = app();
    t.hasResourceProperties('AWS::ECS::Service', {
      TaskDefinition: { Ref: Match.stringLikeRegexp('WebTask') },
      ServiceConnectConfiguration: { Enabled: true, Namespace: Match.anyValue(), Services: Match.absent() },
    });
    expect(web.serviceConnectName).toBeUndefined();
  });

  test('a service that neither publishes nor calls has no Service Connect configuration', () => {
    const { t } = app();
    t.hasResourceProperties('AWS::ECS::Service', {
      TaskDefinition: { Ref: Match.stringLikeRegexp('OtherTask') },
      ServiceConnectConfiguration: Match.absent(),
    });
  });

  test.each(['callee first', 'caller first'] as const)('security groups: exactly caller -> callee container port, nothing broader (%s)', order => {
    const { t, stack, api, web, other } = app(order);
    const sg = (s: FargateService) => stack.getLogicalId(s.securityGroup.node.defaultChild as any);
    const ingress = Object.values(t.findResources('AWS::EC2::SecurityGroupIngress')).map((r: any) => r.Properties);
    expect(ingress).toEqual([{
      Description: 'Service Connect: Stack/Web calls api',
      IpProtocol: 'tcp',
      FromPort: 5000,
      ToPort: 5000,
      GroupId: { 'Fn::GetAtt': [sg(api), 'GroupId'] },
      SourceSecurityGroupId: { 'Fn::GetAtt': [sg(web), 'GroupId'] },
    }]);
    // no inline (CIDR) ingress on any service's group; the third service gets no rule at all
    const groups = Object.values(t.findResources('AWS::EC2::SecurityGroup', { Properties: { GroupDescription: 'Tasks of a FargateService (cdk-fargate-kit)' } }));
    expect(groups).toHaveLength(3);
    expect(groups.every((g: any) => g.Properties.SecurityGroupIngress === undefined)).toBe(true);
    expect(JSON.stringify(ingress)).not.toContain(sg(other));
  });

  test('the client port defaults to the container port', () => {
    const { stack, environment } = envFixture({ serviceConnect: {} });
    new FargateService(stack, 'Api', { environment, taskDef: taskDef(stack, 'ApiTask', 'api', 5000), serviceConnect: { name: 'orders' } });
    Template.fromStack(stack).hasResourceProperties('AWS::ECS::Service', {
      ServiceConnectConfiguration: Match.objectLike({ Services: [{ PortName: 'api', DiscoveryName: 'orders', ClientAliases: [{ DnsName: 'orders', Port: 5000 }] }] }),
    });
  });

  test('a service can publish and call at once', () => {
    const { stack, environment } = envFixture({ serviceConnect: {} });
    new FargateService(stack, 'A', { environment, taskDef: taskDef(stack, 'TA', 'a', 5000), serviceConnect: { name: 'a' }, calls: ['b'] });
    new FargateService(stack, 'B', { environment, taskDef: taskDef(stack, 'TB', 'b', 6000), serviceConnect: { name: 'b' }, calls: ['a'] });
    const t = Template.fromStack(stack);
    const ingress = Object.values(t.findResources('AWS::EC2::SecurityGroupIngress')).map((r: any) => [r.Properties.Description, r.Properties.FromPort]);
    expect(ingress.sort()).toEqual([['Service Connect: Stack/A calls b', 6000], ['Service Connect: Stack/B calls a', 5000]]);
  });
});

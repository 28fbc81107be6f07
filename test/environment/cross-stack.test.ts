import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { taskDef } from './helpers';
import { AlbFront, FargateEnvironment, FargateService } from '../../src';

describe('an environment in one stack, its services in others', () => {
  const app = new App();
  const envStack = new Stack(app, 'Platform');
  const environment = new FargateEnvironment(envStack, 'Env', { vpc: { natGateways: 1, flowLogs: false }, loadBalancer: {}, serviceConnect: {} });
  const apiStack = new Stack(app, 'ApiStack');
  new FargateService(apiStack, 'Api', { environment, taskDef: taskDef(apiStack, 'T', 'api', 5000), serviceConnect: { name: 'api' } });
  const webStack = new Stack(app, 'WebStack');
  const web = new FargateService(webStack, 'Web', { environment, taskDef: taskDef(webStack, 'T', 'web', 8080), calls: ['api'] });
  const zone = route53.HostedZone.fromHostedZoneAttributes(webStack, 'Zone', { hostedZoneId: 'Z123', zoneName: 'example.com' });
  new AlbFront(webStack, 'Front', { service: web, domainName: 'www.example.com', hostedZone: zone });
  const assembly = app.synth();

  test('each stack synthesizes; the web stack owns its rule and target group on the shared listener', () => {
    expect(assembly.stacks.map(s => s.stackName).sort()).toEqual(['ApiStack', 'Platform', 'WebStack']);
    const t = Template.fromStack(webStack);
    t.resourceCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', 0);
    t.resourceCountIs('AWS::ElasticLoadBalancingV2::TargetGroup', 1);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
      ListenerArn: { 'Fn::ImportValue': Match.stringLikeRegexp('^Platform:') },
      // domainName is the host condition when no hostHeaders are given
      Conditions: [{ Field: 'host-header', HostHeaderConfig: { Values: ['www.example.com'] } }],
    });
    t.hasResourceProperties('AWS::Route53::RecordSet', { Name: 'www.example.com.', Type: 'A' });
    expect(Template.fromStack(envStack).toJSON().Resources).toBeDefined();
  });

  test('the caller -> callee rule is created with the callee (its stack references the caller\'s group)', () => {
    const api = Template.fromStack(apiStack);
    const webT = Template.fromStack(webStack);
    const all = [...Object.values(api.findResources('AWS::EC2::SecurityGroupIngress')), ...Object.values(webT.findResources('AWS::EC2::SecurityGroupIngress'))]
      .map((r: any) => r.Properties).filter(p => String(p.Description).startsWith('Service Connect'));
    expect(all).toHaveLength(1);
    expect(all[0]).toEqual(expect.objectContaining({ FromPort: 5000, ToPort: 5000 }));
  });
});

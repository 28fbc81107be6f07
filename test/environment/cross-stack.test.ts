import { App, Stack, Stage } from 'aws-cdk-lib';
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

describe('an environment used from another stage, region or account (FGK-CROSS-STACK)', () => {
  const ENV_A = { account: '111111111111', region: 'us-east-1' };
  function worker(stack: Stack, environment: FargateEnvironment) {
    return () => new FargateService(stack, 'Worker', { environment, taskDef: taskDef(stack, 'T', 'worker') });
  }

  test('another stage: refused with the import as the fix, never aws-cdk-lib\'s cross-stage error', () => {
    const app = new App();
    const platform = new Stage(app, 'Platform');
    const environment = new FargateEnvironment(new Stack(platform, 'Env'), 'Env', { vpc: { natGateways: 1, flowLogs: false } });
    const apps = new Stage(app, 'Apps');
    expect(worker(new Stack(apps, 'Svc'), environment)).toThrow(
      /FargateService Apps\/Svc\/Worker: \[FGK-CROSS-STACK\] environment Platform\/Env\/Env belongs to stage Platform, this workload to stage Apps;.*Fix: .*fromFargateEnvironmentAttributes/);
  });

  test('another region or account: refused, the fix names the environment\'s', () => {
    const app = new App();
    const environment = new FargateEnvironment(new Stack(app, 'Platform', { env: ENV_A }), 'Env', { vpc: { natGateways: 1, flowLogs: false } });
    expect(worker(new Stack(app, 'Eu', { env: { ...ENV_A, region: 'eu-west-1' } }), environment)).toThrow(
      /\[FGK-CROSS-STACK\] environment Platform\/Env is in region us-east-1, this workload's stack in region eu-west-1;.*Fix: deploy the workload's stack to region us-east-1/);
    expect(worker(new Stack(app, 'Other', { env: { ...ENV_A, account: '222222222222' } }), environment)).toThrow(
      /\[FGK-CROSS-STACK\] environment Platform\/Env is in account 111111111111, this workload's stack in account 222222222222;/);
  });

  test('one stack with an env and one without: refused; both with the same env, or both without, synthesize', () => {
    const app = new App();
    const environment = new FargateEnvironment(new Stack(app, 'Platform', { env: ENV_A }), 'Env', { vpc: { natGateways: 1, flowLogs: false } });
    expect(worker(new Stack(app, 'Agnostic'), environment)).toThrow(
      /\[FGK-CROSS-STACK\] environment Platform\/Env is in a stack deployed to 111111111111\/us-east-1, this workload's stack to any account and region;.*Fix: give both stacks the same env/);
    const same = new Stack(app, 'Same', { env: ENV_A });
    worker(same, environment)();
    expect(() => app.synth()).not.toThrow();
  });
});

describe('Service Connect calls between services of two stacks, both ways (a cycle of calls)', () => {
  test('synthesize without a cyclic reference: both rules live in one of the two stacks', () => {
    const app = new App();
    const environment = new FargateEnvironment(new Stack(app, 'Platform'), 'Env', { vpc: { natGateways: 1, flowLogs: false }, serviceConnect: {} });
    const a = new Stack(app, 'A');
    const b = new Stack(app, 'B');
    new FargateService(a, 'Orders', { environment, taskDef: taskDef(a, 'T', 'orders', 5000), serviceConnect: { name: 'orders' }, calls: ['stock'] });
    new FargateService(b, 'Stock', { environment, taskDef: taskDef(b, 'T', 'stock', 6000), serviceConnect: { name: 'stock' }, calls: ['orders'] });
    const assembly = app.synth();
    expect(assembly.stacks.map(s => s.stackName).sort()).toEqual(['A', 'B', 'Platform']);
    const rules = (s: Stack) => Object.values(Template.fromStack(s).findResources('AWS::EC2::SecurityGroupIngress'))
      .map((r: any) => r.Properties).filter(p => String(p.Description).startsWith('Service Connect'));
    expect(rules(a)).toEqual([]);
    expect(rules(b).map(p => p.FromPort).sort()).toEqual([5000, 6000]);
    // B depends on A, never the other way round
    expect(b.dependencies.map(d => d.stackName)).toContain('A');
    expect(a.dependencies.map(d => d.stackName)).not.toContain('B');
  });

  test('a cycle over three stacks synthesizes too', () => {
    const app = new App();
    const environment = new FargateEnvironment(new Stack(app, 'Platform'), 'Env', { vpc: { natGateways: 1, flowLogs: false }, serviceConnect: {} });
    const names = ['a', 'b', 'c'];
    names.forEach((n, i) => {
      const stack = new Stack(app, `S${n}`);
      new FargateService(stack, n, { environment, taskDef: taskDef(stack, 'T', n, 5000 + i), serviceConnect: { name: n }, calls: [names[(i + 1) % 3]] });
    });
    expect(() => app.synth()).not.toThrow();
  });
});

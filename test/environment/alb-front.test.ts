import { Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { envFixture, taskDef } from './helpers';
import { AlbFront, AlbFrontedService, FargateService, FargateVpc } from '../../src';
import { derivedSharedRulePriority } from '../../src/validation/route-rules';

/** The ingress rules whose group is `groupLogicalId`. */
function ingressOf(t: Template, groupLogicalId: string): any[] {
  return Object.values(t.findResources('AWS::EC2::SecurityGroupIngress'))
    .map((r: any) => r.Properties)
    .filter(p => JSON.stringify(p.GroupId).includes(groupLogicalId));
}

describe('AlbFront on the environment\'s shared load balancer', () => {
  function shared() {
    const { stack, environment } = envFixture({ loadBalancer: {} });
    const web = new FargateService(stack, 'Web', { environment, taskDef: taskDef(stack, 'WebTask', 'web', 8080), autoScaling: { minCapacity: 1, maxCapacity: 4 } });
    const api = new FargateService(stack, 'Api', { environment, taskDef: taskDef(stack, 'ApiTask', 'api', 5000) });
    const webFront = new AlbFront(stack, 'WebFront', {
      service: web,
      hostHeaders: ['app.example.com'],
      healthCheckPath: '/healthz',
      requestCountScaling: { requestsPerTarget: 500 },
      loadBalancerAlarms: {},
    });
    const apiFront = new AlbFront(stack, 'ApiFront', { service: api, hostHeaders: ['app.example.com'], pathPatterns: ['/api/*'], priority: 10 });
    return { stack, environment, web, api, webFront, apiFront, t: Template.fromStack(stack) };
  }

  test('one load balancer for both services; each front has its own target group and listener rule', () => {
    const { t, environment, webFront, apiFront } = shared();
    t.resourceCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', 1);
    t.resourceCountIs('AWS::ElasticLoadBalancingV2::Listener', 1);
    t.resourceCountIs('AWS::ElasticLoadBalancingV2::TargetGroup', 2);
    t.resourceCountIs('AWS::ElasticLoadBalancingV2::ListenerRule', 2);
    expect(webFront.loadBalancer).toBe(environment.loadBalancer);
    expect(webFront.listener).toBe(environment.listener);
    expect(webFront.listenerRules).toHaveLength(1);
    expect(apiFront.targetGroup).not.toBe(webFront.targetGroup);
  });

  test('host condition with a priority derived from the conditions', () => {
    const { t, stack } = shared();
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
      ListenerArn: { Ref: Match.stringLikeRegexp('EnvLoadBalancerHttp') },
      Conditions: [{ Field: 'host-header', HostHeaderConfig: { Values: ['app.example.com'] } }],
      Priority: derivedSharedRulePriority(['app.example.com'], []),
      Actions: [{ Type: 'forward', TargetGroupArn: { Ref: Match.stringLikeRegexp('WebFrontSharedTargetGroup') } }],
    });
    expect(stack.node.tryFindChild('WebFront')?.node.tryFindChild('Rule')).toBeDefined();
  });

  test('host and path conditions with an explicit priority', () => {
    const { t } = shared();
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
      Conditions: [
        { Field: 'host-header', HostHeaderConfig: { Values: ['app.example.com'] } },
        { Field: 'path-pattern', PathPatternConfig: { Values: ['/api/*'] } },
      ],
      Priority: 10,
      Actions: [{ Type: 'forward', TargetGroupArn: { Ref: Match.stringLikeRegexp('ApiFrontSharedTargetGroup') } }],
    });
  });

  test('the derived priority depends on the conditions only: more specific paths first, stable when others join', () => {
    expect(derivedSharedRulePriority(['a.example.com'], ['/api/v1/*'])).toBeLessThan(derivedSharedRulePriority(['a.example.com'], ['/api/*']));
    expect(derivedSharedRulePriority([], ['/api/*'])).toBeLessThan(derivedSharedRulePriority(['a.example.com'], []));
    expect(derivedSharedRulePriority(['A.example.com'], [])).toBe(derivedSharedRulePriority(['a.example.com'], []));
    const p = derivedSharedRulePriority(['a.example.com', 'b.example.com'], ['/x/*']);
    expect(p).toBe(derivedSharedRulePriority(['b.example.com', 'a.example.com'], ['/x/*']));
    expect(p).toBeGreaterThanOrEqual(1);
    expect(p).toBeLessThanOrEqual(50000);
  });

  test('the target groups: ip targets, port 80 (ECS registers the container port), the health check of the front', () => {
    const { t } = shared();
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', {
      TargetType: 'ip',
      Port: 80,
      Protocol: 'HTTP',
      HealthCheckPath: '/healthz',
      Matcher: { HttpCode: '200-399' },
      TargetGroupAttributes: Match.arrayWith([{ Key: 'deregistration_delay.timeout_seconds', Value: '30' }]),
    });
    t.hasResourceProperties('AWS::ECS::Service', {
      LoadBalancers: [{ ContainerName: 'web', ContainerPort: 8080, TargetGroupArn: { Ref: Match.stringLikeRegexp('WebFrontSharedTargetGroup') } }],
      HealthCheckGracePeriodSeconds: 60,
    });
  });

  test('security groups: each service accepts exactly its container port, only from the load balancer\'s group', () => {
    const { t, stack, environment, web, api } = shared();
    const lbSg = stack.getLogicalId(environment.loadBalancerSecurityGroup!.node.defaultChild as any);
    const webSg = stack.getLogicalId(web.securityGroup.node.defaultChild as any);
    const apiSg = stack.getLogicalId(api.securityGroup.node.defaultChild as any);
    expect(ingressOf(t, webSg)).toEqual([{
      Description: 'Load balancer to target',
      IpProtocol: 'tcp',
      FromPort: 8080,
      ToPort: 8080,
      GroupId: { 'Fn::GetAtt': [webSg, 'GroupId'] },
      SourceSecurityGroupId: { 'Fn::GetAtt': [lbSg, 'GroupId'] },
    }]);
    expect(ingressOf(t, apiSg)).toEqual([expect.objectContaining({ FromPort: 5000, ToPort: 5000, SourceSecurityGroupId: { 'Fn::GetAtt': [lbSg, 'GroupId'] } })]);
    // the load balancer's egress: exactly the two container ports to the two groups
    const egress = Object.values(t.findResources('AWS::EC2::SecurityGroupEgress')).map((r: any) => r.Properties)
      .filter(p => JSON.stringify(p.GroupId).includes(lbSg));
    expect(egress.map(e => [e.FromPort, e.ToPort, e.DestinationSecurityGroupId['Fn::GetAtt'][0]]).sort()).toEqual([[5000, 5000, apiSg], [8080, 8080, webSg]]);
    // and no rule opens a service group to a CIDR
    t.hasResourceProperties('AWS::EC2::SecurityGroup', { GroupDescription: 'Tasks of a FargateService (cdk-fargate-kit)', SecurityGroupIngress: Match.absent() });
  });

  test('request-count scaling on the front\'s own target group', () => {
    const { t } = shared();
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      TargetTrackingScalingPolicyConfiguration: Match.objectLike({
        TargetValue: 500,
        PredefinedMetricSpecification: Match.objectLike({
          PredefinedMetricType: 'ALBRequestCountPerTarget',
          ResourceLabel: { 'Fn::Join': ['', Match.arrayWith([{ 'Fn::GetAtt': [Match.stringLikeRegexp('WebFrontSharedTargetGroup'), 'TargetGroupFullName'] }])] },
        }),
      }),
    });
  });

  test('alarms per service: 5xx and response time of its own target groups, rolled back on 5xx', () => {
    const { t, webFront } = shared();
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmDescription: 'Tasks of Stack/WebFront return 5xx responses',
      Metrics: Match.arrayWith([Match.objectLike({
        MetricStat: Match.objectLike({
          Metric: Match.objectLike({
            MetricName: 'HTTPCode_Target_5XX_Count',
            Dimensions: Match.arrayWith([{ Name: 'TargetGroup', Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('WebFrontSharedTargetGroup'), 'TargetGroupFullName'] } }]),
          }),
        }),
      })]),
    });
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'TargetResponseTime',
      ExtendedStatistic: 'p95',
      Dimensions: Match.arrayWith([{ Name: 'TargetGroup', Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('WebFrontSharedTargetGroup'), 'TargetGroupFullName'] } }]),
    });
    t.hasResourceProperties('AWS::ECS::Service', {
      LoadBalancers: [Match.objectLike({ ContainerPort: 8080 })],
      DeploymentConfiguration: Match.objectLike({ Alarms: { AlarmNames: [{ Ref: Match.stringLikeRegexp('WebFrontHttp5xxAlarm') }], Enable: true, Rollback: true } }),
    });
    expect(webFront.unhealthyHostsAlarms).toHaveLength(1);
  });

  test('the URL names the host (and the path prefix)', () => {
    const { webFront, apiFront, t } = shared();
    expect(webFront.url).toBe('http://app.example.com');
    expect(apiFront.url).toBe('http://app.example.com/api/');
    t.hasOutput('*', { Value: 'http://app.example.com/api/', Description: 'URL of Stack/ApiFront' });
  });

  test('routes of a front on the shared listener: a rule per path AND the front\'s hosts, a target group per container:port', () => {
    const { stack, environment } = envFixture({ loadBalancer: {} });
    const td = taskDef(stack, 'T', 'web', 8080);
    td.addAppContainer('admin', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:latest'), ports: [7000] });
    const svc = new FargateService(stack, 'Svc', { environment, taskDef: td });
    new AlbFront(stack, 'Front', { service: svc, hostHeaders: ['a.example.com'], routes: [{ pathPattern: '/admin/*', containerName: 'admin' }] });
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::ElasticLoadBalancingV2::TargetGroup', 2);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
      Conditions: [
        { Field: 'host-header', HostHeaderConfig: { Values: ['a.example.com'] } },
        { Field: 'path-pattern', PathPatternConfig: { Values: ['/admin/*'] } },
      ],
      Priority: derivedSharedRulePriority(['a.example.com'], ['/admin/*']),
      Actions: [{ Type: 'forward', TargetGroupArn: { Ref: Match.stringLikeRegexp('FrontSharedTargetGroupadmin') } }],
    });
  });

  test('AlbFrontedService in an environment joins the shared load balancer by default', () => {
    const { stack, environment } = envFixture({ loadBalancer: {} });
    const svc = new AlbFrontedService(stack, 'Shop', { environment, taskDef: taskDef(stack, 'T', 'shop', 3000), hostHeaders: ['shop.example.com'] });
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', 1);
    expect(svc.loadBalancer).toBe(environment.loadBalancer);
    expect(svc.listenerRules).toHaveLength(1);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
      Conditions: [{ Field: 'host-header', HostHeaderConfig: { Values: ['shop.example.com'] } }],
    });
    t.hasResourceProperties('AWS::ECS::Service', { Cluster: { Ref: Match.stringLikeRegexp('EnvCluster') } });
  });

  test('sharedLoadBalancer false: a load balancer of its own, in the environment\'s network', () => {
    const { stack, environment } = envFixture({ loadBalancer: {} });
    const svc = new FargateService(stack, 'Svc', { environment, taskDef: taskDef(stack, 'T', 'web', 8080) });
    const front = new AlbFront(stack, 'Front', { service: svc, sharedLoadBalancer: false, deregistrationDelay: Duration.seconds(5) });
    Template.fromStack(stack).resourceCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', 2);
    expect(front.loadBalancer).not.toBe(environment.loadBalancer);
    expect(front.listenerRules).toEqual([]);
  });
});

describe('AlbFront with a load balancer of its own (no environment)', () => {
  test('puts the same front as AlbFrontedService on an existing service', () => {
    const { stack } = envFixture();
    const network = new FargateVpc(stack, 'Net', { natGateways: 1, flowLogs: false });
    const svc = new FargateService(stack, 'Svc', { network, taskDef: taskDef(stack, 'T', 'web', 8080) });
    const front = new AlbFront(stack, 'Front', { service: svc, loadBalancerAlarms: {} });
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', 1);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: { Ref: Match.stringLikeRegexp('FrontTargetGroup') } }],
    });
    t.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: 'Load balancer of an AlbFrontedService (cdk-fargate-kit)',
      SecurityGroupIngress: [Match.objectLike({ CidrIp: '0.0.0.0/0', FromPort: 80, ToPort: 80 })],
    });
    t.hasResourceProperties('AWS::ECS::Service', {
      LoadBalancers: [{ ContainerName: 'web', ContainerPort: 8080, TargetGroupArn: { Ref: Match.stringLikeRegexp('FrontTargetGroup') } }],
      DeploymentConfiguration: Match.objectLike({ Alarms: Match.objectLike({ Enable: true, Rollback: true }) }),
    });
    expect(front.fargateService).toBe(svc);
    expect(front.url).toMatch(/^http:\/\//);
    expect(front.metricTargetResponseTime().metricName).toBe('TargetResponseTime');
  });
});

describe('derived priorities of shared-listener rules', () => {
  test('within one path specificity, literal hosts come before a wildcard host or no host', () => {
    const literal = derivedSharedRulePriority(['a.example.com'], []);
    expect(literal).toBeLessThan(derivedSharedRulePriority(['*.example.com'], []));
    expect(literal).toBeLessThan(derivedSharedRulePriority([], ['*']));
    expect(derivedSharedRulePriority(['a.example.com'], ['/api/*'])).toBeLessThan(derivedSharedRulePriority([], ['/api/*']));
  });
});

describe('derived priorities on a shared listener never move', () => {
  function hosts(n: number) {
    const { stack, environment } = envFixture({ loadBalancer: {} });
    for (let i = 0; i < n; i++) {
      const service = new FargateService(stack, `S${i}`, { environment, taskDef: taskDef(stack, `T${i}`, 'web', 8080) });
      new AlbFront(stack, `F${i}`, { service, hostHeaders: [`service${i}.example.com`] });
    }
    const rules = Template.fromStack(stack).findResources('AWS::ElasticLoadBalancingV2::ListenerRule');
    return new Map(Object.values(rules).map((r: any) =>
      [r.Properties.Conditions[0].HostHeaderConfig.Values[0] as string, r.Properties.Priority as number]));
  }

  test('30 services by host: 30 distinct priorities, each its own derived one, all in the literal-host band (16,000 places)', () => {
    const p = hosts(30);
    expect(new Set(p.values()).size).toBe(30);
    for (const [h, v] of p) expect(v).toBe(derivedSharedRulePriority([h], []));
    const band = derivedSharedRulePriority(['*.example.com'], []);
    for (const v of p.values()) expect(v).toBeLessThan(band);
  });

  test('a service joining or leaving changes no other rule', () => {
    const before = hosts(20);
    const after = hosts(21);
    expect([...before].filter(([h, v]) => after.get(h) !== v)).toEqual([]);
    expect(after.get('service20.example.com')).toBe(derivedSharedRulePriority(['service20.example.com'], []));
  });
});

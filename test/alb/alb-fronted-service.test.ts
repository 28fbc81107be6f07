import { Duration } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { albFixture } from './helpers';
import { AlbFrontedService, FargateVpc, VpcTopology } from '../../src';
import { derivedRulePriority } from '../../src/validation/route-rules';
import { atSynth } from '../at-synth';

const getAtt = (prefix: string) => ({ 'Fn::GetAtt': [Match.stringLikeRegexp(`^${prefix}`), 'GroupId'] });
const ALB_SG = getAtt('WebLoadBalancerSecurityGroup');
const TASK_SG = getAtt('WebServiceSecurityGroup');

/** Whether the (only) ECS service rolls back on CloudWatch alarms. */
function deploymentAlarmsEnabled(t: Template): boolean {
  const [service] = Object.values(t.findResources('AWS::ECS::Service'));
  return service.Properties.DeploymentConfiguration?.Alarms?.Enable === true;
}

describe('AlbFrontedService with default props', () => {
  const { stack, network, taskDef } = albFixture();
  const web = new AlbFrontedService(stack, 'Web', { network, taskDef });
  const t = Template.fromStack(stack);

  test('an internet-facing ALB in the public subnets, dropping invalid headers', () => {
    t.resourceCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', 1);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      Scheme: 'internet-facing',
      Type: 'application',
      Subnets: [{ Ref: Match.stringLikeRegexp('^NetworkPublicSubnet1') }, { Ref: Match.stringLikeRegexp('^NetworkPublicSubnet2') }],
      SecurityGroups: [ALB_SG],
      LoadBalancerAttributes: Match.arrayWith([{ Key: 'routing.http.drop_invalid_header_fields.enabled', Value: 'true' }]),
    });
  });

  test('the ALB security group allows only TCP 80 from 0.0.0.0/0 in, and only the container port to the tasks out', () => {
    t.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: 'Load balancer of an AlbFrontedService (cdk-fargate-kit)',
      SecurityGroupIngress: [{ CidrIp: '0.0.0.0/0', IpProtocol: 'tcp', FromPort: 80, ToPort: 80, Description: Match.anyValue() }],
    });
    const egress = Object.values(t.findResources('AWS::EC2::SecurityGroupEgress'));
    expect(egress).toHaveLength(1);
    expect(egress[0].Properties).toEqual(expect.objectContaining({ IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080 }));
    t.hasResourceProperties('AWS::EC2::SecurityGroupEgress', { GroupId: ALB_SG, DestinationSecurityGroupId: TASK_SG });
  });

  test('the task security group allows only the container port, only from the ALB security group', () => {
    const ingress = Object.values(t.findResources('AWS::EC2::SecurityGroupIngress'));
    expect(ingress).toHaveLength(1);
    t.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      GroupId: TASK_SG, SourceSecurityGroupId: ALB_SG, IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080,
    });
    t.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: 'Tasks of a FargateService (cdk-fargate-kit)',
      SecurityGroupIngress: Match.absent(),
    });
  });

  test('an ip target group on the first port of the first container, with the health check and a 30 s deregistration delay', () => {
    t.resourceCountIs('AWS::ElasticLoadBalancingV2::TargetGroup', 1);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', {
      TargetType: 'ip',
      Protocol: 'HTTP',
      Port: 80, // fixed: ECS registers each task with the container port, so a port change keeps the group
      HealthCheckPath: '/',
      HealthCheckProtocol: 'HTTP',
      HealthCheckPort: Match.absent(), // traffic-port: the container port
      HealthCheckIntervalSeconds: 15,
      HealthCheckTimeoutSeconds: 5,
      HealthyThresholdCount: 2,
      UnhealthyThresholdCount: 3,
      Matcher: { HttpCode: '200-399' },
      TargetGroupAttributes: Match.arrayWith([{ Key: 'deregistration_delay.timeout_seconds', Value: '30' }]),
    });
    expect(web.containerName).toBe('web');
    expect(web.containerPort).toBe(8080);
  });

  test('one HTTP listener on 80 forwarding to the target group, no rules', () => {
    t.resourceCountIs('AWS::ElasticLoadBalancingV2::Listener', 1);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 80,
      Protocol: 'HTTP',
      DefaultActions: [{ Type: 'forward', TargetGroupArn: { Ref: Match.stringLikeRegexp('^WebTargetGroup') } }],
    });
    t.resourceCountIs('AWS::ElasticLoadBalancingV2::ListenerRule', 0);
    expect(web.redirectListener).toBeUndefined();
  });

  test('the service is bound to the target group, in the private subnets, with a grace period', () => {
    t.hasResourceProperties('AWS::ECS::Service', {
      LoadBalancers: [{ ContainerName: 'web', ContainerPort: 8080, TargetGroupArn: { Ref: Match.stringLikeRegexp('^WebTargetGroup') } }],
      HealthCheckGracePeriodSeconds: 60,
      NetworkConfiguration: { AwsvpcConfiguration: Match.objectLike({ AssignPublicIp: 'DISABLED', SecurityGroups: [TASK_SG] }) },
    });
    expect(deploymentAlarmsEnabled(t)).toBe(false);
  });

  test('outputs the http URL; no alarms, no access logs; members', () => {
    t.hasOutput('*', {
      Description: 'URL of Stack/Web',
      Value: { 'Fn::Join': ['', ['http://', { 'Fn::GetAtt': [Match.stringLikeRegexp('^WebLoadBalancer'), 'DNSName'] }]] },
    });
    t.resourceCountIs('AWS::CloudWatch::Alarm', 0);
    t.resourceCountIs('AWS::S3::Bucket', 0);
    expect(web.connections).toBe(web.fargateService.connections);
    // the L2s and the cluster at the top, as in aws-ecs-patterns (no web.fargateService.service chain)
    expect(web.service).toBe(web.fargateService.service);
    expect(web.cluster).toBe(web.fargateService.cluster);
    expect(web.securityGroup).toBe(web.fargateService.securityGroup);
    expect(web.targetGroups).toEqual([web.targetGroup]);
    expect(web.url).toMatch(/^http:\/\//);
    expect(web.accessLogBucket).toBeUndefined();
  });

  test('synthesizes without warnings', () => {
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });
});

describe('AlbFrontedService with HTTPS', () => {
  const { stack, network, taskDef } = albFixture();
  const certificate = acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:us-east-1:111111111111:certificate/abc');
  const hostedZone = route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', { hostedZoneId: 'Z1', zoneName: 'example.com' });
  const web = new AlbFrontedService(stack, 'Web', { network, taskDef, certificate, domainName: 'app.example.com', hostedZone });
  const t = Template.fromStack(stack);

  test('HTTPS 443 with the recommended TLS policy forwarding, and 80 redirecting to 443', () => {
    t.resourceCountIs('AWS::ElasticLoadBalancingV2::Listener', 2);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 443,
      Protocol: 'HTTPS',
      SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
      Certificates: [{ CertificateArn: 'arn:aws:acm:us-east-1:111111111111:certificate/abc' }],
      DefaultActions: [{ Type: 'forward', TargetGroupArn: Match.anyValue() }],
    });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 80,
      Protocol: 'HTTP',
      DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }],
    });
    expect(web.listener.node.id).toBe('Https');
    expect(web.redirectListener?.node.id).toBe('Http');
  });

  test('the ALB security group allows exactly 80 and 443 from 0.0.0.0/0', () => {
    t.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: 'Load balancer of an AlbFrontedService (cdk-fargate-kit)',
      SecurityGroupIngress: [
        Match.objectLike({ CidrIp: '0.0.0.0/0', FromPort: 80, ToPort: 80 }),
        Match.objectLike({ CidrIp: '0.0.0.0/0', FromPort: 443, ToPort: 443 }),
      ],
    });
  });

  test('an alias A record in the zone, and an https URL with the domain name', () => {
    t.hasResourceProperties('AWS::Route53::RecordSet', {
      Name: 'app.example.com.',
      Type: 'A',
      HostedZoneId: 'Z1',
      AliasTarget: Match.objectLike({ DNSName: Match.anyValue() }),
    });
    expect(web.url).toBe('https://app.example.com');
    t.hasOutput('*', { Value: 'https://app.example.com' });
  });
});

describe('AlbFrontedService with routes', () => {
  const { stack, network, taskDef } = albFixture();
  const web = new AlbFrontedService(stack, 'Web', {
    network,
    taskDef,
    containerName: 'web',
    routes: [
      { pathPattern: '/api/*', containerName: 'api', containerPort: 5000, healthCheckPath: '/health' },
      { pathPattern: '/v2/api/*', containerName: 'api' },
      { pathPattern: '/secure/*', containerName: 'web', containerPort: 8443 },
    ],
  });
  const t = Template.fromStack(stack);

  test('the default target group and one per route, keyed by path, each with its health check path, all on port 80', () => {
    t.resourceCountIs('AWS::ElasticLoadBalancingV2::TargetGroup', 4);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', { Port: 80, TargetType: 'ip', HealthCheckPath: '/' });
    expect(web.targetGroups).toHaveLength(4);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', { Port: 80, TargetType: 'ip', HealthCheckPath: '/health' });
    expect(web.targetGroups.map(g => g.node.id)).toEqual(['TargetGroup', 'TargetGroup --api--*', 'TargetGroup --v2--api--*', 'TargetGroup --secure--*']);
  });

  test('rules keyed by path, priorities derived from the path (most specific first); each route its own target group, also two routes to one container:port', () => {
    const tg = (id: string) => ({ Ref: Match.stringLikeRegexp(`^Web${id}[0-9A-F]{8}$`) });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
      Priority: derivedRulePriority('/api/*'),
      Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/api/*'] } }],
      Actions: [{ Type: 'forward', TargetGroupArn: tg('TargetGroupapi') }],
    });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
      Priority: derivedRulePriority('/v2/api/*'),
      Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/v2/api/*'] } }],
      Actions: [{ Type: 'forward', TargetGroupArn: tg('TargetGroupv2api') }],
    });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
      Priority: derivedRulePriority('/secure/*'),
      Actions: [{ Type: 'forward', TargetGroupArn: tg('TargetGroupsecure') }],
    });
    expect(derivedRulePriority('/v2/api/*')).toBeLessThan(derivedRulePriority('/api/*'));
    // ECS registers the api container in both route groups
    t.hasResourceProperties('AWS::ECS::Service', {
      LoadBalancers: Match.arrayWith([
        Match.objectLike({ ContainerName: 'api', ContainerPort: 5000, TargetGroupArn: tg('TargetGroupapi') }),
        Match.objectLike({ ContainerName: 'api', ContainerPort: 5000, TargetGroupArn: tg('TargetGroupv2api') }),
      ]),
    });
  });

  test('an explicit priority wins; equal priorities are refused at synth with the fix', () => {
    const f = albFixture();
    new AlbFrontedService(f.stack, 'Web', {
      network: f.network,
      taskDef: f.taskDef,
      containerName: 'web',
      routes: [{ pathPattern: '/api/*', containerName: 'api', priority: 5 }],
    });
    Template.fromStack(f.stack).hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', { Priority: 5 });
    const g = albFixture();
    expect(atSynth(() => new AlbFrontedService(g.stack, 'Web', {
      network: g.network,
      taskDef: g.taskDef,
      containerName: 'web',
      routes: [{ pathPattern: '/api/*', containerName: 'api', priority: 7 }, { pathPattern: '/b/*', containerName: 'api', priority: 7 }],
    }))).toThrow(/\[FGK-ROUTE-PRIORITY\] routes '\/api\/\*' and '\/b\/\*' have the same listener rule priority 7.*Fix: set a distinct priority/);
  });

  test('the service registers every container:port, and the task SG opens exactly those ports from the ALB SG', () => {
    t.hasResourceProperties('AWS::ECS::Service', {
      LoadBalancers: [
        Match.objectLike({ ContainerName: 'web', ContainerPort: 8080 }),
        Match.objectLike({ ContainerName: 'api', ContainerPort: 5000 }),
        Match.objectLike({ ContainerName: 'api', ContainerPort: 5000 }),
        Match.objectLike({ ContainerName: 'web', ContainerPort: 8443 }),
      ],
    });
    const ingress = Object.values(t.findResources('AWS::EC2::SecurityGroupIngress')).map(r => r.Properties);
    expect(ingress.map(p => p.FromPort).sort()).toEqual([5000, 8080, 8443]);
    for (const p of ingress) {
      expect(p).toEqual(expect.objectContaining({ IpProtocol: 'tcp', ToPort: p.FromPort }));
      expect(p.SourceSecurityGroupId['Fn::GetAtt'][0]).toMatch(/^WebLoadBalancerSecurityGroup/);
    }
    const egress = Object.values(t.findResources('AWS::EC2::SecurityGroupEgress')).map(r => r.Properties.FromPort);
    expect(egress.sort()).toEqual([5000, 8080, 8443]);
  });
});

describe('AlbFrontedService security group options', () => {
  test('allowedCidrs replace 0.0.0.0/0', () => {
    const { stack, network, taskDef } = albFixture();
    new AlbFrontedService(stack, 'Web', { network, taskDef, allowedCidrs: ['203.0.113.0/24', '198.51.100.0/24'] });
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: 'Load balancer of an AlbFrontedService (cdk-fargate-kit)',
      SecurityGroupIngress: [
        Match.objectLike({ CidrIp: '203.0.113.0/24', FromPort: 80, ToPort: 80 }),
        Match.objectLike({ CidrIp: '198.51.100.0/24', FromPort: 80, ToPort: 80 }),
      ],
    });
  });

  test('a dual-stack ALB (in a dual-stack VPC of the user\'s) also allows ::/0 by default', () => {
    const { stack, taskDef } = albFixture();
    const vpc = new ec2.Vpc(stack, 'DualStackVpc', { ipProtocol: ec2.IpProtocol.DUAL_STACK, maxAzs: 2, natGateways: 1, restrictDefaultSecurityGroup: false });
    const network = FargateVpc.fromVpc(stack, 'DualStack', { vpc, topology: VpcTopology.PRIVATE_WITH_NAT });
    new AlbFrontedService(stack, 'Web', { network, taskDef, ipAddressType: elbv2.IpAddressType.DUAL_STACK });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: 'Load balancer of an AlbFrontedService (cdk-fargate-kit)',
      SecurityGroupIngress: [
        Match.objectLike({ CidrIp: '0.0.0.0/0', FromPort: 80 }),
        Match.objectLike({ CidrIpv6: '::/0', FromPort: 80 }),
      ],
    });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', { IpAddressType: 'dualstack' });
  });

  test('FGK-DUAL-STACK: a dual-stack ALB in an IPv4-only FargateVpc is refused with the fix', () => {
    const { stack, network, taskDef } = albFixture();
    new AlbFrontedService(stack, 'Web', { network, taskDef, ipAddressType: elbv2.IpAddressType.DUAL_STACK });
    expect(atSynth(() => stack)).toThrow(/AlbFrontedService Stack\/Web: \[FGK-DUAL-STACK\] ipAddressType is DUAL_STACK but VPC Stack\/Network\/Resource has no IPv6 block;.*Fix: use ipAddressType IPV4/);
  });

  test('a user-supplied ALB security group gets no ingress rule (never widened)', () => {
    const { stack, network, taskDef } = albFixture();
    const sg = new ec2.SecurityGroup(stack, 'MySg', { vpc: network.vpc, allowAllOutbound: false, description: 'mine' });
    const web = new AlbFrontedService(stack, 'Web', { network, taskDef, loadBalancerSecurityGroup: sg });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::EC2::SecurityGroup', { GroupDescription: 'mine', SecurityGroupIngress: Match.absent() });
    t.resourceCountIs('AWS::EC2::SecurityGroup', 2); // mine and the task SG: none of our own for the ALB
    expect(Object.values(t.findResources('AWS::EC2::SecurityGroupIngress')).map(r => r.Properties.FromPort)).toEqual([8080]);
    expect(web.loadBalancerSecurityGroup).toBe(sg);
  });

  test('in an ISOLATED_ONLY network the ALB is internal by default, in the isolated subnets', () => {
    const { app, stack, network, taskDef } = albFixture({ topology: VpcTopology.ISOLATED_ONLY, natGateways: undefined });
    const web = new AlbFrontedService(stack, 'Web', { network, taskDef });
    expect(() => app.synth()).not.toThrow();
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      Scheme: 'internal',
      Subnets: [{ Ref: Match.stringLikeRegexp('^NetworkIsolatedSubnet1') }, { Ref: Match.stringLikeRegexp('^NetworkIsolatedSubnet2') }],
    });
    t.resourceCountIs('AWS::EC2::InternetGateway', 0);
    expect(web.url).toMatch(/^http:\/\//);
  });

  test('an internet-facing ALB in an ISOLATED_ONLY network is rejected', () => {
    const { stack, network, taskDef } = albFixture({ topology: VpcTopology.ISOLATED_ONLY, natGateways: undefined });
    expect(atSynth(() => new AlbFrontedService(stack, 'Web', { network, taskDef, internetFacing: true })))
      .toThrow(/AlbFrontedService Stack\/Web: \[FGK-[A-Z0-9-]+\] internetFacing is true but 2 of the load balancer subnets are not public/);
  });

  test('an internal ALB goes in the task subnets', () => {
    const { stack, network, taskDef } = albFixture();
    new AlbFrontedService(stack, 'Web', { network, taskDef, internetFacing: false });
    Template.fromStack(stack).hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      Scheme: 'internal',
      Subnets: [{ Ref: Match.stringLikeRegexp('^NetworkPrivateSubnet1') }, { Ref: Match.stringLikeRegexp('^NetworkPrivateSubnet2') }],
    });
  });
});

describe('AlbFrontedService alarms and scaling', () => {
  const { stack, network, taskDef } = albFixture();
  const web = new AlbFrontedService(stack, 'Web', {
    network,
    taskDef,
    routes: [{ pathPattern: '/api/*', containerName: 'api' }],
    autoScaling: { minCapacity: 2, maxCapacity: 8, targetCpuPercent: 60 },
    requestCountScaling: { requestsPerTarget: 500 },
    loadBalancerAlarms: { http5xxPerMinute: 20, targetResponseTime: Duration.millis(1500) },
  });
  const t = Template.fromStack(stack);

  test('a 5xx alarm on target + ELB 5xx of the load balancer, that rolls deployments back', () => {
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Threshold: 20,
      EvaluationPeriods: 5,
      ComparisonOperator: 'GreaterThanThreshold',
      Metrics: Match.arrayWith([
        Match.objectLike({ Expression: 'FILL(target5xx, 0) + FILL(elb5xx, 0)' }),
        Match.objectLike({ MetricStat: Match.objectLike({ Metric: Match.objectLike({ MetricName: 'HTTPCode_Target_5XX_Count' }) }) }),
        Match.objectLike({ MetricStat: Match.objectLike({ Metric: Match.objectLike({ MetricName: 'HTTPCode_ELB_5XX_Count' }) }) }),
      ]),
    });
    t.hasResourceProperties('AWS::ECS::Service', {
      DeploymentConfiguration: Match.objectLike({
        Alarms: { AlarmNames: [{ Ref: Match.stringLikeRegexp('^WebHttp5xxAlarm') }], Enable: true, Rollback: true },
      }),
    });
    expect(web.http5xxAlarm).toBeDefined();
  });

  test('the 5xx alarm does not depend on the service (no circular dependency)', () => {
    const alarm = Object.entries(t.findResources('AWS::CloudWatch::Alarm')).find(([id]) => id.startsWith('WebHttp5xxAlarm'))!;
    expect(JSON.stringify(alarm[1])).not.toMatch(/WebService/);
  });

  test('p95 response time and one unhealthy-hosts alarm per target group', () => {
    t.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'TargetResponseTime', ExtendedStatistic: 'p95', Threshold: 1.5 });
    t.resourceCountIs('AWS::CloudWatch::Alarm', 4);
    const unhealthy = t.findResources('AWS::CloudWatch::Alarm', { Properties: { MetricName: 'UnHealthyHostCount', Statistic: 'Maximum', Threshold: 0 } });
    expect(Object.keys(unhealthy)).toHaveLength(2);
    expect(web.unhealthyHostsAlarms).toHaveLength(2);
  });

  test('request-count target tracking on the default target group beside CPU', () => {
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingScalingPolicyConfiguration: Match.objectLike({
        TargetValue: 500,
        PredefinedMetricSpecification: Match.objectLike({ PredefinedMetricType: 'ALBRequestCountPerTarget' }),
      }),
    });
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      TargetTrackingScalingPolicyConfiguration: Match.objectLike({
        TargetValue: 60,
        PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' },
      }),
    });
  });

  test('metrics of the load balancer and target group', () => {
    expect(web.metricTargetHttp5xxCount().metricName).toBe('HTTPCode_Target_5XX_Count');
    expect(web.metricElbHttp5xxCount().metricName).toBe('HTTPCode_ELB_5XX_Count');
    expect(web.metricTargetResponseTime().metricName).toBe('TargetResponseTime');
    expect(web.metricUnhealthyHostCount().metricName).toBe('UnHealthyHostCount');
  });

  test('rollbackOnHttp5xx false keeps the alarm out of the deployment', () => {
    const f = albFixture();
    new AlbFrontedService(f.stack, 'Web', { network: f.network, taskDef: f.taskDef, loadBalancerAlarms: { rollbackOnHttp5xx: false, unhealthyHosts: false } });
    const tt = Template.fromStack(f.stack);
    expect(deploymentAlarmsEnabled(tt)).toBe(false);
    tt.resourceCountIs('AWS::CloudWatch::Alarm', 2);
  });
});

describe('AlbFrontedService access logs', () => {
  test('an encrypted, SSL-only bucket with a lifecycle rule, written by the region\'s ELB account', () => {
    const { stack, network, taskDef } = albFixture({}, { env: { region: 'eu-west-1' } });
    const web = new AlbFrontedService(stack, 'Web', { network, taskDef, accessLogs: true, deregistrationDelay: Duration.seconds(5) });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 90, Status: 'Enabled' })] },
    });
    t.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({
            Effect: 'Allow',
            Action: 's3:PutObject',
            Principal: { AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::156460612806:root']] } },
          }),
        ]),
      },
    });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      LoadBalancerAttributes: Match.arrayWith([{ Key: 'access_logs.s3.enabled', Value: 'true' }]),
    });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', {
      TargetGroupAttributes: Match.arrayWith([{ Key: 'deregistration_delay.timeout_seconds', Value: '5' }]),
    });
    expect(web.accessLogBucket).toBeDefined();
  });
});

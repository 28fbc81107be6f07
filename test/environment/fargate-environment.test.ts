import { Match, Template } from 'aws-cdk-lib/assertions';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as events from 'aws-cdk-lib/aws-events';
import { envFixture, taskDef } from './helpers';
import { FargateEnvironment, FargateService, FargateTask, FargateVpc, VpcTopology } from '../../src';

describe('FargateEnvironment', () => {
  test('one cluster with Container Insights and the Fargate capacity providers, in a FargateVpc built from the vpc options', () => {
    const { stack, environment } = envFixture({ vpc: { maxAzs: 3, natGateways: 1, flowLogs: false } }, { env: { account: '123456789012', region: 'us-east-1' } });
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::ECS::Cluster', 1);
    t.hasResourceProperties('AWS::ECS::Cluster', {
      ClusterSettings: [{ Name: 'containerInsights', Value: 'enabled' }],
    });
    t.hasResourceProperties('AWS::ECS::ClusterCapacityProviderAssociations', {
      CapacityProviders: Match.arrayWith(['FARGATE', 'FARGATE_SPOT']),
    });
    t.resourceCountIs('AWS::EC2::VPC', 1);
    t.resourceCountIs('AWS::EC2::NatGateway', 1);
    expect(environment.network).toBeInstanceOf(FargateVpc);
    expect(environment.network.availabilityZones).toHaveLength(3);
    // nothing shared is created unless asked for
    t.resourceCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', 0);
    t.resourceCountIs('AWS::ServiceDiscovery::HttpNamespace', 0);
    expect(environment.loadBalancer).toBeUndefined();
    expect(environment.listener).toBeUndefined();
    expect(environment.serviceConnectNamespace).toBeUndefined();
    expect(environment.url).toBeUndefined();
  });

  test('takes a network given to it', () => {
    const { stack } = envFixture();
    const network = new FargateVpc(stack, 'Other', { topology: VpcTopology.PUBLIC_ONLY, flowLogs: false });
    const environment = new FargateEnvironment(stack, 'Env2', { network });
    expect(environment.network).toBe(network);
    expect(environment.vpc).toBe(network.vpc);
  });

  test('workloads join: their network, subnets and the one cluster come from the environment', () => {
    const { stack, environment } = envFixture();
    new FargateService(stack, 'A', { environment, taskDef: taskDef(stack, 'TA', 'a', 8080) });
    new FargateService(stack, 'B', { environment, taskDef: taskDef(stack, 'TB', 'b', 8081) });
    new FargateTask(stack, 'Job', { environment, taskDef: taskDef(stack, 'TJ', 'job'), schedule: events.Schedule.cron({ hour: '3', minute: '0' }) });
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::ECS::Cluster', 1);
    const clusterRef = { Ref: stack.getLogicalId(environment.cluster.node.defaultChild as ecs.CfnCluster) };
    const services = t.findResources('AWS::ECS::Service');
    expect(Object.values(services).map((s: any) => s.Properties.Cluster)).toEqual([clusterRef, clusterRef]);
    t.hasResourceProperties('AWS::ECS::Service', {
      NetworkConfiguration: { AwsvpcConfiguration: { AssignPublicIp: 'DISABLED', Subnets: Match.arrayWith([Match.objectLike({ Ref: Match.stringLikeRegexp('EnvNetworkPrivateSubnet1') })]) } },
    });
    t.hasResourceProperties('AWS::Events::Rule', {
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [clusterRef.Ref, 'Arn'] } })],
    });
  });

  test('a shared internet-facing HTTP load balancer: listener 80 answers 404, clients allowed only on 80', () => {
    const { stack, environment } = envFixture({ loadBalancer: {} });
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', 1);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      Scheme: 'internet-facing',
      Subnets: Match.arrayWith([Match.objectLike({ Ref: Match.stringLikeRegexp('EnvNetworkPublicSubnet1') })]),
      LoadBalancerAttributes: Match.arrayWith([{ Key: 'routing.http.drop_invalid_header_fields.enabled', Value: 'true' }]),
    });
    t.resourceCountIs('AWS::ElasticLoadBalancingV2::Listener', 1);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 80,
      Protocol: 'HTTP',
      DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404', ContentType: 'text/plain', MessageBody: 'Not found' } }],
    });
    t.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: 'Shared load balancer of a FargateEnvironment (cdk-fargate-kit)',
      SecurityGroupIngress: [{ CidrIp: '0.0.0.0/0', IpProtocol: 'tcp', FromPort: 80, ToPort: 80, Description: 'Clients to the load balancer on TCP 80' }],
      SecurityGroupEgress: [Match.objectLike({ CidrIp: '255.255.255.255/32' })],
    });
    t.hasOutput('*', { Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('EnvLoadBalancer'), 'DNSName'] } });
    expect(environment.url).toMatch(/^http:\/\//);
  });

  test('HTTPS with certificates (SNI), the 80 -> 443 redirect, and allowedCidrs', () => {
    const { stack } = envFixture();
    const certA = acm.Certificate.fromCertificateArn(stack, 'A', 'arn:aws:acm:us-east-1:123456789012:certificate/a');
    const certB = acm.Certificate.fromCertificateArn(stack, 'B', 'arn:aws:acm:us-east-1:123456789012:certificate/b');
    const environment = new FargateEnvironment(stack, 'Env2', {
      vpc: { natGateways: 1, flowLogs: false },
      loadBalancer: { certificates: [certA, certB], allowedCidrs: ['203.0.113.0/24'] },
    });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 443,
      Protocol: 'HTTPS',
      Certificates: [{ CertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/a' }],
      SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
      DefaultActions: [Match.objectLike({ Type: 'fixed-response' })],
    });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerCertificate', {
      Certificates: [{ CertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/b' }],
    });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 80,
      DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }],
    });
    t.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: 'Shared load balancer of a FargateEnvironment (cdk-fargate-kit)',
      SecurityGroupIngress: [
        Match.objectLike({ CidrIp: '203.0.113.0/24', FromPort: 80 }),
        Match.objectLike({ CidrIp: '203.0.113.0/24', FromPort: 443 }),
      ],
    });
    expect(environment.url).toMatch(/^https:\/\//);
  });

  test('an internal shared load balancer sits in the task subnets', () => {
    const { stack } = envFixture({ loadBalancer: { internetFacing: false } });
    Template.fromStack(stack).hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      Scheme: 'internal',
      Subnets: Match.arrayWith([Match.objectLike({ Ref: Match.stringLikeRegexp('EnvNetworkPrivateSubnet1') })]),
    });
  });

  test('access logs of the shared load balancer go to a bucket of the environment', () => {
    const { stack, environment } = envFixture({ loadBalancer: { accessLogs: true } }, { env: { region: 'us-east-1' } });
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::S3::Bucket', 1);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      LoadBalancerAttributes: Match.arrayWith([{ Key: 'access_logs.s3.enabled', Value: 'true' }]),
    });
    expect(environment.accessLogBucket).toBeDefined();
  });

  test('a Service Connect namespace: a Cloud Map HTTP namespace, the cluster\'s Service Connect default', () => {
    const { stack, environment } = envFixture({ serviceConnect: { namespaceName: 'prod.internal' } });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ServiceDiscovery::HttpNamespace', { Name: 'prod.internal' });
    t.hasResourceProperties('AWS::ECS::Cluster', {
      ServiceConnectDefaults: { Namespace: { 'Fn::GetAtt': [Match.stringLikeRegexp('HttpNamespace|DefaultServiceDiscoveryNamespace'), 'Arn'] } },
    });
    expect(environment.serviceConnectNamespace?.namespaceName).toBe('prod.internal');
  });

  test('the namespace is named internal by default', () => {
    const { stack } = envFixture({ serviceConnect: {} });
    Template.fromStack(stack).hasResourceProperties('AWS::ServiceDiscovery::HttpNamespace', { Name: 'internal' });
  });
});

import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { albFixture } from './helpers';
import { AlbFrontedService, AlbFrontedServiceProps, FargateTaskDef, FargateVpc, VpcTopology } from '../../src';
import { atSynth } from '../at-synth';

type Extra = Omit<AlbFrontedServiceProps, 'network' | 'taskDef'>;
function create(extra: Extra) {
  const { stack, network, taskDef } = albFixture();
  return atSynth(() => new AlbFrontedService(stack, 'Web', { network, taskDef, ...extra }));
}
const PREFIX = 'AlbFrontedService Stack/Web: \\[FGK-[A-Z0-9-]+\\] ';

describe('AlbFrontedService caught at synth', () => {
  test('a route to a container the task does not have', () => {
    expect(create({ routes: [{ pathPattern: '/api/*', containerName: 'apii', containerPort: 5000 }] })).toThrow(
      new RegExp(`${PREFIX}routes\\[0\\].containerName 'apii' is not a container of the task \\(containers: 'web', 'api'\\); .*Fix:`));
  });

  test('a route to a port the container does not have', () => {
    expect(create({ routes: [{ pathPattern: '/api/*', containerName: 'api', containerPort: 8080 }] })).toThrow(
      new RegExp(`${PREFIX}routes\\[0\\].containerPort 8080 is not a port of container 'api' \\(its ports: 5000\\); .*Fix:`));
  });

  test('a default containerName/containerPort the task does not have', () => {
    expect(create({ containerName: 'api', containerPort: 80 })).toThrow(new RegExp(`${PREFIX}containerPort 80 is not a port of container 'api'`));
    expect(create({ containerName: 'db' })).toThrow(new RegExp(`${PREFIX}containerName 'db' is not a container of the task`));
  });

  test('a task without a container port', () => {
    const app = new App();
    const stack = new Stack(app, 'Stack');
    const network = new FargateVpc(stack, 'Network', { flowLogs: false });
    const taskDef = new FargateTaskDef(stack, 'TaskDef');
    taskDef.addAppContainer('job', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/busybox:stable') });
    expect(atSynth(() => new AlbFrontedService(stack, 'Web', { network, taskDef }))).toThrow(new RegExp(`${PREFIX}the task has no container with a port \\(containers: 'job'\\)`));
  });

  test('a health check path without a leading /', () => {
    expect(create({ healthCheckPath: 'health' })).toThrow(new RegExp(`${PREFIX}healthCheckPath 'health' is not a valid health check path; .*Fix: use a path such as '/health'`));
    expect(create({ routes: [{ pathPattern: '/api/*', containerName: 'api', healthCheckPath: 'ping' }] })).toThrow(
      new RegExp(`${PREFIX}routes\\[0\\].healthCheckPath 'ping'`));
  });

  test('a path pattern that is not a path', () => {
    expect(create({ routes: [{ pathPattern: 'api/*', containerName: 'api' }] })).toThrow(
      new RegExp(`${PREFIX}routes\\[0\\].pathPattern 'api/\\*' is not a valid ALB path pattern`));
  });

  test('HTTPS options without a certificate', () => {
    expect(create({ sslPolicy: elbv2.SslPolicy.TLS13_RES })).toThrow(new RegExp(`${PREFIX}sslPolicy is set but there is no certificate; .*Fix: add certificate`));
    expect(create({ domainName: 'app.example.com' })).toThrow(new RegExp(`${PREFIX}domainName 'app.example.com' is set without hostedZone`));
  });

  test('an internet-facing ALB in private subnets', () => {
    expect(create({ loadBalancerSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS } })).toThrow(
      new RegExp(`${PREFIX}internetFacing is true but 2 of the load balancer subnets are not public; .*Fix: select public subnets`));
  });

  test('an internal ALB in public subnets', () => {
    expect(create({ internetFacing: false, loadBalancerSubnets: { subnetType: ec2.SubnetType.PUBLIC } })).toThrow(
      new RegExp(`${PREFIX}internetFacing is false but 2 of the load balancer subnets are public; .*Fix: select private or isolated subnets`));
  });

  test('a load balancer that does not cover every task AZ (tree validation)', () => {
    const { app, stack, network, taskDef } = albFixture();
    new AlbFrontedService(stack, 'Web', { network, taskDef, loadBalancerSubnets: { subnets: [network.vpc.publicSubnets[0]] } });
    expect(atSynth(() => app.synth())).toThrow(/AlbFrontedService Stack\/Web: \[FGK-[A-Z0-9-]+\] the load balancer subnets cover availability zones AZ#1 but tasks also run in AZ#2; an ALB only routes to targets in AZs where it has a subnet.*Fix: select load balancer subnets in/);
  });

  test('a load balancer in fromVpc subnets of fewer AZs than the tasks', () => {
    const app = new App();
    const stack = new Stack(app, 'Stack');
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
    const network = FargateVpc.fromVpc(stack, 'Network', {
      vpc,
      topology: VpcTopology.PRIVATE_WITH_NAT,
      loadBalancerSubnets: { subnets: [vpc.publicSubnets[1]] },
    });
    const taskDef = new FargateTaskDef(stack, 'TaskDef');
    taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:stable'), ports: [80] });
    new AlbFrontedService(stack, 'Web', { network, taskDef });
    expect(atSynth(() => app.synth())).toThrow(/AlbFrontedService Stack\/Web: \[FGK-[A-Z0-9-]+\] the load balancer subnets cover availability zones .* but tasks also run in/);
  });

  test('allowedCidrs with a user-supplied security group, or IPv6 on an IPv4 ALB', () => {
    const { stack, network, taskDef } = albFixture();
    const sg = ec2.SecurityGroup.fromSecurityGroupId(stack, 'Sg', 'sg-12345');
    expect(atSynth(() => new AlbFrontedService(stack, 'Web', { network, taskDef, loadBalancerSecurityGroup: sg, allowedCidrs: ['10.0.0.0/8'] }))).toThrow(
      new RegExp(`${PREFIX}allowedCidrs \\(10.0.0.0/8\\) is set together with loadBalancerSecurityGroup`));
    expect(create({ allowedCidrs: ['::/0'] })).toThrow(new RegExp(`${PREFIX}allowedCidrs entry '::/0' is IPv6 but the load balancer is IPv4 only`));
  });

  test('request-count scaling without autoScaling', () => {
    expect(create({ requestCountScaling: { requestsPerTarget: 100 } })).toThrow(new RegExp(`${PREFIX}requestCountScaling.requestsPerTarget 100 is set without autoScaling`));
  });

  test('access logs in a stack without region', () => {
    expect(create({ accessLogs: true })).toThrow(new RegExp(`${PREFIX}accessLogs is true but the stack has no region`));
  });

  test('more than 5 load balancer targets', () => {
    const app = new App();
    const stack = new Stack(app, 'Stack');
    const network = new FargateVpc(stack, 'Network', { flowLogs: false });
    const taskDef = new FargateTaskDef(stack, 'TaskDef');
    taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:stable'), ports: [1, 2, 3, 4, 5, 6] });
    const routes = [2, 3, 4, 5, 6].map(p => ({ pathPattern: `/p${p}/*`, containerName: 'web', containerPort: p }));
    expect(atSynth(() => new AlbFrontedService(stack, 'Web', { network, taskDef, routes }))).toThrow(
      new RegExp(`${PREFIX}routes send traffic through 6 target groups`));
  });

  test('a valid certificate setup synthesizes (tree validations included)', () => {
    const { app, stack, network, taskDef } = albFixture();
    const certificate = acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:us-east-1:111111111111:certificate/abc');
    new AlbFrontedService(stack, 'Web', { network, taskDef, certificate, sslPolicy: elbv2.SslPolicy.TLS13_RES });
    expect(() => app.synth()).not.toThrow();
    Template.fromStack(stack).hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Port: 443, SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06' });
  });
});

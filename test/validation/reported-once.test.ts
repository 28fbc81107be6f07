import { App, Stack, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { AlbFrontedService, AlbRoute, FargateEnvironment, FargateTaskDef, FargateVpc, IFargateNetwork, VpcTopology } from '../../src';

/**
 * One mistake, one problem: where two checks could see the same mistake, only the one that
 * owns it reports it (found while writing the rule test pairs, test/rules/).
 */

interface Parts {
  readonly stack: Stack;
  readonly network: IFargateNetwork;
  readonly taskDef: FargateTaskDef;
}

/** The IDs of the problems the app reported, each as often as it was reported. */
function reported(build: (p: Parts) => void): string[] {
  const app = new App();
  const stack = new Stack(app, 'Stack', { env: { account: '123456789012', region: 'us-east-1' } });
  const network = FargateVpc.fromVpc(stack, 'Network', {
    vpc: ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
      vpcId: 'vpc-0123456789abcdef0',
      availabilityZones: ['us-east-1a', 'us-east-1b'],
      publicSubnetIds: ['subnet-0public1', 'subnet-0public2'],
      privateSubnetIds: ['subnet-0private1', 'subnet-0private2'],
    }),
    topology: VpcTopology.PRIVATE_WITH_NAT,
  });
  const taskDef = new FargateTaskDef(stack, 'Task');
  taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80] });
  build({ stack, network, taskDef });
  try {
    app.synth({ force: true });
    return [];
  } catch (e) {
    return [...(e as Error).message.matchAll(/\[(FGK-[A-Z0-9-]+)\]/g)].map(m => m[1]);
  }
}

describe('a mistake is reported once', () => {
  test('an allowedCidrs entry that is no CIDR block: FGK-ALLOWED-CIDRS once (not also as a block the security group refuses)', () => {
    expect(reported(({ stack, network, taskDef }) =>
      new AlbFrontedService(stack, 'Web', { network, taskDef, allowedCidrs: ['203.0.113.0'] }))).toEqual(['FGK-ALLOWED-CIDRS']);
    expect(reported(({ stack, network }) =>
      new FargateEnvironment(stack, 'Env', { network, loadBalancer: { allowedCidrs: ['203.0.113.0'] } }))).toEqual(['FGK-ALLOWED-CIDRS']);
  });

  test('a block ipaddr.js reads but a security group refuses is still reported', () => {
    expect(reported(({ stack, network, taskDef }) => new AlbFrontedService(stack, 'Web', {
      network, taskDef, ipAddressType: elbv2.IpAddressType.DUAL_STACK, allowedCidrs: ['::ffff:192.0.2.0/120'],
    }))).toEqual(['FGK-ALLOWED-CIDRS']);
  });

  test('more rules than the shared load balancer holds: FGK-LISTENER-RULE-QUOTA, not also FGK-ROUTES (the environment counts every service\'s rules)', () => {
    expect(reported(({ stack, network }) => {
      const environment = new FargateEnvironment(stack, 'Env', { network, loadBalancer: {} });
      Validations.of(environment).acknowledge({ id: 'cdk-fargate-kit::FGK-TARGET-GROUP-QUOTA', reason: 'raised' });
      let priority = 0;
      for (let team = 0; team < 21; team++) {
        const td = new FargateTaskDef(stack, `Task${team}`);
        td.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80] });
        const routes: AlbRoute[] = ['/a/*', '/b/*', '/c/*', '/d/*'].map(pathPattern => ({ pathPattern, containerName: 'web', priority: ++priority }));
        new AlbFrontedService(stack, `Team${team}`, { environment, taskDef: td, hostHeaders: [`t${team}.example.com`], priority: ++priority, routes });
      }
    })).toEqual(['FGK-LISTENER-RULE-QUOTA']);
    // a load balancer of the front's own: its routes are all its rules (and each route a target group of the service)
    const routes: AlbRoute[] = [];
    for (let i = 1; i <= 101; i++) routes.push({ pathPattern: `/p${i}/*`, containerName: 'web' });
    expect(reported(({ stack, network, taskDef }) => new AlbFrontedService(stack, 'Web', { network, taskDef, routes }))).toEqual(['FGK-ROUTES', 'FGK-TARGET-COUNT']);
  });

  test('sslPolicy on a front of the shared load balancer: FGK-SHARED-FRONT-OPTIONS only (not also FGK-HTTPS-OPTIONS)', () => {
    expect(reported(({ stack, network, taskDef }) => {
      const environment = new FargateEnvironment(stack, 'Env', { network, loadBalancer: {} });
      new AlbFrontedService(stack, 'Web', { environment, taskDef, hostHeaders: ['shop.example.com'], sslPolicy: elbv2.SslPolicy.TLS13_13 });
    })).toEqual(['FGK-SHARED-FRONT-OPTIONS']);
    // on a load balancer of its own, sslPolicy without certificate is FGK-HTTPS-OPTIONS
    expect(reported(({ stack, network, taskDef }) =>
      new AlbFrontedService(stack, 'Web', { network, taskDef, sslPolicy: elbv2.SslPolicy.TLS13_13 }))).toEqual(['FGK-HTTPS-OPTIONS']);
  });
});

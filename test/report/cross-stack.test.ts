import { App, Stack } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { facts, stackFacts, synthToDir } from './helpers';
import { AlbFrontedService, FargateEnvironment, FargateTaskDef } from '../../src';

// A network stack (environment with a shared load balancer) and a service stack that imports
// its subnets, cluster, listener and load balancer security group (CloudFormation exports).
const dir = synthToDir(outdir => {
  const app = new App({ outdir });
  const environment = new FargateEnvironment(new Stack(app, 'Network'), 'Env', { vpc: { natGateways: 1 }, loadBalancer: {} });
  const services = new Stack(app, 'Services');
  const taskDef = new FargateTaskDef(services, 'WebTask');
  taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:stable'), ports: [8080] });
  new AlbFrontedService(services, 'Web', { environment, taskDef, hostHeaders: ['web.example.com'] });
  return app;
});
const reports = facts(dir);
const network = stackFacts(reports, 'Network');
const services = stackFacts(reports, 'Services');

test('a service in another stack than its network: subnets, route out and load balancer followed through the imports', () => {
  expect(services.exposure.workloads).toEqual([expect.objectContaining({
    kind: 'service',
    name: 'Web/Service',
    subnets: ['Network/Env/Network/Resource/PrivateSubnet1', 'Network/Env/Network/Resource/PrivateSubnet2'],
    publicIp: false,
    egress: 'NAT gateway (1 for 2 subnets)',
    ingress: ['tcp 8080 from load balancer Network/Env/LoadBalancer (reachable from 0.0.0.0/0 on tcp 80)'],
  })]);
});

test('the imported resources are followed, never listed or priced in the importing stack', () => {
  expect(services.exposure.loadBalancers).toEqual([]);
  expect(services.cost.resources).toMatchObject({ natGateways: 0, applicationLoadBalancers: 0 });
  expect(network.exposure.loadBalancers.map(l => l.name)).toEqual(['Env/LoadBalancer']);
  expect(network.cost.resources).toMatchObject({ natGateways: 1, applicationLoadBalancers: 1 });
});

import { App, Stack } from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as ecsPatterns from 'aws-cdk-lib/aws-ecs-patterns';
import { cli, facts, stackFacts, synthToDir } from './helpers';

// Any app, not only this library's: a stock aws-ecs-patterns service, image from an ECR repository.
const dir = synthToDir(outdir => {
  const app = new App({ outdir });
  const stack = new Stack(app, 'Patterns');
  const repository = new ecr.Repository(stack, 'Repo');
  new ecsPatterns.ApplicationLoadBalancedFargateService(stack, 'Web', {
    taskImageOptions: { image: ecs.ContainerImage.fromEcrRepository(repository, 'v1'), containerPort: 8080 },
  });
  return app;
});
const s = stackFacts(facts(dir), 'Patterns');

test('the service: private subnets behind NAT, 8080 open to its load balancer, which is open to the world on 80', () => {
  expect(s.exposure.workloads).toEqual([expect.objectContaining({
    kind: 'service',
    name: 'Web/Service',
    publicIp: false,
    egress: 'NAT gateway (2 for 2 subnets)',
    ingress: ['tcp 8080 from load balancer Web/LB (reachable from 0.0.0.0/0 on tcp 80)'],
  })]);
  expect(s.exposure.loadBalancers).toEqual([expect.objectContaining({
    name: 'Web/LB',
    scheme: 'internet-facing',
    listeners: [{ port: '80', protocol: 'HTTP', action: 'forward to Web/LB/PublicListener/ECSGroup' }],
    allowedCidrs: ['0.0.0.0/0 on tcp 80'],
  })]);
});

test('ecr:GetAuthorizationToken on "*" is flagged with the reason AWS requires it', () => {
  const execution = s.permissions.roles.find(r => r.name === 'Web/TaskDef/ExecutionRole')!;
  expect(execution.wildcards).toEqual([{
    actions: ['ecr:GetAuthorizationToken'],
    resource: '*',
    reason: 'AWS requires "*": ecr:GetAuthorizationToken has no resource-level permissions',
  }]);
  expect(execution.grants.find(g => g.service === 'ecr' && g.resources[0] !== '*')!.resources).toEqual(['{Repo.Arn}']);
});

test('the task roles of aws-ecs-patterns have no confused-deputy condition, and the report shows it', () => {
  const taskRole = s.permissions.roles.find(r => r.name === 'Web/TaskDef/TaskRole')!;
  expect(taskRole.trust).toEqual(['Service ecs-tasks.amazonaws.com']);
});

test('cost: two NAT gateways, one ALB, four public IPv4 and one 0.25 vCPU task', () => {
  expect(s.cost.resources).toMatchObject({ natGateways: 2, applicationLoadBalancers: 1 });
  expect(s.cost.services).toHaveLength(1);
  expect(s.cost.fixed.total).toBeCloseTo(2 * 0.045 * 730 + 0.0225 * 730 + 4 * 0.005 * 730, 6);
});

test('the whole report renders with every section', () => {
  const r = cli('report', dir);
  expect(r.code).toBe(0);
  for (const heading of ['## Exposure', '## Permissions', '## Network diagrams', '```mermaid', '## Cost']) expect(r.stdout).toContain(heading);
});

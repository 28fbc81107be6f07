import { exampleAssembly, facts, stackFacts } from './helpers';
import { day2Hazards } from '../../src/report/day2-hazards';
import { grantedServices } from '../../src/report/model';

// The facts the report states about the example app (examples/scenarios.ts), one stack at a time.
const reports = facts(exampleAssembly());

test('the example app compared with itself (five stacks, cross-stack imports): no day-2 hazard', () => {
  expect(day2Hazards(reports, reports)).toEqual([]);
});

test('one report per example stack, with its region', () => {
  expect(reports.map(r => [r.name, r.region])).toEqual([
    ['Scorekeep', 'us-east-1'], ['PublicOnly', 'region-agnostic'], ['IsolatedWithEndpoints', 'region-agnostic'], ['BatchJob', 'region-agnostic'], ['ManyServices', 'us-east-1'],
  ]);
});

describe('Scorekeep: ALB in front of private tasks behind NAT', () => {
  const s = stackFacts(reports, 'Scorekeep');
  const [web] = s.exposure.workloads;

  test('the service runs in the private subnets, no public IP, out through one NAT gateway per AZ', () => {
    expect(s.exposure.workloads).toHaveLength(1);
    expect(web).toMatchObject({ kind: 'service', name: 'Web/Service', publicIp: false, egress: 'NAT gateway (2 for 2 subnets)' });
    expect(web.subnets).toEqual(['Network/Resource/PrivateSubnet1', 'Network/Resource/PrivateSubnet2']);
  });

  test('the tasks accept 8080 and 5000 from the load balancer only, which is open to the world on 80', () => {
    expect(web.ingress).toEqual([
      'tcp 8080 from load balancer Web/LoadBalancer (reachable from 0.0.0.0/0 on tcp 80)',
      'tcp 5000 from load balancer Web/LoadBalancer (reachable from 0.0.0.0/0 on tcp 80)',
    ]);
    expect(web.targets).toEqual(['scorekeep-frontend:8080 ← Web/TargetGroup', 'scorekeep-api:5000 ← Web/TargetGroup --api--*']);
  });

  test('the load balancer: internet-facing, HTTP 80 forwarding to the frontend with one path rule, allowed from 0.0.0.0/0', () => {
    expect(s.exposure.loadBalancers).toEqual([expect.objectContaining({
      name: 'Web/LoadBalancer',
      scheme: 'internet-facing',
      type: 'application',
      listeners: [{ port: '80', protocol: 'HTTP', action: 'forward to Web/TargetGroup (+ 1 rule)' }],
      allowedCidrs: ['0.0.0.0/0 on tcp 80'],
    })]);
  });

  test('the task role reads the table and publishes to the topic; both task roles trust ecs-tasks with the confused-deputy condition', () => {
    const taskRole = s.permissions.roles.find(r => r.name === 'Task/Roles/TaskRole')!;
    expect(taskRole.trust).toEqual([
      'Service ecs-tasks.amazonaws.com if StringEquals aws:SourceAccount = ${AWS::AccountId} and ArnLike aws:SourceArn = arn:${AWS::Partition}:ecs:us-east-1:${AWS::AccountId}:*',
    ]);
    expect(taskRole.grants.map(g => [g.service, g.resources.join(', ')])).toEqual([
      ['dynamodb', '{Scores.Arn}'], ['dynamodb', '{Scores.Arn}'], ['sns', '{Notifications}'],
    ]);
    expect(taskRole.grants.find(g => g.service === 'sns')!.actions).toEqual(['sns:Publish']);
    expect(taskRole.wildcards).toEqual([]);
    expect(grantedServices(s, web.taskRoleId)).toEqual(['dynamodb', 'sns']);
  });

  test('no wildcard resource anywhere, and nobody may run tasks', () => {
    expect(s.permissions.roles.flatMap(r => r.wildcards)).toEqual([]);
    expect(s.permissions.runTask).toEqual([]);
  });
});

describe('PublicOnly: tasks with public IPs, no load balancer', () => {
  const s = stackFacts(reports, 'PublicOnly');

  test('public IP through the internet gateway, 8080 open to the world', () => {
    expect(s.exposure.workloads).toEqual([expect.objectContaining({
      kind: 'service', name: 'Web', publicIp: true, egress: 'public IP (internet gateway)', ingress: ['tcp 8080 from 0.0.0.0/0 (anywhere)'],
    })]);
    expect(s.exposure.loadBalancers).toEqual([]);
  });
});

describe('IsolatedWithEndpoints: VPC endpoints only', () => {
  const s = stackFacts(reports, 'IsolatedWithEndpoints');
  const [web] = s.exposure.workloads;

  test('isolated subnets reach AWS through the VPC endpoints only, and nothing may reach the tasks', () => {
    expect(web.egress).toBe('VPC endpoints only (ecr.api, ecr.dkr, s3, logs, ssmmessages)');
    expect(web.ingress).toEqual([]);
  });

  test('the ECS Exec wildcards carry the reasons the library acknowledged', () => {
    const taskRole = s.permissions.roles.find(r => r.name === 'WebTask/Roles/TaskRole')!;
    expect(taskRole.wildcards.map(w => [w.resource, w.reason.split(',')[0]])).toEqual([
      ['*', 'acknowledged: ECS Exec'],
      ['arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:*', 'acknowledged: ECS Exec'],
    ]);
  });
});

describe('BatchJob: a scheduled task and a one-off task', () => {
  const s = stackFacts(reports, 'BatchJob');

  test('the nightly schedule runs the job in private subnets behind one NAT gateway', () => {
    expect(s.exposure.workloads).toEqual([expect.objectContaining({
      kind: 'scheduled task',
      name: 'Nightly/Schedule',
      schedule: 'cron(0 3 * * ? *)',
      taskDefinition: '{JobTask}',
      publicIp: false,
      egress: 'NAT gateway (1 for 2 subnets)',
      ingress: [],
    })]);
  });

  test('the schedule role may run the job on its cluster only, passing the two task roles', () => {
    expect(s.permissions.runTask).toEqual([{
      grantee: 'Nightly/ScheduleRole',
      taskDefinitions: ['{JobTask}'],
      cluster: '{OneOff/Cluster.Arn}',
      passRoles: ['{JobTask/Roles/ExecutionRole.Arn}', '{JobTask/Roles/TaskRole.Arn}'],
    }]);
    const role = s.permissions.roles.find(r => r.name === 'Nightly/ScheduleRole')!;
    expect(role.trust).toEqual(['Service events.amazonaws.com if StringEquals aws:SourceAccount = ${AWS::AccountId}']);
  });
});

describe('ManyServices: one environment, a shared load balancer and Service Connect calls', () => {
  const s = stackFacts(reports, 'ManyServices');
  const byName = (name: string) => s.exposure.workloads.find(w => w.name === name)!;

  test('three services in the private subnets behind one NAT gateway', () => {
    expect(s.exposure.workloads.map(w => [w.name, w.publicIp, w.egress])).toEqual([
      ['Api', false, 'NAT gateway (1 for 2 subnets)'],
      ['Frontend', false, 'NAT gateway (1 for 2 subnets)'],
      ['Worker', false, 'NAT gateway (1 for 2 subnets)'],
    ]);
  });

  test('the API accepts 5000 from its two callers only; the frontend 8080 from the shared load balancer; the worker nothing', () => {
    expect(byName('Api').ingress).toEqual([
      'tcp 5000 from service Frontend (reachable from security group Env/LoadBalancerSecurityGroup on tcp 8080)',
      'tcp 5000 from service Worker (no ingress)',
    ]);
    expect(byName('Frontend').ingress).toEqual(['tcp 8080 from load balancer Env/LoadBalancer (reachable from 0.0.0.0/0 on tcp 80)']);
    expect(byName('Frontend').targets).toEqual(['web:8080 ← FrontendFront/SharedTargetGroup']);
    expect(byName('Worker').ingress).toEqual([]);
  });

  test('the shared load balancer answers 404 by default and forwards by rule', () => {
    expect(s.exposure.loadBalancers).toEqual([expect.objectContaining({
      name: 'Env/LoadBalancer',
      scheme: 'internet-facing',
      listeners: [{ port: '80', protocol: 'HTTP', action: 'fixed response 404 (+ 1 rule)' }],
      allowedCidrs: ['0.0.0.0/0 on tcp 80'],
    })]);
  });
});

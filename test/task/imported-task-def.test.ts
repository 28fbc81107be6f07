import { App, Duration, Stack, Token } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import { FargateService, FargateTask, FargateTaskDef, FargateVpc, VpcEndpointService, VpcTopology } from '../../src';
import { atSynth } from '../at-synth';

const ARN = 'arn:aws:ecs:us-east-1:123456789012:task-definition/migrate:7';

function fixture() {
  const stack = new Stack(new App(), 'S', { env: { account: '123456789012', region: 'us-east-1' } });
  const network = FargateVpc.fromVpc(stack, 'Network', {
    vpc: ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
      vpcId: 'vpc-1',
      availabilityZones: ['us-east-1a', 'us-east-1b'],
      publicSubnetIds: ['subnet-p1', 'subnet-p2'],
      privateSubnetIds: ['subnet-q1', 'subnet-q2'],
      publicSubnetRouteTableIds: ['rtb-1', 'rtb-2'],
      privateSubnetRouteTableIds: ['rtb-3', 'rtb-4'],
    }),
    topology: VpcTopology.PRIVATE_WITH_NAT,
  });
  const taskDef = FargateTaskDef.fromFargateTaskDefAttributes(stack, 'Migrate', {
    taskDefinitionArn: ARN,
    cpu: 512,
    memoryLimitMiB: 1024,
    executionRole: iam.Role.fromRoleArn(stack, 'Exec', 'arn:aws:iam::123456789012:role/migrate-exec', { mutable: false }),
    taskRole: iam.Role.fromRoleArn(stack, 'TaskRole', 'arn:aws:iam::123456789012:role/migrate-task', { mutable: false }),
  });
  return { stack, network, taskDef };
}

test('an imported task definition: family from the ARN, grants on every revision of it and on exactly its two roles', () => {
  const { stack, taskDef } = fixture();
  expect(taskDef.family).toBe('migrate');
  expect(taskDef.cpu).toBe(512);
  const cluster = ecs.Cluster.fromClusterArn(stack, 'Cluster', 'arn:aws:ecs:us-east-1:123456789012:cluster/apps');
  const ci = new iam.Role(stack, 'Ci', { assumedBy: new iam.AccountRootPrincipal() });
  taskDef.grantRun(ci, cluster);
  Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
    PolicyDocument: {
      Statement: [
        Match.objectLike({ Action: 'ecs:RunTask', Resource: Match.objectLike({ 'Fn::Join': ['', Match.arrayWith([':ecs:us-east-1:123456789012:task-definition/migrate:*'])] }) }),
        Match.objectLike({ Action: 'iam:PassRole', Resource: ['arn:aws:iam::123456789012:role/migrate-exec', 'arn:aws:iam::123456789012:role/migrate-task'] }),
      ],
    },
  });
});

test('a FargateTask of this app runs it on a schedule and by hand', () => {
  const { stack, network, taskDef } = fixture();
  const task = new FargateTask(stack, 'Job', { network, taskDef, schedule: events.Schedule.rate(Duration.hours(1)) });
  expect(task.runTaskCommand).toContain('--task-definition migrate');
  Template.fromStack(stack).hasResourceProperties('AWS::Events::Rule', {
    Targets: [Match.objectLike({ EcsParameters: Match.objectLike({ TaskDefinitionArn: ARN }) })],
  });
});

test('its secrets need endpoints in a network without internet route (FGK-SECRET-ENDPOINTS)', () => {
  const stack = new Stack(new App(), 'S', { env: { account: '123456789012', region: 'us-east-1' } });
  const network = new FargateVpc(stack, 'Net', { topology: VpcTopology.PRIVATE_ISOLATED, flowLogs: false });
  const taskDef = FargateTaskDef.fromFargateTaskDefAttributes(stack, 'Migrate', {
    taskDefinitionArn: ARN,
    cpu: 256,
    memoryLimitMiB: 512,
    executionRole: iam.Role.fromRoleName(stack, 'Exec', 'e'),
    taskRole: iam.Role.fromRoleName(stack, 'T', 't'),
    requiredVpcEndpoints: [VpcEndpointService.SECRETS_MANAGER],
  });
  new FargateTask(stack, 'Job', { network, taskDef });
  expect(atSynth(() => stack)).toThrow(/\[FGK-SECRET-ENDPOINTS\] the task's containers read secrets through SECRETS_MANAGER/);
});

test('a FargateService cannot be built from it (FGK-IMPORTED-TASK-DEF), with the path and the fix', () => {
  const { stack, network, taskDef } = fixture();
  expect(() => new FargateService(stack, 'Svc', { network, taskDef }))
    .toThrow(/FargateService S\/Svc: \[FGK-IMPORTED-TASK-DEF\] taskDef S\/Migrate is a task definition of another app; .* Fix: create the service in the app that owns the task definition/);
});

test('an ARN the family cannot be read from needs family (FGK-IMPORTED-TASK-DEF)', () => {
  const stack = new Stack(new App(), 'S');
  FargateTaskDef.fromFargateTaskDefAttributes(stack, 'T', {
    taskDefinitionArn: Token.asString({ Ref: 'TaskDefArn' }),
    cpu: 256,
    memoryLimitMiB: 512,
    executionRole: iam.Role.fromRoleName(stack, 'Exec', 'e'),
    taskRole: iam.Role.fromRoleName(stack, 'R', 't'),
  });
  expect(atSynth(() => stack)).toThrow(/\[FGK-IMPORTED-TASK-DEF\] the family cannot be read from taskDefinitionArn \(token\).* Fix: pass family/);
  const ok = new Stack(new App(), 'S');
  const td = FargateTaskDef.fromFargateTaskDefAttributes(ok, 'T', {
    taskDefinitionArn: Token.asString({ Ref: 'TaskDefArn' }),
    family: 'migrate',
    cpu: 256,
    memoryLimitMiB: 512,
    executionRole: iam.Role.fromRoleName(ok, 'Exec', 'e'),
    taskRole: iam.Role.fromRoleName(ok, 'R', 't'),
  });
  expect(td.family).toBe('migrate');
  expect(atSynth(() => ok)).not.toThrow();
});

import { Duration } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as events from 'aws-cdk-lib/aws-events';
import { fixture } from './helpers';
import { FargateTask, FargateTaskDef, VpcTopology } from '../../src';
import { atSynth } from '../at-synth';

describe('FargateTask with default props (one-off)', () => {
  const { stack, network, taskDef } = fixture();
  const task = new FargateTask(stack, 'Job', { network, taskDef });
  const t = Template.fromStack(stack);

  test('creates its own security group with no ingress, a cluster with Container Insights, no service, no rule', () => {
    t.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: 'Tasks of a FargateTask (cdk-fargate-kit)',
      SecurityGroupIngress: Match.absent(),
    });
    t.hasResourceProperties('AWS::ECS::Cluster', { ClusterSettings: [{ Name: 'containerInsights', Value: 'enabled' }] });
    t.resourceCountIs('AWS::ECS::Service', 0);
    t.resourceCountIs('AWS::Events::Rule', 0);
    expect(task.rule).toBeUndefined();
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });

  test('emits the run-task command with the cluster, family, subnets and security group', () => {
    const outputs = t.findOutputs('*', { Description: 'Starts one task of Stack/Job' });
    const [output] = Object.values(outputs);
    expect(output.Value).toEqual({
      'Fn::Join': ['', [
        'aws ecs run-task --cluster ',
        { Ref: expect.stringMatching(/^JobCluster/) },
        ' --task-definition web --launch-type FARGATE --network-configuration "awsvpcConfiguration={subnets=[',
        { Ref: expect.stringMatching(/^NetworkPrivateSubnet1Subnet/) },
        ',',
        { Ref: expect.stringMatching(/^NetworkPrivateSubnet2Subnet/) },
        '],securityGroups=[',
        { 'Fn::GetAtt': [expect.stringMatching(/^JobSecurityGroup/), 'GroupId'] },
        '],assignPublicIp=DISABLED}"',
      ]],
    });
  });

  test('emits the network configuration as JSON for SDK users', () => {
    const [output] = Object.values(t.findOutputs('*', { Description: Match.stringLikeRegexp('networkConfiguration of Stack/Job') }));
    const text = JSON.stringify(output.Value);
    expect(text).toMatch(/\{\\"awsvpcConfiguration\\":\{\\"subnets\\":\[\\"/);
    expect(text).toMatch(/NetworkPrivateSubnet1Subnet/);
    expect(text).toMatch(/JobSecurityGroup/);
    expect(text).toMatch(/\\"assignPublicIp\\":\\"DISABLED\\"/);
  });
});

describe('FargateTask with a schedule', () => {
  const { stack, network, taskDef } = fixture(VpcTopology.PUBLIC_ONLY);
  const cluster = new ecs.Cluster(stack, 'Shared', { vpc: network.vpc });
  const extra = new ec2.SecurityGroup(stack, 'Extra', { vpc: network.vpc });
  const task = new FargateTask(stack, 'Job', {
    network,
    taskDef,
    cluster,
    securityGroups: [extra],
    platformVersion: ecs.FargatePlatformVersion.VERSION1_4,
    schedule: events.Schedule.rate(Duration.hours(1)),
    scheduledTaskCount: 2,
  });
  const t = Template.fromStack(stack);

  test('an EventBridge rule runs the task definition on the cluster in the task subnets', () => {
    t.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 hour)',
      State: 'ENABLED',
      Targets: [Match.objectLike({
        Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Shared'), 'Arn'] },
        RoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^JobScheduleRole'), 'Arn'] },
        EcsParameters: {
          TaskDefinitionArn: { Ref: Match.stringLikeRegexp('^TaskDef') },
          TaskCount: 2,
          LaunchType: 'FARGATE',
          PlatformVersion: '1.4.0',
          NetworkConfiguration: {
            AwsVpcConfiguration: {
              AssignPublicIp: 'ENABLED',
              Subnets: [{ Ref: Match.stringLikeRegexp('NetworkPublicSubnet1Subnet') }, { Ref: Match.stringLikeRegexp('NetworkPublicSubnet2Subnet') }],
              SecurityGroups: [
                { 'Fn::GetAtt': [Match.stringLikeRegexp('^JobSecurityGroup'), 'GroupId'] },
                { 'Fn::GetAtt': [Match.stringLikeRegexp('^Extra'), 'GroupId'] },
              ],
            },
          },
        },
      })],
    });
    expect(task.rule).toBeDefined();
  });

  test('its role is trusted by EventBridge of this account only', () => {
    t.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [{
          Action: 'sts:AssumeRole',
          Effect: 'Allow',
          Principal: { Service: 'events.amazonaws.com' },
          Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
        }],
      },
    });
  });

  test('its role may run only this task definition, only on this cluster, and pass only its two roles', () => {
    // exactly these two statements: no ecs:TagResource on task/CLUSTER/* (aws-cdk-lib's EcsTask default)
    t.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^JobScheduleRole') }],
      PolicyDocument: {
        Statement: [
          {
            Action: 'ecs:RunTask',
            Effect: 'Allow',
            Resource: { Ref: Match.stringLikeRegexp('^TaskDef') },
            Condition: { ArnEquals: { 'ecs:cluster': { 'Fn::GetAtt': [Match.stringLikeRegexp('^Shared'), 'Arn'] } } },
          },
          {
            Action: 'iam:PassRole',
            Effect: 'Allow',
            Resource: [
              { 'Fn::GetAtt': [Match.stringLikeRegexp('TaskDefRolesExecutionRole'), 'Arn'] },
              { 'Fn::GetAtt': [Match.stringLikeRegexp('TaskDefRolesTaskRole'), 'Arn'] },
            ],
            Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
          },
        ],
      },
    });
    expect(Object.keys(t.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: Match.stringLikeRegexp('^JobScheduleRole') }] } }))).toHaveLength(1);
  });

  test('the command uses the given cluster, the platform version and a public IP', () => {
    const text = JSON.stringify(stack.resolve(task.runTaskCommand));
    expect(text).toMatch(/\{"Ref":"Shared[0-9A-F]+"\}/);
    expect(text).toMatch(/--platform-version 1\.4\.0/);
    expect(text).toMatch(/assignPublicIp=ENABLED/);
  });
});

test('FargateTask outputs can be turned off', () => {
  const { stack, network, taskDef } = fixture();
  new FargateTask(stack, 'Job', { network, taskDef, outputs: false });
  expect(Object.keys(Template.fromStack(stack).findOutputs('*'))).toHaveLength(0);
});

test('FargateTask in an isolated network runs in the isolated subnets', () => {
  const { stack, network, taskDef } = fixture(VpcTopology.PRIVATE_ISOLATED);
  const task = new FargateTask(stack, 'Job', { network, taskDef, schedule: events.Schedule.cron({ hour: '3', minute: '0' }) });
  expect(JSON.stringify(stack.resolve(task.runTaskCommand))).toMatch(/NetworkIsolatedSubnet1Subnet.*assignPublicIp=DISABLED/);
  Template.fromStack(stack).hasResourceProperties('AWS::Events::Rule', {
    ScheduleExpression: 'cron(0 3 * * ? *)',
    Targets: [Match.objectLike({ EcsParameters: Match.objectLike({ NetworkConfiguration: { AwsVpcConfiguration: Match.objectLike({ AssignPublicIp: 'DISABLED' }) } }) })],
  });
});

describe('FargateTask on Spot with overrides of its scheduled runs', () => {
  const { app, stack, network, taskDef } = fixture();
  const task = new FargateTask(stack, 'Job', {
    network,
    taskDef,
    spot: {},
    schedule: events.Schedule.cron({ hour: '3', minute: '0' }),
    containerOverrides: [{ containerName: 'web', command: ['report', '--nightly'], environment: [{ name: 'MODE', value: 'nightly' }] }],
  });
  const t = Template.fromStack(stack);

  test('the scheduled run uses FARGATE_SPOT only (no launch type) with the overrides', () => {
    expect(() => app.synth()).not.toThrow();
    t.hasResourceProperties('AWS::Events::Rule', {
      Targets: [Match.objectLike({
        EcsParameters: Match.objectLike({
          LaunchType: Match.absent(),
          CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE_SPOT', Weight: 1 }],
        }),
        Input: Match.serializedJson({
          containerOverrides: [{ name: 'web', command: ['report', '--nightly'], environment: [{ name: 'MODE', value: 'nightly' }] }],
        }),
      })],
    });
  });

  test('the cluster gets the Fargate capacity providers, and the run-task command the strategy', () => {
    t.hasResourceProperties('AWS::ECS::ClusterCapacityProviderAssociations', { CapacityProviders: ['FARGATE', 'FARGATE_SPOT'] });
    expect(JSON.stringify(stack.resolve(task.runTaskCommand))).toMatch(/--capacity-provider-strategy capacityProvider=FARGATE_SPOT,weight=1 --network-configuration/);
    expect(JSON.stringify(stack.resolve(task.runTaskCommand))).not.toMatch(/--launch-type/);
  });
});

test('FargateTask on Spot with an on-demand base puts both providers in the command', () => {
  const { stack, network, taskDef } = fixture();
  const task = new FargateTask(stack, 'Job', { network, taskDef, spot: { onDemandBase: 1, onDemandWeight: 1, spotWeight: 3 } });
  expect(JSON.stringify(stack.resolve(task.runTaskCommand)))
    .toMatch(/--capacity-provider-strategy capacityProvider=FARGATE,weight=1,base=1 capacityProvider=FARGATE_SPOT,weight=3 /);
});

describe('FargateTask validation', () => {
  test('overrides of a container the task does not have fail synth', () => {
    const { app, stack, network, taskDef } = fixture();
    new FargateTask(stack, 'Job', { network, taskDef, schedule: events.Schedule.rate(Duration.hours(1)), containerOverrides: [{ containerName: 'wbe', command: ['x'] }] });
    expect(atSynth(() => app.synth())).toThrow(/FargateTask Stack\/Job: \[FGK-[A-Z0-9-]+\] containerOverrides name container\(s\) 'wbe', which the task does not have \(containers: 'web'\)/);
  });

  test('overrides without a schedule', () => {
    const { stack, network, taskDef } = fixture();
    expect(atSynth(() => new FargateTask(stack, 'Job', { network, taskDef, containerOverrides: [{ containerName: 'web', command: ['x'] }] })))
      .toThrow(/FargateTask Stack\/Job: \[FGK-[A-Z0-9-]+\] containerOverrides is set without schedule/);
  });

  test('Spot for a Windows task', () => {
    const { stack, network } = fixture();
    const win = new FargateTaskDef(stack, 'Win', { cpu: 1024, memoryLimitMiB: 2048, operatingSystemFamily: ecs.OperatingSystemFamily.WINDOWS_SERVER_2022_CORE });
    win.addAppContainer('job', { image: ecs.ContainerImage.fromRegistry('mcr.microsoft.com/windows/servercore:ltsc2022') });
    expect(atSynth(() => new FargateTask(stack, 'Job', { network, taskDef: win, spot: {} }))).toThrow(/FargateTask Stack\/Job: \[FGK-[A-Z0-9-]+\] spot.spotWeight 1 places tasks on FARGATE_SPOT, but this task definition runs Windows/);
  });
});

test('FargateTask on Spot on an imported cluster warns that it needs the capacity providers', () => {
  const { stack, network, taskDef } = fixture();
  const cluster = ecs.Cluster.fromClusterAttributes(stack, 'Imported', { clusterName: 'shared', vpc: network.vpc });
  new FargateTask(stack, 'Job', { network, taskDef, cluster, spot: {} });
  Annotations.fromStack(stack).hasWarning('/Stack/Job', Match.stringLikeRegexp('FARGATE and FARGATE_SPOT capacity providers'));
});

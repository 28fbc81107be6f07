import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { fixture } from './helpers';
import { FargateService, FargateTask, FargateTaskDef, FargateVpc, VpcEndpointService, VpcTopology } from '../../src';
import { atSynth } from '../at-synth';
import { privateEcrImage } from '../images';

describe('FargateService rejects at synth', () => {
  test('a negative desiredCount', () => {
    const { stack, network, taskDef } = fixture();
    expect(atSynth(() => new FargateService(stack, 'Web', { network, taskDef, desiredCount: -1 })))
      .toThrow(/FargateService Stack\/Web: \[FGK-[A-Z0-9-]+\] desiredCount -1 is not valid; .*Fix:/);
  });

  test('scaling bounds that cannot hold', () => {
    const { stack, network, taskDef } = fixture();
    expect(atSynth(() => new FargateService(stack, 'Web', { network, taskDef, autoScaling: { minCapacity: 5, maxCapacity: 2 } })))
      .toThrow(/FargateService Stack\/Web: \[FGK-[A-Z0-9-]+\] autoScaling.minCapacity 5 is greater than maxCapacity 2/);
    expect(atSynth(() => new FargateService(stack, 'Web2', { network, taskDef, desiredCount: 9, autoScaling: { minCapacity: 1, maxCapacity: 4 } })))
      .toThrow(/FargateService Stack\/Web2: \[FGK-[A-Z0-9-]+\] desiredCount 9 is outside the auto scaling range 1..4/);
  });

  test('a target percentage out of range', () => {
    const { stack, network, taskDef } = fixture();
    expect(atSynth(() => new FargateService(stack, 'Web', { network, taskDef, autoScaling: { minCapacity: 1, maxCapacity: 2, targetMemoryPercent: 150 } })))
      .toThrow(/FargateService Stack\/Web: \[FGK-[A-Z0-9-]+\] autoScaling.targetMemoryPercent 150 is not a valid utilization percentage/);
    expect(atSynth(() => new FargateService(stack, 'Web2', { network, taskDef, alarms: { cpuPercent: 0 } })))
      .toThrow(/FargateService Stack\/Web2: \[FGK-[A-Z0-9-]+\] alarms.cpuPercent 0 is not a valid utilization percentage/);
  });

  test('spot weights of 0 and 0', () => {
    const { stack, network, taskDef } = fixture();
    expect(atSynth(() => new FargateService(stack, 'Web', { network, taskDef, spot: { spotWeight: 0, onDemandWeight: 0 } })))
      .toThrow(/FargateService Stack\/Web: \[FGK-[A-Z0-9-]+\] spot.onDemandWeight and spot.spotWeight are both 0/);
  });

  test('ARM64 on Spot before platform 1.4.0', () => {
    const { stack, network, taskDef } = fixture(VpcTopology.PRIVATE_WITH_NAT, {}, { cpuArchitecture: ecs.CpuArchitecture.ARM64 });
    expect(atSynth(() => new FargateService(stack, 'Web', { network, taskDef, spot: {}, platformVersion: ecs.FargatePlatformVersion.VERSION1_3 })))
      .toThrow(/FargateService Stack\/Web: \[FGK-[A-Z0-9-]+\] spot.spotWeight 1 places ARM64 tasks on FARGATE_SPOT with platformVersion 1.3.0/);
  });

  test('ARM64 on Spot on the latest platform synthesizes', () => {
    const { app, stack, network, taskDef } = fixture(VpcTopology.PRIVATE_WITH_NAT, {}, { cpuArchitecture: ecs.CpuArchitecture.ARM64 });
    new FargateService(stack, 'Web', { network, taskDef, spot: {} });
    expect(() => app.synth()).not.toThrow();
    Template.fromStack(stack).hasResourceProperties('AWS::ECS::Service', {
      CapacityProviderStrategy: Match.arrayWith([Match.objectLike({ CapacityProvider: 'FARGATE_SPOT' })]),
    });
  });

  test('8 vCPU on platform 1.3.0', () => {
    const { stack, network, taskDef } = fixture(VpcTopology.PRIVATE_WITH_NAT, {}, { cpu: 8192, memoryLimitMiB: 16384 });
    expect(atSynth(() => new FargateService(stack, 'Web', { network, taskDef, platformVersion: ecs.FargatePlatformVersion.VERSION1_3 })))
      .toThrow(/FargateService Stack\/Web: \[FGK-[A-Z0-9-]+\] platformVersion 1.3.0 cannot run a task with cpu 8192 \(8 vCPU\)/);
  });

  test('ECS Exec in an isolated network without the ssmmessages endpoint', () => {
    const { stack, network, taskDef } = fixture(VpcTopology.PRIVATE_ISOLATED);
    expect(atSynth(() => new FargateService(stack, 'Web', { network, taskDef, enableExecuteCommand: true })))
      .toThrow(/FargateService Stack\/Web: \[FGK-[A-Z0-9-]+\] enableExecuteCommand is true, but .*SSM_MESSAGES/);
  });

  test('tasks in public subnets without a public IP', () => {
    const { stack, taskDef } = fixture();
    const vpc = new ec2.Vpc(stack, 'Existing', { natGateways: 1, restrictDefaultSecurityGroup: false });
    const network = FargateVpc.fromVpc(stack, 'Net', { vpc, topology: VpcTopology.PRIVATE_WITH_NAT, taskSubnets: { subnetType: ec2.SubnetType.PUBLIC } });
    expect(atSynth(() => new FargateService(stack, 'Web', { network, taskDef })))
      .toThrow(/FargateService Stack\/Web: \[FGK-[A-Z0-9-]+\] taskSubnets select 2 public subnet\(s\) but topology PRIVATE_WITH_NAT gives tasks no public IP .*CannotPullContainerError/);
  });

  test('tasks in isolated subnets without the endpoints', () => {
    const { stack, taskDef } = fixture();
    const vpc = new ec2.Vpc(stack, 'Existing', {
      natGateways: 0,
      restrictDefaultSecurityGroup: false,
      subnetConfiguration: [{ name: 'Isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
    });
    const network = FargateVpc.fromVpc(stack, 'Net', { vpc, topology: VpcTopology.PRIVATE_WITH_NAT, taskSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED }, loadBalancerSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED } });
    expect(atSynth(() => new FargateTask(stack, 'Job', { network, taskDef })))
      .toThrow(/FargateTask Stack\/Job: \[FGK-[A-Z0-9-]+\] taskSubnets select 2 isolated subnet\(s\) .*lacks VPC endpoints ECR_API, ECR_DOCKER, S3, CLOUDWATCH_LOGS/);
  });
});

describe('secrets without a Secrets Manager path (tree validation)', () => {
  function isolatedWithSecret(vpcEndpoints: VpcEndpointService[]) {
    const app = new App();
    const stack = new Stack(app, 'Stack');
    const network = new FargateVpc(stack, 'Network', { topology: VpcTopology.PRIVATE_ISOLATED, flowLogs: false, vpcEndpoints });
    const taskDef = new FargateTaskDef(stack, 'TaskDef');
    const secret = new secretsmanager.Secret(stack, 'Secret');
    taskDef.addAppContainer('web', {
      image: privateEcrImage(stack),
      secrets: { DB: ecs.Secret.fromSecretsManager(secret) },
    });
    new FargateService(stack, 'Web', { network, taskDef });
    return app;
  }

  test('fails synth and names the missing endpoint', () => {
    expect(atSynth(() => isolatedWithSecret([]).synth()))
      .toThrow(/FargateService Stack\/Web: \[FGK-[A-Z0-9-]+\] the task's containers read secrets through SECRETS_MANAGER, .*Fix: .*VpcEndpointService.SECRETS_MANAGER/);
  });

  test('passes with the endpoint', () => {
    expect(() => isolatedWithSecret([VpcEndpointService.SECRETS_MANAGER]).synth()).not.toThrow();
  });
});

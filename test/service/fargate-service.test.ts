import { Duration, Validations } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { fixture } from './helpers';
import { FargateService, FargateTask, FargateVpc, ServiceAlarm, VpcEndpointService, VpcTopology } from '../../src';
import { atSynth } from '../at-synth';

describe('FargateService with default props', () => {
  const { stack, network, taskDef } = fixture();
  const svc = new FargateService(stack, 'Web', { network, taskDef });
  const t = Template.fromStack(stack);

  test('runs 2 tasks on capacity provider FARGATE (no launch type, so Spot can be turned on in place) with safe deployments', () => {
    t.hasResourceProperties('AWS::ECS::Service', {
      LaunchType: Match.absent(),
      CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE', Weight: 1 }],
      DesiredCount: 2,
      DeploymentConfiguration: {
        MinimumHealthyPercent: 100,
        MaximumPercent: 200,
        DeploymentCircuitBreaker: { Enable: true, Rollback: true },
      },
      EnableExecuteCommand: false,
      PropagateTags: 'SERVICE',
      EnableECSManagedTags: true,
    });
  });

  test('places tasks in the private subnets of every AZ without a public IP', () => {
    t.hasResourceProperties('AWS::ECS::Service', {
      NetworkConfiguration: {
        AwsvpcConfiguration: {
          AssignPublicIp: 'DISABLED',
          Subnets: [
            { Ref: Match.stringLikeRegexp('NetworkPrivateSubnet1Subnet') },
            { Ref: Match.stringLikeRegexp('NetworkPrivateSubnet2Subnet') },
          ],
          SecurityGroups: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('WebSecurityGroup'), 'GroupId'] }],
        },
      },
    });
  });

  test('creates a cluster in the network VPC with Container Insights on', () => {
    t.resourceCountIs('AWS::ECS::Cluster', 1);
    t.hasResourceProperties('AWS::ECS::Cluster', {
      ClusterSettings: [{ Name: 'containerInsights', Value: 'enabled' }],
    });
    expect(svc.cluster.node.path).toBe('Stack/Web/Cluster');
  });

  test('its own security group has no ingress and all egress', () => {
    t.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: 'Tasks of a FargateService (cdk-fargate-kit)',
      SecurityGroupEgress: [{ CidrIp: '0.0.0.0/0', IpProtocol: '-1' }],
      SecurityGroupIngress: Match.absent(),
    });
    t.resourceCountIs('AWS::EC2::SecurityGroupIngress', 0);
  });

  test('no scaling, no alarms, no warnings', () => {
    t.resourceCountIs('AWS::ApplicationAutoScaling::ScalableTarget', 0);
    t.resourceCountIs('AWS::CloudWatch::Alarm', 0);
    expect(svc.scalableTaskCount).toBeUndefined();
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
    Annotations.fromStack(stack).hasNoError('*', Match.anyValue());
  });

  test('exposes a run-task command with subnet and security group references', () => {
    const cmd = stack.resolve(svc.runTaskCommand);
    const parts: unknown[] = cmd['Fn::Join'][1];
    expect(parts[0]).toBe('aws ecs run-task --cluster ');
    expect(parts[1]).toEqual({ Ref: expect.stringMatching(/^WebCluster/) });
    const text = JSON.stringify(cmd);
    expect(text).toMatch(/--task-definition web --launch-type FARGATE --network-configuration \\"awsvpcConfiguration=\{subnets=\[/);
    expect(text).toMatch(/NetworkPrivateSubnet1Subnet/);
    expect(text).toMatch(/NetworkPrivateSubnet2Subnet/);
    expect(text).toMatch(/WebSecurityGroup/);
    expect(text).toMatch(/assignPublicIp=DISABLED\}\\"/);
  });

  test('metrics are the service CPU and memory utilization', () => {
    const cpu = svc.metricCpuUtilization();
    expect(cpu.namespace).toBe('AWS/ECS');
    expect(cpu.metricName).toBe('CPUUtilization');
    expect(svc.metricMemoryUtilization().metricName).toBe('MemoryUtilization');
  });
});

describe('FargateService placement per topology', () => {
  test('PUBLIC_ONLY: public subnets with a public IP', () => {
    const { stack, network, taskDef } = fixture(VpcTopology.PUBLIC_ONLY);
    const svc = new FargateService(stack, 'Web', { network, taskDef });
    Template.fromStack(stack).hasResourceProperties('AWS::ECS::Service', {
      NetworkConfiguration: {
        AwsvpcConfiguration: {
          AssignPublicIp: 'ENABLED',
          Subnets: [{ Ref: Match.stringLikeRegexp('NetworkPublicSubnet1Subnet') }, { Ref: Match.stringLikeRegexp('NetworkPublicSubnet2Subnet') }],
        },
      },
    });
    expect(JSON.stringify(stack.resolve(svc.runTaskCommand))).toMatch(/assignPublicIp=ENABLED/);
  });

  test('PRIVATE_ISOLATED: isolated subnets without a public IP', () => {
    const { stack, network, taskDef } = fixture(VpcTopology.PRIVATE_ISOLATED);
    new FargateService(stack, 'Web', { network, taskDef });
    Template.fromStack(stack).hasResourceProperties('AWS::ECS::Service', {
      NetworkConfiguration: {
        AwsvpcConfiguration: {
          AssignPublicIp: 'DISABLED',
          Subnets: [{ Ref: Match.stringLikeRegexp('NetworkIsolatedSubnet1Subnet') }, { Ref: Match.stringLikeRegexp('NetworkIsolatedSubnet2Subnet') }],
        },
      },
    });
  });
});

describe('FargateService with all props', () => {
  const { stack, network, taskDef } = fixture(VpcTopology.PRIVATE_WITH_NAT, { vpcEndpoints: [] });
  const cluster = new ecs.Cluster(stack, 'MyCluster', { vpc: network.vpc });
  const extraSg = new ec2.SecurityGroup(stack, 'Extra', { vpc: network.vpc });
  const gate = new cloudwatch.Alarm(stack, 'Gate', { metric: new cloudwatch.Metric({ namespace: 'App', metricName: 'Errors' }), threshold: 1, evaluationPeriods: 1 });
  const svc = new FargateService(stack, 'Web', {
    network,
    taskDef,
    cluster,
    serviceName: 'web',
    securityGroups: [extraSg],
    spot: { spotWeight: 3, onDemandWeight: 1, onDemandBase: 2 },
    enableExecuteCommand: true,
    platformVersion: ecs.FargatePlatformVersion.VERSION1_4,
    minHealthyPercent: 50,
    maxHealthyPercent: 150,
    deploymentAlarms: [gate],
    healthCheckGracePeriod: Duration.seconds(30),
    autoScaling: {
      minCapacity: 2,
      maxCapacity: 10,
      targetCpuPercent: 60,
      targetMemoryPercent: 70,
      schedules: [{ name: 'Morning', schedule: appscaling.Schedule.cron({ hour: '8', minute: '0' }), minCapacity: 4 }],
    },
    alarms: { cpuPercent: 90, memoryPercent: 85, evaluationPeriods: 3 },
  });
  svc.allowFrom(ec2.Peer.ipv4('10.0.0.0/16'), 8080);
  const t = Template.fromStack(stack);

  test('uses the given cluster and adds the Fargate capacity providers to it', () => {
    t.resourceCountIs('AWS::ECS::Cluster', 1);
    t.hasResourceProperties('AWS::ECS::ClusterCapacityProviderAssociations', {
      CapacityProviders: Match.arrayWith(['FARGATE', 'FARGATE_SPOT']),
    });
    expect(svc.cluster).toBe(cluster);
  });

  test('splits tasks between FARGATE and FARGATE_SPOT, no launch type', () => {
    t.hasResourceProperties('AWS::ECS::Service', {
      LaunchType: Match.absent(),
      CapacityProviderStrategy: [
        { CapacityProvider: 'FARGATE', Weight: 1, Base: 2 },
        { CapacityProvider: 'FARGATE_SPOT', Weight: 3 },
      ],
      PlatformVersion: '1.4.0',
      ServiceName: 'web',
      EnableExecuteCommand: true,
      HealthCheckGracePeriodSeconds: 30,
    });
  });

  test('leaves DesiredCount to the scaler', () => {
    t.hasResourceProperties('AWS::ECS::Service', { DesiredCount: Match.absent() });
  });

  test('deployment: custom percentages, circuit breaker and alarm rollback', () => {
    t.hasResourceProperties('AWS::ECS::Service', {
      DeploymentConfiguration: {
        MinimumHealthyPercent: 50,
        MaximumPercent: 150,
        DeploymentCircuitBreaker: { Enable: true, Rollback: true },
        Alarms: { AlarmNames: [{ Ref: Match.stringLikeRegexp('Gate') }], Enable: true, Rollback: true },
      },
    });
  });

  test('attaches its own and the extra security group; allowFrom opens only the port', () => {
    t.hasResourceProperties('AWS::ECS::Service', {
      NetworkConfiguration: {
        AwsvpcConfiguration: {
          SecurityGroups: [
            { 'Fn::GetAtt': [Match.stringLikeRegexp('WebSecurityGroup'), 'GroupId'] },
            { 'Fn::GetAtt': [Match.stringLikeRegexp('Extra'), 'GroupId'] },
          ],
        },
      },
    });
    t.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: 'Tasks of a FargateService (cdk-fargate-kit)',
      SecurityGroupIngress: [{ CidrIp: '10.0.0.0/16', FromPort: 8080, ToPort: 8080, IpProtocol: 'tcp' }],
    });
  });

  test('ECS Exec: the task role gets the four ssmmessages actions and session logs on its own log group only', () => {
    t.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('TaskDefRolesTaskRole') }],
      PolicyDocument: {
        Statement: [
          {
            Effect: 'Allow',
            Action: ['ssmmessages:CreateControlChannel', 'ssmmessages:CreateDataChannel', 'ssmmessages:OpenControlChannel', 'ssmmessages:OpenDataChannel'],
            Resource: '*',
          },
          {
            Effect: 'Allow',
            Action: 'logs:DescribeLogGroups',
            Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':logs:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':log-group:*']] },
          },
          {
            Effect: 'Allow',
            Action: ['logs:CreateLogStream', 'logs:DescribeLogStreams', 'logs:PutLogEvents'],
            Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('TaskDefLogs'), 'Arn'] },
          },
        ],
      },
    });
  });

  test('ECS Exec: its policy is a construct of its own, and only its two wildcards are acknowledged for cdk-nag', () => {
    const policy = stack.node.findChild('Web').node.findChild('ExecPolicy');
    const acknowledged = policy.node.metadata
      .filter(m => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap(m => Object.keys(m.data as Record<string, string>));
    expect(acknowledged).toEqual([
      'annotation::AwsSolutions-IAM5[Resource::*]',
      'annotation::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:*]',
    ]);
    // nothing is acknowledged on the task role itself: other wildcards granted to it are still reported
    expect(stack.node.findAll().filter(c => c.node.path.includes('TaskRole'))
      .flatMap(c => c.node.metadata.filter(m => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY))).toEqual([]);
  });

  test('scalable target with min/max, CPU and memory target tracking, schedule', () => {
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', {
      MinCapacity: 2,
      MaxCapacity: 10,
      ScalableDimension: 'ecs:service:DesiredCount',
      ServiceNamespace: 'ecs',
      ScheduledActions: [{
        ScheduledActionName: 'Morning',
        Schedule: 'cron(0 8 * * ? *)',
        ScalableTargetAction: { MinCapacity: 4 },
      }],
    });
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingScalingPolicyConfiguration: {
        PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' },
        TargetValue: 60,
      },
    });
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingScalingPolicyConfiguration: {
        PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageMemoryUtilization' },
        TargetValue: 70,
      },
    });
    expect(svc.scalableTaskCount).toBeDefined();
  });

  test('alarms on high CPU, high memory and running tasks below desired', () => {
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/ECS',
      MetricName: 'CPUUtilization',
      Threshold: 90,
      EvaluationPeriods: 3,
      ComparisonOperator: 'GreaterThanThreshold',
      Period: 60,
    });
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/ECS', MetricName: 'MemoryUtilization', Threshold: 85, EvaluationPeriods: 3,
    });
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      Metrics: Match.arrayWith([
        Match.objectLike({ Expression: 'desired - running' }),
        Match.objectLike({ Id: 'desired', MetricStat: Match.objectLike({ Metric: Match.objectLike({ Namespace: 'ECS/ContainerInsights', MetricName: 'DesiredTaskCount' }) }) }),
        Match.objectLike({ Id: 'running', MetricStat: Match.objectLike({ Metric: Match.objectLike({ Namespace: 'ECS/ContainerInsights', MetricName: 'RunningTaskCount' }) }) }),
      ]),
    });
    expect(svc.cpuAlarm).toBeDefined();
    expect(svc.memoryAlarm).toBeDefined();
    expect(svc.runningTasksAlarm).toBeDefined();
  });

  test('the run-task command pins the platform and lists both security groups', () => {
    const text = JSON.stringify(stack.resolve(svc.runTaskCommand));
    expect(text).toMatch(/--platform-version 1\.4\.0/);
    expect(text).toMatch(/WebSecurityGroup.*Extra/);
    expect(JSON.stringify(stack.resolve(svc.runTaskNetworkConfiguration))).toMatch(/awsvpcConfiguration/);
  });
});

describe('FargateService details', () => {
  test('with auto scaling and an explicit desiredCount, it is kept and a warning explains the reset', () => {
    const { stack, network, taskDef } = fixture();
    new FargateService(stack, 'Web', { network, taskDef, desiredCount: 3, autoScaling: { minCapacity: 2, maxCapacity: 4 } });
    Template.fromStack(stack).hasResourceProperties('AWS::ECS::Service', { DesiredCount: 3 });
    Annotations.fromStack(stack).hasWarning('/Stack/Web', Match.stringLikeRegexp('every deploy resets the task count'));
  });

  test('circuitBreaker false removes the breaker', () => {
    const { stack, network, taskDef } = fixture();
    new FargateService(stack, 'Web', { network, taskDef, circuitBreaker: false });
    Template.fromStack(stack).hasResourceProperties('AWS::ECS::Service', {
      DeploymentConfiguration: Match.objectLike({ DeploymentCircuitBreaker: Match.absent() }),
    });
  });

  test('a spot-only strategy with a created cluster enables the capacity providers', () => {
    const { stack, network, taskDef } = fixture();
    new FargateService(stack, 'Web', { network, taskDef, spot: { onDemandWeight: 0, onDemandBase: 0 } });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ECS::Service', { CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE_SPOT', Weight: 1 }] });
    t.hasResourceProperties('AWS::ECS::ClusterCapacityProviderAssociations', { CapacityProviders: ['FARGATE', 'FARGATE_SPOT'] });
  });

  test('spot on an imported cluster warns that it needs the capacity providers', () => {
    const { stack, network, taskDef } = fixture();
    const cluster = ecs.Cluster.fromClusterAttributes(stack, 'Imported', { clusterName: 'shared', vpc: network.vpc });
    new FargateService(stack, 'Web', { network, taskDef, cluster, spot: {} });
    Annotations.fromStack(stack).hasWarning('/Stack/Web', Match.stringLikeRegexp('FARGATE and FARGATE_SPOT capacity providers'));
  });

  test('ECS Exec in an isolated network with the SSM_MESSAGES endpoint synthesizes with exec on', () => {
    const { app, stack, network, taskDef } = fixture(VpcTopology.PRIVATE_ISOLATED, { vpcEndpoints: [VpcEndpointService.SSM_MESSAGES] });
    new FargateService(stack, 'Web', { network, taskDef, enableExecuteCommand: true });
    // synthesis runs the tree validations (secrets' endpoints) too
    expect(() => app.synth()).not.toThrow();
    Template.fromStack(stack).hasResourceProperties('AWS::ECS::Service', { EnableExecuteCommand: true });
  });

  test('alarms can be limited to CPU and memory', () => {
    const { stack, network, taskDef } = fixture();
    const svc = new FargateService(stack, 'Web', {
      network, taskDef, alarms: { enabledAlarms: [ServiceAlarm.HIGH_CPU, ServiceAlarm.HIGH_MEMORY] },
    });
    Template.fromStack(stack).resourceCountIs('AWS::CloudWatch::Alarm', 2);
    expect(svc.runningTasksAlarm).toBeUndefined();
  });

  test('alarms can be limited to running tasks below desired', () => {
    const { stack, network, taskDef } = fixture();
    const svc = new FargateService(stack, 'Web', { network, taskDef, alarms: { enabledAlarms: [ServiceAlarm.TASKS_BELOW_DESIRED] } });
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::CloudWatch::Alarm', 1);
    t.hasResourceProperties('AWS::CloudWatch::Alarm', { Metrics: Match.arrayWith([Match.objectLike({ Expression: 'desired - running' })]) });
    expect(svc.cpuAlarm).toBeUndefined();
    expect(svc.memoryAlarm).toBeUndefined();
    expect(svc.runningTasksAlarm).toBeDefined();
  });

  test('sharedCluster: the workloads of a network share one cluster, created once under the network', () => {
    const { stack, network, taskDef } = fixture();
    const a = new FargateService(stack, 'A', { network, taskDef, sharedCluster: true });
    const b = new FargateService(stack, 'B', { network, taskDef, sharedCluster: true, spot: {} });
    const job = new FargateTask(stack, 'Job', { network, taskDef, sharedCluster: true });
    expect(a.cluster).toBe(b.cluster);
    expect(job.cluster).toBe(a.cluster);
    expect(a.cluster.node.path).toBe('Stack/Network/SharedCluster');
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::ECS::Cluster', 1);
    // B runs on Spot, so the shared cluster gets the Fargate capacity providers
    t.hasResourceProperties('AWS::ECS::ClusterCapacityProviderAssociations', { CapacityProviders: ['FARGATE', 'FARGATE_SPOT'] });
  });

  test('sharedCluster and cluster together are rejected', () => {
    const { stack, network, taskDef } = fixture();
    const cluster = new ecs.Cluster(stack, 'Mine', { vpc: network.vpc });
    expect(atSynth(() => new FargateService(stack, 'Web', { network, taskDef, cluster, sharedCluster: true })))
      .toThrow(/FargateService Stack\/Web: \[FGK-[A-Z0-9-]+\] cluster and sharedCluster are both set/);
  });

  test('works in a FargateVpc.fromVpc network', () => {
    const { stack, taskDef } = fixture();
    const vpc = new ec2.Vpc(stack, 'Existing', { natGateways: 1, restrictDefaultSecurityGroup: false });
    const network = FargateVpc.fromVpc(stack, 'Imported', { vpc, topology: VpcTopology.PRIVATE_WITH_NAT });
    new FargateService(stack, 'Web', { network, taskDef });
    Template.fromStack(stack).hasResourceProperties('AWS::ECS::Service', {
      NetworkConfiguration: { AwsvpcConfiguration: { Subnets: [{ Ref: Match.stringLikeRegexp('ExistingPrivateSubnet1') }, { Ref: Match.stringLikeRegexp('ExistingPrivateSubnet2') }] } },
    });
  });
});

test('FargateService in an ISOLATED_ONLY network: isolated subnets, no public IP, synthesizes', () => {
  const { app, stack, network, taskDef } = fixture(VpcTopology.ISOLATED_ONLY);
  new FargateService(stack, 'Web', { network, taskDef });
  expect(() => app.synth()).not.toThrow();
  Template.fromStack(stack).hasResourceProperties('AWS::ECS::Service', {
    NetworkConfiguration: {
      AwsvpcConfiguration: Match.objectLike({
        AssignPublicIp: 'DISABLED',
        Subnets: [{ Ref: Match.stringLikeRegexp('NetworkIsolatedSubnet1') }, { Ref: Match.stringLikeRegexp('NetworkIsolatedSubnet2') }],
      }),
    },
  });
});

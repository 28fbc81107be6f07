import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { FargateVpc, VpcTopology } from '../../../src';
import { countHourlyResources, fargateServices, publicIpv4Count, spotShare } from '../../../src/report/cost/hourly-resources';
import { CfnTemplate } from '../../bench/template-stats';

const appTemplate: CfnTemplate = {
  Resources: {
    Nat1: { Type: 'AWS::EC2::NatGateway' },
    Eip1: { Type: 'AWS::EC2::EIP' },
    Ecr: { Type: 'AWS::EC2::VPCEndpoint', Properties: { VpcEndpointType: 'Interface', SubnetIds: [{ Ref: 'A' }, { Ref: 'B' }] } },
    S3: { Type: 'AWS::EC2::VPCEndpoint', Properties: { VpcEndpointType: 'Gateway' } },
    Alb: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Scheme: 'internet-facing', Subnets: ['a', 'b', 'c'] } },
    InternalAlb: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Type: 'application', Scheme: 'internal', Subnets: ['a', 'b'] } },
    Nlb: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Type: 'network', Scheme: 'internal', Subnets: ['a'] } },
    Task: {
      Type: 'AWS::ECS::TaskDefinition',
      Properties: { RequiresCompatibilities: ['FARGATE'], Cpu: '512', Memory: '2048', RuntimePlatform: { CpuArchitecture: 'ARM64' }, EphemeralStorage: { SizeInGiB: 50 } },
    },
    Public: {
      Type: 'AWS::ECS::Service',
      Properties: {
        TaskDefinition: { Ref: 'Task' },
        DesiredCount: 3,
        NetworkConfiguration: { AwsvpcConfiguration: { AssignPublicIp: 'ENABLED' } },
        CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE', Weight: 1, Base: 1 }, { CapacityProvider: 'FARGATE_SPOT', Weight: 3 }],
      },
    },
    Private: {
      Type: 'AWS::ECS::Service',
      Properties: { TaskDefinition: { Ref: 'Task' }, DesiredCount: 2, NetworkConfiguration: { AwsvpcConfiguration: { AssignPublicIp: 'DISABLED' } } },
    },
  },
};

describe('countHourlyResources', () => {
  test('counts NATs, interface endpoint ENIs per subnet, ALBs and public IPv4 by holder', () => {
    const r = countHourlyResources([appTemplate]);
    expect(r).toEqual({
      natGateways: 1,
      interfaceEndpoints: 1,
      interfaceEndpointEnis: 2,
      applicationLoadBalancers: 2,
      publicIpv4: { elasticIps: 1, loadBalancerNodes: 3, publicTasks: 3 },
    });
    expect(publicIpv4Count(r)).toBe(7);
  });

  test('an empty template bills nothing', () => {
    expect(publicIpv4Count(countHourlyResources([{}]))).toBe(0);
  });

  test.each([
    [VpcTopology.PRIVATE_WITH_NAT, {}, 2, 0],
    [VpcTopology.PRIVATE_WITH_NAT, { natGateways: 1 }, 1, 0],
    [VpcTopology.PRIVATE_ISOLATED, {}, 0, 6],
    [VpcTopology.PUBLIC_ONLY, {}, 0, 0],
  ])('a synthesized FargateVpc %s %j has %d NATs and %d endpoint ENIs', (topology, extra, nats, enis) => {
    const stack = new Stack(new App(), 'S');
    new FargateVpc(stack, 'Net', { topology, ...extra });
    const r = countHourlyResources([Template.fromStack(stack).toJSON() as CfnTemplate]);
    expect(r.natGateways).toBe(nats);
    expect(r.publicIpv4.elasticIps).toBe(nats);
    expect(r.interfaceEndpointEnis).toBe(enis);
  });
});

describe('fargateServices', () => {
  test('reads task size, architecture, count, Spot share and extra storage through the task definition Ref', () => {
    expect(fargateServices([appTemplate])).toEqual([
      { logicalId: 'Public', vcpu: 0.5, memoryGb: 2, arm64: true, desiredCount: 3, spotShare: 0.75, extraStorageGb: 30 },
      { logicalId: 'Private', vcpu: 0.5, memoryGb: 2, arm64: true, desiredCount: 2, spotShare: 0, extraStorageGb: 30 },
    ]);
  });

  test('skips services whose task definition is not Fargate or not in the templates', () => {
    const t: CfnTemplate = {
      Resources: {
        Ec2Task: { Type: 'AWS::ECS::TaskDefinition', Properties: { RequiresCompatibilities: ['EC2'], Cpu: '256', Memory: '512' } },
        A: { Type: 'AWS::ECS::Service', Properties: { TaskDefinition: { Ref: 'Ec2Task' } } },
        B: { Type: 'AWS::ECS::Service', Properties: { TaskDefinition: 'arn:aws:ecs:...' } },
      },
    };
    expect(fargateServices([t])).toEqual([]);
  });
});

describe('spotShare', () => {
  test.each([
    [undefined, 0],
    [[], 0],
    [[{ CapacityProvider: 'FARGATE_SPOT', Weight: 1 }], 1],
    [[{ CapacityProvider: 'FARGATE', Weight: 1 }, { CapacityProvider: 'FARGATE_SPOT', Weight: 1 }], 0.5],
    [[{ CapacityProvider: 'FARGATE', Weight: 0 }], 0],
  ])('%j -> %d', (strategy, share) => {
    expect(spotShare(strategy)).toBe(share);
  });
});

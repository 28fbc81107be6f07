import { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as ecsPatterns from 'aws-cdk-lib/aws-ecs-patterns';
import * as logs from 'aws-cdk-lib/aws-logs';
import { BenchSide, buildSplitApp, SERVICE_SHAPE } from './side';

/**
 * The peer: `ApplicationLoadBalancedFargateService` from aws-ecs-patterns, brought to our
 * security level as far as its props allow: a 2-AZ VPC with one NAT per AZ and flow logs
 * (30 days), a cluster with Container Insights, a log group with 30-day retention,
 * the deployment circuit breaker with rollback, 256 CPU / 512 MiB, one ALB per service.
 */
export const peerSide: BenchSide = {
  name: 'peer',
  description: 'aws-ecs-patterns ApplicationLoadBalancedFargateService on ec2.Vpc + ecs.Cluster, hardened by props',
  equivalentToPeer: true,
  build: (app, services) => buildSplitApp(app, services, {
    network: stack => peerVpc(stack),
    group: (stack, vpc) => new ecs.Cluster(stack, 'Cluster', { vpc, containerInsightsV2: ecs.ContainerInsights.ENABLED }),
    service: (stack, id, _vpc, cluster) => peerService(stack, id, cluster),
  }),
};

/** The peer's VPC: what `FargateVpc` builds for PRIVATE_WITH_NAT, written with ec2.Vpc. */
export function peerVpc(stack: Stack): ec2.Vpc {
  const vpc = new ec2.Vpc(stack, 'Vpc', {
    maxAzs: 2,
    natGateways: 2,
    subnetConfiguration: [
      { name: 'Public', subnetType: ec2.SubnetType.PUBLIC, mapPublicIpOnLaunch: false },
      { name: 'Private', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
    ],
    restrictDefaultSecurityGroup: false,
  });
  const flowLogGroup = new logs.LogGroup(stack, 'FlowLogGroup', { retention: logs.RetentionDays.ONE_MONTH });
  vpc.addFlowLog('FlowLog', {
    destination: ec2.FlowLogDestination.toCloudWatchLogs(flowLogGroup),
    trafficType: ec2.FlowLogTrafficType.ALL,
  });
  return vpc;
}

function peerService(stack: Stack, id: string, cluster: ecs.ICluster): void {
  const logGroup = new logs.LogGroup(stack, `${id}Logs`, { retention: logs.RetentionDays.ONE_MONTH });
  new ecsPatterns.ApplicationLoadBalancedFargateService(stack, id, {
    cluster,
    cpu: SERVICE_SHAPE.cpu,
    memoryLimitMiB: SERVICE_SHAPE.memoryLimitMiB,
    desiredCount: SERVICE_SHAPE.desiredCount,
    minHealthyPercent: 100,
    circuitBreaker: { rollback: true },
    publicLoadBalancer: true,
    runtimePlatform: { cpuArchitecture: ecs.CpuArchitecture.X86_64, operatingSystemFamily: ecs.OperatingSystemFamily.LINUX },
    taskImageOptions: {
      image: ecs.ContainerImage.fromRegistry(SERVICE_SHAPE.image),
      containerPort: SERVICE_SHAPE.containerPort,
      logDriver: ecs.LogDrivers.awsLogs({ logGroup, streamPrefix: 'web' }),
    },
  });
}

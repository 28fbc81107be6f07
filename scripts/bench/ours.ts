import { Stack } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { BenchSide, buildSplitApp, SERVICE_SHAPE } from './side';
import { AlbFrontedService, FargateTaskDef, FargateVpc, IFargateNetwork, VpcTopology } from '../../src';

/**
 * Ours: FargateVpc (PRIVATE_WITH_NAT, one NAT per AZ, flow logs) + FargateTaskDef
 * (256/512, log group with 30-day retention) + AlbFrontedService (one ALB per service,
 * circuit breaker with rollback), one cluster with Container Insights per service stack,
 * exactly as the peer gets it.
 */
export const oursSide: BenchSide = {
  name: 'ours',
  description: 'FargateVpc + FargateTaskDef + AlbFrontedService (cdk-fargate-kit)',
  equivalentToPeer: true,
  build: (app, services) => buildSplitApp(app, services, {
    network: stack => new FargateVpc(stack, 'Network', { topology: VpcTopology.PRIVATE_WITH_NAT }),
    group: (stack, network) => new ecs.Cluster(stack, 'Cluster', { vpc: network.vpc, containerInsightsV2: ecs.ContainerInsights.ENABLED }),
    service: addOurService,
  }),
};

/** One load-balanced service of the benchmark's shape, built with AlbFrontedService. */
export function addOurService(stack: Stack, id: string, network: IFargateNetwork, cluster: ecs.ICluster): void {
  const taskDef = new FargateTaskDef(stack, `${id}Task`, { cpu: SERVICE_SHAPE.cpu, memoryMiB: SERVICE_SHAPE.memoryMiB });
  taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry(SERVICE_SHAPE.image), ports: [SERVICE_SHAPE.containerPort] });
  new AlbFrontedService(stack, id, { network, taskDef, cluster, desiredCount: SERVICE_SHAPE.desiredCount });
}

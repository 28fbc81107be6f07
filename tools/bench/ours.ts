import { Stack } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { benchTaskDef, kitHooks } from './kit-parts';
import { BenchSide, buildSplitApp, SERVICE_SHAPE } from './side';
import { AlbFrontedService, IFargateNetwork, VpcTopology } from '../../src';

const ISOLATED = [VpcTopology.PRIVATE_ISOLATED, VpcTopology.ISOLATED_ONLY];

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
  build: (app, services) => buildSplitApp(app, services, kitHooks(addOurService)),
};

/** One load-balanced service of the benchmark's shape, built with AlbFrontedService. */
export function addOurService(stack: Stack, id: string, network: IFargateNetwork, cluster: ecs.ICluster): void {
  const taskDef = benchTaskDef(stack, id, ISOLATED.includes(network.topology));
  new AlbFrontedService(stack, id, { network, taskDef, cluster, desiredCount: SERVICE_SHAPE.desiredCount });
}

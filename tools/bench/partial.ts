import { Stack } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as ecsPatterns from 'aws-cdk-lib/aws-ecs-patterns';
import { benchTaskDef, kitHooks } from './kit-parts';
import { BenchSide, buildSplitApp, SERVICE_SHAPE } from './side';
import { IFargateNetwork } from '../../src';

/**
 * NOT equivalent to our AlbFrontedService and never reported as "ours": our FargateVpc and
 * FargateTaskDef, with the ALB and service still built by aws-ecs-patterns on top of them.
 * It measures what the two constructs that exist today cost inside the peer's app.
 */
export const partialSide: BenchSide = {
  name: 'kit-vpc+taskdef',
  description: 'FargateVpc + FargateTaskDef (ours), ALB and service from aws-ecs-patterns: partial, not AlbFrontedService',
  equivalentToPeer: false,
  build: (app, services) => buildSplitApp(app, services, kitHooks(addPatternsServiceOnKit)),
};

/**
 * A FargateTaskDef fronted by an aws-ecs-patterns ALB service, in the network's task
 * subnets (with a public IP in PUBLIC_ONLY).
 */
export function addPatternsServiceOnKit(stack: Stack, id: string, network: IFargateNetwork, cluster: ecs.ICluster): void {
  const taskDef = benchTaskDef(stack, id);
  new ecsPatterns.ApplicationLoadBalancedFargateService(stack, id, {
    cluster,
    taskDefinition: taskDef.taskDefinition,
    desiredCount: SERVICE_SHAPE.desiredCount,
    minHealthyPercent: 100,
    circuitBreaker: { rollback: true },
    publicLoadBalancer: true,
    taskSubnets: network.taskSubnets,
    assignPublicIp: network.assignPublicIp,
  });
}

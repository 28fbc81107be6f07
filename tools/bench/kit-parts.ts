import { Stack } from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { SERVICE_SHAPE, SplitAppHooks } from './side';
import { FargateTaskDef, FargateVpc, IFargateNetwork, VpcTopology } from '../../src';

/** Adds one load-balanced service on top of a network and a cluster. */
export type KitService = (stack: Stack, id: string, network: IFargateNetwork, cluster: ecs.ICluster) => void;

/**
 * The parts both of our sides (ours, kit-vpc+taskdef) share: a FargateVpc network, one
 * cluster with Container Insights per service stack, and a FargateTaskDef of the
 * benchmark's shape per service. Only the ALB + service on top differs.
 */
export function kitHooks(service: KitService): SplitAppHooks<FargateVpc, ecs.Cluster> {
  return {
    network: stack => new FargateVpc(stack, 'Network', { topology: VpcTopology.PRIVATE_WITH_NAT }),
    group: (stack, network) => new ecs.Cluster(stack, 'Cluster', { vpc: network.vpc, containerInsightsV2: ecs.ContainerInsights.ENABLED }),
    service,
  };
}

/**
 * A FargateTaskDef of the benchmark's shape with its one web container. In a network without
 * an internet route (`isolated`) the image comes from a private ECR repository (the name an
 * ECR pull-through cache rule for ECR Public gives it): VPC endpoints reach no other registry.
 */
export function benchTaskDef(stack: Stack, id: string, isolated = false): FargateTaskDef {
  const taskDef = new FargateTaskDef(stack, `${id}Task`, { cpu: SERVICE_SHAPE.cpu, memoryLimitMiB: SERVICE_SHAPE.memoryLimitMiB });
  const image = isolated
    ? ecs.ContainerImage.fromEcrRepository(ecr.Repository.fromRepositoryName(stack, `${id}Repository`, 'ecr-public/nginx/nginx'), 'stable')
    : ecs.ContainerImage.fromRegistry(SERVICE_SHAPE.image);
  taskDef.addAppContainer('web', { image, ports: [SERVICE_SHAPE.containerPort] });
  return taskDef;
}

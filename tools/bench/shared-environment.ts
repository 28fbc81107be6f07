import { Stack } from 'aws-cdk-lib';
import { benchTaskDef } from './kit-parts';
import { BenchSide, buildSplitApp, SERVICE_SHAPE } from './side';
import { AlbFrontedService, FargateEnvironment } from '../../src';

/**
 * Ours, the way a team runs many services: one FargateEnvironment (the same FargateVpc as
 * the other sides, PRIVATE_WITH_NAT with one NAT per AZ and flow logs; one cluster with
 * Container Insights; one shared internet-facing ALB) in the network stack, and per service
 * an AlbFrontedService that joins the shared listener with a host rule
 * (`serviceN.example.com`) instead of creating a load balancer of its own. It serves the
 * same N internet-facing services as the peer with one load balancer instead of N.
 */
export const environmentSide: BenchSide = {
  name: 'environment',
  description: 'FargateEnvironment (one shared ALB, one cluster) + AlbFrontedService per service joining it by host (cdk-fargate-kit)',
  equivalentToPeer: true,
  build: (app, services) => buildSplitApp(app, services, {
    network: stack => new FargateEnvironment(stack, 'Environment', { loadBalancer: {} }),
    group: () => undefined,
    service: (stack, id, environment) => addEnvironmentService(stack, id, environment),
  }),
};

/** One service of the benchmark's shape on the environment's shared load balancer. */
export function addEnvironmentService(stack: Stack, id: string, environment: FargateEnvironment): AlbFrontedService {
  return new AlbFrontedService(stack, id, {
    environment,
    taskDef: benchTaskDef(stack, id),
    desiredCount: SERVICE_SHAPE.desiredCount,
    hostHeaders: [`${id.toLowerCase()}.example.com`],
  });
}

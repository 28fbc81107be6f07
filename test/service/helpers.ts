import { App, Stack } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { FargateTaskDef, FargateTaskDefProps, FargateVpc, FargateVpcProps, VpcTopology } from '../../src';

/** A stack with a FargateVpc of the topology and a task definition with one web container on 8080. */
export function fixture(
  topology: VpcTopology = VpcTopology.PRIVATE_WITH_NAT, vpcProps: FargateVpcProps = {}, taskDefProps: FargateTaskDefProps = {},
) {
  const app = new App();
  const stack = new Stack(app, 'Stack');
  const network = new FargateVpc(stack, 'Network', { topology, flowLogs: false, ...vpcProps });
  const taskDef = new FargateTaskDef(stack, 'TaskDef', { family: 'web', ...taskDefProps });
  taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:latest'), ports: [8080] });
  return { app, stack, network, taskDef };
}

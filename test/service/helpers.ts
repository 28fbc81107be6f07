import { App, Stack } from 'aws-cdk-lib';
import { FargateTaskDef, FargateTaskDefProps, FargateVpc, FargateVpcProps, VpcTopology } from '../../src';
import { imageFor } from '../images';

/**
 * A stack with a FargateVpc of the topology and a task definition with one web container on
 * 8080 (its image in private ECR when the topology gives tasks no internet route).
 */
export function fixture(
  topology: VpcTopology = VpcTopology.PRIVATE_WITH_NAT, vpcProps: FargateVpcProps = {}, taskDefProps: FargateTaskDefProps = {},
) {
  const app = new App();
  const stack = new Stack(app, 'Stack');
  const network = new FargateVpc(stack, 'Network', { topology, flowLogs: false, ...vpcProps });
  const taskDef = new FargateTaskDef(stack, 'TaskDef', { family: 'web', ...taskDefProps });
  taskDef.addAppContainer('web', { image: imageFor(stack, topology), ports: [8080] });
  return { app, stack, network, taskDef };
}

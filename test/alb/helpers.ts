import { App, Stack, StackProps } from 'aws-cdk-lib';
import { FargateTaskDef, FargateVpc, FargateVpcProps, VpcTopology } from '../../src';
import { imageFor } from '../images';

/** A stack with a FargateVpc and a task with a web container on 8080 and an API container on 5000. */
export function albFixture(vpcProps: FargateVpcProps = {}, stackProps: StackProps = {}) {
  const app = new App();
  const stack = new Stack(app, 'Stack', stackProps);
  const network = new FargateVpc(stack, 'Network', { topology: VpcTopology.PRIVATE_WITH_NAT, natGateways: 1, flowLogs: false, ...vpcProps });
  const taskDef = new FargateTaskDef(stack, 'TaskDef', { family: 'web', cpu: 512, memoryLimitMiB: 1024 });
  const image = imageFor(stack, vpcProps.topology);
  taskDef.addAppContainer('web', { image, ports: [8080, 8443] });
  taskDef.addAppContainer('api', { image, ports: [5000] });
  return { app, stack, network, taskDef };
}

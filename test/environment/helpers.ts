import { App, Stack, StackProps } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';
import { FargateEnvironment, FargateEnvironmentProps, FargateTaskDef } from '../../src';

/** A stack with a FargateEnvironment (NAT 1, no flow logs unless `props.vpc` says otherwise). */
export function envFixture(props: FargateEnvironmentProps = {}, stackProps: StackProps = {}) {
  const app = new App();
  const stack = new Stack(app, 'Stack', stackProps);
  const environment = new FargateEnvironment(stack, 'Env', { vpc: props.network ? undefined : { natGateways: 1, flowLogs: false, ...props.vpc }, ...props });
  return { app, stack, environment };
}

/** A task definition with one container `name` listening on `port` (its port mapping named `name`). */
export function taskDef(scope: Construct, id: string, name: string, port?: number): FargateTaskDef {
  const td = new FargateTaskDef(scope, id, { family: id.toLowerCase() });
  td.addAppContainer(name, {
    image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:latest'),
    // a named port mapping: Service Connect refers to it by name
    portMappings: port === undefined ? undefined : [{ containerPort: port, name }],
  });
  return td;
}

import { App, Fn, Stack } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { FargateTaskDef, VpcEndpointService } from '../../src';

const PUBLIC_IMAGE = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:latest');

/** A secret given by its `valueFrom` only (as an escape hatch or a custom Secret would). */
class RawSecret extends ecs.Secret {
  public readonly hasField = undefined;
  constructor(public readonly arn: string) {
    super();
  }
  public grantRead(grantee: iam.IGrantable): iam.Grant {
    return iam.Grant.drop(grantee, 'test');
  }
}

function endpointsOf(valueFrom: (stack: Stack) => string): VpcEndpointService[] {
  const stack = new Stack(new App(), 'S');
  const taskDef = new FargateTaskDef(stack, 'Task');
  taskDef.addAppContainer('web', { image: PUBLIC_IMAGE }).addSecret('X', new RawSecret(valueFrom(stack)));
  return taskDef.requiredVpcEndpoints;
}

describe('the endpoint a secret referencing a resource of the stack is read through', () => {
  test('an L1 SSM parameter, referenced through its construct (Ref or GetAtt): SSM', () => {
    expect(endpointsOf(s => new ssm.CfnParameter(s, 'P', { type: 'String', value: 'x' }).ref)).toEqual([VpcEndpointService.SSM]);
    expect(endpointsOf(s => new ssm.CfnParameter(s, 'P', { type: 'String', value: 'x' }).attrType)).toEqual([VpcEndpointService.SSM]);
  });

  test('an L1 SSM parameter, referenced by its logical ID written by hand: SSM', () => {
    expect(endpointsOf(s => {
      new ssm.CfnParameter(s, 'Param', { type: 'String', value: 'x' });
      return Fn.ref('Param');
    })).toEqual([VpcEndpointService.SSM]);
    expect(endpointsOf(s => {
      new ssm.CfnParameter(s, 'Param', { type: 'String', value: 'x' });
      return Fn.getAtt('Param', 'Type').toString();
    })).toEqual([VpcEndpointService.SSM]);
  });

  test('an L1 SSM parameter added after the first look is found at the next', () => {
    const stack = new Stack(new App(), 'S');
    const taskDef = new FargateTaskDef(stack, 'Task');
    const web = taskDef.addAppContainer('web', { image: PUBLIC_IMAGE });
    web.addSecret('A', new RawSecret(Fn.ref('Other')));
    expect(taskDef.requiredVpcEndpoints).toEqual([VpcEndpointService.SECRETS_MANAGER]);
    new ssm.CfnParameter(stack, 'Other', { type: 'String', value: 'x' });
    expect(taskDef.requiredVpcEndpoints).toEqual([VpcEndpointService.SSM]);
  });

  test('a Secrets Manager secret, an unknown logical ID, or an SSM parameter of another stack: SECRETS_MANAGER', () => {
    expect(endpointsOf(s => new secretsmanager.CfnSecret(s, 'Sec', {}).ref)).toEqual([VpcEndpointService.SECRETS_MANAGER]);
    expect(endpointsOf(() => Fn.ref('Nowhere'))).toEqual([VpcEndpointService.SECRETS_MANAGER]);
    expect(endpointsOf(s => new ssm.CfnParameter(new Stack(s.node.root as App, 'Other'), 'P', { type: 'String', value: 'x' }).ref))
      .toEqual([VpcEndpointService.SECRETS_MANAGER]);
  });
});

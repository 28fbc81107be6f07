import { App, Stack, Validations } from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import { FargateTaskDef } from '../../src';

/** The cdk-nag acknowledgements recorded on the execution role's policies after synth. */
function acknowledgedOnExecutionPolicies(extra?: (taskDef: FargateTaskDef) => void): string[] {
  const app = new App();
  const stack = new Stack(app, 'S');
  const taskDef = new FargateTaskDef(stack, 'Task');
  taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromEcrRepository(ecr.Repository.fromRepositoryName(stack, 'Repo', 'web'), 'v1') });
  extra?.(taskDef);
  app.synth();
  return taskDef.roles.executionRole.node.findAll()
    .filter(c => c instanceof iam.CfnPolicy)
    .flatMap(c => c.node.metadata.filter(m => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY).flatMap(m => Object.keys(m.data)));
}

describe('AwsSolutions-IAM5 for ecr:GetAuthorizationToken on the execution role', () => {
  test('acknowledged while the token is the only * resource', () => {
    expect(acknowledgedOnExecutionPolicies()).toEqual(['annotation::AwsSolutions-IAM5[Resource::*]']);
  });

  test('not acknowledged once another * resource is granted to the execution role', () => {
    expect(acknowledgedOnExecutionPolicies(t => t.roles.executionRole.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] })))).toEqual([]);
  });
});

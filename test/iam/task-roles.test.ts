import { App, Fn, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { TaskRoles } from '../../src';

const ENV = { account: '111111111111', region: 'eu-west-1' };

function trustPolicy() {
  return {
    Statement: [{
      Action: 'sts:AssumeRole',
      Effect: 'Allow',
      Principal: { Service: 'ecs-tasks.amazonaws.com' },
      Condition: {
        StringEquals: { 'aws:SourceAccount': '111111111111' },
        ArnLike: { 'aws:SourceArn': { 'Fn::Sub': 'arn:${AWS::Partition}:ecs:eu-west-1:111111111111:*' } },
      },
    }],
    Version: '2012-10-17',
  };
}

describe('TaskRoles', () => {
  test('two roles trusted by ecs-tasks.amazonaws.com with confused-deputy conditions, no managed policy, no policy at all by default', () => {
    const stack = new Stack(new App(), 'S', { env: ENV });
    new TaskRoles(stack, 'Roles');
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::IAM::Role', 2);
    t.resourcePropertiesCountIs('AWS::IAM::Role', { AssumeRolePolicyDocument: trustPolicy(), ManagedPolicyArns: Match.absent() }, 2);
    t.resourceCountIs('AWS::IAM::Policy', 0);
  });

  test('the SourceArn condition is one Fn::Sub of the pseudo parameters, a literal when all is known, formatArn\'s for another token', () => {
    const sourceArn = (stack: Stack) => {
      new TaskRoles(stack, 'Roles');
      const roles = Object.values(Template.fromStack(stack).findResources('AWS::IAM::Role')) as any[];
      return roles.map(r => r.Properties.AssumeRolePolicyDocument.Statement[0].Condition.ArnLike['aws:SourceArn']);
    };
    expect(sourceArn(new Stack(new App(), 'S'))).toEqual(Array(2).fill({ 'Fn::Sub': 'arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:*' }));
    const literal = new App({ context: { '@aws-cdk/core:enablePartitionLiterals': true } });
    expect(sourceArn(new Stack(literal, 'S', { env: ENV }))).toEqual(Array(2).fill('arn:aws:ecs:eu-west-1:111111111111:*'));
    expect(sourceArn(new Stack(new App(), 'S', { env: { account: Fn.ref('Account'), region: 'eu-west-1' } }))).toEqual(Array(2).fill(
      { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ecs:eu-west-1:', { Ref: 'Account' }, ':*']] }));
  });

  test('grants are exact: pull on the repository only, log writes on the log group only, reads on the secret and parameter only', () => {
    const stack = new Stack(new App(), 'S', { env: ENV });
    const roles = new TaskRoles(stack, 'Roles');
    const repo = new ecr.Repository(stack, 'Repo');
    const logGroup = new logs.LogGroup(stack, 'Logs');
    const secret = new secretsmanager.Secret(stack, 'Secret');
    const param = new ssm.StringParameter(stack, 'Param', { stringValue: 'x' });
    roles.grantImagePull(repo);
    roles.grantLogWrite(logGroup);
    roles.grantLogWrite(logGroup); // twice: one statement
    roles.grantSecretRead(secret);
    roles.grantParameterRead(param);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('RolesExecutionRole') }],
      PolicyDocument: {
        Statement: [
          { Action: ['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'], Effect: 'Allow', Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('Repo'), 'Arn'] } },
          { Action: 'ecr:GetAuthorizationToken', Effect: 'Allow', Resource: '*' },
          { Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Effect: 'Allow', Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('Logs'), 'Arn'] } },
          { Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], Effect: 'Allow', Resource: { Ref: Match.stringLikeRegexp('Secret') } },
          {
            Action: ['ssm:DescribeParameters', 'ssm:GetParameters', 'ssm:GetParameter', 'ssm:GetParameterHistory'],
            Effect: 'Allow',
            Resource: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp(':parameter/')])] },
          },
        ],
        Version: '2012-10-17',
      },
    });
  });

  test('is grantable: grants land on the task role, not the execution role', () => {
    const stack = new Stack(new App(), 'S', { env: ENV });
    const roles = new TaskRoles(stack, 'Roles');
    new s3.Bucket(stack, 'Bucket').grantRead(roles);
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('RolesTaskRole') }],
      PolicyDocument: { Statement: [Match.objectLike({ Action: ['s3:GetObject*', 's3:GetBucket*', 's3:List*'] })] },
    });
    expect(roles.grantPrincipal).toBe(roles.taskRole);
  });

  test('bring your own roles: none is created', () => {
    const stack = new Stack(new App(), 'S', { env: ENV });
    const executionRole = iam.Role.fromRoleArn(stack, 'Exec', 'arn:aws:iam::111111111111:role/exec');
    const taskRole = iam.Role.fromRoleArn(stack, 'Task', 'arn:aws:iam::111111111111:role/task');
    const roles = new TaskRoles(stack, 'Roles', { executionRole, taskRole });
    expect(roles.executionRole).toBe(executionRole);
    expect(roles.taskRole).toBe(taskRole);
    Template.fromStack(stack).resourceCountIs('AWS::IAM::Role', 0);
  });
});

import { App, CfnResource, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { facts, stackFacts, synthToDir } from './helpers';

// Wildcard reasons from the three places the report reads them, and what it says when there is none.
const dir = synthToDir(outdir => {
  const app = new App({ outdir });
  const stack = new Stack(app, 'Perms');
  const suppressed = new iam.Role(stack, 'Suppressed', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  suppressed.addToPolicy(new iam.PolicyStatement({ actions: ['s3:ListAllMyBuckets'], resources: ['*'] }));
  // what cdk-nag 2's NagSuppressions.addResourceSuppressions writes into the template
  (suppressed.node.findChild('DefaultPolicy').node.defaultChild as CfnResource).addMetadata('cdk_nag', {
    rules_to_suppress: [{ id: 'AwsSolutions-IAM5', reason: 'lists bucket names for the dashboard', applies_to: ['Resource::*'] }],
  });
  const bare = new iam.Role(stack, 'Bare', {
    assumedBy: new iam.ArnPrincipal('arn:aws:iam::111122223333:role/ci'),
    managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('ReadOnlyAccess')],
    inlinePolicies: {
      Metrics: new iam.PolicyDocument({
        statements: [
          new iam.PolicyStatement({ actions: ['cloudwatch:PutMetricData'], resources: ['*'] }),
          new iam.PolicyStatement({ actions: ['ec2:TerminateInstances'], resources: ['*'] }),
        ],
      }),
    },
  });
  bare.assumeRolePolicy!.addStatements(new iam.PolicyStatement({
    actions: ['sts:AssumeRole'],
    principals: [new iam.AccountPrincipal('444455556666')],
    conditions: { StringEquals: { 'sts:ExternalId': 'abc' } },
  }));
  return app;
});
const s = stackFacts(facts(dir), 'Perms');
const role = (name: string) => s.permissions.roles.find(r => r.name === name)!;

test('a cdk-nag suppression in the template (Metadata.cdk_nag.rules_to_suppress) gives the reason', () => {
  expect(role('Suppressed').wildcards).toEqual([{ actions: ['s3:ListAllMyBuckets'], resource: '*', reason: 'cdk-nag suppression: lists bucket names for the dashboard' }]);
});

test('the known table gives the reason for an action without resource-level permissions; anything else says no reason is recorded', () => {
  expect(role('Bare').wildcards.map(w => [w.actions.join(), w.reason])).toEqual([
    ['cloudwatch:PutMetricData', expect.stringMatching(/^AWS requires "\*": cloudwatch:PutMetricData has no resource-level permissions/)],
    ['ec2:TerminateInstances', 'NO REASON RECORDED (ec2:TerminateInstances)'],
  ]);
});

test('inline policies, managed policy ARNs and every trusted principal with its conditions', () => {
  const bare = role('Bare');
  expect(bare.grants.map(g => [g.service, g.policy])).toEqual([['cloudwatch', 'inline Metrics'], ['ec2', 'inline Metrics']]);
  expect(bare.managedPolicies).toEqual(['arn:${AWS::Partition}:iam::aws:policy/ReadOnlyAccess']);
  expect(bare.trust).toEqual([
    'AWS arn:aws:iam::111122223333:role/ci',
    'AWS arn:${AWS::Partition}:iam::444455556666:root if StringEquals sts:ExternalId = abc',
  ]);
});

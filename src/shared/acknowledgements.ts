import { Stack, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IConstruct } from 'constructs';

/**
 * The cdk-nag (AwsSolutions) findings this library accepts by design, each with the reason
 * a security reviewer can check. One place, so README's "Security posture" table and the
 * code say the same thing. Acknowledgements are construct metadata only: without a
 * validation plugin they change nothing in the template.
 */
export const REASONS = {
  /** ECS Exec's channel actions have no resource-level permissions. */
  execChannels: 'ECS Exec, only when enableExecuteCommand is on: the four ssmmessages channel actions (Create/Open Control/Data Channel) support no resource-level permissions, so AWS requires Resource "*".',
  /** ECS Exec checks the session log group with logs:DescribeLogGroups. */
  execDescribeLogGroups: 'ECS Exec, only when enableExecuteCommand is on: the SSM agent calls logs:DescribeLogGroups, a list action that cannot name one group, before writing session logs; scoped to log groups of this account and region. Session logs are written to the task\'s own log group only.',
  /** An internet-facing load balancer is open on its listener ports. */
  internetFacingListener: 'Internet-facing load balancer: its listener ports (80, and 443 with a certificate) are meant to be reachable from allowedCidrs (default anywhere); no other port is open, and the tasks accept traffic only from this security group.',
  /** ecr:GetAuthorizationToken has no resource. */
  imagePullToken: 'Image pull from private ECR: ecr:GetAuthorizationToken supports no resource-level permissions, so AWS requires Resource "*" (the token alone reads nothing); the image reads (ecr:BatchGetImage, ecr:GetDownloadUrlForLayer, ecr:BatchCheckLayerAvailability) are scoped to the repositories.',
  /** The access log bucket does not log access to itself. */
  accessLogBucketLogging: 'This bucket is the destination of the load balancer access logs; logging access to it would need yet another log bucket. It is SSL-only, blocks public access, and expires logs by lifecycle.',
};

/**
 * Records that `scope` (and what it holds) has the cdk-nag finding `ruleId` by design: the
 * metadata `Validations.of(scope).acknowledge({ id, reason })` writes, written directly so
 * that (1) granular IDs such as `AwsSolutions-IAM5[Resource::*]`, which `acknowledge`
 * rejects for their `::`, can be recorded too, and (2) no stack trace is captured per
 * acknowledgement (measured: ~0.6 ms each under source maps, in `npm run bench`).
 */
export function acknowledge(scope: IConstruct, ruleId: string, reason: string): void {
  scope.node.addMetadata(Validations.ACKNOWLEDGED_RULES_METADATA_KEY, { [`annotation::${ruleId}`]: reason });
}

/**
 * Acknowledges cdk-nag's AwsSolutions-IAM5 finding for exactly one wildcard resource of a
 * policy (the granular `AwsSolutions-IAM5[Resource::...]` form), so that any other
 * wildcard later granted to the same principal is still reported.
 */
export function acknowledgeWildcardResource(scope: IConstruct, resource: string, reason: string): void {
  acknowledge(scope, `AwsSolutions-IAM5[Resource::${flatten(Stack.of(scope).resolve(resource))}]`, reason);
}

/** Writes a resolved CloudFormation value the way cdk-nag names it in finding IDs. */
export function flatten(node: unknown): string {
  if (typeof node === 'string') return node.replace(/\$\{/g, '<').replace(/\}/g, '>');
  if (node !== null && typeof node === 'object') {
    const o = node as Record<string, any>;
    if (o['Fn::Join']) return (o['Fn::Join'][1] as unknown[]).map(flatten).join(o['Fn::Join'][0]);
    if (o['Fn::GetAtt']) return `<${flatten(o['Fn::GetAtt'][0])}.${flatten(o['Fn::GetAtt'][1])}>`;
    if (o.Ref) return `<${flatten(o.Ref)}>`;
  }
  return JSON.stringify(node);
}

/**
 * Acknowledges cdk-nag's AwsSolutions-EC23 (ingress open to the world) for exactly the
 * security group resource the library created, and only while every world-open rule on it
 * is one of the library's listener ports: decided at synth, so that a rule a user adds later
 * (say TCP 22 from 0.0.0.0/0) leaves the finding unacknowledged and cdk-nag reports it.
 * Acknowledged on the `AWS::EC2::SecurityGroup` resource only, never on its parent, so a
 * separate `AWS::EC2::SecurityGroupIngress` resource is not covered either.
 */
export function acknowledgeOpenListenerPorts(sg: ec2.SecurityGroup, listenerPorts: readonly number[], reason: string): void {
  const resource = sg.node.defaultChild as ec2.CfnSecurityGroup;
  let done = false;
  sg.node.addValidation({
    validate: () => {
      if (done) return [];
      done = true;
      const rules = (Stack.of(sg).resolve(resource.securityGroupIngress) ?? []) as Array<Record<string, unknown>>;
      const worldOpen = rules.filter(r => r.cidrIp === '0.0.0.0/0' || r.cidrIpv6 === '::/0');
      const onlyListeners = worldOpen.every(r => r.ipProtocol === 'tcp' && r.fromPort === r.toPort && listenerPorts.includes(r.fromPort as number));
      if (onlyListeners) acknowledge(resource, 'AwsSolutions-EC23', reason);
      return [];
    },
  });
}

/**
 * Acknowledges cdk-nag's AwsSolutions-IAM5 (`Resource::*`) on the policies of the execution
 * role, each only while every `*` resource in it is for `ecr:GetAuthorizationToken` alone
 * (what `ContainerImage.fromEcrRepository` and `fromAsset` grant): decided at synth, so that
 * any other wildcard a user grants to the role leaves the finding unacknowledged.
 */
export function acknowledgeImagePullToken(scope: IConstruct, executionRole: iam.IRole, reason: string): void {
  let done = false;
  scope.node.addValidation({
    validate: () => {
      if (done) return [];
      done = true;
      for (const policy of executionRole.node.findAll().filter((c): c is iam.CfnPolicy => c instanceof iam.CfnPolicy)) {
        const document = Stack.of(policy).resolve(policy.policyDocument) as { Statement?: Array<Record<string, unknown>> } | undefined;
        const asArray = (x: unknown): unknown[] => (Array.isArray(x) ? x : x === undefined ? [] : [x]);
        const wildcards = (document?.Statement ?? []).filter(st => asArray(st.Resource).includes('*'));
        const onlyToken = wildcards.length > 0 && wildcards.every(st => {
          const actions = asArray(st.Action);
          return st.Effect === 'Allow' && actions.length === 1 && actions[0] === 'ecr:GetAuthorizationToken' && st.Condition === undefined;
        });
        if (onlyToken) acknowledge(policy, 'AwsSolutions-IAM5[Resource::*]', reason);
      }
      return [];
    },
  });
}

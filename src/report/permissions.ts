import { AssemblyStack } from './assembly';
import { asList, props, refTarget, StackTemplate } from './template';
// how the library names a resource in an acknowledgement ID is how the report looks it up
import { flatten as nagName } from '../shared/acknowledgements';

/** One allowed (or denied) statement of a role, for one AWS service. */
export interface ServiceGrant {
  readonly service: string;
  readonly effect: string;
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  readonly conditions: readonly string[];
  /** The policy it comes from (construct path, `inline NAME`, or a managed policy). */
  readonly policy: string;
}

/** A wildcard resource with why it is there. */
export interface WildcardFact {
  readonly actions: readonly string[];
  readonly resource: string;
  readonly reason: string;
}

/** An IAM role: who may assume it, what it may do. */
export interface RoleFact {
  readonly name: string;
  readonly logicalId: string;
  /** `Service ecs-tasks.amazonaws.com if StringEquals aws:SourceAccount = ${AWS::AccountId}`. */
  readonly trust: readonly string[];
  readonly grants: readonly ServiceGrant[];
  /** Managed policy ARNs attached by ARN (their content is not in the template). */
  readonly managedPolicies: readonly string[];
  readonly wildcards: readonly WildcardFact[];
}

/** Who may run which task definition on which cluster, and which roles they may pass. */
export interface RunTaskGrant {
  readonly grantee: string;
  readonly taskDefinitions: readonly string[];
  readonly cluster: string;
  readonly passRoles: readonly string[];
}

export interface PermissionFacts {
  readonly roles: readonly RoleFact[];
  readonly runTask: readonly RunTaskGrant[];
}

/**
 * Why an action needs Resource "*": AWS documents no resource-level permission for it (a
 * known table; extend it as new cases show up in reports).
 */
export const WILDCARD_REASONS: Readonly<Record<string, string>> = {
  'ecr:GetAuthorizationToken': 'AWS requires "*": ecr:GetAuthorizationToken has no resource-level permissions',
  'ssmmessages:CreateControlChannel': 'AWS requires "*": the ssmmessages channel actions (ECS Exec) have no resource-level permissions',
  'ssmmessages:CreateDataChannel': 'AWS requires "*": the ssmmessages channel actions (ECS Exec) have no resource-level permissions',
  'ssmmessages:OpenControlChannel': 'AWS requires "*": the ssmmessages channel actions (ECS Exec) have no resource-level permissions',
  'ssmmessages:OpenDataChannel': 'AWS requires "*": the ssmmessages channel actions (ECS Exec) have no resource-level permissions',
  'logs:DescribeLogGroups': 'a list action: it cannot name one log group',
  'xray:PutTraceSegments': 'AWS requires "*": X-Ray write actions have no resource-level permissions',
  'xray:PutTelemetryRecords': 'AWS requires "*": X-Ray write actions have no resource-level permissions',
  'cloudwatch:PutMetricData': 'AWS requires "*": cloudwatch:PutMetricData has no resource-level permissions (a cloudwatch:namespace condition can scope it)',
  'sts:GetCallerIdentity': 'needs no permission; "*" is harmless',
};

type Statement = Record<string, unknown>;

/** The roles of a stack with trust, grants and wildcard reasons; and the run-task grants. */
export function permissionFacts(stack: AssemblyStack): PermissionFacts {
  const t = stack.template;
  const attached = new Map<string, Array<{ policy: string; logicalId?: string; statements: Statement[] }>>();
  const attach = (roleKey: string, policy: string, logicalId: string | undefined, doc: unknown) => {
    const list = attached.get(roleKey) ?? [];
    list.push({ policy, logicalId, statements: asList((doc as Record<string, unknown> | undefined)?.Statement) as Statement[] });
    attached.set(roleKey, list);
  };
  for (const type of ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy']) {
    for (const [id, r] of t.ofType(type)) {
      for (const role of asList(props(r).Roles)) attach(refTarget(role) ?? `external:${t.render(role)}`, t.nameOf(id), id, props(r).PolicyDocument);
    }
  }
  const roles: RoleFact[] = [];
  const runTask: RunTaskGrant[] = [];
  const roleKeys = new Set<string>([...t.ofType('AWS::IAM::Role').map(([id]) => id), ...attached.keys()]);
  for (const key of roleKeys) {
    const role = t.get(key);
    const p = props(role);
    const name = key.startsWith('external:') ? `${key.slice('external:'.length)} (role outside this template)` : t.nameOf(key);
    const policies = [
      ...asList(p.Policies).map(ip => ({ policy: `inline ${t.render((ip as Record<string, unknown>).PolicyName)}`, logicalId: role ? key : undefined, statements: asList(((ip as Record<string, unknown>).PolicyDocument as Record<string, unknown> | undefined)?.Statement) as Statement[] })),
      ...(attached.get(key) ?? []),
    ];
    const grants: ServiceGrant[] = [];
    const wildcards: WildcardFact[] = [];
    for (const pol of policies) {
      for (const s of pol.statements) {
        const actions = asList(s.Action ?? s.NotAction).map(a => t.render(a));
        const resources = asList(s.Resource ?? s.NotResource).map(r => t.render(r));
        const conditions = conditionsOf(t, s.Condition);
        const effect = String(s.Effect ?? 'Allow') + (s.NotAction ? ' (NotAction)' : '') + (s.NotResource ? ' (NotResource)' : '');
        for (const service of [...new Set(actions.map(serviceOf))]) {
          grants.push({ service, effect, actions: actions.filter(a => serviceOf(a) === service), resources, conditions, policy: pol.policy });
        }
        if (s.Effect !== 'Deny') {
          for (const raw of asList(s.Resource)) {
            const rendered = t.render(raw);
            const ack = acknowledgedReason(stack, [pol.logicalId, role ? key : undefined], raw);
            if (rendered === '*' || ack) wildcards.push({ actions, resource: rendered, reason: ack ?? knownReason(actions) });
          }
        }
      }
    }
    if (role) {
      roles.push({
        name,
        logicalId: key,
        trust: asList((p.AssumeRolePolicyDocument as Record<string, unknown> | undefined)?.Statement).flatMap(s => trustOf(t, s as Statement)),
        grants,
        managedPolicies: asList(p.ManagedPolicyArns).map(a => t.render(a)),
        wildcards,
      });
    }
    const allStatements = policies.flatMap(pol => pol.statements).filter(s => s.Effect !== 'Deny');
    const passRoles = allStatements.filter(s => asList(s.Action).some(a => matches(String(a), 'iam:PassRole'))).flatMap(s => asList(s.Resource).map(r => t.render(r)));
    for (const s of allStatements.filter(st => asList(st.Action).some(a => matches(String(a), 'ecs:RunTask')))) {
      const cluster = clusterCondition(t, s.Condition);
      runTask.push({ grantee: name, taskDefinitions: asList(s.Resource).map(r => t.render(r)), cluster, passRoles });
    }
  }
  return { roles, runTask };
}

/** `s3` of `s3:GetObject`; `*` for `*`. */
export function serviceOf(action: string): string {
  const i = action.indexOf(':');
  return i < 0 ? action : action.slice(0, i);
}

function matches(action: string, wanted: string): boolean {
  if (action === '*') return true;
  const re = new RegExp(`^${action.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i');
  return re.test(wanted);
}

function knownReason(actions: readonly string[]): string {
  const reasons = [...new Set(actions.map(a => WILDCARD_REASONS[a]))];
  if (reasons.length === 1 && reasons[0] !== undefined) return reasons[0];
  const unknown = actions.filter(a => !WILDCARD_REASONS[a]);
  if (unknown.length === 0) return reasons.join('; ');
  return `NO REASON RECORDED (${unknown.join(', ')})`;
}

function trustOf(t: StackTemplate, s: Statement): string[] {
  const principal = s.Principal;
  const conditions = conditionsOf(t, s.Condition);
  const suffix = conditions.length ? ` if ${conditions.join(' and ')}` : '';
  const action = asList(s.Action).map(a => t.render(a)).join(', ');
  if (principal === '*') return [`ANYONE (*) may ${action}${suffix}`];
  return Object.entries((principal ?? {}) as Record<string, unknown>).flatMap(([kind, values]) =>
    asList(values).map(v => `${kind} ${t.render(v)}${action && action !== 'sts:AssumeRole' ? ` (${action})` : ''}${suffix}`));
}

function conditionsOf(t: StackTemplate, condition: unknown): string[] {
  return Object.entries((condition ?? {}) as Record<string, Record<string, unknown>>).flatMap(([op, keys]) =>
    Object.entries(keys ?? {}).map(([k, v]) => `${op} ${k} = ${asList(v).map(x => t.render(x)).join(' | ')}`));
}

function clusterCondition(t: StackTemplate, condition: unknown): string {
  for (const keys of Object.values((condition ?? {}) as Record<string, Record<string, unknown>>)) {
    for (const [k, v] of Object.entries(keys ?? {})) {
      if (k.toLowerCase() === 'ecs:cluster') return asList(v).map(x => t.render(x)).join(' | ');
    }
  }
  return 'ANY cluster (no ecs:cluster condition)';
}

/**
 * The reason recorded for a wildcard resource: an acknowledgement (`aws:cdk:acknowledged-rules`
 * metadata on the policy, the role or an ancestor: `AwsSolutions-IAM5[Resource::...]` or
 * `AwsSolutions-IAM5`), or a cdk-nag suppression in the template (`Metadata.cdk_nag.rules_to_suppress`).
 */
function acknowledgedReason(stack: AssemblyStack, logicalIds: ReadonlyArray<string | undefined>, resource: unknown): string | undefined {
  const t = stack.template;
  const granular = `AwsSolutions-IAM5[Resource::${nagName(resource)}]`;
  const wildcard = nagName(resource) === '*' || nagName(resource).endsWith('*');
  for (const id of logicalIds) {
    if (!id) continue;
    const path = t.pathOf(id);
    if (path) {
      const parts = `/${path}`.split('/');
      for (let n = parts.length; n > 1; n--) {
        const rules = stack.acknowledgements.get(parts.slice(0, n).join('/'));
        const reason = rules?.get(granular) ?? (wildcard ? rules?.get('AwsSolutions-IAM5') : undefined);
        if (reason) return `acknowledged: ${reason}`;
      }
    }
    const metadata = (t.get(id) as { Metadata?: Record<string, any> } | undefined)?.Metadata;
    const suppressions = asList(metadata?.cdk_nag?.rules_to_suppress) as Array<Record<string, unknown>>;
    for (const s of suppressions) {
      if (s.id !== 'AwsSolutions-IAM5' || !wildcard) continue;
      const appliesTo = asList(s.applies_to ?? s.appliesTo).map(a => typeof a === 'string' ? a : JSON.stringify(a));
      if (appliesTo.length === 0 || appliesTo.includes(`Resource::${nagName(resource)}`)) return `cdk-nag suppression: ${String(s.reason ?? '')}`;
    }
  }
  return undefined;
}

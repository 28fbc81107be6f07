import * as ipaddr from 'ipaddr.js';
import { Cause, Change, Res, Side, TemplateOfStack } from './day2-change';
import { Hazard, HAZARD_KINDS, HazardKind } from './day2-kinds';
import { cfnEqual } from './resource-spec';
import { asList } from './template';

/** A resource type that carries traffic or data: what it is called and what its replacement does. */
interface Guarded {
  readonly noun: string;
  /** What moves to the new one: traffic, or data that the new one starts without. */
  readonly carries: 'traffic' | 'data';
  /** What a replacement does, beyond "a new one with a new ID". */
  readonly replaced: string;
}

const DATA_LOST = 'the old one is deleted with its data in the cleanup phase (or kept, no longer managed, with UpdateReplacePolicy Retain)';

/** The resource types whose replacement or removal the report names, and what replacing them does. */
export const GUARDED: Readonly<Record<string, Guarded>> = {
  'AWS::EC2::VPC': { noun: 'VPC', carries: 'traffic', replaced: 'every subnet, route table, gateway, endpoint and security group in it is replaced with it, and every task and load balancer in it moves: an outage of the whole network' },
  'AWS::EC2::Subnet': { noun: 'subnet', carries: 'traffic', replaced: 'the tasks, load balancer nodes, NAT gateways and mount targets in it move to a new subnet ID' },
  'AWS::EC2::RouteTable': { noun: 'route table', carries: 'traffic', replaced: 'its subnets have no routes of their own until the new table\'s routes and associations exist' },
  'AWS::EC2::InternetGateway': { noun: 'internet gateway', carries: 'traffic', replaced: 'public subnets reach the internet only once their default routes point at the new gateway' },
  'AWS::EC2::NatGateway': { noun: 'NAT gateway', carries: 'traffic', replaced: 'open connections through it break, and private subnets lose their way out until their routes point at the new one' },
  'AWS::EC2::EIP': { noun: 'Elastic IP', carries: 'traffic', replaced: 'a new public address: whoever allowlisted the old one stops accepting traffic from it' },
  'AWS::EC2::VPCEndpoint': { noun: 'VPC endpoint', carries: 'traffic', replaced: 'tasks that reach AWS through it lose that path until the new one is available' },
  'AWS::EC2::SecurityGroup': { noun: 'security group', carries: 'traffic', replaced: 'a new group ID: every network interface and rule using the group moves to the new one, and rules outside the stack that name the old group keep it from being deleted (DependencyViolation)' },
  'AWS::ElasticLoadBalancingV2::LoadBalancer': { noun: 'load balancer', carries: 'traffic', replaced: 'a new DNS name: clients and DNS records outside the stack that point at the old name fail once it is deleted' },
  'AWS::ElasticLoadBalancingV2::Listener': { noun: 'listener', carries: 'traffic', replaced: 'requests to its port are refused while it is re-created' },
  'AWS::ElasticLoadBalancingV2::ListenerRule': { noun: 'listener rule', carries: 'traffic', replaced: 'while it is re-created, its requests go to a lower-priority rule or the default action' },
  'AWS::ElasticLoadBalancingV2::TargetGroup': { noun: 'target group', carries: 'traffic', replaced: 'the new group is empty: listeners forward to it before the service has registered healthy tasks in it (HTTP 503)' },
  'AWS::ECS::Service': { noun: 'ECS service', carries: 'traffic', replaced: 'a new service starts beside the old one at its desired count; the old one is drained and deleted in the cleanup phase, and its deployments, events and scaling start over' },
  'AWS::ECS::Cluster': { noun: 'ECS cluster', carries: 'traffic', replaced: 'every service on it is replaced with it' },
  'AWS::ECS::ClusterCapacityProviderAssociations': { noun: 'capacity provider associations', carries: 'traffic', replaced: 'the cluster\'s capacity providers are associated anew; services with a capacity provider strategy depend on them' },
  'AWS::Logs::LogGroup': { noun: 'log group', carries: 'data', replaced: `the new group is empty; ${DATA_LOST}` },
  'AWS::S3::Bucket': { noun: 'S3 bucket', carries: 'data', replaced: 'the new bucket is empty; deleting the old one in the cleanup phase fails while it holds objects (or it is kept, no longer managed, with UpdateReplacePolicy Retain)' },
  'AWS::EFS::FileSystem': { noun: 'EFS file system', carries: 'data', replaced: `the new file system is empty; ${DATA_LOST}` },
  'AWS::EFS::MountTarget': { noun: 'EFS mount target', carries: 'traffic', replaced: 'tasks in its AZ cannot mount the file system while it is re-created' },
  'AWS::EFS::AccessPoint': { noun: 'EFS access point', carries: 'traffic', replaced: 'tasks that mount through it need the new access point ID' },
  'AWS::ServiceDiscovery::PrivateDnsNamespace': { noun: 'Cloud Map namespace', carries: 'traffic', replaced: 'every Cloud Map and Service Connect service in it registers anew' },
  'AWS::ServiceDiscovery::PublicDnsNamespace': { noun: 'Cloud Map namespace', carries: 'traffic', replaced: 'every Cloud Map service in it registers anew, in a new hosted zone' },
  'AWS::ServiceDiscovery::HttpNamespace': { noun: 'Cloud Map namespace', carries: 'traffic', replaced: 'every Cloud Map and Service Connect service in it registers anew' },
  'AWS::ServiceDiscovery::Service': { noun: 'Cloud Map service', carries: 'traffic', replaced: 'its instances register anew: callers resolving the name find none meanwhile' },
  'AWS::DynamoDB::Table': { noun: 'DynamoDB table', carries: 'data', replaced: `the new table is empty; ${DATA_LOST}` },
  'AWS::RDS::DBInstance': { noun: 'RDS instance', carries: 'data', replaced: `the new database is empty unless restored from a snapshot; ${DATA_LOST}` },
  'AWS::RDS::DBCluster': { noun: 'RDS cluster', carries: 'data', replaced: `the new database is empty unless restored from a snapshot; ${DATA_LOST}` },
  'AWS::ECR::Repository': { noun: 'ECR repository', carries: 'data', replaced: `the new repository has no images; ${DATA_LOST}` },
  'AWS::SQS::Queue': { noun: 'SQS queue', carries: 'data', replaced: 'the new queue is empty; the old one is deleted with its messages in the cleanup phase' },
  'AWS::KMS::Key': { noun: 'KMS key', carries: 'data', replaced: 'data encrypted under the old key needs the old key, which the cleanup phase schedules for deletion' },
  'AWS::SecretsManager::Secret': { noun: 'secret', carries: 'data', replaced: `the new secret has a new ARN and the generated or given value; ${DATA_LOST}` },
};

/**
 * The property that gives a resource its physical name, by type, and the property (if any) that
 * scopes the name (a service name is unique in its cluster, a group name in its VPC). Cloud Map
 * names are checked as discovery names (DiscoveryNameInUse) instead.
 */
const NAME_PROPERTY: Readonly<Record<string, { readonly name: string; readonly scope?: string }>> = {
  'AWS::ECS::Cluster': { name: 'ClusterName' },
  'AWS::ECS::Service': { name: 'ServiceName', scope: 'Cluster' },
  'AWS::Logs::LogGroup': { name: 'LogGroupName' },
  'AWS::ElasticLoadBalancingV2::LoadBalancer': { name: 'Name' },
  'AWS::ElasticLoadBalancingV2::TargetGroup': { name: 'Name' },
  'AWS::EC2::SecurityGroup': { name: 'GroupName', scope: 'VpcId' },
  'AWS::S3::Bucket': { name: 'BucketName' },
  'AWS::DynamoDB::Table': { name: 'TableName' },
  'AWS::ECR::Repository': { name: 'RepositoryName' },
  'AWS::SQS::Queue': { name: 'QueueName' },
  'AWS::SNS::Topic': { name: 'TopicName' },
  'AWS::IAM::Role': { name: 'RoleName' },
  'AWS::IAM::ManagedPolicy': { name: 'ManagedPolicyName' },
  'AWS::Lambda::Function': { name: 'FunctionName' },
  'AWS::SecretsManager::Secret': { name: 'Name' },
  'AWS::SSM::Parameter': { name: 'Name' },
  'AWS::Events::Rule': { name: 'Name', scope: 'EventBusName' },
  'AWS::CloudWatch::Alarm': { name: 'AlarmName' },
  'AWS::RDS::DBInstance': { name: 'DBInstanceIdentifier' },
  'AWS::RDS::DBCluster': { name: 'DBClusterIdentifier' },
  'AWS::KMS::Alias': { name: 'AliasName' },
};

const NAMESPACES = ['AWS::ServiceDiscovery::PrivateDnsNamespace', 'AWS::ServiceDiscovery::PublicDnsNamespace', 'AWS::ServiceDiscovery::HttpNamespace'];
const LISTENER = 'AWS::ElasticLoadBalancingV2::Listener';
const RULE = 'AWS::ElasticLoadBalancingV2::ListenerRule';
const MOVED = 'if the construct moved or was renamed, keep its logical ID instead (`overrideLogicalId`; docs/changes.md › Moving constructs)';

/**
 * The day-2 hazards of deploying the assembly `after` over `before`: updates known to fail
 * (first) and replacements and removals of what carries traffic or data. Only the templates
 * are read (no construct metadata), so any two assemblies can be compared.
 */
export function day2Hazards(before: readonly TemplateOfStack[], after: readonly TemplateOfStack[]): Hazard[] {
  const c = new Change(new Side(before), new Side(after));
  const hazards = [
    ...retyped(c), ...customNamed(c), ...namesInUse(c), ...targetGroupMoves(c), ...prioritiesInUse(c), ...portsInUse(c),
    ...subnetConflicts(c), ...mountTargetConflicts(c), ...discoveryNamesInUse(c), ...exportsInUse(c), ...duplicateRules(c),
    ...replacementsAndRemovals(c),
  ];
  return [...hazards.filter(h => h.kind.fails), ...hazards.filter(h => !h.kind.fails)];
}

// ---------------------------------------------------------------------------------------------
// naming

function noun(type: string): string {
  return GUARDED[type]?.noun ?? type;
}

function subject(side: Side, r: Res, from = r.stack): string {
  return `${noun(r.type)} ${side.nameOf(r.key, from)}`;
}

/** A CloudFormation value as short text. */
function show(r: Res, value: unknown): string {
  if (value === undefined) return '(none)';
  const text = r.template.render(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function causeText(c: Change, r: Res, cause: Cause): string {
  const verb = cause.effect === 'yes' ? 'forces' : 'may force';
  if (cause.via !== undefined) {
    return `\`${cause.property}\` refers to ${c.after.nameOf(cause.via, r.stack)}, which is ${c.fate(cause.via) === 'maybe' ? 'maybe ' : ''}replaced: that ${verb} a new one`;
  }
  return `\`${cause.property}\` ${show(r, cause.before)} → ${show(r, cause.after)} ${verb} a new one`;
}

/** The value of a literal identity (`="arn:..."`) as text. */
function literal(identity: string): string {
  const value: unknown = JSON.parse(identity.slice(1));
  return typeof value === 'string' ? value : identity.slice(1);
}

function hazard(kind: HazardKind, r: Res, subjectText: string, reason: string, safePath: string): Hazard {
  return { kind, stack: r.stack, subject: subjectText, reason, safePath };
}

/** How the old holder of something is still there when the new one is created. */
function holderState(c: Change, holder: Res): string {
  switch (c.fate(holder.key)) {
    case 'removed': return 'which is removed, but only in the cleanup phase, after the new one is created';
    case 'replaced': case 'retyped': return 'which is replaced, its old resource deleted only in the cleanup phase, after the new one is created';
    default: return c.after.stacks.has(holder.stack) ? 'which keeps it' : `which keeps it (stack ${holder.stack} left the app but stays deployed)`;
  }
}

// ---------------------------------------------------------------------------------------------
// updates known to fail

function retyped(c: Change): Hazard[] {
  return [...c.after.resources.values()].filter(r => c.fate(r.key) === 'retyped').map(r => {
    const old = c.before.resources.get(r.key)!;
    return hazard(HAZARD_KINDS.RESOURCE_TYPE_CHANGE, r, `logical ID ${r.logicalId}`,
      `was ${old.type}, is ${r.type}`,
      'give the new resource a logical ID of its own (and remove the old one in the same or a later deploy)');
  });
}

function customNamed(c: Change): Hazard[] {
  const out: Hazard[] = [];
  for (const r of c.after.resources.values()) {
    const naming = NAME_PROPERTY[r.type];
    if (!naming || c.fate(r.key) !== 'replaced') continue;
    const old = c.before.resources.get(r.key)!;
    const name = r.props[naming.name];
    if (name === undefined || !cfnEqual(old.props[naming.name], name)) continue;
    const why = c.verdict(r.key).causes.filter(x => x.effect === 'yes').map(x => causeText(c, r, x)).join('; ');
    out.push(hazard(HAZARD_KINDS.CUSTOM_NAMED_REPLACEMENT, r, subject(c.after, r),
      `${why}, and it keeps its name \`${naming.name}\` ${show(r, name)}`,
      `give it a new \`${naming.name}\` in the same change (or remove the name and let CloudFormation generate one), or ${revertText(c, r)}`));
  }
  return out;
}

function namesInUse(c: Change): Hazard[] {
  const out: Hazard[] = [];
  for (const r of c.after.resources.values()) {
    const naming = NAME_PROPERTY[r.type];
    if (!naming || !(c.fate(r.key) === 'added' || c.fate(r.key) === 'replaced')) continue;
    const name = r.props[naming.name];
    if (name === undefined) continue;
    const scope = naming.scope ? c.identity('after', r.template, r.props[naming.scope]) : '';
    const holder = c.before.ofType(r.type).find(o => o.key !== r.key && cfnEqual(o.props[naming.name], name)
      && (naming.scope ? c.identity('before', o.template, o.props[naming.scope]) : '') === scope);
    if (!holder) continue;
    out.push(hazard(HAZARD_KINDS.NAME_IN_USE, r, subject(c.after, r),
      `it is created with \`${naming.name}\` ${show(r, name)}, which ${subject(c.before, holder, r.stack)} of the old template holds, ${holderState(c, holder)}`,
      c.fate(holder.key) === 'removed'
        ? `keep the old resource's logical ID for it (\`overrideLogicalId\`), or deploy the removal first and the new resource in a second deploy, or give it another name; ${MOVED}`
        : 'give the new resource another name'));
  }
  return out;
}

/** The target groups an action list forwards to (keys). */
function forwardedGroups(side: Side, r: Res, actions: unknown): string[] {
  const out: string[] = [];
  for (const a of asList(actions)) {
    const action = a as { TargetGroupArn?: unknown; ForwardConfig?: { TargetGroups?: unknown } } | null;
    if (!action) continue;
    const weighted = asList(action.ForwardConfig?.TargetGroups).map(g => (g as { TargetGroupArn?: unknown } | null)?.TargetGroupArn);
    const groups = [action.TargetGroupArn, ...weighted];
    for (const g of groups) {
      const key = side.target(r.template, g);
      if (key !== undefined) out.push(key);
    }
  }
  return out;
}

/** The listener a rule is on, as a resource of the side if it is one. */
function listenerOf(side: Side, rule: Res): Res | undefined {
  const l = side.resolve(rule.template, rule.props.ListenerArn);
  return l?.type === LISTENER ? l : undefined;
}

/** Per target group key: the load balancers (identities) it is attached to through listeners and rules, with who attaches it. */
function attachments(c: Change, side: 'before' | 'after'): Map<string, Map<string, Res>> {
  const s = side === 'before' ? c.before : c.after;
  const out = new Map<string, Map<string, Res>>();
  const add = (tg: string, lb: string | undefined, by: Res) => {
    if (lb === undefined) return;
    const m = out.get(tg) ?? new Map<string, Res>();
    if (!m.has(lb)) m.set(lb, by);
    out.set(tg, m);
  };
  for (const l of s.ofType(LISTENER)) {
    for (const tg of forwardedGroups(s, l, l.props.DefaultActions)) add(tg, c.identity(side, l.template, l.props.LoadBalancerArn), l);
  }
  for (const rule of s.ofType(RULE)) {
    const l = listenerOf(s, rule);
    const lb = l ? c.identity(side, l.template, l.props.LoadBalancerArn) : `listener ${c.identity(side, rule.template, rule.props.ListenerArn)}`;
    for (const tg of forwardedGroups(s, rule, rule.props.Actions)) add(tg, lb, rule);
  }
  return out;
}

function lbName(c: Change, side: 'before' | 'after', identity: string, from: string): string {
  const key = identity.replace(/#new$/, '');
  const s = side === 'before' ? c.before : c.after;
  if (key.startsWith('=')) return literal(key);
  if (key.startsWith('listener ')) return `the load balancer of listener ${lbName(c, side, key.slice('listener '.length), from)}`;
  return `${s.nameOf(key, from)}${identity.endsWith('#new') ? ' (replaced: a new load balancer)' : ''}`;
}

function targetGroupMoves(c: Change): Hazard[] {
  const was = attachments(c, 'before');
  const is = attachments(c, 'after');
  const out: Hazard[] = [];
  for (const [tg, lbs] of is) {
    const r = c.after.resources.get(tg);
    const old = was.get(tg);
    if (!r || c.creates(tg) || !old || old.size === 0) continue;
    for (const [lb, by] of lbs) {
      if (old.has(lb)) continue;
      const [oldLb, oldBy] = [...old][0];
      out.push(hazard(HAZARD_KINDS.TARGET_GROUP_ASSOCIATION_LIMIT, r, subject(c.after, r),
        `it is kept (same logical ID) and ${noun(by.type)} ${c.after.nameOf(by.key, r.stack)} now attaches it to load balancer ${lbName(c, 'after', lb, r.stack)}, `
        + `while ${noun(oldBy.type)} ${c.before.nameOf(oldBy.key, r.stack)} attaches it to ${lbName(c, 'before', oldLb, r.stack)} until the cleanup phase`,
        'give the target group a new logical ID on the new load balancer (a new group; the old one goes with the old listener or rule), or detach it from the old load balancer in one deploy and attach it to the new one in a second'));
    }
  }
  return out;
}

interface RuleSlot {
  readonly rule: Res;
  readonly listener: string;
  readonly priority: string;
}

function ruleSlots(c: Change, side: 'before' | 'after'): RuleSlot[] {
  const s = side === 'before' ? c.before : c.after;
  return s.ofType(RULE).flatMap(rule => {
    const listener = c.identity(side, rule.template, rule.props.ListenerArn);
    const p = rule.props.Priority;
    return listener !== undefined && (typeof p === 'number' || typeof p === 'string') ? [{ rule, listener, priority: String(p) }] : [];
  });
}

function prioritiesInUse(c: Change): Hazard[] {
  const old = ruleSlots(c, 'before');
  const now = ruleSlots(c, 'after');
  const out: Hazard[] = [];
  for (const slot of now) {
    const r = slot.rule;
    const was = old.find(o => o.rule.key === r.key);
    const takes = c.creates(r.key) || !was || was.priority !== slot.priority || was.listener !== slot.listener;
    if (!takes) continue;
    const holders = old.filter(o => o.listener === slot.listener && o.priority === slot.priority && (o.rule.key !== r.key || c.creates(r.key)));
    for (const holder of holders) {
      const nowSlot = c.creates(holder.rule.key) ? undefined : now.find(s => s.rule.key === holder.rule.key);
      const released = nowSlot !== undefined && !(nowSlot.listener === slot.listener && nowSlot.priority === slot.priority);
      if (released && c.dependsOn(r, holder.rule.key)) continue; // the holder moves off first
      const state = holder.rule.key === r.key ? 'its own old resource, deleted only in the cleanup phase'
        : released ? `${c.before.nameOf(holder.rule.key, r.stack)}, which moves to priority ${nowSlot.priority} in the same update, in no set order (a swap fails either way)`
          : `${c.before.nameOf(holder.rule.key, r.stack)}, ${holderState(c, holder.rule)}`;
      out.push(hazard(HAZARD_KINDS.PRIORITY_IN_USE, r, subject(c.after, r),
        `it takes priority ${slot.priority} on listener ${listenerName(c, slot.listener, r.stack)}, which the old template gives to ${state}`,
        released || holder.rule.key !== r.key
          ? 'give the rule a priority that no rule of the old template holds on that listener, and move it to the wanted priority in a second deploy once the old holder is gone (or derive priorities from what each rule serves, so that they never move)'
          : 'keep the rule (revert the change that replaces it), or give the new rule a free priority in this deploy and the wanted one in a second deploy'));
    }
  }
  return out;
}

function listenerName(c: Change, identity: string, from: string): string {
  const key = identity.replace(/#new$/, '');
  return key.startsWith('=') ? literal(key) : c.after.nameOf(key, from);
}

function portsInUse(c: Change): Hazard[] {
  const slots = (side: 'before' | 'after') => (side === 'before' ? c.before : c.after).ofType(LISTENER).map(l => ({
    l, lb: c.identity(side, l.template, l.props.LoadBalancerArn), port: String(l.props.Port),
  }));
  const old = slots('before');
  const now = slots('after');
  const out: Hazard[] = [];
  for (const slot of now) {
    const was = old.find(o => o.l.key === slot.l.key);
    if (!(c.creates(slot.l.key) || !was || was.port !== slot.port || was.lb !== slot.lb)) continue;
    for (const holder of old.filter(o => o.lb === slot.lb && o.port === slot.port && (o.l.key !== slot.l.key || c.creates(slot.l.key)))) {
      const moved = now.find(n => n.l.key === holder.l.key && !c.creates(n.l.key));
      const released = moved !== undefined && !(moved.lb === slot.lb && moved.port === slot.port);
      if (released && c.dependsOn(slot.l, holder.l.key)) continue;
      out.push(hazard(HAZARD_KINDS.DUPLICATE_LISTENER, slot.l, subject(c.after, slot.l),
        `it takes port ${slot.port} on load balancer ${lbName(c, 'after', slot.lb ?? '', slot.l.stack)}, which listener ${c.before.nameOf(holder.l.key, slot.l.stack)} holds, `
        + (released ? `moving to port ${moved.port} in the same update, in no set order` : holderState(c, holder.l)),
        `keep the old listener's logical ID for it (\`overrideLogicalId\`), or remove the old listener in one deploy and add the new one in a second; ${MOVED}`));
    }
  }
  return out;
}

/** Whether two IPv4 CIDR blocks overlap; `undefined` when either is not a literal block. */
function overlap(a: unknown, b: unknown): boolean | undefined {
  if (typeof a !== 'string' || typeof b !== 'string') return undefined;
  try {
    const [x, xp] = ipaddr.parseCIDR(a);
    const [y, yp] = ipaddr.parseCIDR(b);
    if (x.kind() !== y.kind()) return false;
    return x.match(y, Math.min(xp, yp));
  } catch {
    return undefined;
  }
}

function subnetConflicts(c: Change): Hazard[] {
  const out: Hazard[] = [];
  const olds = c.before.ofType('AWS::EC2::Subnet');
  for (const s of c.after.ofType('AWS::EC2::Subnet')) {
    if (!c.creates(s.key)) continue;
    const vpc = c.identity('after', s.template, s.props.VpcId);
    for (const o of olds) {
      if (c.identity('before', o.template, o.props.VpcId) !== vpc) continue;
      if (!overlap(s.props.CidrBlock, o.props.CidrBlock)) continue;
      const self = o.key === s.key;
      out.push(hazard(HAZARD_KINDS.SUBNET_CONFLICT, s, subject(c.after, s),
        `it is created with ${show(s, s.props.CidrBlock)}, which overlaps ${self ? 'its own old block' : `subnet ${c.before.nameOf(o.key)}`} ${show(o, o.props.CidrBlock)} `
        + `of the old template, ${self ? 'deleted only in the cleanup phase' : holderState(c, o)}`,
        'keep the subnets\' blocks (lay new subnets out in free space of the VPC, as FargateVpc does), or build the new layout as a new VPC beside the old one, move the workloads, then remove the old VPC'));
    }
  }
  return out;
}

/** The Availability Zone of the subnet a value refers to, as comparable text (or the subnet ID when outside the template). */
function zoneOf(c: Change, side: 'before' | 'after', r: Res, subnet: unknown): string | undefined {
  const s = (side === 'before' ? c.before : c.after).resolve(r.template, subnet);
  if (!s) return typeof subnet === 'string' ? `subnet ${subnet}` : undefined;
  const az = s.props.AvailabilityZone ?? s.props.AvailabilityZoneId;
  return az === undefined ? undefined : s.template.render(az);
}

function mountTargetConflicts(c: Change): Hazard[] {
  const out: Hazard[] = [];
  const olds = c.before.ofType('AWS::EFS::MountTarget');
  for (const m of c.after.ofType('AWS::EFS::MountTarget')) {
    if (!c.creates(m.key)) continue;
    const fs = c.identity('after', m.template, m.props.FileSystemId);
    const az = zoneOf(c, 'after', m, m.props.SubnetId);
    if (az === undefined) continue;
    for (const o of olds) {
      if (c.identity('before', o.template, o.props.FileSystemId) !== fs || zoneOf(c, 'before', o, o.props.SubnetId) !== az) continue;
      const self = o.key === m.key;
      out.push(hazard(HAZARD_KINDS.MOUNT_TARGET_CONFLICT, m, subject(c.after, m),
        `it is created in ${az} for file system ${c.after.nameOf(fs!.replace(/#new$/, ''), m.stack)}, which has ${self ? 'its own old mount target there, deleted only in the cleanup phase' : `mount target ${c.before.nameOf(o.key)} there, ${holderState(c, o)}`}`,
        'keep the mount target (its subnet and addresses as they are), or remove it in one deploy and create the new one in a second (tasks in that AZ cannot mount the file system in between)'));
    }
  }
  return out;
}

/** The Service Connect names an ECS service publishes, with the namespace they are in (identity). */
function connectNames(c: Change, side: 'before' | 'after', svc: Res): Array<{ name: string; namespace: string }> {
  const s = side === 'before' ? c.before : c.after;
  const config = svc.props.ServiceConnectConfiguration as { Enabled?: unknown; Namespace?: unknown; Services?: unknown } | undefined;
  if (!config || config.Enabled === false || config.Enabled === 'false') return [];
  let ns = config.Namespace;
  if (ns === undefined) {
    const cluster = s.resolve(svc.template, svc.props.Cluster);
    ns = (cluster?.props.ServiceConnectDefaults as { Namespace?: unknown } | undefined)?.Namespace;
    if (cluster && ns !== undefined) return namesIn(svc, config.Services, namespaceIdentity(c, side, cluster, ns));
  }
  return namesIn(svc, config.Services, namespaceIdentity(c, side, svc, ns));
}

function namesIn(svc: Res, services: unknown, namespace: string | undefined): Array<{ name: string; namespace: string }> {
  if (namespace === undefined) return [];
  return asList(services).flatMap(x => {
    const entry = x as { DiscoveryName?: unknown; PortName?: unknown } | null;
    const name = entry?.DiscoveryName ?? entry?.PortName;
    return name === undefined ? [] : [{ name: svc.template.render(name), namespace }];
  });
}

/** A namespace reference (ARN, ID or name) as an identity: the namespace resource when the value refers to one or names one. */
function namespaceIdentity(c: Change, side: 'before' | 'after', r: Res, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const s = side === 'before' ? c.before : c.after;
  if (s.target(r.template, value) !== undefined) return c.identity(side, r.template, value);
  const named = s.ofType(...NAMESPACES).find(n => cfnEqual(n.props.Name, value));
  return named ? c.identity(side, named.template, { Ref: named.logicalId }) : `=${JSON.stringify(value)}`;
}

function discoveryNamesInUse(c: Change): Hazard[] {
  const out: Hazard[] = [];
  const safe = 'give the new one another name in this deploy (callers use a client alias, which may keep the old DNS name only once the old one is gone), or remove the old one in one deploy and create the new one in a second';
  // Service Connect: a new or replaced ECS service publishing a name its old holder still has
  const holders = c.before.ofType('AWS::ECS::Service').flatMap(o => connectNames(c, 'before', o).map(n => ({ o, ...n })));
  for (const svc of c.after.ofType('AWS::ECS::Service')) {
    if (!c.creates(svc.key)) continue;
    for (const n of connectNames(c, 'after', svc)) {
      for (const h of holders.filter(x => x.name === n.name && x.namespace === n.namespace)) {
        const self = h.o.key === svc.key;
        out.push(hazard(HAZARD_KINDS.DISCOVERY_NAME_IN_USE, svc, subject(c.after, svc),
          `it publishes Service Connect name ${n.name} in namespace ${namespaceName(c, n.namespace, svc.stack)}, which ${self ? 'its old service still publishes until the cleanup phase deletes it' : `${subject(c.before, h.o, svc.stack)} publishes, ${holderState(c, h.o)}`}`,
          self ? `keep the service (${revertText(c, svc)}), or publish the name from the new service only in a second deploy` : safe));
      }
    }
  }
  // Cloud Map services and namespaces: a new or replaced one whose name the old template's holds
  const nameScope = (side: 'before' | 'after', r: Res): string | undefined => {
    if (r.type !== 'AWS::ServiceDiscovery::Service') return r.type === 'AWS::ServiceDiscovery::PrivateDnsNamespace' ? c.identity(side, r.template, r.props.Vpc) : r.type;
    const ns = r.props.NamespaceId ?? (r.props.DnsConfig as { NamespaceId?: unknown } | undefined)?.NamespaceId;
    return namespaceIdentity(c, side, r, ns);
  };
  for (const r of c.after.ofType('AWS::ServiceDiscovery::Service', ...NAMESPACES)) {
    if (!c.creates(r.key) || r.props.Name === undefined) continue;
    const scope = nameScope('after', r);
    for (const o of c.before.ofType(r.type).filter(x => cfnEqual(x.props.Name, r.props.Name) && nameScope('before', x) === scope)) {
      const self = o.key === r.key;
      out.push(hazard(HAZARD_KINDS.DISCOVERY_NAME_IN_USE, r, subject(c.after, r),
        `it is created with name ${show(r, r.props.Name)}, which ${self ? 'its old resource keeps until the cleanup phase deletes it' : `${subject(c.before, o, r.stack)} holds, ${holderState(c, o)}`}`
        + (self ? ` (${c.verdict(r.key).causes.map(x => causeText(c, r, x)).join('; ')})` : ''),
        self ? `keep it (${revertText(c, r)}), or give it a new name in the same change` : safe));
    }
  }
  return out;
}

function namespaceName(c: Change, identity: string, from: string): string {
  const key = identity.replace(/#new$/, '');
  return key.startsWith('=') ? literal(key) : c.after.resources.has(key) ? c.after.nameOf(key, from) : c.before.nameOf(key, from);
}

function exportsInUse(c: Change): Hazard[] {
  const out: Hazard[] = [];
  for (const [name, e] of c.before.exports) {
    const importers = [...c.before.stacks].filter(([stack, t]) => stack !== e.stack && t.imports.has(name)).map(([stack]) => stack);
    if (importers.length === 0 || !c.after.stacks.has(e.stack)) continue;
    const now = c.after.exports.get(name);
    const refs = now ? [...c.after.references(now.template, now.value)].filter(k => c.creates(k)) : [];
    const why = !now ? 'the export is removed'
      : !cfnEqual(now.value, e.value) ? `its value changes from ${e.template.render(e.value)} to ${now.template.render(now.value)}`
        : refs.length ? `its value ${now.template.render(now.value)} refers to ${refs.map(k => c.after.nameOf(k)).join(', ')}, which is replaced (a new value)` : undefined;
    if (why === undefined) continue;
    out.push({
      kind: HAZARD_KINDS.EXPORT_IN_USE,
      stack: e.stack,
      subject: `export ${name}`,
      reason: `${why} while stack ${importers.join(', ')} of the old assembly imports it (the exporting stack deploys first)`,
      safePath: 'deploy twice: first keep the old export (`stack.exportValue(...)` with the old value) while the importing stacks stop using it, then remove it',
    });
  }
  return out;
}

function duplicateRules(c: Change): Hazard[] {
  const out: Hazard[] = [];
  const types = ['AWS::EC2::SecurityGroupIngress', 'AWS::EC2::SecurityGroupEgress'];
  const removed = c.before.ofType(...types).filter(o => c.fate(o.key) === 'removed');
  for (const r of c.after.ofType(...types)) {
    if (c.fate(r.key) !== 'added' || [...c.after.references(r.template, r.props)].some(k => c.creates(k))) continue;
    const twin = removed.find(o => o.type === r.type && cfnEqual(o.props, r.props));
    if (!twin) continue;
    out.push(hazard(HAZARD_KINDS.DUPLICATE_RULE, r, `security group rule ${c.after.nameOf(r.key)}`,
      `it is the same rule as ${c.before.nameOf(twin.key)} of the old template, which is removed only in the cleanup phase`,
      `keep the old rule's logical ID for it (\`overrideLogicalId\`); ${MOVED}`));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// replacements and removals

function revertText(c: Change, r: Res): string {
  const causes = c.verdict(r.key).causes;
  const direct = causes.filter(x => x.via === undefined).map(x => `\`${x.property}\``);
  const via = causes.filter(x => x.via !== undefined).map(x => c.after.nameOf(x.via!));
  return [direct.length ? `keep ${direct.join(', ')} as ${direct.length > 1 ? 'they are' : 'it is'}` : '', via.length ? `avoid replacing ${via.join(', ')}` : '']
    .filter(Boolean).join(' and ');
}

function replacementsAndRemovals(c: Change): Hazard[] {
  const out: Hazard[] = [];
  for (const r of c.after.resources.values()) {
    const g = GUARDED[r.type];
    const fate = c.fate(r.key);
    if (!g || (fate !== 'replaced' && fate !== 'maybe')) continue;
    const causes = c.verdict(r.key).causes;
    const retained = /Retain|Snapshot/.test(String(r.resource.UpdateReplacePolicy ?? '')) ? ` (UpdateReplacePolicy ${String(r.resource.UpdateReplacePolicy)})` : '';
    const services = r.type === 'AWS::ECS::Cluster'
      ? c.after.ofType('AWS::ECS::Service').filter(s => c.after.target(s.template, s.props.Cluster) === r.key) : [];
    const kind = services.length ? HAZARD_KINDS.CLUSTER_REPLACEMENT : HAZARD_KINDS.REPLACEMENT;
    const onlyVia = causes.every(x => x.via !== undefined);
    const safePath = onlyVia
      ? `it follows the replacement of ${[...new Set(causes.map(x => c.after.nameOf(x.via!)))].join(', ')}: ${revertText(c, r)}`
      : `${revertText(c, r)}; to make the change, add the new ${g.noun} beside this one (a new logical ID), `
        + (g.carries === 'data' ? 'copy the data to it, move its users' : 'move the traffic to it')
        + ', and remove this one in a later deploy';
    out.push(hazard(kind, r, subject(c.after, r),
      `${fate === 'maybe' ? 'may be replaced' : 'replaced'}: ${causes.map(x => causeText(c, r, x)).join('; ')}; ${g.replaced}${retained}`
      + (services.length ? `: services ${services.map(s => c.after.nameOf(s.key)).join(', ')}` : ''),
      safePath));
  }
  for (const r of c.before.resources.values()) {
    const g = GUARDED[r.type];
    if (!g || c.fate(r.key) !== 'removed') continue;
    const policy = String(r.resource.DeletionPolicy ?? 'Delete');
    const kept = /Retain|Snapshot/.test(policy);
    out.push(hazard(HAZARD_KINDS.REMOVAL, r, subject(c.before, r),
      kept ? `removed from the stack and kept in the account (DeletionPolicy ${policy}), no longer managed`
        : `removed: deleted in the cleanup phase${g.carries === 'data' ? ' with its data' : ''}`,
      `if you meant to remove it, nothing; ${MOVED}`
      + (g.carries === 'data' && !kept ? '; to keep its data, set DeletionPolicy Retain (`removalPolicy: RemovalPolicy.RETAIN`) in a deploy before the removal' : '')));
  }
  return out;
}

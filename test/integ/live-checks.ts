/**
 * Checks of a deployed stack's live state (read through the AWS APIs from the emulator)
 * against its template. Generic over the resources a stack has: each check applies to every
 * resource of its type, so new example stacks are covered without new test code.
 * Every function returns problems as text (empty = fine) so a failure lists all of them.
 */

type Json = any;

const resourcesOfType = (template: Json, type: string): [string, Json][] =>
  Object.entries(template.Resources ?? {}).filter(([, r]: [string, Json]) => r.Type === type) as [string, Json][];

function physicalId(state: Json, logicalId: string): string | undefined {
  return state.resources.find((r: Json) => r.logicalId === logicalId)?.physicalId;
}

function subnetType(subnet: Json): string | undefined {
  return subnet.Tags?.find((t: Json) => t.Key === 'aws-cdk:subnet-type')?.Value;
}

/** Every subnet is associated with a route table that routes 0.0.0.0/0 as its type requires. */
export function checkRoutes(state: Json): string[] {
  const problems: string[] = [];
  for (const subnet of state.subnets ?? []) {
    const table = state.routeTables.find((t: Json) => (t.Associations ?? []).some((a: Json) => a.SubnetId === subnet.SubnetId));
    const type = subnetType(subnet);
    if (!table) {
      problems.push(`${type} subnet ${subnet.SubnetId} has no route table association`);
      continue;
    }
    const def = (table.Routes ?? []).find((r: Json) => r.DestinationCidrBlock === '0.0.0.0/0');
    const via = def?.GatewayId ?? def?.NatGatewayId;
    if (type === 'Public' && !String(def?.GatewayId ?? '').startsWith('igw-')) problems.push(`public subnet ${subnet.SubnetId}: default route via ${via}, expected an internet gateway`);
    if (type === 'Private' && !String(def?.NatGatewayId ?? '').startsWith('nat-')) problems.push(`private subnet ${subnet.SubnetId}: default route via ${via}, expected a NAT gateway`);
    if (type === 'Isolated' && def) problems.push(`isolated subnet ${subnet.SubnetId}: has a default route via ${via}`);
  }
  for (const nat of state.natGateways ?? []) {
    const sub = state.subnets.find((s: Json) => s.SubnetId === nat.SubnetId);
    if (subnetType(sub) !== 'Public') problems.push(`NAT gateway ${nat.NatGatewayId} is not in a public subnet`);
  }
  return problems;
}

/** VPCs, flow logs and endpoints exist as declared. */
export function checkNetwork(template: Json, state: Json): string[] {
  const problems: string[] = [];
  const vpcs = resourcesOfType(template, 'AWS::EC2::VPC');
  for (const [id, vpc] of vpcs) {
    const live = state.vpcs.find((v: Json) => v.VpcId === physicalId(state, id));
    if (live?.CidrBlock !== vpc.Properties.CidrBlock) problems.push(`VPC ${id}: CIDR ${live?.CidrBlock}, template ${vpc.Properties.CidrBlock}`);
  }
  const expect = (type: string, live: Json[] | undefined, what: string) => {
    const n = resourcesOfType(template, type).length;
    if ((live ?? []).length !== n) problems.push(`${what}: ${(live ?? []).length} live, ${n} in the template`);
  };
  if (vpcs.length > 0) {
    expect('AWS::EC2::Subnet', state.subnets, 'subnets');
    expect('AWS::EC2::NatGateway', state.natGateways, 'NAT gateways');
    expect('AWS::EC2::VPCEndpoint', state.vpcEndpoints, 'VPC endpoints');
    expect('AWS::EC2::FlowLog', state.flowLogs, 'flow logs');
  }
  return problems;
}

/** Log groups exist with the template's retention (never infinite). */
export function checkLogGroups(template: Json, state: Json): string[] {
  return resourcesOfType(template, 'AWS::Logs::LogGroup').flatMap(([id, lg]) => {
    const live = state.logGroups.find((g: Json) => g.logGroupName === physicalId(state, id));
    const want = lg.Properties?.RetentionInDays;
    if (!live) return [`log group ${id} does not exist`];
    if (want === undefined) return [`log group ${id} keeps logs forever (no RetentionInDays)`];
    return live.retentionInDays === want ? [] : [`log group ${id}: retention ${live.retentionInDays}, template ${want}`];
  });
}

/**
 * Actions the IAM Service Authorization Reference lists with no resource types, so `*` is
 * their only possible resource: ECR's registry login token and ECS Exec's four channels.
 */
const ACTIONS_WITHOUT_RESOURCES = [
  'ecr:GetAuthorizationToken',
  'ssmmessages:CreateControlChannel',
  'ssmmessages:CreateDataChannel',
  'ssmmessages:OpenControlChannel',
  'ssmmessages:OpenDataChannel',
];

/**
 * Roles: trusted by the template's service principals, with exactly the template's inline
 * policies and managed policies, and no `*` resource except for actions that support no
 * resource-level permissions (the only ones a Fargate workload needs).
 */
export function checkRoles(template: Json, state: Json): string[] {
  const problems: string[] = [];
  for (const [id, role] of resourcesOfType(template, 'AWS::IAM::Role')) {
    const live = state.roles.find((r: Json) => r.name === physicalId(state, id));
    if (!live) {
      problems.push(`role ${id} does not exist`);
      continue;
    }
    const services = (doc: Json) => doc.Statement.flatMap((s: Json) => [s.Principal?.Service ?? []].flat()).sort();
    const want = services(role.Properties.AssumeRolePolicyDocument);
    if (JSON.stringify(services(live.trust)) !== JSON.stringify(want)) problems.push(`role ${id}: trusted by ${services(live.trust)}, template ${want}`);
    const managed = (role.Properties.ManagedPolicyArns ?? []).length;
    if (live.managedPolicies.length !== managed) problems.push(`role ${id}: ${live.managedPolicies.length} managed policies, template ${managed}`);
    const inlineWanted = resourcesOfType(template, 'AWS::IAM::Policy')
      .filter(([, p]) => (p.Properties.Roles ?? []).some((r: Json) => r.Ref === id))
      .map(([, p]) => p.Properties.PolicyName).sort();
    if (JSON.stringify(Object.keys(live.inlinePolicies).sort()) !== JSON.stringify(inlineWanted)) {
      problems.push(`role ${id}: inline policies ${Object.keys(live.inlinePolicies)}, template ${inlineWanted}`);
    }
    for (const [name, doc] of Object.entries(live.inlinePolicies) as [string, Json][]) {
      const statements = (typeof doc === 'string' ? JSON.parse(doc) : doc).Statement;
      for (const s of statements) {
        const actions = [s.Action].flat();
        const star = [s.Resource].flat().includes('*');
        if (star && !actions.every(a => ACTIONS_WITHOUT_RESOURCES.includes(a))) {
          problems.push(`role ${id} policy ${name}: Resource "*" for ${actions.join(', ')}`);
        }
      }
    }
  }
  return problems;
}

/** Task definitions: Fargate, awsvpc, the template's CPU/memory, roles of this stack, awslogs to a log group of this stack. */
export function checkTaskDefinitions(template: Json, state: Json): string[] {
  const problems: string[] = [];
  const roleArns = state.roles.map((r: Json) => r.arn);
  const groups = state.logGroups.map((g: Json) => g.logGroupName);
  for (const [id, td] of resourcesOfType(template, 'AWS::ECS::TaskDefinition')) {
    const live = state.taskDefinitions.find((t: Json) => t.taskDefinitionArn === physicalId(state, id));
    if (!live) {
      problems.push(`task definition ${id} is not registered`);
      continue;
    }
    const p = td.Properties;
    if (live.networkMode !== 'awsvpc') problems.push(`task definition ${id}: network mode ${live.networkMode}`);
    if (!(live.requiresCompatibilities ?? []).includes('FARGATE')) problems.push(`task definition ${id}: requires ${live.requiresCompatibilities}`);
    if (String(live.cpu) !== String(p.Cpu) || String(live.memory) !== String(p.Memory)) problems.push(`task definition ${id}: cpu/memory ${live.cpu}/${live.memory}, template ${p.Cpu}/${p.Memory}`);
    for (const k of ['executionRoleArn', 'taskRoleArn']) {
      if (live[k] && !roleArns.includes(live[k])) problems.push(`task definition ${id}: ${k} ${live[k]} is not a role of this stack`);
    }
    if (p.ExecutionRoleArn && !live.executionRoleArn) problems.push(`task definition ${id}: no execution role`);
    if (live.containerDefinitions.length !== p.ContainerDefinitions.length) problems.push(`task definition ${id}: ${live.containerDefinitions.length} containers`);
    for (const c of live.containerDefinitions) {
      const group = c.logConfiguration?.options?.['awslogs-group'];
      if (c.logConfiguration?.logDriver !== 'awslogs' || !groups.includes(group)) problems.push(`container ${c.name} of ${id}: logs to ${c.logConfiguration?.logDriver} ${group}`);
    }
  }
  return problems;
}

/** Services: Fargate (or capacity providers), awsvpc in this VPC's subnets and security groups, on a task definition of this stack. */
export function checkServices(template: Json, state: Json): string[] {
  const problems: string[] = [];
  const subnets = (state.subnets ?? []).map((s: Json) => s.SubnetId);
  const sgs = (state.securityGroups ?? []).map((g: Json) => g.GroupId);
  const tds = state.taskDefinitions.map((t: Json) => t.taskDefinitionArn);
  for (const [id, svc] of resourcesOfType(template, 'AWS::ECS::Service')) {
    const live = state.services.find((s: Json) => s.serviceArn === physicalId(state, id));
    if (!live) {
      problems.push(`service ${id} does not exist`);
      continue;
    }
    const usesCapacityProviders = (svc.Properties.CapacityProviderStrategy ?? []).length > 0;
    if (!usesCapacityProviders && live.launchType !== 'FARGATE') problems.push(`service ${id}: launch type ${live.launchType}`);
    if (!tds.includes(live.taskDefinition)) problems.push(`service ${id}: task definition ${live.taskDefinition} is not of this stack`);
    const vpcConf = live.networkConfiguration?.awsvpcConfiguration;
    if (!vpcConf) {
      problems.push(`service ${id}: no awsvpc network configuration`);
    } else {
      if (!vpcConf.subnets.every((s: string) => subnets.includes(s))) problems.push(`service ${id}: subnets ${vpcConf.subnets} not all in this stack's VPC`);
      if (!vpcConf.securityGroups.every((g: string) => sgs.includes(g))) problems.push(`service ${id}: security groups ${vpcConf.securityGroups} not of this stack`);
    }
    const lbWanted = (svc.Properties.LoadBalancers ?? []).length;
    if ((live.loadBalancers ?? []).length !== lbWanted) problems.push(`service ${id}: ${(live.loadBalancers ?? []).length} load balancers, template ${lbWanted}`);
  }
  return problems;
}

/** Target groups of type ip with a health check; every load balancer has a listener forwarding to a target group of this stack. */
export function checkLoadBalancing(template: Json, state: Json): string[] {
  const problems: string[] = [];
  for (const [id] of resourcesOfType(template, 'AWS::ElasticLoadBalancingV2::TargetGroup')) {
    const live = state.targetGroups.find((t: Json) => t.TargetGroupArn === physicalId(state, id));
    if (!live) {problems.push(`target group ${id} does not exist`);} else {
      if (live.TargetType !== 'ip') problems.push(`target group ${id}: target type ${live.TargetType}, Fargate needs ip`);
      if (live.HealthCheckEnabled === false || !live.HealthCheckPath && live.HealthCheckProtocol?.startsWith('HTTP')) problems.push(`target group ${id}: no HTTP health check`);
    }
  }
  const tgArns = state.targetGroups.map((t: Json) => t.TargetGroupArn);
  for (const [id] of resourcesOfType(template, 'AWS::ElasticLoadBalancingV2::LoadBalancer')) {
    const arn = physicalId(state, id);
    const listeners = state.listeners.filter((l: Json) => l.LoadBalancerArn === arn);
    if (listeners.length === 0) problems.push(`load balancer ${id} has no listener`);
    const forwards = listeners.some((l: Json) => l.DefaultActions.some((a: Json) => tgArns.includes(a.TargetGroupArn)
      || (a.ForwardConfig?.TargetGroups ?? []).some((t: Json) => tgArns.includes(t.TargetGroupArn))));
    const redirects = listeners.every((l: Json) => l.DefaultActions.every((a: Json) => a.Type === 'redirect'));
    if (listeners.length > 0 && !forwards && !redirects) problems.push(`load balancer ${id}: no listener forwards to a target group of this stack`);
  }
  return problems;
}

/** The target groups an action forwards to. */
function forwardTargets(action: Json): string[] {
  return [action.TargetGroupArn, ...(action.ForwardConfig?.TargetGroups ?? []).map((t: Json) => t.TargetGroupArn)].filter(Boolean);
}

/**
 * Traffic keeps flowing: every listener forwards (by default or through its rules) only to
 * target groups that a service of the stack is attached to, and every listener that does not
 * redirect forwards somewhere.
 */
export function checkListenersReachServices(state: Json): string[] {
  const problems: string[] = [];
  const attached = new Set((state.services ?? []).flatMap((s: Json) => (s.loadBalancers ?? []).map((lb: Json) => lb.targetGroupArn)));
  for (const l of state.listeners ?? []) {
    const rules = (state.listenerRules ?? []).filter((r: Json) => r.RuleArn.includes(l.ListenerArn.split(':listener/')[1]) && !r.IsDefault);
    const actions = [...l.DefaultActions, ...rules.flatMap((r: Json) => r.Actions)];
    const targets = actions.flatMap(forwardTargets);
    if (targets.length === 0 && !l.DefaultActions.every((a: Json) => a.Type === 'redirect')) problems.push(`listener ${l.Port}: forwards nowhere`);
    for (const tg of targets) {
      if (!attached.has(tg)) problems.push(`listener ${l.Port}: forwards to target group ${tg}, which no service is attached to`);
    }
  }
  return problems;
}

/** The physical ID a template value refers to (`Ref` or `Fn::GetAtt` of a resource of this stack), or the value itself. */
function refTarget(state: Json, value: Json): Json {
  if (value?.Ref) return physicalId(state, value.Ref);
  if (value?.['Fn::GetAtt']) return physicalId(state, value['Fn::GetAtt'][0]);
  return value;
}

/** Alarms exist with the template's metric (or metric math), threshold, comparison and periods. */
export function checkAlarms(template: Json, state: Json): string[] {
  return resourcesOfType(template, 'AWS::CloudWatch::Alarm').flatMap(([id, alarm]) => {
    const p = alarm.Properties;
    const live = (state.alarms ?? []).find((a: Json) => a.AlarmName === physicalId(state, id));
    if (!live) return [`alarm ${id} does not exist`];
    const got = [live.MetricName, live.Namespace, live.Threshold, live.ComparisonOperator, live.EvaluationPeriods, (live.Metrics ?? []).length];
    const want = [p.MetricName, p.Namespace, p.Threshold, p.ComparisonOperator, p.EvaluationPeriods, (p.Metrics ?? []).length];
    const dims = (live.Dimensions ?? []).filter((d: Json) => !d.Value || /\$\{Token|\{"(Ref|Fn::)/.test(d.Value));
    return [
      ...JSON.stringify(got) === JSON.stringify(want) ? [] : [`alarm ${id}: ${JSON.stringify(got)}, template ${JSON.stringify(want)}`],
      ...dims.map((d: Json) => `alarm ${id}: dimension ${d.Name} unresolved (${d.Value})`),
    ];
  });
}

/** Scalable targets scale a service of this stack between the template's bounds; each scaling policy is attached to one. */
export function checkScaling(template: Json, state: Json): string[] {
  const problems: string[] = [];
  const serviceIds = (state.services ?? []).map((s: Json) => `service/${s.clusterArn.split('/').pop()}/${s.serviceName}`);
  for (const [id, t] of resourcesOfType(template, 'AWS::ApplicationAutoScaling::ScalableTarget')) {
    const resourceId = String(physicalId(state, id) ?? '').split('|')[0];
    const live = (state.scalableTargets ?? [])
      .find((x: Json) => x.ResourceId === resourceId && x.ScalableDimension === t.Properties.ScalableDimension);
    if (!live) {
      problems.push(`scalable target ${id} is not registered`);
      continue;
    }
    if (!serviceIds.includes(live.ResourceId)) problems.push(`scalable target ${id}: ${live.ResourceId} is not a service of this stack`);
    if (live.MinCapacity !== t.Properties.MinCapacity || live.MaxCapacity !== t.Properties.MaxCapacity) {
      problems.push(`scalable target ${id}: ${live.MinCapacity}..${live.MaxCapacity}, template ${t.Properties.MinCapacity}..${t.Properties.MaxCapacity}`);
    }
  }
  for (const [id, policy] of resourcesOfType(template, 'AWS::ApplicationAutoScaling::ScalingPolicy')) {
    const p = policy.Properties;
    const live = (state.scalingPolicies ?? []).find((x: Json) => x.PolicyARN === physicalId(state, id));
    const target = String(refTarget(state, p.ScalingTargetId) ?? '').split('|')[0];
    const liveValue = live?.TargetTrackingScalingPolicyConfiguration?.TargetValue;
    if (!live) {
      problems.push(`scaling policy ${id} does not exist`);
    } else if (live.PolicyType !== p.PolicyType || live.ResourceId !== target) {
      problems.push(`scaling policy ${id}: ${live.PolicyType} on ${live.ResourceId}`);
    } else if (liveValue !== p.TargetTrackingScalingPolicyConfiguration?.TargetValue) {
      problems.push(`scaling policy ${id}: target value ${liveValue}`);
    }
  }
  return problems;
}

/** Standalone ingress and egress rules are on their security groups, from / to the template's peer. */
export function checkSecurityGroupRules(template: Json, state: Json): string[] {
  const rules: [string, string, string][] = [
    ['AWS::EC2::SecurityGroupIngress', 'IpPermissions', 'SourceSecurityGroupId'],
    ['AWS::EC2::SecurityGroupEgress', 'IpPermissionsEgress', 'DestinationSecurityGroupId'],
  ];
  return rules.flatMap(([type, side, peerKey]) => resourcesOfType(template, type).flatMap(([id, rule]) => {
    const p = rule.Properties;
    const group = (state.securityGroups ?? []).find((g: Json) => g.GroupId === refTarget(state, p.GroupId));
    if (!group) return [`${id}: security group ${JSON.stringify(p.GroupId)} does not exist`];
    const peer = refTarget(state, p[peerKey]);
    const found = group[side].some((r: Json) => r.FromPort === p.FromPort && r.ToPort === p.ToPort
      && (peer ? (r.UserIdGroupPairs ?? []).some((u: Json) => u.GroupId === peer) : (r.IpRanges ?? []).some((c: Json) => c.CidrIp === p.CidrIp)));
    return found ? [] : [`${id}: no ${side} rule ${p.FromPort}-${p.ToPort} with ${peer ?? p.CidrIp} on ${group.GroupId}`];
  }));
}

/** SNS topic policies are set on their topics (the template's statements, by Sid and effect). */
export function checkTopicPolicies(template: Json, state: Json): string[] {
  return resourcesOfType(template, 'AWS::SNS::TopicPolicy').flatMap(([id, tp]) => tp.Properties.Topics.flatMap((t: Json) => {
    const arn = refTarget(state, t);
    const live = state.topicPolicies?.[arn];
    const key = (doc: Json) => JSON.stringify(doc.Statement.map((s: Json) => [s.Sid, s.Effect, s.Action]));
    return live && key(live) === key(tp.Properties.PolicyDocument) ? [] : [`topic policy ${id}: topic ${arn} has ${live ? key(live) : 'no policy'}`];
  }));
}

/** S3 bucket policies are set on their buckets (the template's statements, by effect and action). */
export function checkBucketPolicies(template: Json, state: Json): string[] {
  return resourcesOfType(template, 'AWS::S3::BucketPolicy').flatMap(([id, bp]) => {
    const name = refTarget(state, bp.Properties.Bucket);
    const live = state.bucketPolicies?.[name];
    const key = (doc: Json) => JSON.stringify(doc.Statement.map((s: Json) => [s.Effect, s.Action]));
    return live && key(live) === key(bp.Properties.PolicyDocument) ? [] : [`bucket policy ${id}: bucket ${name} has ${live ? key(live) : 'no policy'}`];
  });
}

/** EventBridge rules run a task definition of this stack on Fargate in this stack's subnets and security groups. */
export function checkScheduleRules(template: Json, state: Json): string[] {
  const problems: string[] = [];
  const subnets = (state.subnets ?? []).map((s: Json) => s.SubnetId);
  const sgs = (state.securityGroups ?? []).map((g: Json) => g.GroupId);
  const tds = (state.taskDefinitions ?? []).map((t: Json) => t.taskDefinitionArn);
  for (const [id, rule] of resourcesOfType(template, 'AWS::Events::Rule')) {
    const live = (state.rules ?? []).find((r: Json) => r.Name === physicalId(state, id));
    if (!live) {
      problems.push(`rule ${id} does not exist`);
      continue;
    }
    if (live.ScheduleExpression !== rule.Properties.ScheduleExpression || live.State !== rule.Properties.State) {
      problems.push(`rule ${id}: ${live.ScheduleExpression} ${live.State}`);
    }
    if (live.Targets.length !== rule.Properties.Targets.length) problems.push(`rule ${id}: ${live.Targets.length} targets`);
    for (const t of live.Targets.filter((x: Json) => x.EcsParameters)) {
      const ecs = t.EcsParameters;
      const net = ecs.NetworkConfiguration?.awsvpcConfiguration;
      if (ecs.LaunchType !== 'FARGATE') problems.push(`rule ${id}: launch type ${ecs.LaunchType}`);
      if (!tds.includes(ecs.TaskDefinitionArn)) problems.push(`rule ${id}: task definition ${ecs.TaskDefinitionArn} is not of this stack`);
      if (!net?.Subnets?.length || !net.Subnets.every((s: string) => subnets.includes(s))) problems.push(`rule ${id}: subnets ${net?.Subnets} not of this stack`);
      if (!net?.SecurityGroups?.length || !net.SecurityGroups.every((g: string) => sgs.includes(g))) problems.push(`rule ${id}: security groups ${net?.SecurityGroups} not of this stack`);
      if (!state.roles.some((r: Json) => r.arn === t.RoleArn)) problems.push(`rule ${id}: role ${t.RoleArn} is not a role of this stack`);
    }
  }
  return problems;
}

/** Every template output is live, with every token resolved. */
export function checkOutputs(template: Json, state: Json): string[] {
  return Object.keys(template.Outputs ?? {}).flatMap(key => {
    const v = state.outputs[key];
    if (v === undefined || v === '') return [`output ${key} is missing`];
    return /\$\{Token\[|\{"(Ref|Fn::)/.test(v) ? [`output ${key} is unresolved: ${v}`] : [];
  });
}

/** All checks of the deployed stack. */
export function checkStack(template: Json, state: Json): string[] {
  return [
    ...checkNetwork(template, state),
    ...checkRoutes(state),
    ...checkLogGroups(template, state),
    ...checkRoles(template, state),
    ...checkTaskDefinitions(template, state),
    ...checkServices(template, state),
    ...checkLoadBalancing(template, state),
    ...checkAlarms(template, state),
    ...checkScaling(template, state),
    ...checkSecurityGroupRules(template, state),
    ...checkTopicPolicies(template, state),
    ...checkBucketPolicies(template, state),
    ...checkScheduleRules(template, state),
    ...checkOutputs(template, state),
  ];
}

/** The `aws ecs run-task` commands a stack emits as outputs. */
export function runTaskCommands(state: Json): [string, string][] {
  return (Object.entries(state.outputs) as [string, string][]).filter(([, v]) => v.startsWith('aws ecs run-task '));
}

/** The subnets and security groups of an emitted run-task command. */
export function runTaskNetwork(command: string): { subnets: string[]; securityGroups: string[]; assignPublicIp: string } {
  const m = /subnets=\[([^\]]*)\],securityGroups=\[([^\]]*)\],assignPublicIp=(\w+)/.exec(command);
  if (!m) throw new Error(`no awsvpcConfiguration in: ${command}`);
  return { subnets: m[1].split(','), securityGroups: m[2].split(','), assignPublicIp: m[3] };
}

/** A copy of the template with every container image's tag replaced (an image update). */
export function withImageTag(template: Json, tag: string): Json {
  const copy = JSON.parse(JSON.stringify(template));
  for (const [, td] of resourcesOfType(copy, 'AWS::ECS::TaskDefinition')) {
    for (const c of td.Properties.ContainerDefinitions) {
      const retag = (image: string) => `${image.replace(/:[^:/@]+$/, '')}:${tag}`;
      if (typeof c.Image === 'string') c.Image = retag(c.Image);
      // a private ECR image (ContainerImage.fromEcrRepository): { 'Fn::Join': ['', [..., '/repo:tag']] }
      const parts = c.Image?.['Fn::Join']?.[1];
      if (Array.isArray(parts) && typeof parts[parts.length - 1] === 'string') parts[parts.length - 1] = retag(parts[parts.length - 1]);
    }
  }
  return copy;
}

export { resourcesOfType, physicalId, subnetType };

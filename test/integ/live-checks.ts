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
 * Roles: trusted by the template's service principals, with exactly the template's inline
 * policies and managed policies, and no `*` resource except for ecr:GetAuthorizationToken.
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
        if (star && !(actions.length === 1 && actions[0] === 'ecr:GetAuthorizationToken')) {
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
      if (typeof c.Image === 'string') c.Image = `${c.Image.replace(/:[^:/@]+$/, '')}:${tag}`;
    }
  }
  return copy;
}

export { resourcesOfType, physicalId, subnetType };

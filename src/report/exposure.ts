import { egressOf, NetworkFacts, subnetIdsOf } from './network';
import { awsvpcOf, SecurityGroups } from './security-groups';
import { asList, props, refTarget, StackTemplate } from './template';

/** An ECS service, scheduled task or stand-alone task definition and how it can be reached and reach out. */
export interface WorkloadFact {
  readonly kind: 'service' | 'scheduled task' | 'task definition';
  readonly name: string;
  /** The ECS::Service / Events::Rule / ECS::TaskDefinition logical ID. */
  readonly logicalId: string;
  readonly taskDefinition: string;
  /** The task definition's logical ID, when it is in the template. */
  readonly taskDefinitionId?: string;
  readonly subnets: readonly string[];
  readonly subnetIds: readonly string[];
  readonly publicIp: boolean;
  /** Route to the internet / AWS APIs of the tasks' subnets. */
  readonly egress: string;
  /** Ports open to the tasks and from where. */
  readonly ingress: readonly string[];
  /** Load balancer target groups that send traffic to containers (`web:8080 ← Web/TargetGroup`). */
  readonly targets: readonly string[];
  readonly taskRoleId?: string;
  readonly schedule?: string;
}

/** A load balancer with its listeners and who may reach them. */
export interface LoadBalancerFact {
  readonly name: string;
  readonly logicalId: string;
  readonly type: string;
  readonly scheme: string;
  readonly subnetIds: readonly string[];
  readonly listeners: ReadonlyArray<{ readonly port: string; readonly protocol: string; readonly action: string }>;
  /** `0.0.0.0/0 on tcp 80` for each CIDR its security groups admit. */
  readonly allowedCidrs: readonly string[];
}

export interface ExposureFacts {
  readonly workloads: readonly WorkloadFact[];
  readonly loadBalancers: readonly LoadBalancerFact[];
}

/** Services, scheduled tasks and task definitions not run by either, with their exposure; load balancers with their listeners. */
export function exposureFacts(t: StackTemplate, net: NetworkFacts, sgs: SecurityGroups): ExposureFacts {
  const workloads: WorkloadFact[] = [];
  const used = new Set<string>();
  for (const [id, r] of t.ofType('AWS::ECS::Service')) {
    const p = props(r);
    const vpc = awsvpcOf(p.NetworkConfiguration);
    const taskDef = refTarget(p.TaskDefinition);
    if (taskDef) used.add(taskDef);
    workloads.push(workload(t, net, sgs, {
      kind: 'service',
      logicalId: id,
      taskDef: p.TaskDefinition,
      vpc,
      targets: asList(p.LoadBalancers).map(lb => {
        const l = lb as Record<string, unknown>;
        const tg = refTarget(l.TargetGroupArn);
        return `${String(l.ContainerName)}:${String(l.ContainerPort)} ← ${tg ? t.nameOf(tg) : t.render(l.TargetGroupArn ?? l.LoadBalancerName)}`;
      }),
    }));
  }
  for (const [id, r] of t.ofType('AWS::Events::Rule')) {
    for (const target of asList(props(r).Targets) as Array<Record<string, any>>) {
      const ecs = target.EcsParameters as Record<string, unknown> | undefined;
      if (!ecs) continue;
      const taskDef = refTarget(ecs.TaskDefinitionArn);
      if (taskDef) used.add(taskDef);
      workloads.push(workload(t, net, sgs, {
        kind: 'scheduled task',
        logicalId: id,
        taskDef: ecs.TaskDefinitionArn,
        vpc: awsvpcOf(ecs.NetworkConfiguration),
        targets: [],
        schedule: String(props(r).ScheduleExpression ?? 'on an event pattern'),
      }));
    }
  }
  for (const [id] of t.ofType('AWS::ECS::TaskDefinition')) {
    if (used.has(id)) continue;
    workloads.push(workload(t, net, sgs, { kind: 'task definition', logicalId: id, taskDef: { Ref: id }, vpc: {}, targets: [] }));
  }

  const loadBalancers = t.ofType('AWS::ElasticLoadBalancingV2::LoadBalancer').map(([id, r]) => {
    const p = props(r);
    const listeners = t.ofType('AWS::ElasticLoadBalancingV2::Listener')
      .filter(([, l]) => refTarget(props(l).LoadBalancerArn) === id)
      .map(([lid, l]) => {
        const lp = props(l);
        const rules = t.ofType('AWS::ElasticLoadBalancingV2::ListenerRule').filter(([, rr]) => refTarget(props(rr).ListenerArn) === lid).length;
        return {
          port: t.render(lp.Port ?? ''),
          protocol: t.render(lp.Protocol ?? ''),
          action: actionOf(t, asList(lp.DefaultActions)[0]) + (rules ? ` (+ ${rules} rule${rules > 1 ? 's' : ''})` : ''),
        };
      });
    return {
      name: t.nameOf(id),
      logicalId: id,
      type: String(p.Type ?? 'application'),
      scheme: String(p.Scheme ?? 'internet-facing'),
      subnetIds: [...subnetIdsOf(p.Subnets), ...subnetIdsOf(asList(p.SubnetMappings).map(m => (m as Record<string, unknown>).SubnetId))],
      listeners,
      allowedCidrs: p.Type === 'network' && p.SecurityGroups === undefined ? ['(no security group: any source the listeners accept)'] : sgs.cidrsOf(p.SecurityGroups),
    };
  });
  return { workloads, loadBalancers };
}

interface WorkloadInput {
  readonly kind: WorkloadFact['kind'];
  readonly logicalId: string;
  readonly taskDef: unknown;
  readonly vpc: Record<string, unknown>;
  readonly targets: string[];
  readonly schedule?: string;
}

function workload(t: StackTemplate, net: NetworkFacts, sgs: SecurityGroups, w: WorkloadInput): WorkloadFact {
  const taskDefinitionId = refTarget(w.taskDef);
  const td = props(t.get(taskDefinitionId));
  const subnetIds = subnetIdsOf(w.vpc.Subnets);
  const publicIp = w.vpc.AssignPublicIp === 'ENABLED';
  const hasNetwork = asList(w.vpc.Subnets).length > 0;
  return {
    kind: w.kind,
    name: t.nameOf(w.logicalId),
    logicalId: w.logicalId,
    taskDefinition: t.render(w.taskDef),
    taskDefinitionId: taskDefinitionId && t.resources.has(taskDefinitionId) ? taskDefinitionId : undefined,
    subnets: subnetIds.map(s => net.subnets.get(s)?.name ?? t.nameOf(s)),
    subnetIds,
    publicIp,
    egress: hasNetwork ? egressOf(net, asList(w.vpc.Subnets), publicIp) : 'chosen by whoever runs the task',
    ingress: hasNetwork ? sgs.describeIngress(w.vpc.SecurityGroups) : [],
    targets: w.targets,
    taskRoleId: refTarget(td.TaskRoleArn),
    schedule: w.schedule,
  };
}

function actionOf(t: StackTemplate, action: unknown): string {
  const a = (action ?? {}) as Record<string, any>;
  switch (a.Type) {
    case 'forward': {
      const tgs = a.TargetGroupArn !== undefined ? [a.TargetGroupArn] : asList(a.ForwardConfig?.TargetGroups).map((g: any) => g.TargetGroupArn);
      return `forward to ${tgs.map(g => { const id = refTarget(g); return id ? t.nameOf(id) : t.render(g); }).join(', ')}`;
    }
    case 'redirect': {
      const r = a.RedirectConfig ?? {};
      return `redirect to ${String(r.Protocol ?? '#{protocol}')}:${String(r.Port ?? '#{port}')}`;
    }
    case 'fixed-response':
      return `fixed response ${String(a.FixedResponseConfig?.StatusCode ?? '')}`;
    case undefined:
      return 'none';
    default:
      return String(a.Type);
  }
}

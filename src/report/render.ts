import { Prices } from './cost/prices';
import { costSection } from './cost-section';
import { bullets, code, markdownTable } from './markdown';
import { mermaidFlowchart } from './mermaid';
import { StackReport } from './model';

/** The whole report: one exposure, permissions and diagram part per stack, then the cost of all. */
export function renderReport(source: string, stacks: readonly StackReport[], p: Prices): string {
  const out: string[] = [`# Fargate review report: ${code(source)}`, ''];
  out.push(`${stacks.length} stack${stacks.length === 1 ? '' : 's'}: ${stacks.map(s => `${s.name} (${s.region})`).join(', ') || '_none_'}.`, '');
  out.push('## Exposure', '');
  for (const s of stacks) out.push(exposureSection(s), '');
  out.push('## Permissions', '');
  for (const s of stacks) out.push(permissionsSection(s), '');
  out.push('## Network diagrams', '');
  for (const s of stacks) out.push(`### ${s.name}`, '', '```mermaid', mermaidFlowchart(s), '```', '');
  out.push(costSection(stacks, p), '');
  return out.join('\n');
}

/** Services and tasks: route out, ports open and from where; load balancers with listeners and allowed CIDRs. */
export function exposureSection(s: StackReport): string {
  const out: string[] = [`### ${s.name}`, ''];
  const { workloads, loadBalancers } = s.exposure;
  if (!workloads.length && !loadBalancers.length) return [...out, '_No ECS service, task definition or load balancer._'].join('\n');
  if (workloads.length) {
    out.push(markdownTable(
      ['workload', 'task definition', 'subnets', 'public IP', 'route out', 'open to', 'load balancer targets'],
      workloads.map(w => [
        `${w.kind} ${w.name}${w.schedule ? ` (${w.schedule})` : ''}`,
        w.taskDefinition,
        w.subnets.join(', ') || '—',
        w.kind === 'task definition' ? '—' : w.publicIp ? 'yes' : 'no',
        w.egress,
        w.ingress.join('; ') || (w.kind === 'task definition' ? '—' : 'nothing (no ingress rule)'),
        w.targets.join(', ') || '—',
      ]),
    ));
  }
  if (loadBalancers.length) {
    out.push('', markdownTable(
      ['load balancer', 'scheme', 'listeners', 'allowed from'],
      loadBalancers.map(lb => [
        `${lb.type} ${lb.name}`, lb.scheme,
        lb.listeners.map(l => `${l.protocol} ${l.port} → ${l.action}`).join('; ') || 'no listener',
        lb.allowedCidrs.join(', ') || 'no CIDR (security groups only)',
      ]),
    ));
  }
  return out.join('\n');
}

/** Roles with trust and grants by service, flagged wildcards, and the run-task grants. */
export function permissionsSection(s: StackReport): string {
  const out: string[] = [`### ${s.name}`, ''];
  const { roles, runTask } = s.permissions;
  if (!roles.length) out.push('_No IAM role._');
  for (const r of roles) {
    out.push(`#### Role ${r.name}`, '', `Trusted by: ${r.trust.join('; ') || 'nobody'}`, '');
    if (r.grants.length) {
      out.push(markdownTable(
        ['service', 'effect', 'actions', 'resources', 'conditions'],
        [...r.grants].sort((a, b) => a.service.localeCompare(b.service)).map(g => [g.service, g.effect, g.actions.join(', '), g.resources.join(', '), g.conditions.join('; ') || '—']),
      ), '');
    } else if (!r.managedPolicies.length) {
      out.push('No permissions in this template.', '');
    }
    if (r.managedPolicies.length) out.push(`Managed policies (content not in the template): ${r.managedPolicies.map(code).join(', ')}`, '');
    if (r.wildcards.length) {
      out.push('Wildcard resources:', '', bullets(r.wildcards.map(w => `${code(w.resource)} for ${w.actions.join(', ')}: ${w.reason}`)), '');
    }
  }
  if (runTask.length) {
    out.push('#### Who may run tasks', '', markdownTable(
      ['who', 'task definitions', 'on cluster', 'may pass roles'],
      runTask.map(g => [g.grantee, g.taskDefinitions.join(', '), g.cluster, g.passRoles.join(', ') || 'none (the run fails unless the task has no roles)']),
    ));
  }
  return out.join('\n').trimEnd();
}

import { Prices } from './cost/prices';
import { assumptions } from './cost-section';
import { day2Hazards } from './day2-hazards';
import { hazardLine } from './day2-kinds';
import { bullets, code, markdownTable, usd, usdDelta } from './markdown';
import { StackReport } from './model';

/** Each exposure fact of a stack as one comparable line. */
export function exposureLines(s: StackReport): string[] {
  const lines: string[] = [];
  for (const w of s.exposure.workloads) {
    const who = `${s.name}: ${w.kind} ${w.name}`;
    lines.push(`${who}: route out ${w.egress}`);
    if (w.publicIp) lines.push(`${who}: public IP`);
    for (const i of w.ingress) lines.push(`${who}: open to ${i}`);
    for (const target of w.targets) lines.push(`${who}: load balancer target ${target}`);
  }
  for (const lb of s.exposure.loadBalancers) {
    const who = `${s.name}: ${lb.scheme} ${lb.type} load balancer ${lb.name}`;
    for (const l of lb.listeners) lines.push(`${who}: listener ${l.protocol} ${l.port} → ${l.action}`);
    for (const c of lb.allowedCidrs) lines.push(`${who}: allowed from ${c}`);
  }
  return lines;
}

/** Each permission of a stack (one line per action) as one comparable line. */
export function permissionLines(s: StackReport): string[] {
  const lines: string[] = [];
  for (const r of s.permissions.roles) {
    const who = `${s.name}: role ${r.name}`;
    for (const t of r.trust) lines.push(`${who}: trusted by ${t}`);
    for (const g of r.grants) {
      const cond = g.conditions.length ? ` if ${g.conditions.join(' and ')}` : '';
      for (const a of g.actions) lines.push(`${who}: ${g.effect} ${a} on ${g.resources.join(', ')}${cond}`);
    }
    for (const m of r.managedPolicies) lines.push(`${who}: managed policy ${m}`);
  }
  for (const g of s.permissions.runTask) {
    lines.push(`${s.name}: ${g.grantee} may run ${g.taskDefinitions.join(', ')} on ${g.cluster}, passing ${g.passRoles.join(', ') || 'no role'}`);
  }
  return lines;
}

/** Lines only in `after` (added) and only in `before` (removed), in order. */
export function diffLines(before: readonly string[], after: readonly string[]): { added: string[]; removed: string[] } {
  const b = new Set(before);
  const a = new Set(after);
  return { added: [...a].filter(l => !b.has(l)), removed: [...b].filter(l => !a.has(l)) };
}

function changeList(d: { added: string[]; removed: string[] }): string {
  if (!d.added.length && !d.removed.length) return '_No change._';
  const out: string[] = [];
  if (d.added.length) out.push(`**New (${d.added.length}):**`, '', bullets(d.added.map(l => `➕ ${l}`)), '');
  if (d.removed.length) out.push(`**Removed (${d.removed.length}):**`, '', bullets(d.removed.map(l => `➖ ${l}`)), '');
  return out.join('\n').trimEnd();
}

/**
 * The day-2 hazards section: the updates known to fail, then the replacements and removals of
 * what carries traffic or data, each with its reason and safe path.
 */
export function hazardSection(before: readonly StackReport[], after: readonly StackReport[]): string {
  const hazards = day2Hazards(before, after);
  if (hazards.length === 0) return '_None: no update known to fail, and nothing that carries traffic or data is replaced or removed._';
  const fails = hazards.filter(h => h.kind.fails);
  const other = hazards.filter(h => !h.kind.fails);
  const out: string[] = [];
  if (fails.length) {
    out.push(`**Updates that fail (${fails.length}):** CloudFormation rolls the whole update back.`, '', bullets(fails.map(hazardLine)), '');
  }
  if (other.length) {
    out.push(`**Replacements and removals of what carries traffic or data (${other.length}):**`, '', bullets(other.map(hazardLine)), '');
  }
  return out.join('\n').trimEnd();
}

/** The report as a difference: day-2 hazards, new and removed exposure and permissions, and the cost delta per stack. */
export function renderCompare(
  oldSource: string, newSource: string, before: readonly StackReport[], after: readonly StackReport[], p: Prices,
): string {
  const out: string[] = [`# Fargate review report: ${code(oldSource)} → ${code(newSource)}`, ''];
  const names = (l: readonly StackReport[]) => new Set(l.map(s => s.name));
  const stackDiff = diffLines([...names(before)], [...names(after)]);
  if (stackDiff.added.length) out.push(`New stacks: ${stackDiff.added.join(', ')}.`, '');
  if (stackDiff.removed.length) out.push(`Removed stacks: ${stackDiff.removed.join(', ')}.`, '');
  out.push('## Day-2 hazards', '', hazardSection(before, after), '');
  out.push('## Exposure changes', '', changeList(diffLines(before.flatMap(exposureLines), after.flatMap(exposureLines))), '');
  out.push('## Permission changes', '', changeList(diffLines(before.flatMap(permissionLines), after.flatMap(permissionLines))), '');
  out.push('## Cost changes', '');
  const all = [...new Set([...before.map(s => s.name), ...after.map(s => s.name)])];
  const total = (s: StackReport | undefined) => s ? s.cost.fixed.total + s.cost.compute : 0;
  const rows = all.map(name => {
    const b = before.find(s => s.name === name);
    const a = after.find(s => s.name === name);
    return [name, b ? usd(total(b)) : '—', a ? usd(total(a)) : '—', usdDelta(total(a) - total(b))];
  });
  const sum = (l: readonly StackReport[]) => l.reduce((x, s) => x + total(s), 0);
  rows.push(['**all stacks**', usd(sum(before)), usd(sum(after)), `**${usdDelta(sum(after) - sum(before))}**`]);
  out.push(markdownTable(['stack', 'before / month', 'after / month', 'change'], rows), '');
  out.push(assumptions(p), '');
  return out.join('\n');
}

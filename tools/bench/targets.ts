import { fixed, markdownTable, usd } from './markdown';
import { BenchSide } from './side';
import { growthRatio, LINEAR_GROWTH_LIMIT } from './stats';
import { SideResult } from './synth-bench';
import { totalResources, TypeCounts } from './template-stats';

/** One target of issue #15 and how a run measured against it. */
export interface TargetCheck {
  /** What is measured, e.g. 'synth CPU at N=10'. */
  readonly metric: string;
  /** The measured ratio or value, as text. */
  readonly measured: string;
  /** The target, as text. */
  readonly target: string;
  /** Whether the run met it. */
  readonly met: boolean;
}

/** The targets of the environment side against the peer: cost, synth CPU, template bytes, growth. */
export const TARGETS = {
  /** Fixed monthly cost at N = COST_AT, at most this share of the peer's. */
  costRatio: 0.5,
  /** N at which the cost target is checked. */
  costAt: 10,
  /** Synth CPU time, at most this share of the peer's, at the sizes of `cpuAt`. */
  cpuRatio: 0.8,
  /** Sizes at which the synth CPU target is checked. */
  cpuAt: [10, 50],
  /** Template bytes, at most this share of the peer's, at every size. */
  bytesRatio: 0.8,
} as const;

function find(results: readonly SideResult[], side: BenchSide, n: number): SideResult | undefined {
  return results.find(x => x.side === side && x.services === n);
}

/** Checks the environment side's run against the targets (sizes not measured are left out). */
export function checkTargets(peer: BenchSide, ours: BenchSide, results: readonly SideResult[], sizes: readonly number[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const pair = (n: number) => {
    const p = find(results, peer, n);
    const o = find(results, ours, n);
    return p && o ? { p, o } : undefined;
  };
  const ratioCheck = (metric: string, x: number, y: number, limit: number): TargetCheck =>
    ({ metric, measured: `${fixed(x / y, 2)} × peer`, target: `≤ ${limit} × peer`, met: x / y <= limit });

  const atCost = pair(TARGETS.costAt);
  if (atCost) {
    const c = ratioCheck(`fixed monthly cost at N=${TARGETS.costAt}`, atCost.o.sample.fixedMonthlyUsd, atCost.p.sample.fixedMonthlyUsd, TARGETS.costRatio);
    checks.push({ ...c, measured: `${usd(atCost.o.sample.fixedMonthlyUsd)} vs ${usd(atCost.p.sample.fixedMonthlyUsd)} = ${c.measured}` });
  }
  for (const n of TARGETS.cpuAt) {
    const at = pair(n);
    if (at) checks.push(ratioCheck(`median synth CPU at N=${n}`, at.o.medianCpuMs, at.p.medianCpuMs, TARGETS.cpuRatio));
  }
  for (const n of sizes) {
    const at = pair(n);
    if (at) checks.push(ratioCheck(`template bytes at N=${n}`, at.o.sample.templateBytes, at.p.sample.templateBytes, TARGETS.bytesRatio));
  }
  if (sizes.length >= 3) {
    const pts = sizes.slice(0, 3).map(n => ({ n, ms: find(results, ours, n)?.medianCpuMs ?? NaN }));
    const g = growthRatio(pts);
    if (!Number.isNaN(g)) {
      checks.push({ metric: `synth CPU growth ${sizes[0]}→${sizes[1]}→${sizes[2]}`, measured: `growth ratio ${fixed(g, 2)}`, target: `≤ ${LINEAR_GROWTH_LIMIT} (linear)`, met: g <= LINEAR_GROWTH_LIMIT });
    }
  }
  return checks;
}

/** Per added service between the two largest sizes: resources, and bytes by resource type. */
export interface PerServiceFigures {
  readonly resources: number;
  readonly bytesByType: TypeCounts;
}

/** What one more service adds to a side's app, from the slope between two sizes. */
export function perService(small: SideResult, large: SideResult): PerServiceFigures {
  const dn = large.services - small.services;
  const types = new Set([...Object.keys(small.sample.bytesByType), ...Object.keys(large.sample.bytesByType)]);
  const bytesByType: TypeCounts = {};
  for (const t of types) {
    const d = ((large.sample.bytesByType[t] ?? 0) - (small.sample.bytesByType[t] ?? 0)) / dn;
    if (d !== 0) bytesByType[t] = d;
  }
  return { resources: (totalResources(large.sample.counts) - totalResources(small.sample.counts)) / dn, bytesByType };
}

/** The Markdown of the environment section: targets, then what one service adds on each side. */
export function renderEnvironmentTargets(peer: BenchSide, ours: BenchSide, results: readonly SideResult[], sizes: readonly number[]): string {
  const out: string[] = [];
  const checks = checkTargets(peer, ours, results, sizes);
  out.push(`Targets of issue #15 for the **${ours.name}** side against the **${peer.name}**, from the run above: ${checks.filter(c => c.met).length} of ${checks.length} met.`);
  out.push('');
  out.push(markdownTable(['metric', 'measured', 'target', 'met?'], checks.map(c => [c.metric, c.measured, c.target, c.met ? 'yes' : '**no**'])));
  const [a, b] = [sizes[sizes.length - 2], sizes[sizes.length - 1]];
  const pick = (side: BenchSide) => {
    const s = find(results, side, a);
    const l = find(results, side, b);
    return s && l ? perService(s, l) : undefined;
  };
  const p = pick(peer);
  const o = pick(ours);
  if (p && o && a !== undefined && b !== undefined) {
    out.push('');
    const cpuSlope = (side: BenchSide) => (find(results, side, b)!.medianCpuMs - find(results, side, a)!.medianCpuMs) / (b - a);
    const bytesSlope = (side: BenchSide) => (find(results, side, b)!.sample.templateBytes - find(results, side, a)!.sample.templateBytes) / (b - a);
    out.push(`What one more service adds (slope ${a}→${b}): ${fixed(p.resources, 1)} resources on the ${peer.name} side, ${fixed(o.resources, 1)} on the ${ours.name} side; synth CPU ${fixed(cpuSlope(peer))} vs ${fixed(cpuSlope(ours))} ms (${fixed(cpuSlope(ours) / cpuSlope(peer), 2)} × peer); template bytes on disk ${fixed(bytesSlope(peer), 0)} vs ${fixed(bytesSlope(ours), 0)} (${fixed(bytesSlope(ours) / bytesSlope(peer), 2)} × peer). Bytes per service by resource type (compact JSON; the templates on disk are indented, so their bytes are larger in the same proportion):`);
    out.push('');
    const types = [...new Set([...Object.keys(p.bytesByType), ...Object.keys(o.bytesByType)])]
      .sort((x, y) => (o.bytesByType[y] ?? 0) + (p.bytesByType[y] ?? 0) - (o.bytesByType[x] ?? 0) - (p.bytesByType[x] ?? 0));
    const sum = (c: TypeCounts) => Object.values(c).reduce((x, y) => x + y, 0);
    out.push(markdownTable(
      ['resource type', `${peer.name} bytes/service`, `${ours.name} bytes/service`, 'difference'],
      [
        ...types.map(t => [t.replace(/^AWS::/, ''), fixed(p.bytesByType[t] ?? 0, 0), fixed(o.bytesByType[t] ?? 0, 0), signed((o.bytesByType[t] ?? 0) - (p.bytesByType[t] ?? 0))]),
        ['**all**', fixed(sum(p.bytesByType), 0), fixed(sum(o.bytesByType), 0), signed(sum(o.bytesByType) - sum(p.bytesByType))],
      ],
    ));
  }
  return out.join('\n');
}

function signed(x: number): string {
  return `${x > 0 ? '+' : ''}${fixed(x, 0)}`;
}

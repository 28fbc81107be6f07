import { fixed, markdownTable, usd } from './markdown';
import { PairedSummary } from './paired';
import { BenchSide } from './side';
import { SideResult } from './synth-bench';
import { totalResources, TypeCounts } from './template-stats';

/** One target of issue #20 and how a run measured against it. */
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

/**
 * The targets of the environment side against its honest peer (the same services on one
 * shared ALB, stock aws-cdk-lib), from paired whole-process runs.
 */
export const TARGETS = {
  /** Synth CPU, median of the paired ours/peer ratios, at most this multiple of the peer's at every paired size. */
  cpuRatio: 1.0,
  /** Synth CPU per added service (slope between the paired sizes), median of the paired ratios, at most this multiple. */
  cpuPerServiceRatio: 1.0,
  /** Template bytes per added service, at most this multiple of the peer's. */
  bytesPerServiceRatio: 1.15,
} as const;

function find(results: readonly SideResult[], side: BenchSide, n: number): SideResult | undefined {
  return results.find(x => x.side === side && x.services === n);
}

const ratioCheck = (metric: string, ratio: number, limit: number): TargetCheck =>
  ({ metric, measured: `${fixed(ratio, 2)} × peer`, target: `≤ ${fixed(limit, 2)} × peer`, met: ratio <= limit });

/** Checks the paired runs against the targets. */
export function checkTargets(summary: PairedSummary): TargetCheck[] {
  const checks = summary.sizes.map(s => ratioCheck(`synth CPU at N=${s.n}`, s.medianRatio, TARGETS.cpuRatio));
  const slope = summary.slope;
  if (slope) {
    const span = `${slope.from}→${slope.to}`;
    checks.push({
      ...ratioCheck(`synth CPU per added service (${span})`, slope.medianRatio, TARGETS.cpuPerServiceRatio),
      measured: `${fixed(slope.oursCpuMs)} vs ${fixed(slope.peerCpuMs)} ms = ${fixed(slope.medianRatio, 2)} × peer`,
    });
    const bytes = slope.oursBytes / slope.peerBytes;
    checks.push({
      ...ratioCheck(`template bytes per added service (${span})`, bytes, TARGETS.bytesPerServiceRatio),
      measured: `${fixed(slope.oursBytes, 0)} vs ${fixed(slope.peerBytes, 0)} = ${fixed(bytes, 2)} × peer`,
    });
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

/** What the environment section is built from. */
export interface EnvironmentSection {
  /** The honest peer: the same services on one shared ALB, stock aws-cdk-lib. */
  readonly peer: BenchSide;
  readonly ours: BenchSide;
  /** The paired whole-process runs of the two, summarized, and how many rounds they had. */
  readonly paired: PairedSummary;
  readonly rounds: number;
  /** The in-process results of every side (for bytes by resource type and cost). */
  readonly results: readonly SideResult[];
  readonly sizes: readonly number[];
  /** The aws-ecs-patterns peer, for the cost line. */
  readonly patternsPeer?: BenchSide;
}

/** The Markdown of the environment section: targets, the paired runs, then what one service adds on each side. */
export function renderEnvironmentTargets(s: EnvironmentSection): string {
  const { peer, ours, paired, results, sizes } = s;
  const out: string[] = [];
  const checks = checkTargets(paired);
  out.push(`Targets of issue #20 (item 5) for the **${ours.name}** side against the **${peer.name}** (the same N services on one shared ALB, stock aws-cdk-lib), from ${s.rounds} paired whole-process runs at N = ${paired.sizes.map(x => x.n).join(' and ')}: ${checks.filter(c => c.met).length} of ${checks.length} met.`);
  out.push('');
  out.push(markdownTable(['metric', 'measured (median of the paired runs)', 'target', 'met?'], checks.map(c => [c.metric, c.measured, c.target, c.met ? 'yes' : '**no**'])));
  out.push('');
  out.push([
    'Method: in each round, for each N, the two sides run back to back (which goes first alternates by round), each in a fresh Node',
    'process that loads only its own side\'s modules, builds the app and synthesizes it once (cold, as `cdk synth` runs an app).',
    'CPU is the process\'s user + system time of building and synthesizing; the ratio is taken per round (ours / peer of the same',
    'round), and the median of those ratios is reported. Loading (Node, tsx, the modules) is measured apart and not in the ratio:',
    'tsx transpiles this library\'s TypeScript sources while aws-cdk-lib is already JavaScript, which an installed package would not pay.',
  ].join(' '));
  out.push('');
  out.push(markdownTable(
    ['N', `${peer.name} CPU (ms)`, `${ours.name} CPU (ms)`, 'ratio per round', 'median ratio', `load CPU (ms), ${peer.name} / ${ours.name}`, `templates KiB, ${peer.name} / ${ours.name}`],
    paired.sizes.map(x => [
      String(x.n), fixed(x.peerMedianCpuMs, 0), fixed(x.oursMedianCpuMs, 0), x.ratios.map(r => fixed(r, 2)).join(', '), fixed(x.medianRatio, 2),
      `${fixed(x.peerMedianLoadCpuMs, 0)} / ${fixed(x.oursMedianLoadCpuMs, 0)}`,
      `${fixed(x.peerTemplateBytes / 1024, 0)} / ${fixed(x.oursTemplateBytes / 1024, 0)}`,
    ]),
  ));
  if (paired.slope) out.push('', `Per added service, per round (ours / peer): ${paired.slope.ratios.map(r => fixed(r, 2)).join(', ')}.`);

  const [a, b] = [sizes[sizes.length - 2], sizes[sizes.length - 1]];
  const pick = (side: BenchSide) => {
    const small = find(results, side, a);
    const large = find(results, side, b);
    return small && large ? perService(small, large) : undefined;
  };
  const p = pick(peer);
  const o = pick(ours);
  if (p && o && a !== undefined && b !== undefined) {
    out.push('');
    out.push(`What one more service adds (slope ${a}→${b}, in-process table above): ${fixed(p.resources, 1)} resources on the ${peer.name} side, ${fixed(o.resources, 1)} on the ${ours.name} side. Bytes per service by resource type (compact JSON; the templates on disk are indented, so their bytes are larger in the same proportion):`);
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
  const costAt = 10;
  const cost = (side: BenchSide | undefined) => side && find(results, side, costAt)?.sample.fixedMonthlyUsd;
  const [co, cp, cpp] = [cost(ours), cost(peer), cost(s.patternsPeer)];
  if (co !== undefined && cp !== undefined) {
    out.push('');
    out.push(`Fixed monthly cost at N=${costAt} (not a target here: both sides have one ALB): ${ours.name} ${usd(co)}, ${peer.name} ${usd(cp)}${cpp !== undefined && s.patternsPeer ? `, ${s.patternsPeer.name} (one ALB per service) ${usd(cpp)}` : ''}.`);
  }
  return out.join('\n');
}

function signed(x: number): string {
  return `${x > 0 ? '+' : ''}${fixed(x, 0)}`;
}

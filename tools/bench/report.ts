import { fixed, markdownTable } from './markdown';
import { BenchSide } from './side';
import { growthRatio, LINEAR_GROWTH_LIMIT, perServiceSlope } from './stats';
import { SideResult } from './synth-bench';
import { diffByType, formatDifferences, totalResources } from './template-stats';

function find(results: readonly SideResult[], side: BenchSide, n: number): SideResult {
  const r = results.find(x => x.side === side && x.services === n);
  if (!r) throw new Error(`no result for ${side.name} at N=${n}`);
  return r;
}

/** The synth tables: per size and side, then growth per side. The first side is the peer. */
export function renderSynthReport(sides: readonly BenchSide[], results: readonly SideResult[], sizes: readonly number[]): string {
  const [peer, ...others] = sides;
  const out: string[] = [];
  out.push('Sides:');
  out.push('');
  for (const s of sides) out.push(`- **${s.name}**: ${s.description}${s.equivalentToPeer ? '' : ' — not equivalent to the peer: its ratio is not an ours/peer ratio'}.`);
  if (!others.some(s => s.equivalentToPeer)) {
    out.push('');
    out.push('**ours/peer: not measured in this run** — no side builds the same result as the peer with our constructs (AlbFrontedService is not in this build).');
  }
  out.push('');
  const rows: string[][] = [];
  for (const n of sizes) {
    const base = find(results, peer, n);
    for (const side of sides) {
      const r = find(results, side, n);
      const ratio = (x: number, y: number) => side === peer ? '—' : `${fixed(x / y, 2)}${side.equivalentToPeer ? '' : ' (partial)'}`;
      rows.push([
        String(n), side.name, String(r.sample.stacks), fixed(r.medianMs, 0), ratio(r.medianMs, base.medianMs),
        fixed(r.medianCpuMs, 0), ratio(r.medianCpuMs, base.medianCpuMs), fixed(r.peakRssGrowthMiB, 0),
        `${fixed(r.sample.templateBytes / 1024, 0)} / ${fixed(r.sample.largestTemplateBytes / 1024, 0)}`,
        String(totalResources(r.sample.counts)),
        side === peer ? '—' : formatDifferences(diffByType(base.sample.counts, r.sample.counts)),
      ]);
    }
  }
  out.push(markdownTable(
    ['N', 'side', 'stacks', 'median synth wall (ms)', 'wall ratio to peer', 'median CPU (ms)', 'CPU ratio to peer', 'peak RSS growth (MiB)', 'templates KiB (total / largest)', 'resources', 'resources differing from peer (by type)'],
    rows,
  ));
  if (sizes.length >= 3) {
    out.push('');
    out.push('### Growth: time per added service');
    out.push('');
    out.push('Per-service slopes of the median CPU time (wall time is in the table above; CPU time is the steadier measure on a shared machine).');
    out.push('');
    const [a, b, c] = sizes;
    out.push(markdownTable(
      ['side', `ms/service ${a}→${b}`, `ms/service ${b}→${c}`, `ms/service ${a}→${c}`, `growth ratio (${b}→${c} / ${a}→${b})`, 'linear?'],
      sides.map(side => {
        const pts = [a, b, c].map(n => ({ n, ms: find(results, side, n).medianCpuMs }));
        const g = growthRatio(pts);
        return [
          side.name, fixed(perServiceSlope(pts[0], pts[1])), fixed(perServiceSlope(pts[1], pts[2])), fixed(perServiceSlope(pts[0], pts[2])),
          fixed(g, 2), g <= LINEAR_GROWTH_LIMIT ? 'yes' : `no (> ${LINEAR_GROWTH_LIMIT})`,
        ];
      }),
    ));
  }
  return out.join('\n');
}

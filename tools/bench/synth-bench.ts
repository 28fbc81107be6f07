import { execFileSync } from 'child_process';
import { join } from 'path';
import { synthOnce, SynthSample } from './measure';
import { BenchSide } from './side';
import { median } from './stats';

/** The medians of one side at one size. */
export interface SideResult {
  readonly side: BenchSide;
  readonly services: number;
  /** Median wall time of build + synth, ms. */
  readonly medianMs: number;
  /** All timed runs, ms, in run order. */
  readonly runsMs: number[];
  /** Median CPU time (user + system), ms. */
  readonly medianCpuMs: number;
  /** Peak resident memory a fresh process adds while building and synthesizing the app once, MiB. */
  readonly peakRssGrowthMiB: number;
  /** Template figures (identical in every run). */
  readonly sample: SynthSample;
}

/** Options of the synth benchmark. */
export interface SynthBenchOptions {
  readonly sizes: readonly number[];
  readonly runs: number;
  readonly warmups: number;
  readonly log: (line: string) => void;
}

/**
 * For each size: warm-up runs of every side, then `runs` timed rounds in which the sides
 * alternate (so drift from other processes on the machine hits both sides alike).
 */
export function runSynthBench(sides: readonly BenchSide[], opts: SynthBenchOptions): SideResult[] {
  const results: SideResult[] = [];
  for (const n of opts.sizes) {
    for (let w = 0; w < opts.warmups; w++) sides.forEach(side => synthOnce(side, n));
    const samples = sides.map(() => [] as SynthSample[]);
    for (let r = 0; r < opts.runs; r++) {
      sides.forEach((side, i) => samples[i].push(synthOnce(side, n)));
    }
    sides.forEach((side, i) => {
      const runsMs = samples[i].map(s => s.ms);
      const result: SideResult = {
        side,
        services: n,
        medianMs: median(runsMs),
        runsMs,
        medianCpuMs: median(samples[i].map(s => s.cpuMs)),
        peakRssGrowthMiB: probePeakRss(side, n),
        sample: samples[i][0],
      };
      opts.log(`  N=${n} ${side.name}: median ${result.medianMs.toFixed(0)} ms wall, ${result.medianCpuMs.toFixed(0)} ms CPU (wall runs ${runsMs.map(x => x.toFixed(0)).join(', ')}), peak RSS +${result.peakRssGrowthMiB.toFixed(0)} MiB`);
      results.push(result);
    });
  }
  return results;
}

/** Peak RSS growth of one build + synth in a fresh process (see heap-probe.ts), MiB. */
function probePeakRss(side: BenchSide, services: number): number {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'heap-probe.ts'), side.name, String(services)], { encoding: 'utf-8' });
  const { peakRssMiB, baseRssMiB } = JSON.parse(out) as { peakRssMiB: number; baseRssMiB: number };
  return peakRssMiB - baseRssMiB;
}

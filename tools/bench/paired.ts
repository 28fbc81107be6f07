import { execFileSync } from 'child_process';
import { join } from 'path';
import { SynthSample } from './measure';
import { median } from './stats';

/** One build + synth in a fresh Node process. */
export interface ProcessSample extends SynthSample {
  /** CPU time of the process before building: Node start-up, tsx, loading the side's modules, ms. */
  readonly loadCpuMs: number;
}

/** One round: every side at every size, each in a fresh process, the two sides back to back. */
export type PairedRound = Record<string, Record<number, ProcessSample>>;

/** The paired runs of two sides: `ours` against `peer`. */
export interface PairedRuns {
  readonly peer: string;
  readonly ours: string;
  /** Sizes in increasing order (two: the per-service slope is taken between them). */
  readonly sizes: readonly number[];
  readonly rounds: readonly PairedRound[];
}

/** Options of the paired runs. */
export interface PairedOptions {
  readonly peer: string;
  readonly ours: string;
  readonly sizes: readonly number[];
  readonly rounds: number;
  readonly log: (line: string) => void;
}

/** One sample of a side at a size, in a fresh process (see synth-probe.ts). */
function probe(side: string, services: number): ProcessSample {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(__dirname, 'synth-probe.ts'), side, String(services)],
    { encoding: 'utf-8', maxBuffer: 16 * 2 ** 20 });
  return JSON.parse(out) as ProcessSample;
}

/**
 * `rounds` rounds; in each, for every size, the two sides run back to back, each in a fresh
 * process, the side that goes first alternating from round to round (so drift from other
 * processes on the machine hits both alike and the pair compares like with like).
 */
export function runPaired(opts: PairedOptions): PairedRuns {
  const rounds: PairedRound[] = [];
  for (let r = 0; r < opts.rounds; r++) {
    const round: PairedRound = { [opts.peer]: {}, [opts.ours]: {} };
    for (const n of opts.sizes) {
      const order = r % 2 === 0 ? [opts.peer, opts.ours] : [opts.ours, opts.peer];
      for (const side of order) round[side][n] = probe(side, n);
      opts.log(`  paired round ${r + 1}/${opts.rounds} N=${n}: ${opts.peer} ${round[opts.peer][n].cpuMs.toFixed(0)} ms CPU, ${opts.ours} ${round[opts.ours][n].cpuMs.toFixed(0)} ms CPU`);
    }
    rounds.push(round);
  }
  return { peer: opts.peer, ours: opts.ours, sizes: [...opts.sizes], rounds };
}

/** What the paired runs measured at one size. */
export interface PairedSize {
  readonly n: number;
  readonly peerMedianCpuMs: number;
  readonly oursMedianCpuMs: number;
  /** ours / peer CPU of each round. */
  readonly ratios: number[];
  /** The median of `ratios`. */
  readonly medianRatio: number;
  readonly peerMedianLoadCpuMs: number;
  readonly oursMedianLoadCpuMs: number;
  readonly peerTemplateBytes: number;
  readonly oursTemplateBytes: number;
}

/** What one more service costs, between the two sizes. */
export interface PairedSlope {
  readonly from: number;
  readonly to: number;
  /** Median over rounds of each round's CPU slope, ms per service. */
  readonly peerCpuMs: number;
  readonly oursCpuMs: number;
  /** ours / peer slope of each round. */
  readonly ratios: number[];
  readonly medianRatio: number;
  /** Template bytes per added service (identical in every run). */
  readonly peerBytes: number;
  readonly oursBytes: number;
}

/** The summary of paired runs: per size, and per added service between the first and last size. */
export interface PairedSummary {
  readonly sizes: PairedSize[];
  readonly slope?: PairedSlope;
}

/** Medians of the paired runs. */
export function summarizePaired(runs: PairedRuns): PairedSummary {
  const cpu = (side: string, n: number) => runs.rounds.map(r => r[side][n].cpuMs);
  const sizes = runs.sizes.map(n => {
    const peer = cpu(runs.peer, n);
    const ours = cpu(runs.ours, n);
    const ratios = ours.map((o, i) => o / peer[i]);
    return {
      n,
      peerMedianCpuMs: median(peer),
      oursMedianCpuMs: median(ours),
      ratios,
      medianRatio: median(ratios),
      peerMedianLoadCpuMs: median(runs.rounds.map(r => r[runs.peer][n].loadCpuMs)),
      oursMedianLoadCpuMs: median(runs.rounds.map(r => r[runs.ours][n].loadCpuMs)),
      peerTemplateBytes: runs.rounds[0][runs.peer][n].templateBytes,
      oursTemplateBytes: runs.rounds[0][runs.ours][n].templateBytes,
    };
  });
  if (runs.sizes.length < 2) return { sizes };
  const from = runs.sizes[0];
  const to = runs.sizes[runs.sizes.length - 1];
  const slopes = (side: string) => runs.rounds.map(r => (r[side][to].cpuMs - r[side][from].cpuMs) / (to - from));
  const peer = slopes(runs.peer);
  const ours = slopes(runs.ours);
  const ratios = ours.map((o, i) => o / peer[i]);
  const bytes = (side: string) => (runs.rounds[0][side][to].templateBytes - runs.rounds[0][side][from].templateBytes) / (to - from);
  return {
    sizes,
    slope: {
      from,
      to,
      peerCpuMs: median(peer),
      oursCpuMs: median(ours),
      ratios,
      medianRatio: median(ratios),
      peerBytes: bytes(runs.peer),
      oursBytes: bytes(runs.ours),
    },
  };
}

import { PairedRuns, ProcessSample, summarizePaired } from '../../bench/paired';
import { BenchSide } from '../../bench/side';
import { SideResult } from '../../bench/synth-bench';
import { checkTargets, perService, renderEnvironmentTargets } from '../../bench/targets';

const side = (name: string): BenchSide => ({ name, description: name, equivalentToPeer: true, build: () => undefined });
const peer = side('shared-alb-peer');
const env = side('environment');
const patterns = side('peer');

function result(s: BenchSide, services: number, cpu: number, bytes: number, usd: number, roles: number): SideResult {
  return {
    side: s,
    services,
    medianMs: cpu,
    runsMs: [cpu],
    medianCpuMs: cpu,
    peakRssGrowthMiB: 1,
    sample: {
      ms: cpu,
      cpuMs: cpu,
      templateBytes: bytes,
      largestTemplateBytes: bytes,
      stacks: 2,
      counts: { 'AWS::IAM::Role': roles },
      bytesByType: { 'AWS::IAM::Role': roles * 100 },
      fixedMonthlyUsd: usd,
    },
  };
}

const results = [
  result(peer, 10, 400, 10000, 97, 20), result(env, 10, 300, 7000, 97, 20), result(patterns, 10, 500, 12000, 310, 20),
  result(peer, 50, 2000, 50000, 97, 100), result(env, 50, 1700, 35000, 97, 60), result(patterns, 50, 2500, 60000, 1260, 100),
];

function sample(cpuMs: number, templateBytes: number): ProcessSample {
  return {
    ms: cpuMs, cpuMs, loadCpuMs: 300, templateBytes, largestTemplateBytes: templateBytes, stacks: 2, counts: {}, bytesByType: {}, fixedMonthlyUsd: 0,
  };
}

/** Three rounds: the environment at 0.9 / 1.1 / 0.95 × the peer at N=10, per-service slopes around 1.0 ×. */
const runs: PairedRuns = {
  peer: peer.name,
  ours: env.name,
  sizes: [10, 50],
  rounds: [
    { [peer.name]: { 10: sample(400, 80000), 50: sample(800, 360000) }, [env.name]: { 10: sample(360, 100000), 50: sample(760, 420000) } },
    { [peer.name]: { 10: sample(500, 80000), 50: sample(900, 360000) }, [env.name]: { 10: sample(550, 100000), 50: sample(990, 420000) } },
    { [peer.name]: { 10: sample(400, 80000), 50: sample(1000, 360000) }, [env.name]: { 10: sample(380, 100000), 50: sample(1100, 420000) } },
  ],
};

test('paired runs: per-round ratios and their median, per size and per added service', () => {
  const s = summarizePaired(runs);
  expect(s.sizes.map(x => [x.n, x.peerMedianCpuMs, x.oursMedianCpuMs, x.medianRatio])).toEqual([[10, 400, 380, 0.95], [50, 900, 990, 1.1]]);
  expect(s.sizes[0].ratios).toEqual([0.9, 1.1, 0.95]);
  // slopes per round: peer 10, 10, 15 ms; environment 10, 11, 18 ms per service
  expect(s.slope).toMatchObject({ from: 10, to: 50, peerCpuMs: 10, oursCpuMs: 11, peerBytes: 7000, oursBytes: 8000 });
  expect(s.slope!.ratios.map(r => Number(r.toFixed(2)))).toEqual([1, 1.1, 1.2]);
  expect(s.slope!.medianRatio).toBeCloseTo(1.1);
});

test('each target is checked against the peer, with the measured ratio', () => {
  const checks = checkTargets(summarizePaired(runs));
  expect(checks.map(c => [c.metric, c.met])).toEqual([
    ['synth CPU at N=10', true],
    ['synth CPU at N=50', false], // 1.10
    ['synth CPU per added service (10→50)', false], // 1.10
    ['template bytes per added service (10→50)', true], // 8000 / 7000 = 1.14
  ]);
  expect(checks[1]).toMatchObject({ measured: '1.10 × peer', target: '≤ 1.00 × peer' });
  expect(checks[3]).toMatchObject({ measured: '8000 vs 7000 = 1.14 × peer', target: '≤ 1.15 × peer' });
});

test('a ratio exactly at the limit meets it', () => {
  const even: PairedRuns = {
    ...runs,
    rounds: [{ [peer.name]: { 10: sample(100, 100), 50: sample(500, 500) }, [env.name]: { 10: sample(100, 115), 50: sample(500, 575) } }],
  };
  expect(checkTargets(summarizePaired(even)).every(c => c.met)).toBe(true);
});

test('per-service figures are the slope between two sizes', () => {
  expect(perService(results[1], results[4])).toEqual({ resources: 1, bytesByType: { 'AWS::IAM::Role': 100 } });
});

test('the section lists the checks, how many are met, the paired runs, the bytes per service by type and the cost', () => {
  const paired = summarizePaired(runs);
  const md = renderEnvironmentTargets({ peer, ours: env, paired, rounds: 3, results, sizes: [10, 50], patternsPeer: patterns });
  expect(md).toContain('from 3 paired whole-process runs at N = 10 and 50: 2 of 4 met');
  expect(md).toContain('| synth CPU at N=50 | 1.10 × peer | ≤ 1.00 × peer | **no** |');
  expect(md).toContain('| 10 | 400 | 380 | 0.90, 1.10, 0.95 | 0.95 | 300 / 300 | 78 / 98 |');
  expect(md).toContain('| IAM::Role | 200 | 100 | -100 |');
  expect(md).toContain('Fixed monthly cost at N=10 (not a target here: both sides have one ALB): environment $97.00, shared-alb-peer $97.00, peer (one ALB per service) $310.00.');
});

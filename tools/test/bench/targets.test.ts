import { BenchSide } from '../../bench/side';
import { SideResult } from '../../bench/synth-bench';
import { checkTargets, perService, renderEnvironmentTargets } from '../../bench/targets';

const side = (name: string): BenchSide => ({ name, description: name, equivalentToPeer: true, build: () => undefined });
const peer = side('peer');
const env = side('environment');

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
  result(peer, 1, 100, 1000, 97, 2), result(env, 1, 90, 900, 97, 2),
  result(peer, 10, 400, 10000, 310, 20), result(env, 10, 300, 7000, 97, 20),
  result(peer, 50, 2000, 50000, 1260, 100), result(env, 50, 1700, 35000, 97, 60),
];

test('each target is checked against the peer at its size, with the measured ratio', () => {
  const checks = checkTargets(peer, env, results, [1, 10, 50]);
  expect(checks.map(c => [c.metric, c.met])).toEqual([
    ['fixed monthly cost at N=10', true],
    ['median synth CPU at N=10', true],
    ['median synth CPU at N=50', false], // 0.85
    ['template bytes at N=1', false], // 0.90
    ['template bytes at N=10', true],
    ['template bytes at N=50', true],
    ['synth CPU growth 1→10→50', true],
  ]);
  expect(checks[0].measured).toBe('$97.00 vs $310.00 = 0.31 × peer');
  expect(checks[2]).toMatchObject({ measured: '0.85 × peer', target: '≤ 0.8 × peer' });
});

test('a ratio exactly at the limit meets it; sizes not measured are left out', () => {
  const atLimit = [result(peer, 10, 100, 100, 100, 1), result(env, 10, 80, 80, 50, 1)];
  expect(checkTargets(peer, env, atLimit, [10]).every(c => c.met)).toBe(true);
  expect(checkTargets(peer, env, atLimit, [10]).map(c => c.metric)).toEqual(['fixed monthly cost at N=10', 'median synth CPU at N=10', 'template bytes at N=10']);
});

test('per-service figures are the slope between two sizes', () => {
  expect(perService(results[3], results[5])).toEqual({ resources: 1, bytesByType: { 'AWS::IAM::Role': 100 } });
});

test('the section lists the checks, how many are met, and the bytes per service by type', () => {
  const md = renderEnvironmentTargets(peer, env, results, [1, 10, 50]);
  expect(md).toContain('5 of 7 met');
  expect(md).toContain('| median synth CPU at N=50 | 0.85 × peer | ≤ 0.8 × peer | **no** |');
  expect(md).toContain('| IAM::Role | 200 | 100 | -100 |');
  expect(md).toContain('synth CPU 40.0 vs 35.0 ms (0.88 × peer); template bytes on disk 1000 vs 700 (0.70 × peer)');
});

import { readFileSync } from 'fs';
import { join } from 'path';
import { cli, exampleAssembly, facts } from './helpers';
import { PRICES } from '../../src/report/cost/prices';
import { exampleStackRow } from '../../tools/bench/cost/cost-report';

// The report prices a stack exactly as the benchmark (BENCHMARKS.md) does: same price table,
// same counting, same rounding.
const dir = exampleAssembly();
const reports = facts(dir);
const output = cli('report', dir).stdout;

/** The cells of the report's cost table row for a stack. */
function costRow(stack: string): string[] {
  const costPart = output.slice(output.indexOf('## Cost'));
  const line = costPart.split('\n').find(l => l.startsWith(`| ${stack} |`));
  if (!line) throw new Error(`no cost row for ${stack}`);
  return line.split(' | ').map(c => c.replace(/^\| | \|$/g, ''));
}

describe.each(reports.map(r => [r.name, r] as const))('stack %s', (name) => {
  const template = JSON.parse(readFileSync(join(dir, `${name}.template.json`), 'utf-8'));
  const [, nat, enis, albs, ipv4, services, fixedMonthly, computeMonthly] = exampleStackRow(name, template, PRICES);

  test('the counts and the fixed and compute figures equal the benchmark\'s for the same template', () => {
    const [, rNat, rEnis, rAlbs, rIpv4, rFixed, rCompute] = costRow(name);
    expect([rNat, rEnis, rAlbs, rIpv4, rFixed, rCompute]).toEqual([nat, enis, albs, ipv4, fixedMonthly, computeMonthly]);
    expect(reports.find(r => r.name === name)!.cost.services).toHaveLength(Number(services));
  });
});

test('the figures of the example app (us-east-1 list prices, 730 h)', () => {
  expect(costRow('Scorekeep').slice(1, 8)).toEqual(['2', '0', '1', '4', '$96.73', '$18.02', '$114.75']);
  expect(costRow('IsolatedWithEndpoints').slice(1, 8)).toEqual(['0', '8', '0', '0', '$58.40', '$9.01', '$67.41']);
  expect(costRow('Scorekeep')[8]).toBe('$0.045/GB ($4.50 per 100 GB)');
  expect(output).toContain('Assumptions: region **us-east-1**');
  expect(output).toContain('730 h/month');
});

import { readFileSync } from 'fs';
import { join } from 'path';
import { exampleAssembly, facts, stackFacts } from './helpers';
import { PRICES } from '../../src/report/cost/prices';
import { mermaidFlowchart } from '../../src/report/mermaid';
import { renderReport } from '../../src/report/render';

// README's excerpt of the report is the report of the example app, not an invented one.
const reports = facts(exampleAssembly());
const report = renderReport('cdk.out', reports, PRICES);
const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf-8');
const section = readme.slice(readme.indexOf('## Review a change'), readme.indexOf('## Security posture'));

test('README\'s Mermaid diagram is the Scorekeep stack\'s', () => {
  const block = /```mermaid\n([\s\S]*?)\n```/.exec(section);
  expect(block?.[1]).toBe(mermaidFlowchart(stackFacts(reports, 'Scorekeep')));
});

test('every table line of README\'s excerpt is a line of the report', () => {
  const tableLines = section.split('\n').filter(l => l.startsWith('|'));
  expect(tableLines.length).toBeGreaterThan(6);
  const reportLines = new Set(report.split('\n'));
  expect(tableLines.filter(l => !reportLines.has(l))).toEqual([]);
});

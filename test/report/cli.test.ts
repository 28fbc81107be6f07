import { readFileSync } from 'fs';
import { join } from 'path';
import { App, Stack, Stage } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sns from 'aws-cdk-lib/aws-sns';
import { cli, exampleAssembly, facts, synthToDir, tempDir } from './helpers';
import { PROGRESS_MIN_STACKS } from '../../src/report/cli';

const examples = exampleAssembly();

test('writes Markdown to stdout with every section, and nothing on stderr for a small assembly', () => {
  const r = cli('report', examples);
  expect(r.code).toBe(0);
  expect(r.stderr).toBe('');
  const headings = r.stdout.split('\n').filter(l => l.startsWith('## '));
  expect(headings).toEqual(['## Exposure', '## Permissions', '## Network diagrams', '## Cost']);
  expect(r.stdout.match(/```mermaid\nflowchart LR\n/g)).toHaveLength(4);
});

test('--out writes the file and says so on stderr', () => {
  const out = join(tempDir(), 'report.md');
  const r = cli('report', examples, '--out', out);
  expect(r.code).toBe(0);
  expect(r.stdout).toBe('');
  expect(r.stderr).toBe(`report: wrote ${out}\n`);
  expect(readFileSync(out, 'utf-8')).toBe(cli('report', examples).stdout);
});

test(`a progress line per stack on stderr from ${PROGRESS_MIN_STACKS} stacks on`, () => {
  const dir = synthToDir(outdir => {
    const app = new App({ outdir });
    for (let i = 0; i < PROGRESS_MIN_STACKS; i++) new sns.Topic(new Stack(app, `S${i}`), 'Topic');
    return app;
  });
  const r = cli('report', dir);
  expect(r.code).toBe(0);
  expect(r.stderr.trimEnd().split('\n')).toEqual([...Array(PROGRESS_MIN_STACKS).keys()].map(i => `report: stack ${i + 1}/${PROGRESS_MIN_STACKS} S${i}`));
  expect(r.stdout).toContain('**All stacks: $0.00 per month** with no traffic.');
});

test('--help lists the report command', () => {
  const r = cli('--help');
  expect(r.stdout).toContain('report [options] [assembly]');
});

test('stacks inside a stage are read, named by their path', () => {
  const dir = synthToDir(outdir => {
    const app = new App({ outdir });
    const stack = new Stack(new Stage(app, 'Prod'), 'Api');
    new sns.Topic(stack, 'Topic').grantPublish(new iam.Role(stack, 'Publisher', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') }));
    return app;
  });
  const [api] = facts(dir);
  expect(api.name).toBe('Prod/Api');
  expect(api.permissions.roles.map(r => [r.name, r.grants.map(g => `${g.actions.join()} on ${g.resources.join()}`)])).toEqual([['Publisher', ['sns:Publish on {Topic}']]]);
});

import { spawnSync } from 'child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { cli, exampleAssembly, tempDir } from './helpers';

// Broken or partial input: one line on stderr naming the file, exit code 1, no stack trace.
const good = exampleAssembly();

/** A copy of the example assembly with `change` applied. */
function broken(change: (dir: string) => void): string {
  const dir = tempDir();
  cpSync(good, dir, { recursive: true });
  change(dir);
  return dir;
}

function expectOneLineError(result: { code: number; stdout: string; stderr: string }, file: string, what: RegExp): void {
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^cdk-fargate-kit report: /);
  expect(lines[0]).toContain(file);
  expect(lines[0]).toMatch(what);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

test('a directory that does not exist', () => {
  const dir = join(tempDir(), 'nope');
  expectOneLineError(cli('report', dir), dir, /no such directory/);
});

test('an empty directory: no manifest.json', () => {
  const dir = tempDir();
  expectOneLineError(cli('report', dir), join(dir, 'manifest.json'), /not found; .* is not a cloud assembly/);
});

test('a file instead of a directory', () => {
  const file = join(tempDir(), 'x.json');
  writeFileSync(file, '{}');
  expectOneLineError(cli('report', file), file, /not a directory/);
});

test('manifest.json is not JSON', () => {
  const dir = broken(d => writeFileSync(join(d, 'manifest.json'), '{ "version": "48.0.0", "artifacts": {'));
  expectOneLineError(cli('report', dir), join(dir, 'manifest.json'), /cannot be read as a cloud assembly manifest/);
});

test('a template the manifest names is missing', () => {
  const dir = broken(d => rmSync(join(d, 'BatchJob.template.json')));
  expectOneLineError(cli('report', dir), join(dir, 'BatchJob.template.json'), /template of stack BatchJob not found/);
});

test('a template is not JSON', () => {
  const dir = broken(d => writeFileSync(join(d, 'PublicOnly.template.json'), '{"Resources": '));
  expectOneLineError(cli('report', dir), join(dir, 'PublicOnly.template.json'), /not a JSON template/);
});

test('a stack metadata file is missing', () => {
  const dir = broken(d => rmSync(join(d, 'Scorekeep.metadata.json')));
  expectOneLineError(cli('report', dir), join(dir, 'Scorekeep.metadata.json'), /: not found \(.*manifest.json names it; synthesize again\)/);
});

test('--compare with an old directory that is not an assembly', () => {
  const old = tempDir();
  expectOneLineError(cli('report', good, '--compare', old), join(old, 'manifest.json'), /not found/);
});

test('--out into a directory that does not exist', () => {
  const out = join(tempDir(), 'missing', 'report.md');
  expectOneLineError(cli('report', good, '--out', out), out, /cannot write the report/);
});

test('an assembly with no stack reports that, with exit code 0', () => {
  const dir = broken(d => {
    const manifest = JSON.parse(readFileSync(join(d, 'manifest.json'), 'utf-8'));
    manifest.artifacts = {};
    writeFileSync(join(d, 'manifest.json'), JSON.stringify(manifest));
  });
  const r = cli('report', dir);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('0 stacks: _none_.');
});

test('a template without Resources is reported as empty, not a crash', () => {
  const dir = broken(d => writeFileSync(join(d, 'BatchJob.template.json'), '{}'));
  const r = cli('report', dir);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('_No ECS service, task definition or load balancer._');
});

test('odd resources (null, no Type, Properties not an object) are skipped or read as empty, not a crash', () => {
  const dir = broken(d => writeFileSync(join(d, 'BatchJob.template.json'), JSON.stringify({
    Resources: { A: null, B: { Properties: {} }, C: { Type: 'AWS::ECS::Service', Properties: 'x' }, D: { Type: 'AWS::EC2::Subnet', Properties: null } },
  })));
  const r = cli('report', dir);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('service C');
});

test('an unknown option is a usage error, not a stack trace', () => {
  const r = cli('report', good, '--bogus');
  expect(r.code).not.toBe(0);
  expect(r.stderr).toContain("unknown option '--bogus'");
  expect(r.stderr).not.toMatch(/\n\s+at /);
});

test('the command as a process: exit code 1 and one line on stderr', () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'empty'));
  const p = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, '..', '..', 'src', 'report', 'cli.ts'), 'report', join(dir, 'empty')], { encoding: 'utf-8' });
  expect(p.status).toBe(1);
  expect(p.stdout).toBe('');
  expect(p.stderr.trimEnd().split('\n')).toEqual([`cdk-fargate-kit report: ${join(dir, 'empty', 'manifest.json')}: not found; ${join(dir, 'empty')} is not a cloud assembly (run \`cdk synth\` first)`]);
});

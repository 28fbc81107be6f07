import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App } from 'aws-cdk-lib';
import { createExampleApp } from '../../examples/scenarios';
import { CliIo, runCli } from '../../src/report/cli';
import { PRICES } from '../../src/report/cost/prices';
import { StackReport } from '../../src/report/model';
import { buildReport } from '../../src/report/report';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A temporary directory removed after the test file. */
export function tempDir(prefix = 'cfk-report-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

/** Synthesizes the app `build` makes into a temporary cloud assembly directory and returns it. */
export function synthToDir(build: (outdir: string) => App): string {
  const outdir = tempDir();
  build(outdir).synth();
  return outdir;
}

/** The example app (examples/scenarios.ts) as a cloud assembly directory. */
export function exampleAssembly(): string {
  return synthToDir(outdir => createExampleApp({ outdir }));
}

/** The report facts of an assembly directory. */
export function facts(dir: string): StackReport[] {
  return buildReport(dir, { prices: PRICES });
}

/** The facts of one stack. */
export function stackFacts(reports: readonly StackReport[], name: string): StackReport {
  const s = reports.find(r => r.name === name);
  if (!s) throw new Error(`no stack ${name} in ${reports.map(r => r.name).join(', ')}`);
  return s;
}

/** Runs the CLI in-process and returns its exit code and output. */
export function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: t => { stdout += t; }, stderr: t => { stderr += t; } };
  const code = runCli(args, io);
  return { code, stdout, stderr };
}

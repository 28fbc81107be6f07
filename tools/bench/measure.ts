import { mkdtempSync, readFileSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App } from 'aws-cdk-lib';
import { BenchSide } from './side';
import { CfnTemplate, bytesByType, countByType, TypeCounts } from './template-stats';
import { countHourlyResources } from '../../src/report/cost/hourly-resources';
import { fixedMonthlyCost } from '../../src/report/cost/monthly-cost';
import { PRICES } from '../../src/report/cost/prices';

/** What one build + synth of a side's app measured. */
export interface SynthSample {
  /** Wall time of constructing the app and synthesizing it to a cloud assembly on disk, ms. */
  readonly ms: number;
  /** CPU time (user + system) of the process over the same span, ms: less sensitive to other processes than wall time. */
  readonly cpuMs: number;
  /** Bytes of all template files written. */
  readonly templateBytes: number;
  /** Bytes of the largest template (CloudFormation's limit is 1 MB through S3). */
  readonly largestTemplateBytes: number;
  /** Number of stacks. */
  readonly stacks: number;
  /** Resources by type over all stacks. */
  readonly counts: TypeCounts;
  /** Bytes of the resources (compact JSON) by type over all stacks: where the template bytes go. */
  readonly bytesByType: TypeCounts;
  /** Fixed monthly cost of the app's hourly-billed resources (NAT, endpoints, load balancers, public IPv4), USD. */
  readonly fixedMonthlyUsd: number;
}

const gc: () => void = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/** True when the process runs with --expose-gc, so every run starts from a collected heap. */
export const gcExposed = (globalThis as { gc?: () => void }).gc !== undefined;

/** Builds and synthesizes a side's app with N services once, into a temporary directory it then deletes. */
export function synthOnce(side: BenchSide, services: number): SynthSample {
  const outdir = mkdtempSync(join(tmpdir(), 'cfk-bench-'));
  try {
    gc();
    const cpuStart = process.cpuUsage();
    const start = process.hrtime.bigint();
    const app = new App({ outdir });
    side.build(app, services);
    const assembly = app.synth();
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const cpu = process.cpuUsage(cpuStart);
    const cpuMs = (cpu.user + cpu.system) / 1000;

    const sizes = assembly.stacks.map(s => statSync(join(assembly.directory, s.templateFile)).size);
    const templates = assembly.stacks.map(s => JSON.parse(readFileSync(join(assembly.directory, s.templateFile), 'utf-8')) as CfnTemplate);
    return {
      ms,
      cpuMs,
      templateBytes: sizes.reduce((a, b) => a + b, 0),
      largestTemplateBytes: Math.max(...sizes),
      stacks: assembly.stacks.length,
      counts: countByType(templates),
      bytesByType: bytesByType(templates),
      fixedMonthlyUsd: fixedMonthlyCost(countHourlyResources(templates), PRICES).total,
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

import { readFileSync } from 'fs';
import { join } from 'path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { synthExamples } from './synth-examples';

/** cdk-nag 3 findings as written to the cloud assembly's validation report. */
interface Violation {
  readonly ruleName: string;
  readonly description: string;
  readonly violatingConstructs: { readonly constructPath: string }[];
}
interface PluginReport {
  readonly pluginName: string;
  readonly conclusion: string;
  readonly metadata?: Record<string, string>;
  readonly violations: Violation[];
  readonly suppressedViolations?: (Violation & { readonly reason?: string })[];
}

/** An acknowledgement (`Validations.of(c).acknowledge(...)`) found in the construct tree. */
interface Acknowledgement {
  readonly path: string;
  readonly id: string;
  readonly reason: string;
}

function acknowledgements(app: App): Acknowledgement[] {
  return app.node.findAll().flatMap((c: IConstruct) => c.node.metadata
    .filter(m => m.type === 'aws:cdk:acknowledged-rules' && m.data)
    .flatMap(m => Object.entries(m.data as Record<string, string>).map(([id, reason]) => ({ path: c.node.path, id, reason }))));
}

describe('cdk-nag AwsSolutionsChecks', () => {
  let app: App | undefined;
  const { outdir, stacks } = synthExamples({
    // Findings go to validation-report.json; no console report, no process exit code.
    context: { '@aws-cdk/core:failSynthOnValidationErrors': false },
    beforeSynth: a => {
      app = a;
      Validations.of(a).addPlugins(new AwsSolutionsChecks(a));
    },
  });
  const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf-8')) as { pluginReports: PluginReport[] };

  test('checked every example stack', () => {
    expect(stacks.length).toBeGreaterThan(0);
  });

  test('the plugin ran without errors of its own', () => {
    expect(report.pluginReports.map(r => r.metadata?.error).filter(Boolean)).toEqual([]);
  });

  test('zero unacknowledged findings', () => {
    const findings = report.pluginReports.flatMap(r => r.violations.flatMap(v =>
      v.violatingConstructs.map(c => `${v.ruleName} ${c.constructPath}: ${v.description}`)));
    expect(findings).toEqual([]);
  });

  test('every acknowledgement carries a reason a security reviewer can check', () => {
    const weak = acknowledgements(app!).filter(a => a.reason.trim().length < 40);
    expect(weak).toEqual([]);
  });

  test('README "Security posture" lists every acknowledged rule', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf-8');
    const section = readme.split('## Security posture')[1]?.split('\n## ')[0] ?? '';
    const missing = acknowledgements(app!).map(a => a.id.replace(/^annotation::/i, '')).filter(id => !section.includes(id));
    expect(missing).toEqual([]);
  });
});

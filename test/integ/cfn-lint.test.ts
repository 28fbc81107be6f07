import { execFileSync } from 'child_process';
import { synthExamples } from './synth-examples';
import { pythonTool } from '../../tools/python/python-tools';

/** The regions every template is linted for (resource and property availability differ). */
const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];

/**
 * cfn-lint rules ignored for every template, each with the reason the finding is wrong for
 * templates synthesized by aws-cdk-lib. Empty today: the example templates lint clean.
 */
const IGNORED_RULES: Record<string, string> = {};

interface CfnLintFinding {
  readonly Rule: { readonly Id: string };
  readonly Level: string;
  readonly Message: string;
  readonly Filename: string;
  readonly Location: { readonly Path: (string | number)[] };
}

function cfnLint(files: string[]): CfnLintFinding[] {
  const ignore = Object.keys(IGNORED_RULES);
  const args = ['--format', 'json', '--regions', ...REGIONS, ...(ignore.length ? ['--ignore-checks', ...ignore] : []), '--', ...files];
  try {
    return JSON.parse(execFileSync(pythonTool('cfn-lint'), args, { encoding: 'utf-8' }));
  } catch (e) {
    const err = e as { stdout?: string; code?: string; message: string };
    // cfn-lint exits non-zero when it finds something; the findings are on stdout.
    if (err.stdout) return JSON.parse(err.stdout);
    throw e;
  }
}

describe('cfn-lint', () => {
  const { stacks } = synthExamples();

  test('there are example stacks to lint', () => {
    expect(stacks.length).toBeGreaterThan(0);
  });

  test(`every example template has zero errors and warnings in ${REGIONS.join(', ')}`, () => {
    const findings = cfnLint(stacks.map(s => s.templateFile));
    const readable = findings.map(f => `${f.Level} ${f.Rule.Id} ${f.Filename.split('/').pop()} ${f.Location.Path.join('/')}: ${f.Message}`);
    expect(readable).toEqual([]);
  });
});

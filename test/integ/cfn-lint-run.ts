import { execFileSync } from 'child_process';
import { pythonTool } from '../../tools/python/python-tools';

/** The regions every template is linted for (resource and property availability differ). */
export const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];

/**
 * cfn-lint rules ignored for every template, each with the reason the finding is wrong for
 * templates synthesized by aws-cdk-lib. Empty today: the templates lint clean.
 */
export const IGNORED_RULES: Record<string, string> = {};

/** One cfn-lint finding (`--format json`). */
export interface CfnLintFinding {
  readonly Rule: { readonly Id: string };
  readonly Level: string;
  readonly Message: string;
  readonly Filename: string;
  readonly Location: { readonly Path: (string | number)[] };
}

/** Runs cfn-lint once over all the files (one process: it takes seconds to start) with the project's settings. */
export function cfnLint(files: string[]): CfnLintFinding[] {
  const ignore = Object.keys(IGNORED_RULES);
  const args = ['--format', 'json', '--regions', ...REGIONS, ...(ignore.length ? ['--ignore-checks', ...ignore] : []), '--', ...files];
  try {
    return JSON.parse(execFileSync(pythonTool('cfn-lint'), args, { encoding: 'utf-8', maxBuffer: 64 * 1024 * 1024 }));
  } catch (e) {
    const err = e as { stdout?: string; code?: string; message: string };
    // cfn-lint exits non-zero when it finds something; the findings are on stdout.
    if (err.stdout) return JSON.parse(err.stdout);
    throw e;
  }
}

/** A finding as one readable line. */
export function readable(f: CfnLintFinding): string {
  return `${f.Level} ${f.Rule.Id} ${f.Filename.split('/').pop()} ${f.Location.Path.join('/')}: ${f.Message}`;
}

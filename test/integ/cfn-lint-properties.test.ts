import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import { cfnLint, readable, REGIONS } from './cfn-lint-run';
import {
  RUN, buildImported, buildNumbers, buildRoles, buildTask, importedCase, numbersCase, rolesCase, taskCase,
} from '../property-builders';

/**
 * The generators of the property tests (test/property-builders.ts), with the same seed: every
 * generated app the library accepts is synthesized, and all their templates go through
 * cfn-lint in one run. Bounded: SAMPLES inputs per generator.
 */
const SAMPLES = Number(process.env.FGK_CFN_LINT_SAMPLES ?? 25);

const GENERATORS: Array<[string, fc.Arbitrary<any>, (stack: Stack, c: any) => unknown]> = [
  ['roles', rolesCase(), buildRoles],
  ['imported', importedCase(), buildImported],
  ['task', taskCase(), buildTask],
  ['numbers', numbersCase(), buildNumbers],
];

/** Synthesizes the generated apps; returns the template files of those the library accepted. */
function generatedTemplates(): { files: string[]; refused: number } {
  const files: string[] = [];
  let refused = 0;
  for (const [name, arbitrary, build] of GENERATORS) {
    fc.sample(arbitrary, { seed: RUN.seed, numRuns: SAMPLES }).forEach((c, i) => {
      const outdir = mkdtempSync(join(tmpdir(), `fgk-lint-${name}-`));
      const app = new App({ outdir });
      const stack = new Stack(app, `${name}${i}`);
      try {
        build(stack, c);
        app.synth();
      } catch (e) {
        // the library's own error: the property test checks its shape; nothing to lint
        expect((e as Error).message).toMatch(/^Validation failed with the following errors:/);
        refused++;
        return;
      }
      files.push(join(outdir, stack.templateFile));
    });
  }
  return { files, refused };
}

describe('cfn-lint over property-generated templates', () => {
  const { files, refused } = generatedTemplates();

  test('the generators produce valid apps (and some the library refuses)', () => {
    // measured with seed 1313: printed so that a change of the generators shows
    console.log(`cfn-lint-properties: ${files.length} templates to lint, ${refused} inputs refused by the library, of ${GENERATORS.length * SAMPLES}`);
    expect(files.length).toBeGreaterThanOrEqual(GENERATORS.length * 3);
  });

  test(`every generated template has zero errors and warnings in ${REGIONS.join(', ')} (one cfn-lint run)`, () => {
    expect(cfnLint(files).map(readable)).toEqual([]);
  });
});

import { cfnLint, readable, REGIONS } from './cfn-lint-run';
import { synthExamples } from './synth-examples';

describe('cfn-lint', () => {
  const { stacks } = synthExamples();

  test('there are example stacks to lint', () => {
    expect(stacks.length).toBeGreaterThan(0);
  });

  test(`every example template has zero errors and warnings in ${REGIONS.join(', ')}`, () => {
    expect(cfnLint(stacks.map(s => s.templateFile)).map(readable)).toEqual([]);
  });
});

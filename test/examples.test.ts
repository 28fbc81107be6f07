import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { createExampleApp, exampleStacks } from '../examples/scenarios';

// One snapshot per example stack: a change to any scenario's template shows up in review.
const app = createExampleApp();
const stacks = exampleStacks(app);

test('the example app has one stack per scenario', () => {
  expect(stacks.map(s => s.stackName).sort()).toMatchSnapshot();
});

describe.each(stacks.map(s => [s.stackName, s] as const))('example stack %s', (_name, stack) => {
  test('matches its snapshot', () => {
    expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
  });

  test('synthesizes with zero errors and zero warnings', () => {
    const annotations = Annotations.fromStack(stack);
    annotations.hasNoError('*', Match.anyValue());
    annotations.hasNoWarning('*', Match.anyValue());
  });
});

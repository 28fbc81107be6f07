import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { createExampleApp, exampleStacks } from '../../examples/scenarios';
import { BatchJobStack } from '../../examples/stacks/batch-job';

describe('example stacks with services and tasks', () => {
  const app = createExampleApp();
  const stacks = exampleStacks(app);

  test.each(stacks.map(s => [s.stackName, s] as const))('%s synthesizes without warnings or errors', (_name, stack) => {
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
    Annotations.fromStack(stack).hasNoError('*', Match.anyValue());
  });

  test('BatchJob emits the run-task command and runs the job nightly', () => {
    const stack = stacks.find(s => s instanceof BatchJobStack)!;
    const t = Template.fromStack(stack);
    const commands = Object.values(t.findOutputs('*', { Description: 'Starts one task of BatchJob/OneOff' }));
    expect(commands).toHaveLength(1);
    expect(JSON.stringify(commands[0].Value)).toMatch(/--task-definition batch-job --launch-type FARGATE/);
    t.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'cron(0 3 * * ? *)' });
    t.resourceCountIs('AWS::ECS::Cluster', 1);
  });
});

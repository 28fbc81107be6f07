import { Template } from 'aws-cdk-lib/assertions';
import { createExampleApp, exampleStacks } from '../../examples/scenarios';
import { BatchJobStack } from '../../examples/stacks/batch-job';

// zero errors/warnings and snapshots of every example stack: test/examples.test.ts
describe('example stacks with services and tasks', () => {
  const app = createExampleApp();
  const stacks = exampleStacks(app);

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

import { App, CfnElement, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { SCOREKEEP_REGION } from '../../examples/scenarios';
import { ScorekeepStack } from '../../examples/stacks/scorekeep';
import { buildScorekeepTaskDef } from '../../examples/stacks/scorekeep-task';

describe('scorekeep example task', () => {
  test('web and API containers in one task, on 8080 and 5000, the web one waiting for a healthy API', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const taskDef = buildScorekeepTaskDef(stack, 'Task');
    expect(() => app.synth()).not.toThrow();
    Template.fromStack(stack).hasResourceProperties('AWS::ECS::TaskDefinition', {
      Family: 'scorekeep',
      Cpu: '512',
      Memory: '1024',
      ContainerDefinitions: [
        Match.objectLike({ Name: 'scorekeep-api', PortMappings: [{ ContainerPort: 5000, Protocol: 'tcp' }], HealthCheck: Match.objectLike({ Command: Match.anyValue() }) }),
        Match.objectLike({ Name: 'scorekeep-frontend', PortMappings: [{ ContainerPort: 8080, Protocol: 'tcp' }], DependsOn: [{ ContainerName: 'scorekeep-api', Condition: 'HEALTHY' }] }),
      ],
    });
    // public images: the execution role may only write logs
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [Match.objectLike({ Action: ['logs:CreateLogStream', 'logs:PutLogEvents'] })] },
    });
    expect(taskDef.requiredVpcEndpoints).toEqual([]);
  });

  test('the Scorekeep stack runs it: its service uses the scorekeep task definition', () => {
    const stack = new ScorekeepStack(new App(), 'Scorekeep', { env: { region: SCOREKEEP_REGION } });
    const t = Template.fromStack(stack);
    const taskDefs = t.findResources('AWS::ECS::TaskDefinition', { Properties: { Family: 'scorekeep' } });
    expect(Object.keys(taskDefs)).toEqual([stack.getLogicalId(stack.taskDef.taskDefinition.node.defaultChild as CfnElement)]);
    t.hasResourceProperties('AWS::ECS::Service', { TaskDefinition: { Ref: Object.keys(taskDefs)[0] } });
  });
});

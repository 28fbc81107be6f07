/**
 * Deploys every example stack to the local AWS emulator
 * through the CloudFormation API, then checks the live resources, runs each emitted
 * `aws ecs run-task` command with the real awscli, and updates the image tag.
 */
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App, CfnOutput } from 'aws-cdk-lib';
import { checkStack, resourcesOfType, runTaskCommands, runTaskNetwork, subnetType, withImageTag } from './live-checks';
import { SynthesizedStack, synthExamples } from './synth-examples';
import { FargateService } from '../../src';
import { Emulator, awsCli, deployTemplate, emulatorMissing, runEmittedCommand, stackState, startEmulator } from '../../tools/emulator/emulator';

const missing = emulatorMissing();
if (missing) {
  throw new Error(`emulator integration tests cannot run: ${missing}`);
}

/**
 * A FargateService exposes its `runTaskCommand` (e.g. for a one-off migration task) as a
 * property, not as a stack output (FargateTask emits one). The test app emits it, so the
 * command of every service is resolved by CloudFormation and run here too.
 */
function emitServiceRunTaskCommands(app: App): void {
  for (const c of app.node.findAll()) {
    if (c instanceof FargateService) new CfnOutput(c, 'IntegRunTaskCommand', { value: c.runTaskCommand });
  }
}

const stacks: SynthesizedStack[] = synthExamples({ forCreateStack: true, beforeSynth: emitServiceRunTaskCommands }).stacks;
let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator?.stop();
});

describe.each(stacks.map(s => [s.id, s] as const))('%s on the emulator', (_id, stack) => {
  let state: any;

  beforeAll(async () => {
    await emulator.reset();
    const result = deployTemplate(emulator, stack.stackName, stack.templateFile);
    expect(result).toEqual(expect.objectContaining({ status: 'CREATE_COMPLETE', failedEvents: [] }));
    state = stackState(emulator, stack.stackName);
  });

  test('reaches CREATE_COMPLETE with every resource of the template', () => {
    expect(state.status).toBe('CREATE_COMPLETE');
    expect(state.resources.map((r: any) => r.logicalId).sort()).toEqual(Object.keys(stack.template.Resources).sort());
  });

  test('live resources match the template (routes, endpoints, flow logs, roles, logs, ECS, load balancing, outputs)', () => {
    expect(checkStack(stack.template, state)).toEqual([]);
  });

  test('each emitted run-task command starts a Fargate task with an ENI in the right subnets and security groups', () => {
    const commands = runTaskCommands(state);
    if (resourcesOfType(stack.template, 'AWS::ECS::TaskDefinition').length === 0) {
      expect(commands).toEqual([]);
      return;
    }
    expect(commands.length).toBeGreaterThan(0);
    for (const [, command] of commands) {
      const want = runTaskNetwork(command);
      const subnetTypes = want.subnets.map(id => subnetType(state.subnets.find((s: any) => s.SubnetId === id)));
      expect(subnetTypes).toEqual(want.subnets.map(() => want.assignPublicIp === 'ENABLED' ? 'Public' : expect.stringMatching(/^(Private|Isolated)$/)));
      expect(want.securityGroups.every(g => state.securityGroups.some((sg: any) => sg.GroupId === g))).toBe(true);

      const { tasks, failures } = runEmittedCommand(emulator, command);
      expect(failures).toEqual([]);
      expect(tasks).toHaveLength(1);
      expect(tasks[0].launchType).toBe('FARGATE');
      const eniId = tasks[0].attachments[0].details.find((d: any) => d.name === 'networkInterfaceId').value;
      const [eni] = awsCli(emulator, ['ec2', 'describe-network-interfaces', '--network-interface-ids', eniId]).NetworkInterfaces;
      expect(want.subnets).toContain(eni.SubnetId);
      expect(eni.Groups.map((g: any) => g.GroupId).sort()).toEqual([...want.securityGroups].sort());
    }
  });

  test('an image tag update registers a new task definition revision and points the services at it', () => {
    const services = resourcesOfType(stack.template, 'AWS::ECS::Service');
    if (services.length === 0) return;
    const before = new Set(state.taskDefinitions.map((t: any) => t.taskDefinitionArn));
    const file = join(mkdtempSync(join(tmpdir(), 'fargate-kit-update-')), 'template.json');
    writeFileSync(file, JSON.stringify(withImageTag(stack.template, 'updated')));
    expect(deployTemplate(emulator, stack.stackName, file)).toEqual(expect.objectContaining({ status: 'UPDATE_COMPLETE', failedEvents: [] }));
    const after = stackState(emulator, stack.stackName);
    for (const td of after.taskDefinitions) {
      expect(before.has(td.taskDefinitionArn)).toBe(false);
      expect(Number(td.revision)).toBeGreaterThan(1);
      expect(td.containerDefinitions.every((c: any) => c.image.endsWith(':updated'))).toBe(true);
    }
    const newArns = after.taskDefinitions.map((t: any) => t.taskDefinitionArn);
    for (const svc of after.services) {
      expect(newArns).toContain(svc.taskDefinition);
    }
    expect(checkStack(stack.template, after)).toEqual([]);
  });
});

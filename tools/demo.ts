/**
 * `npm run demo`: synthesizes the example app, deploys the demo stacks with the real `cdk`
 * CLI to a local AWS emulator (moto_server on 127.0.0.1), prints their outputs and runs the
 * emitted `aws ecs run-task` command. One progress line per step; the emulator is always stopped.
 * Nothing leaves this machine: every AWS call goes to http://127.0.0.1:PORT.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { DEMO_STACKS } from './demo-stacks';
import { Emulator, awsCli, emulatorMissing, runEmittedCommand, startEmulator } from './emulator/emulator';
import { createExampleApp, exampleStacks } from '../examples/scenarios';

/** The account and region moto answers for. */
const ENVIRONMENT = 'aws://123456789012/us-east-1';

let stepNo = 0;
function step(text: string): void {
  stepNo += 1;
  console.log(`[demo ${stepNo}] ${text}`);
}

function cdk(args: string[], env: NodeJS.ProcessEnv = process.env): string {
  return execFileSync('npx', ['cdk', ...args, '--no-notices', '--no-version-reporting'], {
    env, encoding: 'utf-8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024,
  });
}

async function main(): Promise<void> {
  const started = Date.now();
  cdk(['synth', '--quiet']);
  const available = exampleStacks(createExampleApp()).map(s => s.node.id);
  step(`synthesized ${available.length} example stacks into cdk.out/: ${available.join(', ')}`);

  const missing = emulatorMissing();
  if (missing) throw new Error(`cannot deploy: ${missing}`);
  const stacks = DEMO_STACKS.filter(s => available.includes(s));
  const skipped = DEMO_STACKS.filter(s => !available.includes(s));

  const emulator = await startEmulator();
  try {
    step(`started the local AWS emulator (moto_server) on ${emulator.endpoint}`);
    await deploy(emulator, stacks, skipped);
  } finally {
    await emulator.stop();
    step(`stopped the emulator; done in ${Math.round((Date.now() - started) / 1000)} s`);
  }
}

async function deploy(emulator: Emulator, stacks: string[], skipped: string[]): Promise<void> {
  cdk(['bootstrap', ENVIRONMENT], emulator.env);
  step(`cdk bootstrap ${ENVIRONMENT}: CDKToolkit stack created on the emulator`);

  const outputsFile = join(mkdtempSync(join(tmpdir(), 'fargate-kit-demo-')), 'outputs.json');
  cdk(['deploy', ...stacks, '--method=direct', '--require-approval=never', '--outputs-file', outputsFile], emulator.env);
  step(`cdk deploy --method=direct ${stacks.join(' ')}: CREATE_COMPLETE${skipped.length ? ` (not in the example app yet: ${skipped.join(', ')})` : ''}`);

  const outputs = JSON.parse(readFileSync(outputsFile, 'utf-8')) as Record<string, Record<string, string>>;
  for (const stack of stacks) {
    const entries = Object.entries(outputs[stack] ?? {});
    step(`${stack}: ${deployedResourceCount(emulator, stack)} resources deployed; outputs: ${entries.length === 0 ? '(none)' : ''}`);
    for (const [key, value] of entries) console.log(`    ${key} = ${value}`);
  }

  const commands = Object.values(outputs).flatMap(o => Object.values(o)).filter(v => v.startsWith('aws ecs run-task '));
  if (commands.length === 0) {
    step('no stack emits an `aws ecs run-task` command yet; nothing to run');
  }
  for (const command of commands) {
    const { tasks } = runEmittedCommand(emulator, command);
    const eni = tasks[0]?.attachments?.[0]?.details?.find((d: { name: string }) => d.name === 'networkInterfaceId')?.value;
    step(`ran the emitted run-task command: task ${tasks[0]?.taskArn} (${tasks[0]?.launchType}, ENI ${eni})`);
  }
}

/** How many resources the stack has on the emulator; fails if the emulator skipped any (an unsupported type). */
function deployedResourceCount(emulator: Emulator, stack: string): number {
  const resources = awsCli(emulator, ['cloudformation', 'list-stack-resources', '--stack-name', stack]).StackResourceSummaries as { ResourceType?: string }[];
  const skipped = resources.filter(r => !r.ResourceType).length;
  if (skipped > 0) throw new Error(`the emulator skipped ${skipped} resources of ${stack} (a resource type moto's CloudFormation does not support)`);
  return resources.length;
}

main().catch(e => {
  const err = e as { stderr?: string; message: string };
  console.error(`[demo] failed: ${err.message}${err.stderr ? `\n${err.stderr}` : ''}`);
  process.exitCode = 1;
});

/**
 * The local AWS emulator (moto_server with the compatibility shim of moto_server.py), shared
 * by the emulator integration tests and `npm run demo`. It listens on 127.0.0.1 only, on a
 * free port the OS picks; every AWS call made through `awsEnv` goes to it and nowhere else.
 */
import { ChildProcess, execFileSync, spawn } from 'child_process';
import { join } from 'path';
import { SETUP_HINT, pythonTool, withVenvPath } from '../python/python-tools';

const HERE = __dirname;

/** A running emulator. */
export interface Emulator {
  /** `http://127.0.0.1:PORT`. */
  readonly endpoint: string;
  /** Environment for child processes (awscli, cdk, boto3) that sends every AWS call to the emulator. */
  readonly env: NodeJS.ProcessEnv;
  /** Forgets every resource (moto's /moto-api/reset). */
  reset(): Promise<void>;
  /** Stops the server. */
  stop(): Promise<void>;
}

/** Undefined when .venv/ holds moto's server, boto3 and the aws CLI, else what is missing and how to install it. */
export function emulatorMissing(): string | undefined {
  try {
    execFileSync(pythonTool('python'), ['-c', 'import moto, moto.server, boto3, werkzeug'], { stdio: 'pipe' });
    execFileSync(pythonTool('aws'), ['--version'], { stdio: 'pipe' });
    return undefined;
  } catch (e) {
    return `the local AWS emulator needs moto[server], boto3 and the aws CLI in .venv/ (${firstLine(e)}); ${SETUP_HINT}`;
  }
}

/** Environment that points the AWS SDKs and CLIs at the emulator, with dummy credentials and no instance metadata lookups. */
export function awsEnv(endpoint: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) {
    if (k.startsWith('AWS_')) delete env[k];
  }
  return withVenvPath({
    ...env,
    AWS_ENDPOINT_URL: endpoint,
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    CDK_DISABLE_CLI_TELEMETRY: 'true',
  });
}

/** Starts moto_server on 127.0.0.1 and a free port; resolves once it accepts requests. */
export async function startEmulator(timeoutMs = 60_000): Promise<Emulator> {
  const child = spawn(pythonTool('python'), [join(HERE, 'moto_server.py')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => { stderr = (stderr + d.toString()).slice(-4000); });
  const port = await new Promise<number>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`moto_server did not start in ${timeoutMs} ms: ${stderr}`)), timeoutMs);
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString();
      const m = /MOTO_PORT=(\d+)/.exec(stdout);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.on('exit', code => {
      clearTimeout(timer);
      reject(new Error(`moto_server exited with ${code}: ${stderr}`));
    });
  });
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    env: awsEnv(endpoint),
    reset: async () => {
      const res = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
      if (!res.ok) throw new Error(`moto reset failed: ${res.status}`);
    },
    stop: () => stopChild(child),
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise(resolve => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Result of deploying one template. */
export interface DeployResult {
  readonly status: string;
  readonly reason?: string;
  readonly failedEvents: { LogicalResourceId: string; ResourceType: string; ResourceStatusReason: string }[];
}

/** Creates the stack (or updates it if it exists) from a template file through the CloudFormation API and waits. */
export function deployTemplate(emulator: Emulator, stackName: string, templateFile: string): DeployResult {
  return awsState(emulator, ['deploy', stackName, templateFile]) as DeployResult;
}

/** The stack's status, outputs, resources and their live state read through the AWS APIs. */
export function stackState(emulator: Emulator, stackName: string): any {
  return awsState(emulator, ['state', stackName]);
}

function awsState(emulator: Emulator, args: string[]): unknown {
  const out = execFileSync(pythonTool('python'), [join(HERE, 'aws_state.py'), emulator.endpoint, ...args],
    { env: emulator.env, encoding: 'utf-8', maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out);
}

/**
 * Runs an `aws ecs run-task ...` command emitted as a stack output with the real awscli,
 * against the emulator, and returns its parsed JSON output.
 */
export function runEmittedCommand(emulator: Emulator, command: string): any {
  if (!/^aws ecs run-task /.test(command) || /[;&|`$<>]/.test(command)) {
    throw new Error(`not an emitted run-task command: ${command}`);
  }
  const out = execFileSync('bash', ['-c', `${command} --output json`], { env: emulator.env, encoding: 'utf-8' });
  return JSON.parse(out);
}

/** Runs the awscli against the emulator and parses its JSON output. */
export function awsCli(emulator: Emulator, args: string[]): any {
  return JSON.parse(execFileSync(pythonTool('aws'), [...args, '--output', 'json'], { env: emulator.env, encoding: 'utf-8' }));
}

function firstLine(e: unknown): string {
  const err = e as { stderr?: Buffer; message?: string };
  const text = err.stderr?.toString().trim() || err.message || String(e);
  return text.split('\n').filter(l => l.trim()).slice(-1)[0] ?? text;
}

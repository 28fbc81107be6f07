import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App, AppProps, DefaultStackSynthesizer, Stack } from 'aws-cdk-lib';
import { createExampleApp, exampleStacks } from '../../examples/scenarios';

/** One synthesized example stack. */
export interface SynthesizedStack {
  /** The stack's construct ID, e.g. 'Scorekeep'. */
  readonly id: string;
  /** The stack name. */
  readonly stackName: string;
  /** Absolute path of its template file. */
  readonly templateFile: string;
  /** The template. */
  readonly template: any;
}

/** Options of `synthExamples`. */
export interface SynthExamplesOptions {
  /**
   * Templates deployed straight to the emulator through the CloudFormation API carry no
   * BootstrapVersion rule (it needs the SSM parameter `cdk bootstrap` writes).
   */
  readonly forCreateStack?: boolean;
  /** Called with the app before synthesis (e.g. to add validation plugins). */
  readonly beforeSynth?: (app: App) => void;
  /** Extra context. */
  readonly context?: AppProps['context'];
}

/** Synthesizes the example app (every example stack) into a fresh temp directory. */
export function synthExamples(options: SynthExamplesOptions = {}): { outdir: string; stacks: SynthesizedStack[] } {
  const outdir = mkdtempSync(join(tmpdir(), 'fargate-kit-examples-'));
  const app = createExampleApp({
    outdir,
    context: options.context,
    defaultStackSynthesizer: options.forCreateStack ? new DefaultStackSynthesizer({ generateBootstrapVersionRule: false }) : undefined,
  });
  options.beforeSynth?.(app);
  const assembly = app.synth();
  const stacks = exampleStacks(app).map((s: Stack) => {
    const artifact = assembly.getStackArtifact(s.artifactId);
    return { id: s.node.id, stackName: s.stackName, templateFile: artifact.templateFullPath, template: artifact.template };
  });
  return { outdir, stacks };
}

#!/usr/bin/env node
import * as fs from 'fs';
import { Command, CommanderError } from 'commander';
import { renderCompare } from './compare';
import { PRICES } from './cost/prices';
import { oneLine, ReportError } from './errors';
import { renderReport } from './render';
import { buildReport } from './report';

/** Assemblies with at least this many stacks get a progress line per stack on stderr. */
export const PROGRESS_MIN_STACKS = 10;

/** Where the command writes: injectable so that tests run it in-process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const PROCESS_IO: CliIo = {
  stdout: text => process.stdout.write(text),
  stderr: text => process.stderr.write(text),
};

/**
 * Runs `cdk-fargate-kit report [cdk.out] [--out FILE] [--compare OLD_DIR]` on `argv` (without
 * `node` and the script) and returns the exit code: 0, or 1 with one line on stderr.
 * The command is experimental: its options and its report may change in a minor release
 * (docs/stability.md).
 */
export function runCli(argv: readonly string[], io: CliIo = PROCESS_IO): number {
  let exitCode = 0;
  const program = new Command('cdk-fargate-kit')
    .description('Review tools for cloud assemblies with ECS Fargate workloads')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (text, write) => write(text) });
  program.command('report')
    .description('Markdown report of a cloud assembly: exposure, permissions, monthly cost and a network diagram (docs/report.md)')
    .argument('[assembly]', 'the cloud assembly directory', 'cdk.out')
    .option('-o, --out <file>', 'write the report to FILE instead of stdout')
    .option('-c, --compare <oldDir>', 'report the difference from the older cloud assembly OLD_DIR to ASSEMBLY')
    .action((assembly: string, opts: { out?: string; compare?: string }) => {
      exitCode = report(assembly, opts, io);
    });
  try {
    program.parse([...argv], { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    throw err;
  }
  return exitCode;
}

function report(assembly: string, opts: { out?: string; compare?: string }, io: CliIo): number {
  try {
    const onStack = (name: string, i: number, total: number) => {
      if (total >= PROGRESS_MIN_STACKS) io.stderr(`report: stack ${i + 1}/${total} ${name}\n`);
    };
    const after = buildReport(assembly, { onStack });
    const text = opts.compare === undefined
      ? renderReport(assembly, after, PRICES)
      : renderCompare(opts.compare, assembly, buildReport(opts.compare, { onStack }), after, PRICES);
    if (opts.out) {
      try {
        fs.writeFileSync(opts.out, text);
      } catch (err) {
        throw new ReportError(`${opts.out}: cannot write the report: ${oneLine(err)}`);
      }
      io.stderr(`report: wrote ${opts.out}\n`);
    } else {
      io.stdout(text);
    }
    return 0;
  } catch (err) {
    const message = err instanceof ReportError ? err.message : `unexpected error: ${oneLine(err)}`;
    io.stderr(`cdk-fargate-kit report: ${message}\n`);
    return 1;
  }
}

if (require.main === module) {
  process.exitCode = runCli(process.argv.slice(2));
}

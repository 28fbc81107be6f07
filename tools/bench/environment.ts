import { readFileSync } from 'fs';
import { cpus, loadavg, platform, release, totalmem } from 'os';
import { dirname, join } from 'path';

function packageVersion(name: string): string {
  try {
    const main = require.resolve(name);
    let dir = dirname(main);
    while (!dir.endsWith(join('node_modules', name)) && dirname(dir) !== dir) dir = dirname(dir);
    return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf-8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** Machine, Node and library versions, for the report header. */
export function environmentLines(now: Date): string[] {
  const own = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf-8')) as { name: string; version: string };
  const cpu = cpus();
  return [
    `- Date: ${now.toISOString()}`,
    `- Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${platform()} ${release()}`,
    `- Load average when the run started (other processes share the CPUs): ${loadavg().map(x => x.toFixed(2)).join(' / ')}`,
    `- Node ${process.version}; aws-cdk-lib ${packageVersion('aws-cdk-lib')}; constructs ${packageVersion('constructs')}; ${own.name} ${own.version} (this checkout's src/)`,
  ];
}

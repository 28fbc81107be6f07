/**
 * Child process of the paired benchmark: loads ONE side's module (so each side pays only for
 * the libraries it uses), builds and synthesizes its app once, and prints the sample as JSON,
 * with `loadCpuMs`: the process's CPU time before building (Node start-up, tsx, loading the
 * modules). A fresh process per sample, as `cdk synth` runs the app: nothing is warm.
 * Usage: node --expose-gc --import tsx tools/bench/synth-probe.ts <side name> <services>
 */
import { synthOnce } from './measure';
import { BenchSide } from './side';

/** The sides the paired benchmark runs, each in its own module. */
const MODULES: Record<string, () => BenchSide> = {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  'shared-alb-peer': () => (require('./shared-peer') as typeof import('./shared-peer')).sharedPeerSide,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  'environment': () => (require('./shared-environment') as typeof import('./shared-environment')).environmentSide,
};

const [name, services] = process.argv.slice(2);
const load = MODULES[name];
if (!load) throw new Error(`synth-probe: no side named ${name} (known: ${Object.keys(MODULES).join(', ')})`);
const side = load();
const before = process.cpuUsage();
const loadCpuMs = (before.user + before.system) / 1000;
const sample = synthOnce(side, Number(services));
process.stdout.write(JSON.stringify({ ...sample, loadCpuMs }));

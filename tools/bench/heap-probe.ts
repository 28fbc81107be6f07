/**
 * Child process of the benchmark: builds and synthesizes one side's app once and prints
 * {"peakRssMiB": ..., "baseRssMiB": ...} — the process's peak resident memory and its
 * resident memory after loading the libraries, before building. A fresh process per
 * figure, because peak RSS only ever grows within a process.
 * Usage: node --import tsx tools/bench/heap-probe.ts <side name> <services>
 */
import { synthOnce } from './measure';
import { SIDES } from './sides';

const [name, services] = process.argv.slice(2);
const side = SIDES.find(s => s.name === name);
if (!side) throw new Error(`heap-probe: no side named ${name}`);
const baseRssMiB = process.memoryUsage().rss / 2 ** 20;
synthOnce(side, Number(services));
const peakRssMiB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(JSON.stringify({ peakRssMiB, baseRssMiB }));

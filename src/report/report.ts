import { readAssembly } from './assembly';
import { PRICES, Prices } from './cost/prices';
import { linkImports } from './imports';
import { StackReport, stackReport } from './model';

/** Options of a report run. */
export interface ReportOptions {
  readonly prices?: Prices;
  /** Called before each stack is read (the CLI prints a progress line on large assemblies). */
  readonly onStack?: (name: string, index: number, total: number) => void;
}

/** The facts of every stack of the cloud assembly in `dir`. */
export function buildReport(dir: string, options: ReportOptions = {}): StackReport[] {
  const prices = options.prices ?? PRICES;
  const stacks = linkImports(readAssembly(dir));
  return stacks.map((s, i) => {
    options.onStack?.(s.name, i, stacks.length);
    return stackReport(s, prices);
  });
}

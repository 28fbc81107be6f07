import { AssemblyStack } from './assembly';
import { CfnResource } from './cost/template';
import { refTarget } from './template';

/** A value another stack exports: the stack and the exported expression (a Ref or GetAtt in its template). */
interface Export {
  readonly stack: AssemblyStack;
  readonly value: unknown;
}

/** The exports of every stack of the assembly, by export name. */
function exportsOf(stacks: readonly AssemblyStack[]): Map<string, Export> {
  const exports = new Map<string, Export>();
  for (const stack of stacks) {
    for (const output of Object.values(stack.template.outputs)) {
      const name = (output as { Export?: { Name?: unknown } } | null)?.Export?.Name;
      if (typeof name === 'string') exports.set(name, { stack, value: (output as { Value?: unknown }).Value });
    }
  }
  return exports;
}

/**
 * Follows `Fn::ImportValue` across the stacks of one assembly, so that a service in one stack
 * is reported with the subnets, routes, load balancer and security groups of the network stack
 * it imports them from. Each import of a known export is replaced by the exported expression
 * (a Ref or GetAtt into the exporting stack), and the exporting stacks' resources are added to
 * the importing stack's template as foreign: followed, named `Stack/path`, never listed or
 * priced there. An import whose target's logical ID clashes with one of the importing stack's
 * own stays as it is (reported as outside the template).
 */
export function linkImports(stacks: readonly AssemblyStack[]): AssemblyStack[] {
  const exports = exportsOf(stacks);
  return stacks.map(stack => {
    const own = stack.template.template.Resources ?? {};
    const exporters = new Set<AssemblyStack>();
    const followed = new Set<string>();
    const resolve = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(resolve);
      if (value === null || typeof value !== 'object') return value;
      const o = value as Record<string, unknown>;
      const name = o['Fn::ImportValue'];
      if (typeof name === 'string' && Object.keys(o).length === 1) {
        const found = exports.get(name);
        const target = found && found.stack !== stack ? refTarget(found.value) : undefined;
        if (found && target !== undefined && !(target in own) && found.stack.template.resources.has(target)) {
          exporters.add(found.stack);
          followed.add(name);
          return found.value;
        }
        return value;
      }
      return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, resolve(v)]));
    };
    const resources = Object.fromEntries(Object.entries(own).map(([id, r]) => [id, resolve(r) as CfnResource]));
    if (exporters.size === 0) return stack;
    const foreign = [...exporters].flatMap(e => [...(e.template.template.Resources ? Object.entries(e.template.template.Resources) : [])]
      .map(([id, r]) => [id, r, `${e.name}/${e.template.nameOf(id)}`, e.name] as const));
    return { ...stack, template: stack.template.withImports(resources, foreign, followed) };
  });
}

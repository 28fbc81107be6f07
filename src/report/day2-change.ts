import { CfnResource } from './cost/template';
import { cfnEqual, ReplacementEffect, replacementEffects } from './resource-spec';
import { refTarget } from './template';
import type { StackTemplate } from './template';

/** A stack as the day-2 comparison reads it (a StackReport is one). */
export interface TemplateOfStack {
  readonly name: string;
  readonly template: StackTemplate;
}

/** One resource of one side of the comparison. */
export interface Res {
  /** `stack|logicalId`: the same resource on both sides has the same key. */
  readonly key: string;
  readonly stack: string;
  readonly logicalId: string;
  readonly type: string;
  readonly props: Record<string, unknown>;
  readonly resource: CfnResource & { readonly DeletionPolicy?: unknown; readonly UpdateReplacePolicy?: unknown; readonly DependsOn?: unknown };
  /** The template of its stack (to resolve its references). */
  readonly template: StackTemplate;
}

/** An export of one stack: its name, the value, and the stack. */
export interface Export {
  readonly stack: string;
  readonly value: unknown;
  readonly template: StackTemplate;
}

/** All resources of one assembly, across its stacks, by key. */
export class Side {
  readonly resources = new Map<string, Res>();
  readonly stacks = new Map<string, StackTemplate>();
  readonly exports = new Map<string, Export>();

  constructor(stacks: readonly TemplateOfStack[]) {
    for (const s of stacks) {
      const t = s.template;
      this.stacks.set(s.name, t);
      for (const [logicalId, resource] of Object.entries(t.template.Resources ?? {})) {
        const key = keyOf(s.name, logicalId);
        this.resources.set(key, { key, stack: s.name, logicalId, type: resource.Type, props: resource.Properties ?? {}, resource, template: t });
      }
      for (const output of Object.values(t.outputs)) {
        const name = (output as { Export?: { Name?: unknown } } | null)?.Export?.Name;
        if (typeof name === 'string') this.exports.set(name, { stack: s.name, value: (output as { Value?: unknown }).Value, template: t });
      }
    }
  }

  /** The resources of one type, in template order. */
  ofType(...types: string[]): Res[] {
    return [...this.resources.values()].filter(r => types.includes(r.type));
  }

  /** The key of the resource a `Ref`/`GetAtt` in `template` points at (in its stack or the stack it imports from). */
  target(template: StackTemplate, value: unknown): string | undefined {
    const id = refTarget(value);
    if (id === undefined || !template.resources.has(id)) return undefined;
    return keyOf(template.ownerOf(id), id);
  }

  /** The resource a `Ref`/`GetAtt` in `template` points at, if it is in the assembly. */
  resolve(template: StackTemplate, value: unknown): Res | undefined {
    const key = this.target(template, value);
    return key === undefined ? undefined : this.resources.get(key);
  }

  /** Every resource `value` refers to: `Ref`, `Fn::GetAtt`, `${X}`/`${X.Attr}` in `Fn::Sub`. */
  references(template: StackTemplate, value: unknown, into = new Set<string>()): Set<string> {
    if (Array.isArray(value)) {
      for (const v of value) this.references(template, v, into);
      return into;
    }
    if (value === null || typeof value !== 'object') return into;
    const direct = this.target(template, value);
    if (direct !== undefined) {
      into.add(direct);
      return into;
    }
    const o = value as Record<string, unknown>;
    const sub = o['Fn::Sub'];
    const text = typeof sub === 'string' ? sub : Array.isArray(sub) && typeof sub[0] === 'string' ? sub[0] : undefined;
    if (text !== undefined) {
      const vars = Array.isArray(sub) && sub[1] !== null && typeof sub[1] === 'object' ? sub[1] as Record<string, unknown> : {};
      for (const m of text.matchAll(/\$\{([^!}][^}.]*)(\.[^}]*)?\}/g)) {
        if (m[1] in vars) continue;
        const key = this.target(template, { Ref: m[1] });
        if (key !== undefined) into.add(key);
      }
      this.references(template, vars, into);
      return into;
    }
    for (const v of Object.values(o)) this.references(template, v, into);
    return into;
  }

  /**
   * The display name of a resource: its construct path, else its logical ID; prefixed with its
   * stack when named from another stack (`from`).
   */
  nameOf(key: string, from?: string): string {
    const r = this.resources.get(key);
    const name = r ? r.template.nameOf(r.logicalId) : key.slice(key.indexOf('|') + 1);
    const stack = r?.stack ?? key.slice(0, key.indexOf('|'));
    return from !== undefined && stack !== from ? `${stack}/${name}` : name;
  }
}

/** The key of a resource: its stack and logical ID. */
export function keyOf(stack: string, logicalId: string): string {
  return `${stack}|${logicalId}`;
}

/**
 * What becomes of a resource in the update: `kept` (unchanged), `updated` (in place),
 * `replaced` (a new physical resource, created before the old one is deleted in cleanup),
 * `maybe` (the specification says a change of that property may replace it), `added`,
 * `removed`, `retyped` (same logical ID, another type). A resource of a stack that the new
 * assembly no longer has is `kept`: `cdk deploy` does not delete a stack that left the app.
 */
export type Fate = 'kept' | 'updated' | 'replaced' | 'maybe' | 'added' | 'removed' | 'retyped';

/** A property change of a resource that exists on both sides. */
export interface Cause {
  readonly property: string;
  /** What the specification says a change of this property does. */
  readonly effect: ReplacementEffect;
  /** The value changed (both sides' values), or it is the same text but refers to `via`, which is replaced. */
  readonly before?: unknown;
  readonly after?: unknown;
  readonly via?: string;
}

/** The fate of one resource and the property changes that decide it. */
export interface Verdict {
  readonly fate: Fate;
  /** The changes of properties whose change replaces (or may replace) the resource. */
  readonly causes: readonly Cause[];
}

const NEW_FATES: ReadonlySet<Fate> = new Set(['added', 'replaced', 'retyped']);
const GONE_FATES: ReadonlySet<Fate> = new Set(['removed', 'replaced', 'retyped']);

/**
 * The update from one assembly to another, resource by resource: which resources are added,
 * removed, updated or replaced, and why. A property change replaces a resource as the
 * CloudFormation resource specification says (per top-level property); a property whose text
 * is unchanged but refers to a replaced resource changes too (the referenced physical ID or
 * attribute is new), so replacements propagate — a replaced VPC replaces its subnets.
 */
export class Change {
  private readonly verdicts = new Map<string, Verdict>();

  constructor(readonly before: Side, readonly after: Side) {
    const both: Array<[Res, Res]> = [];
    for (const [key, b] of before.resources) {
      const a = after.resources.get(key);
      if (a === undefined) this.verdicts.set(key, { fate: after.stacks.has(b.stack) ? 'removed' : 'kept', causes: [] });
      else if (a.type !== b.type) this.verdicts.set(key, { fate: 'retyped', causes: [] });
      else both.push([b, a]);
    }
    for (const key of after.resources.keys()) {
      if (!before.resources.has(key)) this.verdicts.set(key, { fate: 'added', causes: [] });
    }
    for (const [b] of both) this.verdicts.set(b.key, { fate: 'kept', causes: [] });
    // replacements only escalate a fate (kept < updated < maybe < replaced): iterate to the fixed point
    let changed = true;
    while (changed) {
      changed = false;
      for (const [b, a] of both) {
        const verdict = this.judge(b, a);
        if (verdict.fate !== this.fate(b.key) || verdict.causes.length !== this.verdict(b.key).causes.length) {
          this.verdicts.set(b.key, verdict);
          changed = true;
        }
      }
    }
  }

  /** The verdict of a resource of either side. */
  verdict(key: string): Verdict {
    return this.verdicts.get(key) ?? { fate: 'kept', causes: [] };
  }

  fate(key: string): Fate {
    return this.verdict(key).fate;
  }

  /** Whether the update creates a new physical resource under this key (added, replaced, retyped). */
  creates(key: string): boolean {
    return NEW_FATES.has(this.fate(key));
  }

  /** Whether the resource of the old side goes (removed or replaced: deleted in the cleanup phase, after everything new exists). */
  deletesLater(key: string): boolean {
    return GONE_FATES.has(this.fate(key));
  }

  /**
   * What a value of a resource of the old side (`side` before) or the new side stands for, so that
   * the two sides can be compared: a reference is its resource's key (`#new` on the new side
   * when the update creates it anew), anything else its JSON text.
   */
  identity(side: 'before' | 'after', template: StackTemplate, value: unknown): string | undefined {
    if (value === undefined) return undefined;
    const s = side === 'before' ? this.before : this.after;
    const key = s.target(template, value);
    if (key === undefined) return `=${JSON.stringify(value)}`;
    return side === 'after' && this.creates(key) ? `${key}#new` : key;
  }

  /** Whether, on the new side, `from` depends on `on` (DependsOn or a reference, transitively, within its stack). */
  dependsOn(from: Res, on: string): boolean {
    const seen = new Set<string>();
    const todo = [from.key];
    while (todo.length) {
      const r = this.after.resources.get(todo.pop()!);
      if (!r) continue;
      const next = new Set(this.after.references(r.template, r.props));
      for (const d of asStrings(r.resource.DependsOn)) next.add(keyOf(r.stack, d));
      for (const k of next) {
        if (k === on) return true;
        if (!seen.has(k)) {
          seen.add(k);
          todo.push(k);
        }
      }
    }
    return false;
  }

  private judge(b: Res, a: Res): Verdict {
    const effects = replacementEffects(a.type);
    const causes: Cause[] = [];
    let updated = false;
    for (const property of new Set([...Object.keys(b.props), ...Object.keys(a.props)])) {
      const effect = effects?.get(property) ?? 'no';
      const [was, is] = [b.props[property], a.props[property]];
      if (!cfnEqual(was, is)) {
        updated = true;
        if (effect !== 'no') causes.push({ property, effect, before: was, after: is });
        continue;
      }
      const refs = [...this.after.references(a.template, is)];
      const replaced = refs.find(k => k !== a.key && (this.fate(k) === 'replaced' || this.fate(k) === 'retyped'));
      const maybe = refs.find(k => k !== a.key && this.fate(k) === 'maybe');
      const via = replaced ?? maybe;
      if (via === undefined) continue;
      updated = true;
      const viaEffect: ReplacementEffect = replaced === undefined && effect === 'yes' ? 'maybe' : effect;
      if (viaEffect !== 'no') causes.push({ property, effect: viaEffect, via });
    }
    const fate: Fate = causes.some(c => c.effect === 'yes') ? 'replaced'
      : causes.length ? 'maybe'
        : updated ? 'updated' : 'kept';
    return { fate, causes };
  }
}

/** A `DependsOn` value (one logical ID or a list) as a list. */
function asStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

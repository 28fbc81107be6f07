import { CfnResource, CfnTemplate } from './cost/template';

/**
 * One stack's template with the lookups every section needs: resources by logical ID and
 * by type, and a readable name for each (its construct path, `aws:cdk:path` without the
 * stack prefix and the trailing `/Resource`, else its logical ID).
 */
export class StackTemplate {
  /** The resources by logical ID: the stack's own, and those of stacks it imports from. */
  readonly resources: ReadonlyMap<string, CfnResource>;

  /** The template as the sections read it: only resources that are objects with a `Type`, properties an object. */
  readonly template: CfnTemplate;

  /** The template's Outputs (for exports other stacks import). */
  readonly outputs: Record<string, any>;

  /** Display names of the resources of other stacks this stack imports from (see withImports). */
  private readonly foreign: ReadonlyMap<string, string>;

  /** The stack each resource of another stack (see withImports) belongs to. */
  private readonly owners: ReadonlyMap<string, string>;

  /** The export names this stack imports (`Fn::ImportValue`), followed or not. */
  readonly imports: ReadonlySet<string>;

  /**
   * @param stackName the stack's construct path (display name), stripped from resource paths
   * @param paths construct paths by logical ID from the assembly's `aws:cdk:logicalId`
   *   metadata, used when the template has no `aws:cdk:path` (path metadata off)
   * @param foreign resources of other stacks this stack imports from: [logical ID, resource, display name, stack]
   * @param followedImports export names of imports already replaced by the exported expression
   */
  constructor(readonly stackName: string, template: CfnTemplate, private readonly paths: ReadonlyMap<string, string> = new Map(),
    foreign: ReadonlyArray<readonly [string, CfnResource, string, string]> = [], followedImports: Iterable<string> = []) {
    const own = new Map(Object.entries(isObject(template.Resources) ? template.Resources : {})
      .filter(([, r]) => isObject(r) && typeof r.Type === 'string')
      .map(([id, r]) => [id, isObject(r.Properties) || r.Properties === undefined ? r : { ...r, Properties: {} }] as [string, CfnResource]));
    this.template = { Resources: Object.fromEntries(own) };
    const outputs = (template as { Outputs?: unknown }).Outputs;
    this.outputs = isObject(outputs) ? outputs : {};
    const added = foreign.filter(([id]) => !own.has(id));
    this.foreign = new Map(added.map(([id, , name]) => [id, name]));
    this.owners = new Map(added.map(([id, , , stack]) => [id, stack]));
    this.imports = new Set([...followedImports, ...importNames(this.template.Resources), ...importNames(this.outputs)]);
    this.resources = new Map([...own, ...added.map(([id, r]) => [id, r] as [string, CfnResource])]);
  }

  /**
   * The resources of one CloudFormation type in this stack, as [logicalId, resource]; with
   * `imported`, also those of other stacks this stack imports from (to follow references).
   */
  ofType(type: string, imported = false): Array<[string, CfnResource]> {
    return [...this.resources].filter(([id, r]) => r.Type === type && (imported || !this.foreign.has(id)));
  }

  /** A copy with its own resources replaced (imports resolved) and other stacks' resources to follow references into. */
  withImports(resources: Record<string, CfnResource>, foreign: ReadonlyArray<readonly [string, CfnResource, string, string]>,
    followedImports: Iterable<string>): StackTemplate {
    return new StackTemplate(this.stackName, { Resources: resources, Outputs: this.outputs } as CfnTemplate, this.paths, foreign,
      [...followedImports, ...this.imports]);
  }

  /** The stack a resource belongs to: this one, or the other stack it was merged in from. */
  ownerOf(logicalId: string): string {
    return this.owners.get(logicalId) ?? this.stackName;
  }

  /** Whether a resource belongs to another stack (merged in to follow this stack's imports). */
  isForeign(logicalId: string): boolean {
    return this.foreign.has(logicalId);
  }

  /** The resource a logical ID names, if it is in this template. */
  get(logicalId: string | undefined): CfnResource | undefined {
    return logicalId === undefined ? undefined : this.resources.get(logicalId);
  }

  /** The construct path of a resource (`Web/LoadBalancer`), else its logical ID. */
  nameOf(logicalId: string): string {
    const foreign = this.foreign.get(logicalId);
    if (foreign !== undefined) return foreign;
    const path = this.pathOf(logicalId);
    if (path === undefined) return logicalId;
    let name = path.replace(new RegExp(`^${escapeRegExp(this.stackName)}/`), '');
    // an ecs.FargateService's CfnService is its child `Service`
    if (this.resources.get(logicalId)?.Type === 'AWS::ECS::Service') name = name.replace(/\/Service$/, '');
    return name.replace(/(\/(Resource|Default))+$/, '');
  }

  /** The full `aws:cdk:path` of a resource, if recorded. */
  pathOf(logicalId: string): string | undefined {
    const path = (this.resources.get(logicalId) as { Metadata?: Record<string, unknown> } | undefined)?.Metadata?.['aws:cdk:path'];
    return typeof path === 'string' ? path : this.paths.get(logicalId);
  }

  /**
   * A CloudFormation value as text: a reference becomes `{name}` (`{Scores.Arn}` for an
   * attribute; braces, not angle brackets, which Markdown would take for HTML), a pseudo
   * parameter `${AWS::Region}`.
   */
  render(value: unknown): string {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (Array.isArray(value)) return value.map(v => this.render(v)).join(', ');
    if (value !== null && typeof value === 'object') {
      const o = value as Record<string, unknown>;
      if (typeof o.Ref === 'string') return this.resources.has(o.Ref) ? `{${this.nameOf(o.Ref)}}` : `\${${o.Ref}}`;
      const getAtt = o['Fn::GetAtt'];
      if (Array.isArray(getAtt)) return `{${this.resources.has(String(getAtt[0])) ? this.nameOf(String(getAtt[0])) : String(getAtt[0])}.${String(getAtt[1])}}`;
      const join = o['Fn::Join'];
      if (Array.isArray(join) && Array.isArray(join[1])) return (join[1] as unknown[]).map(v => this.render(v)).join(String(join[0]));
      const sub = o['Fn::Sub'];
      if (typeof sub === 'string') return sub;
      if (Array.isArray(sub) && typeof sub[0] === 'string') return sub[0];
      const select = o['Fn::Select'];
      if (Array.isArray(select) && (select[1] as Record<string, unknown> | undefined)?.['Fn::GetAZs'] !== undefined) return `AZ ${Number(select[0]) + 1}`;
      if (Array.isArray(select)) return `${this.render(select[1])}[${this.render(select[0])}]`;
      const importValue = o['Fn::ImportValue'];
      if (importValue !== undefined) return `import(${this.render(importValue)})`;
      return JSON.stringify(value);
    }
    return String(value);
  }
}

/** The logical ID a `{ Ref }` or `{ Fn::GetAtt }` points at, if the value is one. */
export function refTarget(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const o = value as Record<string, unknown>;
  if (typeof o.Ref === 'string') return o.Ref;
  const getAtt = o['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') return getAtt[0];
  return undefined;
}

/** A value that may be one item or a list, as a list. */
export function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** A resource's properties (empty if none). */
export function props(r: CfnResource | undefined): Record<string, unknown> {
  return r?.Properties ?? {};
}

/** The export names that `Fn::ImportValue`s anywhere in `value` name (when literal). */
function importNames(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) {
    for (const v of value) importNames(v, into);
  } else if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'Fn::ImportValue' && typeof v === 'string') into.push(v);
      else importNames(v, into);
    }
  }
  return into;
}

function isObject(value: unknown): value is Record<string, any> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

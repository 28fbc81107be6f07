/**
 * The logical-ID mapping of a refactoring that moves constructs (what `cdk refactor` sends to
 * CloudFormation's stack refactoring, and what an `--override-file` or `overrideLogicalId`
 * pins): resources are matched by their construct path (`aws:cdk:path` metadata) with the
 * old prefix replaced by the new one.
 */
export function pathMapping(before: Record<string, any>, after: Record<string, any>, fromPrefix: string, toPrefix: string): Map<string, string> {
  const byPath = new Map<string, string>();
  for (const [id, r] of Object.entries<any>(after.Resources ?? {})) {
    const path = r.Metadata?.['aws:cdk:path'];
    if (path) byPath.set(path, id);
  }
  const mapping = new Map<string, string>();
  for (const [id, r] of Object.entries<any>(before.Resources ?? {})) {
    const path: string | undefined = r.Metadata?.['aws:cdk:path'];
    if (!path?.startsWith(fromPrefix)) continue;
    const target = byPath.get(toPrefix + path.slice(fromPrefix.length));
    if (target !== undefined && target !== id) mapping.set(id, target);
  }
  return mapping;
}

/**
 * The deployed template after CloudFormation applied the refactoring: the same resources with
 * the same properties under their new logical IDs (references follow).
 */
export function applyMapping(template: Record<string, any>, mapping: Map<string, string>): Record<string, any> {
  const rename = (id: string) => mapping.get(id) ?? id;
  const walk = (v: any): any => {
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== 'object') return v;
    const out: Record<string, any> = {};
    for (const [k, x] of Object.entries(v)) {
      if (k === 'Ref' && typeof x === 'string') out[k] = rename(x);
      else if (k === 'Fn::GetAtt' && Array.isArray(x)) out[k] = [rename(x[0]), ...x.slice(1)];
      else if (k === 'Fn::GetAtt' && typeof x === 'string') out[k] = rename(x.split('.')[0]) + x.slice(x.indexOf('.'));
      else if (k === 'DependsOn') out[k] = Array.isArray(x) ? x.map(rename) : rename(x as string);
      else if (k === 'Fn::Sub' && typeof x === 'string') out[k] = x.replace(/\$\{([^}.!]+)/g, (_m, id) => `\${${rename(id)}`);
      else out[k] = walk(x);
    }
    return out;
  };
  const resources: Record<string, any> = {};
  for (const [id, r] of Object.entries<any>(template.Resources ?? {})) resources[rename(id)] = walk(r);
  return { ...walk(template), Resources: resources };
}

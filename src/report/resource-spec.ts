import { loadAwsServiceSpecSync } from '@aws-cdk/aws-service-spec';

/** What changing a property does, per CloudFormation's resource specification. */
export type ReplacementEffect = 'yes' | 'maybe' | 'no';

type SpecDatabase = ReturnType<typeof loadAwsServiceSpecSync>;

let database: SpecDatabase | undefined;
const byType = new Map<string, ReadonlyMap<string, ReplacementEffect> | undefined>();

/**
 * The replacement effect of each top-level property of a CloudFormation resource type, from
 * the CloudFormation resource specification as @aws-cdk/aws-service-spec ships it (the
 * database `cdk diff` reads through @aws-cdk/cloudformation-diff); `undefined` for a type it
 * does not know (a custom resource). Loaded once, on first use (about 0.4 s).
 */
export function replacementEffects(type: string): ReadonlyMap<string, ReplacementEffect> | undefined {
  if (byType.has(type)) return byType.get(type);
  database ??= loadAwsServiceSpecSync();
  const resource = database.lookup('resource', 'cloudFormationType', 'equals', type)[0];
  const effects = resource === undefined ? undefined : new Map(Object.entries(resource.properties)
    .map(([name, p]) => [name, (p.causesReplacement ?? 'no') as ReplacementEffect]));
  byType.set(type, effects);
  return effects;
}

/**
 * Whether two CloudFormation values are the same to CloudFormation: deep equality, where a
 * number and its string (`80`, `"80"`) and a boolean and its string are equal (as
 * @aws-cdk/cloudformation-diff compares them).
 */
export function cfnEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((typeof a === 'string' && typeof b === 'boolean') || (typeof a === 'boolean' && typeof b === 'string')) return String(a) === String(b);
  if ((typeof a === 'string' || typeof b === 'string') && (typeof a === 'number' || typeof b === 'number')) return Number(a) === Number(b);
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bs = b as unknown[];
    return a.length === bs.length && a.every((v, i) => cfnEqual(v, bs[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = Object.keys(ao);
  return keys.length === Object.keys(bo).length && keys.every(k => Object.prototype.hasOwnProperty.call(bo, k) && cfnEqual(ao[k], bo[k]));
}

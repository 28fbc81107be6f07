import { CfnResource, CfnTemplate } from '../../src/report/cost/template';

export type { CfnResource, CfnTemplate };

/** Resource counts by CloudFormation type. */
export type TypeCounts = Record<string, number>;

/** Counts the resources of the templates by type. */
export function countByType(templates: readonly CfnTemplate[]): TypeCounts {
  const counts: TypeCounts = {};
  for (const t of templates) {
    for (const r of Object.values(t.Resources ?? {})) {
      counts[r.Type] = (counts[r.Type] ?? 0) + 1;
    }
  }
  return counts;
}

/** Bytes of each resource as compact JSON, summed by CloudFormation type. */
export function bytesByType(templates: readonly CfnTemplate[]): TypeCounts {
  const bytes: TypeCounts = {};
  for (const t of templates) {
    for (const r of Object.values(t.Resources ?? {})) {
      bytes[r.Type] = (bytes[r.Type] ?? 0) + Buffer.byteLength(JSON.stringify(r));
    }
  }
  return bytes;
}

/** The total number of resources in type counts. */
export function totalResources(counts: TypeCounts): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/** One resource type whose count differs between two apps. */
export interface TypeDifference {
  readonly type: string;
  readonly base: number;
  readonly other: number;
}

/** The resource types whose counts differ, `other - base`, sorted by type. */
export function diffByType(base: TypeCounts, other: TypeCounts): TypeDifference[] {
  const types = [...new Set([...Object.keys(base), ...Object.keys(other)])].sort();
  return types
    .map(type => ({ type, base: base[type] ?? 0, other: other[type] ?? 0 }))
    .filter(d => d.base !== d.other);
}

/** `AWS::EC2::SecurityGroupIngress +2` style text for differences (empty list: 'none'). */
export function formatDifferences(diffs: readonly TypeDifference[]): string {
  if (diffs.length === 0) return 'none';
  return diffs.map(d => `${d.type.replace(/^AWS::/, '')} ${d.other > d.base ? '+' : ''}${d.other - d.base}`).join(', ');
}

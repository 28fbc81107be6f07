/**
 * How ALB patterns (host headers, case-insensitive; path patterns, case-sensitive; `*` for any
 * characters, `?` for one) relate to each other: whether two can match the same request and
 * whether one matches every request the other matches. Used by the shared-listener rules.
 */

/** The literal part of an ALB pattern before its first wildcard. */
export function literalPrefix(pattern: string): string {
  const i = pattern.search(/[*?]/);
  return i === -1 ? pattern : pattern.slice(0, i);
}

/** Whether the ALB wildcard pattern `glob` (`*`, `?`) matches the literal `text`. */
export function globMatches(glob: string, text: string, caseSensitive = true): boolean {
  const esc = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${esc}$`, caseSensitive ? '' : 'i').test(text);
}

const hasWildcard = (p: string) => /[*?]/.test(p);

/**
 * Whether two ALB patterns can match the same value (conservatively: two patterns with
 * wildcards overlap when one's literal prefix starts with the other's).
 */
export function patternsOverlap(a: string, b: string, caseSensitive = true): boolean {
  const [x, y] = caseSensitive ? [a, b] : [a.toLowerCase(), b.toLowerCase()];
  if (x === y) return true;
  if (!hasWildcard(x) && !hasWildcard(y)) return false;
  if (!hasWildcard(x)) return globMatches(y, x);
  if (!hasWildcard(y)) return globMatches(x, y);
  const px = literalPrefix(x);
  const py = literalPrefix(y);
  return px.startsWith(py) || py.startsWith(px);
}

/**
 * Whether pattern `a` surely matches every value `b` matches: equal patterns; a literal `b`
 * that `a` matches; or `a` of the form `prefix*` and `b`'s literal part starting with `prefix`.
 * Otherwise `false` (not known to cover).
 */
export function patternCovers(a: string, b: string, caseSensitive = true): boolean {
  const [x, y] = caseSensitive ? [a, b] : [a.toLowerCase(), b.toLowerCase()];
  if (x === y) return true;
  if (!hasWildcard(y)) return globMatches(x, y);
  const prefix = literalPrefix(x);
  return x === `${prefix}*` && literalPrefix(y).startsWith(prefix);
}

/** Whether a condition set matches anything: no condition, or a lone `*` among its values. */
function matchesAnything(xs: readonly string[]): boolean {
  return xs.length === 0 || xs.includes('*');
}

/** Whether two condition sets (empty: anything) can match the same value. */
export function setsOverlap(a: readonly string[], b: readonly string[], caseSensitive: boolean): boolean {
  if (matchesAnything(a) || matchesAnything(b)) return true;
  return a.some(x => b.some(y => patternsOverlap(x, y, caseSensitive)));
}

/** Whether condition set `a` (empty: anything) matches every value set `b` matches. */
export function setCovers(a: readonly string[], b: readonly string[], caseSensitive: boolean): boolean {
  if (matchesAnything(a)) return true;
  if (matchesAnything(b)) return false;
  return b.every(y => a.some(x => patternCovers(x, y, caseSensitive)));
}

/** Whether two condition sets are the same (hosts compare case-insensitively). */
export function sameSet(a: readonly string[], b: readonly string[], caseSensitive: boolean): boolean {
  const norm = (xs: readonly string[]) => [...new Set(xs.map(x => caseSensitive ? x : x.toLowerCase()))].sort().join('\n');
  return norm(a) === norm(b);
}

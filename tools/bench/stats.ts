/** The median of a non-empty list of numbers. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error('median of an empty list');
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Time per added service between two sizes: (t(b) - t(a)) / (b - a). */
export function perServiceSlope(a: { n: number; ms: number }, b: { n: number; ms: number }): number {
  return (b.ms - a.ms) / (b.n - a.n);
}

/**
 * How far growth is from linear: the per-service slope over the larger interval divided by
 * the slope over the smaller one (1.0 = perfectly linear; > 1 = each service costs more as
 * the app grows). Needs three sizes in increasing order.
 */
export function growthRatio(points: ReadonlyArray<{ n: number; ms: number }>): number {
  if (points.length < 3) throw new Error('growthRatio needs three sizes');
  const [a, b, c] = points;
  return perServiceSlope(b, c) / perServiceSlope(a, b);
}

/** Growth within this ratio counts as linear (timer noise and GC make 1.0 exact unreachable). */
export const LINEAR_GROWTH_LIMIT = 1.5;

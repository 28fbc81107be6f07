import { Problem, problemText } from '../../src/validation/rule';

/** The text a problem reads as (`[ID] message Fix: fix`); anything else as it is. */
type Text<T> = T extends Problem ? string : T extends undefined ? undefined : T;
type TextOf<R> = R extends ReadonlyArray<infer E> ? Array<Text<E>> : Text<R>;
type AsText<M> = { [K in keyof M]: M[K] extends (...args: infer A) => infer R ? (...args: A) => TextOf<R> : M[K] };

function isProblem(x: unknown): x is Problem {
  return typeof x === 'object' && x !== null && 'rule' in x && 'kind' in x;
}

function text(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(e => isProblem(e) ? problemText(e) : e);
  return isProblem(x) ? problemText(x) : x;
}

/**
 * A rule module whose check functions return the text of their problems instead of the
 * problems (so tests read what the user reads), each problem as `[ID] message Fix: fix`.
 */
export function asText<M extends object>(mod: M): AsText<M> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(mod)) {
    out[k] = typeof v === 'function' ? (...args: unknown[]) => text((v as (...a: unknown[]) => unknown)(...args)) : v;
  }
  return out as AsText<M>;
}

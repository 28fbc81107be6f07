import { IConstruct } from 'constructs';

/**
 * Builds the one error message format every construct of this library uses:
 * `<ConstructType> <construct path>: <what is wrong, with the value>. <rule>. Fix: <fix>`.
 *
 * Rule functions under `src/validation/` return the part after the path (or
 * `undefined` when the input is valid); constructs turn it into an error here.
 */
export function formatProblem(constructType: string, scope: IConstruct, problem: string): string {
  return `${constructType} ${scope.node.path}: ${problem}`;
}

/**
 * Throws a synth-time error for a prop that is wrong on its own.
 */
export function throwIfProblem(constructType: string, scope: IConstruct, problem: string | undefined): void {
  if (problem !== undefined) {
    throw new Error(formatProblem(constructType, scope, problem));
  }
}

/**
 * Throws the first of several problems, if any.
 */
export function throwIfProblems(constructType: string, scope: IConstruct, problems: Array<string | undefined>): void {
  for (const p of problems) {
    throwIfProblem(constructType, scope, p);
  }
}

import { Annotations, Tokenization, Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ruleById } from './rules';

/**
 * The prefix of this library's rules in aws-cdk-lib's acknowledgements:
 * `Validations.of(scope).acknowledge({ id: 'cdk-fargate-kit::FGK-TASK-SIZE', reason })`.
 */
export const RULE_PREFIX = 'cdk-fargate-kit';

/** The rule ID a problem message starts with (`[FGK-TASK-SIZE] ...`). */
export function ruleIdOf(problem: string): string | undefined {
  return /^\[(FGK-[A-Z0-9-]+)\]/.exec(problem)?.[1];
}

/**
 * Writes the tokens in a message as `(token)` instead of their encodings (`-1.888e+289`,
 * `${Token[X.12]}`), through aws-cdk-lib's public `Tokenization.reverseString` (which knows
 * both string and number encodings), so a change of the encoding cannot leak into messages.
 */
export function describeTokens(text: string): string {
  // (Token.isUnresolved is no test here: it misses a string whose only token is a number)
  try {
    const fragments = Tokenization.reverseString(text);
    if (fragments.tokens.length === 0) return text;
    return fragments
      .mapTokens({ mapToken: () => '(token)' })
      .join({ join: (left: unknown, right: unknown) => `${left}${right}` });
  } catch {
    // an encoding this app did not issue (UnrecognizedTokenKey): leave the text as it is
    return text;
  }
}

/**
 * Builds the one error message format every construct of this library uses:
 * `<ConstructType> <construct path>: [RULE-ID] <what is wrong, with the value>. <rule>. Fix: <fix>`.
 *
 * Rule functions under `src/validation/` return the part after the path (or
 * `undefined` when the input is valid); constructs turn it into an error here.
 */
export function formatProblem(constructType: string, scope: IConstruct, problem: string): string {
  return describeTokens(`${constructType} ${scope.node.path}: ${problem}`);
}

/** The reason `scope` or one of its ancestors gives for acknowledging `ruleId`, if any. */
export function acknowledgementOf(scope: IConstruct, ruleId: string): string | undefined {
  for (const s of [...scope.node.scopes].reverse()) {
    for (const entry of s.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
      const reason = (entry.data as Record<string, string>)[`${RULE_PREFIX}::${ruleId}`];
      if (reason !== undefined) return reason;
    }
  }
  return undefined;
}

type ProblemSource = () => ReadonlyArray<string | undefined | false | 0 | null>;

interface Collector {
  readonly sources: Array<{ constructType: string; source: ProblemSource }>;
  readonly acknowledged: Set<string>;
}

const COLLECTORS = new WeakMap<IConstruct, Collector>();

/**
 * The one validation of `scope` that reports every problem of this library at synth, each
 * once: aws-cdk-lib collects the validations of every construct and throws one error
 * listing all of them. A problem of a rule that encodes an AWS fact is not an error when the
 * user acknowledged it (`Validations.of(scope).acknowledge({ id: 'cdk-fargate-kit::FGK-...', reason })`); it is shown as an info annotation.
 */
function collectorOf(scope: IConstruct): Collector {
  let c = COLLECTORS.get(scope);
  if (c === undefined) {
    const collector: Collector = { sources: [], acknowledged: new Set() };
    c = collector;
    COLLECTORS.set(scope, c);
    scope.node.addValidation({
      validate: () => {
        const errors = new Set<string>();
        for (const { constructType, source } of collector.sources) {
          for (const p of source()) {
            if (typeof p !== 'string') continue;
            const message = formatProblem(constructType, scope, p);
            const id = ruleIdOf(p);
            const reason = id !== undefined && ruleById(id)?.awsFact ? acknowledgementOf(scope, id) : undefined;
            if (reason === undefined) {
              errors.add(message);
            } else if (!collector.acknowledged.has(message)) {
              collector.acknowledged.add(message);
              Annotations.of(scope).addInfo(`${message} [acknowledged: ${reason}]`);
            }
          }
        }
        return [...errors];
      },
    });
  }
  return c;
}

/**
 * Records problems of `scope` to report at synth, all at once. Returns whether there was
 * any, so that the caller can keep a bad value away from an L2 that would crash on it.
 */
export function reportProblems(constructType: string, scope: IConstruct, problems: ReadonlyArray<string | undefined | false | 0 | null>): boolean {
  const found = problems.filter((p): p is string => typeof p === 'string');
  if (found.length === 0) return false;
  collectorOf(scope).sources.push({ constructType, source: () => found });
  return true;
}

/** Records rules checked at synth (they need the whole tree, or values resolved late). */
export function reportAtSynth(constructType: string, scope: IConstruct, source: ProblemSource): void {
  collectorOf(scope).sources.push({ constructType, source });
}

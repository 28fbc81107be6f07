import { Annotations, Tokenization, Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { Finding, Problem, RULE_PREFIX } from './rule';

export { RULE_PREFIX } from './rule';

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
 * The one message format of every problem of this library:
 * `<ConstructType> <construct path>: [RULE-ID] <what is wrong, with the value>. Fix: <fix>. Rule: <link>`.
 */
export function formatProblem(constructType: string, scope: IConstruct, problem: Problem): string {
  const { message, fix } = problem.rule.textOf(problem);
  return describeTokens(`${constructType} ${scope.node.path}: [${problem.rule.id}] ${message} Fix: ${fix} Rule: ${problem.rule.url}`);
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

/** A source of problems read at synth. */
type ProblemSource = () => ReadonlyArray<Finding>;

interface Collector {
  readonly sources: Array<{ constructType: string; source: ProblemSource }>;
  /** Messages already annotated (warnings and acknowledged problems), so a second synth adds none. */
  readonly annotated: Set<string>;
}

const COLLECTORS = new WeakMap<IConstruct, Collector>();

/**
 * The one validation of `scope` that reports every problem of this library at synth, each
 * once: aws-cdk-lib collects the validations of every construct and throws one error listing
 * all of them. A problem of an acknowledgeable rule that the user acknowledged
 * (`Validations.of(scope).acknowledge({ id: 'cdk-fargate-kit::FGK-...', reason })`, on the
 * construct or a scope above it) is shown as info instead; a warning rule's problem is a
 * warning annotation.
 */
function collectorOf(scope: IConstruct): Collector {
  let c = COLLECTORS.get(scope);
  if (c === undefined) {
    const collector: Collector = { sources: [], annotated: new Set() };
    c = collector;
    COLLECTORS.set(scope, c);
    scope.node.addValidation({ validate: () => validate(scope, collector) });
  }
  return c;
}

function validate(scope: IConstruct, collector: Collector): string[] {
  const errors = new Set<string>();
  const annotate = (message: string, add: () => void) => {
    if (collector.annotated.has(message)) return;
    collector.annotated.add(message);
    add();
  };
  for (const { constructType, source } of collector.sources) {
    for (const p of source()) {
      if (p === undefined) continue;
      const message = formatProblem(constructType, scope, p);
      const reason = p.rule.acknowledgeable ? acknowledgementOf(scope, p.rule.id) : undefined;
      if (reason !== undefined) {
        annotate(message, () => Annotations.of(scope).addInfo(`${message} [acknowledged: ${reason}]`));
      } else if (p.rule.severity === 'warning') {
        annotate(message, () => Annotations.of(scope).addWarning(message));
      } else {
        errors.add(message);
      }
    }
  }
  return [...errors];
}

/**
 * Records problems of `scope` to report at synth, all at once. Returns whether there was an
 * error among them, so that the caller can keep a bad value away from an L2 that would crash on it.
 */
export function reportProblems(constructType: string, scope: IConstruct, problems: ReadonlyArray<Finding>): boolean {
  const found = problems.filter((p): p is Problem => p !== undefined);
  if (found.length === 0) return false;
  collectorOf(scope).sources.push({ constructType, source: () => found });
  return found.some(p => p.rule.severity === 'error');
}

/** Records rules checked at synth (they need the whole tree, or values resolved late). */
export function reportAtSynth(constructType: string, scope: IConstruct, source: ProblemSource): void {
  collectorOf(scope).sources.push({ constructType, source });
}

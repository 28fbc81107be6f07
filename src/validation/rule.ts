/**
 * Rules as data: every rule this library checks is one declaration (its ID, severity, whether
 * it may be acknowledged, the AWS fact it encodes with the source of that fact, and the builders
 * of its message and fix over a structured problem). Checks return `Problem`s, never text; the
 * message a user reads, RULES.md and each rule's test pair are all made from the declaration.
 */

/** Where RULES.md is published: every message ends with the link to its rule's section. */
export const RULES_URL = 'https://github.com/cdk-fargate-kit/cdk-fargate-kit/blob/main/RULES.md';

/** The prefix of this library's rule IDs in aws-cdk-lib's acknowledgements (`cdk-fargate-kit::FGK-TASK-SIZE`). */
export const RULE_PREFIX = 'cdk-fargate-kit';

/** `error` stops the synth; `warning` is reported and synthesizes. */
export type Severity = 'error' | 'warning';

/**
 * A compliant and a non-compliant app for a rule, as TypeScript statements run against the
 * rule fixture (rosetta/rule.ts-fixture: `stack`, a 2-AZ imported `network` and the usual
 * imports). The non-compliant one triggers this rule and no other; the compliant one is the
 * smallest fix of it and synthesizes with no error and no warning. RULES.md shows both (and
 * rosetta's translations); test/rules/ runs both.
 */
export interface RuleExamples {
  /** Statements that synthesize cleanly. */
  readonly compliant: string;
  /** Statements that trigger exactly this rule. */
  readonly nonCompliant: string;
}

/** Builds the text of one kind of problem of a rule from its details. */
export interface ProblemText<D> {
  /** What is wrong, with the value and why (one or more sentences, ends with '.'). */
  readonly message: (details: D) => string;
  /** How to fix it (ends with '.'). */
  readonly fix: (details: D) => string;
}

/** What every rule declares besides its texts. */
export interface RuleFacts {
  /** Stable ID, printed in every message: `FGK-TASK-SIZE`. */
  readonly id: string;
  /** `error` (the default) stops the synth; `warning` is an annotation. */
  readonly severity?: Severity;
  /**
   * Whether a user may acknowledge a problem of the rule (then reported as info): true for
   * facts AWS may change (sizes, quotas, platform support) and for every warning.
   */
  readonly acknowledgeable: boolean;
  /** The constructs that check it, e.g. 'FargateTaskDef, FargateService'. */
  readonly checkedBy: string;
  /** One line: what AWS (or the design) requires, and why. */
  readonly fact: string;
  /** The URL of the AWS documentation the fact comes from. */
  readonly source: string;
  /** The test pair and RULES.md examples. */
  readonly examples: RuleExamples;
}

/** A rule as the catalogue, RULES.md and the reporter see it. */
export interface RuleInfo extends Required<Omit<RuleFacts, 'severity'>> {
  /** `error` or `warning`. */
  readonly severity: Severity;
  /** The heading anchor of the rule's section in RULES.md (`fgk-task-size`). */
  readonly anchor: string;
  /** The link to the rule's section of RULES.md. */
  readonly url: string;
  /** The text of a problem of this rule. */
  textOf(problem: Problem): ProblemParts;
}

/** The message and fix of one problem. */
export interface ProblemParts {
  /** What is wrong. */
  readonly message: string;
  /** How to fix it. */
  readonly fix: string;
}

/** One problem a check found: which rule, which kind of problem of it, and the facts. */
export interface Problem {
  /** The rule. */
  readonly rule: RuleInfo;
  /** The kind of problem (a key of the rule's texts; 'problem' for a rule with one kind). */
  readonly kind: string;
  /** The facts the texts are built from (values, names, limits). */
  readonly details: unknown;
}

/** What a check returns for one value: a problem or nothing. */
export type Finding = Problem | undefined;

/** Every kind of problem of a rule with its texts. */
type Kinds = Record<string, ProblemText<never>>;
type DetailsOf<T> = T extends ProblemText<infer D> ? D : never;

abstract class RuleBase implements RuleInfo {
  public readonly id: string;
  public readonly severity: Severity;
  public readonly acknowledgeable: boolean;
  public readonly checkedBy: string;
  public readonly fact: string;
  public readonly source: string;
  public readonly examples: RuleExamples;
  public readonly anchor: string;
  public readonly url: string;

  protected constructor(facts: RuleFacts, private readonly kinds: Kinds) {
    this.id = facts.id;
    this.severity = facts.severity ?? 'error';
    this.acknowledgeable = facts.acknowledgeable;
    this.checkedBy = facts.checkedBy;
    this.fact = facts.fact;
    this.source = facts.source;
    this.examples = facts.examples;
    this.anchor = facts.id.toLowerCase();
    this.url = `${RULES_URL}#${this.anchor}`;
  }

  public textOf(problem: Problem): ProblemParts {
    const text = this.kinds[problem.kind] as ProblemText<unknown> | undefined;
    if (text === undefined) throw new Error(`rule ${this.id} has no problem kind '${problem.kind}'`);
    return { message: text.message(problem.details), fix: text.fix(problem.details) };
  }

  /** The kinds of problem this rule reports. */
  public get problemKinds(): string[] {
    return Object.keys(this.kinds);
  }
}

/** A rule with one kind of problem. */
export class Rule<D> extends RuleBase {
  constructor(facts: RuleFacts & ProblemText<D>) {
    super(facts, { problem: { message: facts.message, fix: facts.fix } as ProblemText<never> });
  }

  /** A problem of this rule. */
  public problem(details: D): Problem {
    return { rule: this, kind: 'problem', details };
  }
}

/** A rule with several kinds of problem, each with its own texts. */
export class RuleOfKinds<K extends Kinds> extends RuleBase {
  constructor(facts: RuleFacts & { readonly kinds: K }) {
    super(facts, facts.kinds);
  }

  /** A problem of this rule, of the given kind. */
  public problem<N extends keyof K & string>(kind: N, details: DetailsOf<K[N]>): Problem {
    return { rule: this, kind, details };
  }
}

/** Declares a rule with one kind of problem. */
export function defineRule<D = void>(facts: RuleFacts & ProblemText<D>): Rule<D> {
  return new Rule<D>(facts);
}

/** Declares a rule with several kinds of problem. */
export function defineRuleOfKinds<K extends Kinds>(facts: RuleFacts & { readonly kinds: K }): RuleOfKinds<K> {
  return new RuleOfKinds<K>(facts);
}

/** Whether `x` is a rule declaration. */
export function isRule(x: unknown): x is RuleInfo {
  return x instanceof RuleBase;
}

/** `[ID] message Fix: fix` (without construct path and link): the text checks are tested by. */
export function problemText(problem: Problem): string {
  const { message, fix } = problem.rule.textOf(problem);
  return `[${problem.rule.id}] ${message} Fix: ${fix}`;
}


import { runExample } from './run-example';
import { RuleInfo } from '../../src/validation/rule';
import { RULES } from '../../src/validation/rules';

/**
 * Declares the test pair of each rule of `RULES[from, to)`, from the rule's own examples: the
 * non-compliant app reports this rule and no other (an error, or a warning for a warning
 * rule), with the rule's link; the compliant app synthesizes with no error and no warning.
 */
export function declareRulePairs(from: number, to: number): void {
  describe.each(RULES.slice(from, to).map(r => [r.id, r] as [string, RuleInfo]))('%s', (_id, rule) => {
    test('has both examples', () => {
      expect(rule.examples.nonCompliant.trim()).not.toBe('');
      expect(rule.examples.compliant.trim()).not.toBe('');
    });

    test('non-compliant: reports exactly this rule, with its link', () => {
      const outcome = runExample(rule.examples.nonCompliant);
      expect(outcome.ruleIds).toEqual([rule.id]);
      const reported = rule.severity === 'error' ? outcome.error : outcome.warnings.join('\n');
      expect(reported).toContain(`[${rule.id}]`);
      expect(reported).toContain(`Rule: ${rule.url}`);
      if (rule.severity === 'warning') expect(outcome.error).toBeUndefined();
    });

    test('compliant: synthesizes with no error and no warning', () => {
      const outcome = runExample(rule.examples.compliant);
      expect(outcome.error).toBeUndefined();
      expect(outcome.warnings).toEqual([]);
    });
  });
}

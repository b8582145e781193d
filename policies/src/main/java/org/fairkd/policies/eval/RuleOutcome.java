package org.fairkd.policies.eval;

import org.fairkd.policies.model.Rule;

/**
 * The verdict of one rule for one slice in its scope.
 *
 * @param rule the rule
 * @param slice {@code sex=female}, {@code sex} (a whole-attribute figure), or null (overall)
 * @param status pass, warn, fail or error
 * @param finding harm, not shown, shown, or not evaluated
 * @param requiredRows for a {@link Finding#NOT_SHOWN} outcome, the approximate number of rows (of
 *     the slice, or of the test set for a whole-model, overall or whole-attribute figure) at which
 *     the interval would clear the bound: {@code n · (half_width / |estimate − bound|)²}; null
 *     otherwise, or when it cannot be computed (no interval or row count, or the estimate is on the
 *     bound)
 * @param evidence the figures the status rests on
 * @param explanation one sentence a reader understands
 * @param notEvaluatedReason for a {@link Finding#NOT_EVALUATED} outcome, why nothing was judged
 *     (e.g. "attribute 'sex' has one group (m): nothing to compare"); null otherwise
 */
public record RuleOutcome(
    Rule rule,
    String slice,
    Status status,
    Finding finding,
    Long requiredRows,
    Evidence evidence,
    String explanation,
    String notEvaluatedReason) {

  /** The verdict this outcome contributes (an error fails a fail-severity rule). */
  public Verdict verdict() {
    return Verdict.of(status, rule.severity());
  }
}

package org.fairkd.policies.eval;

import org.fairkd.policies.model.Rule;

/**
 * The verdict of one rule for one slice in its scope.
 *
 * @param rule the rule
 * @param slice {@code sex=female}, {@code sex} (a whole-attribute figure), or null (overall)
 * @param status pass, warn, fail or error
 * @param evidence the figures the status rests on
 * @param explanation one sentence a reader understands
 */
public record RuleOutcome(
    Rule rule, String slice, Status status, Evidence evidence, String explanation) {

  /** The verdict this outcome contributes (an error fails a fail-severity rule). */
  public Verdict verdict() {
    return Verdict.of(status, rule.severity());
  }
}

package org.fairkd.policies.eval;

/**
 * A fail-severity rule that judged nothing (its scope matched no slice, or every figure in it was
 * insufficient, undefined or missing), or a policy none of whose checks judged anything: the gate
 * treats it as bad input (exit 2), never as a pass.
 *
 * @param ruleId the rule
 * @param reason why, e.g. "attribute 'sex' has one group (m): nothing to compare"
 */
public record Unevaluated(String ruleId, String reason) {

  /** The one-line message: {@code rule air-four-fifths: attribute 'sex' has one group (m): ...}. */
  public String message() {
    return "rule " + ruleId + ": " + reason;
  }
}

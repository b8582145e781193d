package org.fairkd.audit;

import org.fairkd.audit.result.PolicyRecord;
import org.fairkd.audit.result.RuleCheck;
import org.fairkd.policies.eval.PolicyResult;
import org.fairkd.policies.eval.Verdict;

/**
 * The CI gate, for every command that judges a policy (audit, run, demo, policy evaluate): exit 0
 * when every {@code fail}-severity check passes (warnings allowed); 1 when one fails or cannot be
 * evaluated ({@code error}: the gate fails closed). A {@code warn}-severity check can at most warn,
 * even when it cannot be evaluated. With {@code strict}, a warning fails the gate too. The verdict
 * of each check is the policies module's ({@link Verdict#of}), so the exit code always agrees with
 * the audit's {@code verdict}. Nothing evaluated is not a pass: when a fail-severity rule judged
 * nothing (the policies module's {@link org.fairkd.policies.eval.Unevaluated}: its scope matched no
 * slice, or every figure in it was insufficient, undefined or missing), the gate throws an {@link
 * AuditException} naming the rule and why (exit 2), before any output is written.
 */
public final class Gate {
  private Gate() {}

  /** The exit code of a policy's evaluation: 0 the gate passed, 1 it failed. */
  public static int exitCode(PolicyResult result, boolean strict) {
    return exitCode(PolicyRecord.of(result), strict);
  }

  /**
   * The exit code of a recorded evaluation: 0 the gate passed, 1 it failed.
   *
   * @throws AuditException when a fail-severity rule judged nothing (exit 2)
   */
  public static int exitCode(PolicyRecord policy, boolean strict) {
    requireEvaluated(policy);
    for (RuleCheck c : policy.checks()) {
      Verdict v = Verdict.of(c.status(), c.severity());
      if (v == Verdict.FAIL || (strict && v == Verdict.WARN)) {
        return 1;
      }
    }
    return 0;
  }

  /**
   * Throws {@link AuditException} ({@code rule air-four-fifths: attribute 'sex' has one group (m):
   * nothing to compare}) when the evaluation judged nothing a fail-severity rule asks for.
   */
  public static void requireEvaluated(PolicyRecord policy) {
    if (policy.unevaluated() != null) {
      throw new AuditException(policy.unevaluated().message());
    }
  }
}

package org.fairkd.audit.result;

import java.util.List;
import org.fairkd.policies.eval.Finding;
import org.fairkd.policies.eval.PolicyResult;
import org.fairkd.policies.eval.Status;
import org.fairkd.policies.eval.Unevaluated;
import org.fairkd.policies.eval.Verdict;

/**
 * A policy's evaluation as an audit records it: the verdict, the policy header and one check per
 * rule and slice. Built from the policies module's {@link PolicyResult} ({@link #of}), or read back
 * from audit.json (where the rules themselves can no longer be rebuilt).
 *
 * @param verdict the worst verdict of the checks
 * @param policy the policy header
 * @param checks one per rule and slice, in rule order
 * @param unevaluated the fail-severity rule that judged nothing (the gate then exits 2), or null;
 *     an audit.json is never written for such an evaluation, so a read-back record has none
 */
public record PolicyRecord(
    Verdict verdict, PolicyHeader policy, List<RuleCheck> checks, Unevaluated unevaluated) {

  /** Copies the list. */
  public PolicyRecord {
    checks = List.copyOf(checks);
  }

  /** The record of an evaluation. */
  public static PolicyRecord of(PolicyResult result) {
    return new PolicyRecord(
        result.verdict(),
        PolicyHeader.of(result.policy()),
        result.outcomes().stream().map(RuleCheck::of).toList(),
        result.unevaluated().orElse(null));
  }

  /** How many checks have the given status. */
  public long count(Status status) {
    return checks.stream().filter(c -> c.status() == status).count();
  }

  /** How many checks with the given status show the given finding. */
  public long count(Status status, Finding finding) {
    return checks.stream().filter(c -> c.status() == status && c.finding() == finding).count();
  }
}

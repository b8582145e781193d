package org.fairkd.audit.result;

import java.util.List;
import org.fairkd.policies.eval.PolicyResult;
import org.fairkd.policies.eval.Status;
import org.fairkd.policies.eval.Verdict;

/**
 * A policy's evaluation as an audit records it: the verdict, the policy header and one check per
 * rule and slice. Built from the policies module's {@link PolicyResult} ({@link #of}), or read back
 * from audit.json (where the rules themselves can no longer be rebuilt).
 *
 * @param verdict the worst verdict of the checks
 * @param policy the policy header
 * @param checks one per rule and slice, in rule order
 */
public record PolicyRecord(Verdict verdict, PolicyHeader policy, List<RuleCheck> checks) {

  /** Copies the list. */
  public PolicyRecord {
    checks = List.copyOf(checks);
  }

  /** The record of an evaluation. */
  public static PolicyRecord of(PolicyResult result) {
    return new PolicyRecord(
        result.verdict(),
        PolicyHeader.of(result.policy()),
        result.outcomes().stream().map(RuleCheck::of).toList());
  }

  /** How many checks have the given status. */
  public long count(Status status) {
    return checks.stream().filter(c -> c.status() == status).count();
  }
}

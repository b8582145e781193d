package org.fairkd.policies.eval;

import java.util.List;
import org.fairkd.policies.model.Policy;

/**
 * The outcome of a policy on one audit result.
 *
 * @param policy the evaluated policy
 * @param outcomes one per rule and slice in scope, in rule order
 */
public record PolicyResult(Policy policy, List<RuleOutcome> outcomes) {

  /** Copies the list. */
  public PolicyResult {
    outcomes = List.copyOf(outcomes);
  }

  /** The overall verdict: the worst of all outcomes (PASS when there are none). */
  public Verdict verdict() {
    Verdict v = Verdict.PASS;
    for (RuleOutcome o : outcomes) {
      v = v.worst(o.verdict());
    }
    return v;
  }

  /** How many outcomes have the given status. */
  public long count(Status status) {
    return outcomes.stream().filter(o -> o.status() == status).count();
  }
}

package org.fairkd.policies.eval;

import java.util.List;
import java.util.Optional;
import org.fairkd.policies.model.Policy;
import org.fairkd.policies.model.Rule;
import org.fairkd.policies.model.Severity;

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

  /**
   * The overall verdict: the worst of all outcomes; FAIL when the policy evaluated nothing ({@link
   * #unevaluated()}); PASS only when something was judged and nothing failed.
   */
  public Verdict verdict() {
    if (unevaluated().isPresent()) {
      return Verdict.FAIL;
    }
    Verdict v = Verdict.PASS;
    for (RuleOutcome o : outcomes) {
      v = v.worst(o.verdict());
    }
    return v;
  }

  /**
   * The first fail-severity rule (in policy order) that judged nothing, its scope matching no slice
   * or every outcome {@link Finding#NOT_EVALUATED}; else, when no outcome of the whole policy
   * judged anything, its first rule; else empty. Nothing evaluated is not a pass.
   */
  public Optional<Unevaluated> unevaluated() {
    Unevaluated firstOfAll = null;
    boolean anyJudged = false;
    for (Rule r : policy.rules()) {
      List<RuleOutcome> mine = outcomes.stream().filter(o -> o.rule().equals(r)).toList();
      Unevaluated u = nothingJudged(r, mine);
      if (u == null) {
        anyJudged = true;
        continue;
      }
      if (r.severity() == Severity.FAIL) {
        return Optional.of(u);
      }
      if (firstOfAll == null) {
        firstOfAll = u;
      }
    }
    return anyJudged ? Optional.empty() : Optional.ofNullable(firstOfAll);
  }

  private static Unevaluated nothingJudged(Rule r, List<RuleOutcome> mine) {
    if (mine.isEmpty()) {
      return new Unevaluated(r.id(), "its scope (" + r.scope().describe() + ") matched nothing");
    }
    if (mine.stream().allMatch(o -> o.finding() == Finding.NOT_EVALUATED)) {
      return new Unevaluated(r.id(), mine.get(0).notEvaluatedReason());
    }
    return null;
  }

  /** How many outcomes have the given status. */
  public long count(Status status) {
    return outcomes.stream().filter(o -> o.status() == status).count();
  }

  /** How many outcomes have the given finding. */
  public long count(Finding finding) {
    return outcomes.stream().filter(o -> o.finding() == finding).count();
  }
}

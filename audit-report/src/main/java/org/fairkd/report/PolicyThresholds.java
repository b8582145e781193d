package org.fairkd.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fairkd.audit.result.PolicyRecord;
import org.fairkd.audit.result.RuleCheck;
import org.fairkd.policies.eval.Numbers;
import org.fairkd.policies.eval.Status;
import org.fairkd.policies.model.Subject;
import org.fairkd.policies.model.Threshold;
import org.fairkd.report.svg.Charts;

/**
 * What the charts draw from the policy the audit was judged by (never a hard-coded number): the
 * threshold and warn band of the rules on a metric, as reference lines or as a forest plot's
 * margin, and the groups whose check of such a rule did not pass (their bars are outlined).
 */
final class PolicyThresholds {
  private final List<RuleCheck> checks;

  PolicyThresholds(PolicyRecord policy) {
    this.checks = policy == null ? List.of() : policy.checks();
  }

  /** The first check of a rule on {@code metric} for {@code subject}, per group or not. */
  private Optional<RuleCheck> first(Subject subject, String metric, boolean perGroup) {
    return checks.stream()
        .filter(c -> c.subject() == subject && metric.equals(c.metric()))
        .filter(c -> c.evidence().threshold() != null)
        .filter(c -> !perGroup || (c.slice() != null && c.slice().contains("=")))
        .findFirst();
  }

  /** The allowed values of the rule on {@code metric} for {@code subject}, or null. */
  Threshold margin(Subject subject, String metric, boolean perGroup) {
    return first(subject, metric, perGroup).map(c -> c.evidence().threshold()).orElse(null);
  }

  /**
   * Reference lines at the fail threshold and warn band of the first rule on {@code metric} for
   * {@code subject} ("fail below 0.8", "warn below 0.9"); none when the policy has no such rule.
   */
  List<Charts.RefLine> lines(Subject subject, String metric) {
    List<Charts.RefLine> out = new ArrayList<>();
    first(subject, metric, false)
        .ifPresent(
            c -> {
              add(out, c.evidence().threshold(), "fail", "threshold");
              if (c.evidence().warnThreshold() != null) {
                add(out, c.evidence().warnThreshold(), "warn", "warn-threshold");
              }
            });
    return out;
  }

  private static void add(List<Charts.RefLine> out, Threshold t, String word, String cls) {
    if (Double.isFinite(t.low())) {
      out.add(new Charts.RefLine(t.low(), word + " < " + Numbers.threshold(t.low()), cls));
    }
    if (Double.isFinite(t.high())) {
      out.add(new Charts.RefLine(t.high(), word + " > " + Numbers.threshold(t.high()), cls));
    }
  }

  /** The groups of {@code attribute} with a check on {@code metric} that did not pass. */
  Set<String> failingGroups(Subject subject, String metric, String attribute) {
    Set<String> out = new LinkedHashSet<>();
    String prefix = attribute + "=";
    for (RuleCheck c : checks) {
      if (c.subject() == subject
          && metric.equals(c.metric())
          && c.status() != Status.PASS
          && c.slice() != null
          && c.slice().startsWith(prefix)) {
        out.add(c.slice().substring(prefix.length()));
      }
    }
    return out;
  }
}

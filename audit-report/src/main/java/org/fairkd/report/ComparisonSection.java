package org.fairkd.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fairkd.audit.result.AuditResult;
import org.fairkd.audit.result.RuleCheck;
import org.fairkd.fairness.report.AttributeDisparities;
import org.fairkd.fairness.report.Comparison;
import org.fairkd.fairness.report.Estimate;
import org.fairkd.fairness.report.SliceDelta;
import org.fairkd.policies.metric.MetricKind;
import org.fairkd.policies.metric.PolicyMetrics;
import org.fairkd.policies.model.Subject;
import org.fairkd.report.svg.ForestPlot;
import org.fairkd.report.svg.Svg;

/**
 * "Student versus teacher, drawn": forest plots of the paired differences student − teacher with
 * their paired intervals against the policy's margins. One plot per protected attribute with a row
 * per group and panels for selection rate, TPR, FPR and AUC (deltas) and the decision agreement;
 * and one plot of the whole-attribute disparities the policy judges as non-inferiority (e.g. the
 * change in demographic parity difference), one row per attribute and intersection. Margins come
 * from the policy's rules on the same figure (none drawn where the policy sets none).
 *
 * @param disparities the whole-attribute plot (null when the policy judges no such change)
 * @param attributes one plot per protected attribute
 */
public record ComparisonSection(Svg disparities, List<Svg> attributes) {

  private static final List<String> GROUP_DELTAS =
      List.of("selection_rate", "true_positive_rate", "false_positive_rate", "auc");

  /** Copies the list. */
  public ComparisonSection {
    attributes = List.copyOf(attributes);
  }

  /** The section's model, or null when the audit has no paired comparison. */
  static ComparisonSection model(AuditResult audit, ReportModel report) {
    Comparison cmp = audit.comparison();
    if (cmp == null) {
      return null;
    }
    PolicyThresholds policy = new PolicyThresholds(audit.policy());
    List<Svg> plots = new ArrayList<>();
    for (AttributeSection a : AttributeSection.single(report)) {
      Map<String, SliceDelta> deltas =
          AttributeSection.slicesFor(
              cmp.deltas().slices(), SliceDelta::attributes, List.of(a.key().split("\\*")));
      if (deltas.isEmpty()) {
        continue;
      }
      List<String> groups = new ArrayList<>(deltas.keySet());
      List<ForestPlot.Panel> panels = new ArrayList<>();
      for (String m : GROUP_DELTAS) {
        List<Estimate> values = new ArrayList<>();
        for (String g : groups) {
          values.add(deltas.get(g).metrics().get(m));
        }
        panels.add(
            new ForestPlot.Panel(
                "Δ " + label(m), values, policy.margin(Subject.DELTA, m, true), true));
      }
      List<Estimate> agreement = new ArrayList<>();
      for (String g : groups) {
        agreement.add(deltas.get(g).fidelity());
      }
      panels.add(
          new ForestPlot.Panel(
              "agreement", agreement, policy.margin(Subject.STUDENT, "fidelity", true), false));
      plots.add(
          ForestPlot.of(
              "Student − teacher by " + a.key(),
              a.key(),
              groups,
              panels,
              "student − teacher (paired; agreement: share of equal decisions)"));
    }
    return new ComparisonSection(disparityPlot(audit, cmp, policy), plots);
  }

  /** The whole-attribute changes the policy judges (subject delta, an attribute metric). */
  private static Svg disparityPlot(AuditResult audit, Comparison cmp, PolicyThresholds policy) {
    Set<String> metrics = new LinkedHashSet<>();
    for (RuleCheck c : audit.policy() == null ? List.<RuleCheck>of() : audit.policy().checks()) {
      boolean attribute =
          PolicyMetrics.lookup(c.metric()).map(i -> i.kind() == MetricKind.ATTRIBUTE).orElse(false);
      if (c.subject() == Subject.DELTA && attribute) {
        metrics.add(c.metric());
      }
    }
    Map<String, AttributeDisparities> byKey = cmp.deltas().disparities();
    if (metrics.isEmpty() || byKey.isEmpty()) {
      return null;
    }
    List<String> keys = new ArrayList<>(byKey.keySet());
    List<ForestPlot.Panel> panels = new ArrayList<>();
    for (String m : metrics) {
      List<Estimate> values = new ArrayList<>();
      for (String k : keys) {
        values.add(byKey.get(k).overall().get(m));
      }
      panels.add(
          new ForestPlot.Panel(
              "Δ " + label(m), values, policy.margin(Subject.DELTA, m, false), true));
    }
    return ForestPlot.of(
        "Change in disparity, student − teacher",
        "attribute",
        keys,
        panels,
        "student − teacher (paired bootstrap interval)");
  }

  /** "selection rate", "TPR", "demographic parity difference". */
  static String label(String metric) {
    return switch (metric) {
      case "true_positive_rate" -> "TPR";
      case "false_positive_rate" -> "FPR";
      case "auc" -> "AUC";
      case "demographic_parity_difference" -> "DP difference";
      case "equalized_odds_difference" -> "EO difference";
      default -> metric.replace('_', ' ');
    };
  }
}

package org.fairkd.policies.metric;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The metric names a policy rule may use: the fairness module's per-slice metrics and disparities
 * (names of json-contract.md section 1) and the distillation figures.
 */
public final class PolicyMetrics {
  private static final Map<String, MetricInfo> METRICS = new LinkedHashMap<>();

  static {
    for (String m :
        List.of(
            "count",
            "base_rate",
            "selection_rate",
            "true_positive_rate",
            "false_positive_rate",
            "false_negative_rate",
            "true_negative_rate",
            "precision",
            "accuracy",
            "auc",
            "mean_score",
            "brier_score",
            "expected_calibration_error")) {
      add(m, MetricKind.SLICE, null);
    }
    for (String m :
        List.of(
            "demographic_parity_difference",
            "demographic_parity_ratio",
            "equalized_odds_difference",
            "equalized_odds_ratio",
            "equal_opportunity_difference",
            "theil_index")) {
      add(m, MetricKind.ATTRIBUTE, null);
    }
    add("adverse_impact_ratio", MetricKind.GROUP_VS_REFERENCE, "selection_rate");
    add("marginal_effect", MetricKind.GROUP_VS_REFERENCE, "selection_rate");
    add("statistical_parity_difference", MetricKind.GROUP_VS_REFERENCE, "selection_rate");
    add("disparate_impact", MetricKind.GROUP_VS_REFERENCE, "selection_rate");
    add("standardized_mean_difference", MetricKind.GROUP_VS_REFERENCE, null);
    add("average_odds_difference", MetricKind.GROUP_VS_REFERENCE, null);
    add("fidelity", MetricKind.COMPARISON, null);
    add("kl", MetricKind.COMPARISON, null);
    for (String m :
        List.of(
            "gap_recovered", "latency_speedup", "throughput_speedup", "size_ratio", "log_loss")) {
      add(m, MetricKind.DISTILLATION, null);
    }
  }

  private PolicyMetrics() {}

  private static void add(String name, MetricKind kind, String testMetric) {
    METRICS.put(name, new MetricInfo(name, kind, testMetric));
  }

  /** The metric called {@code name}, if a rule may use it. */
  public static Optional<MetricInfo> lookup(String name) {
    return Optional.ofNullable(METRICS.get(name));
  }

  /** Every valid name, in catalogue order. */
  public static Set<String> names() {
    return METRICS.keySet();
  }
}

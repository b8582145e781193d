package org.fairkd.fairness.metrics;

import java.util.Set;

/**
 * A figure of an audit's adverse-action reasons, one per audit, computed from the per-applicant
 * reason lists ({@link org.fairkd.fairness.reasons.ReasonFidelityAnalysis}, {@link
 * org.fairkd.fairness.reasons.ProxyScreen}), not by the engine from scores: the student's reason
 * fidelity to the teacher (overall, and the largest gap between groups) and the number of flagged
 * proxies among its most frequent reasons. Policies judge them like any comparison figure ({@code
 * scope: overall}, subject student).
 *
 * @param info registry entry
 */
public record ReasonMetric(MetricInfo info) implements Metric {
  /** Name of the mean top-k overlap of the student's and the teacher's reasons. */
  public static final String TOP_K_OVERLAP = "reason_top_k_overlap";

  /** Name of the share of declines whose first reasons agree. */
  public static final String FIRST_REASON_AGREEMENT = "reason_first_agreement";

  /** Name of the largest gap between two groups' top-k overlaps (within one attribute). */
  public static final String TOP_K_OVERLAP_GAP = "reason_top_k_overlap_gap";

  /** Name of the count of flagged proxies among the student's most frequent reasons. */
  public static final String FLAGGED_PROXIES = "flagged_proxy_reasons";

  /** The names of the reason figures. */
  public static final Set<String> NAMES =
      Set.of(TOP_K_OVERLAP, TOP_K_OVERLAP_GAP, FIRST_REASON_AGREEMENT, FLAGGED_PROXIES);

  /** The top-k overlap's entry. */
  static final ReasonMetric OVERLAP =
      new ReasonMetric(
          MetricInfo.comparison(TOP_K_OVERLAP)
              .higherIsBetter()
              .formula("mean over declines of |S ∩ T| / max(|S|, |T|), S, T the top-k reason sets")
              .description(
                  "the student's top-k adverse-action reasons against the teacher's (same"
                      + " attribution method and reference) over the student's declines;"
                      + " percentile bootstrap interval")
              .build());

  /** The per-group overlap gap's entry. */
  static final ReasonMetric OVERLAP_GAP =
      new ReasonMetric(
          MetricInfo.comparison(TOP_K_OVERLAP_GAP)
              .lowerIsBetter()
              .formula(
                  "max over protected attributes of (max − min over its groups of the group's"
                      + " top-k overlap)")
              .description(
                  "how far the group with the lowest reason fidelity lies below the group with"
                      + " the highest, within one attribute (groups with a defined overlap);"
                      + " a point figure, no interval")
              .build());

  /** The first-reason agreement's entry. */
  static final ReasonMetric FIRST =
      new ReasonMetric(
          MetricInfo.comparison(FIRST_REASON_AGREEMENT)
              .higherIsBetter()
              .formula("Σ [first reason of S = first reason of T] / declines")
              .description(
                  "share of the student's declines whose principal reason is the teacher's;"
                      + " percentile bootstrap interval")
              .build());

  /** The flagged proxies' entry. */
  static final ReasonMetric PROXIES =
      new ReasonMetric(
          MetricInfo.comparison(FLAGGED_PROXIES)
              .lowerIsBetter()
              .formula(
                  "#{features among the k most frequent student reasons (overall or in a group)"
                      + " flagged by the proxy screen}")
              .description(
                  "proxy screen: Cramér's V ≥ 0.3 (categorical) or folded group-vs-rest AUC ≥ 0.7"
                      + " (numeric) with a protected attribute; a count, no interval")
              .build());

  /** Checks that this is one of the reason figures. */
  public ReasonMetric {
    if (!NAMES.contains(info.name())) {
      throw new IllegalArgumentException(info.name() + ": not a reason figure " + NAMES);
    }
  }
}

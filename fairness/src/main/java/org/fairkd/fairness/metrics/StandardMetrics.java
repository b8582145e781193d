package org.fairkd.fairness.metrics;

import static org.fairkd.fairness.metrics.ReportPlacement.ATTRIBUTE_TABLE;
import static org.fairkd.fairness.metrics.ReportPlacement.CHART;
import static org.fairkd.fairness.metrics.ReportPlacement.REFERENCE_CHART;
import static org.fairkd.fairness.metrics.ReportPlacement.TABLE;

import java.util.List;
import org.fairkd.fairness.report.Undefined;
import org.fairkd.fairness.report.UndefinedReason;
import org.fairkd.fairness.stats.DeLong;
import org.fairkd.fairness.stats.WeightedMeans;

/**
 * The standard metrics, one definition each, in the order of the JSON within each kind. Adding a
 * metric is one definition in {@link #ALL} (or, from outside the module, a {@link MetricProvider}).
 *
 * <p>Notation: y favourable label, ŷ favourable decision, w weight (row weight × membership), s
 * score; TP = Σw[y=1,ŷ=1] etc. Whole-attribute disparities use the groups with enough data whose
 * base rates are defined; group disparities compare a group g with the reference r.
 */
public final class StandardMetrics {
  private static final String BOOT = "; bootstrap interval";
  private static final String OVER_GROUPS = "over groups with enough data" + BOOT;
  private static final Undefined NO_SELECTED =
      Undefined.of(UndefinedReason.NO_SELECTED, "no favourable decisions in slice");
  private static final String NO_SCORES_OR_EMPTY =
      "no scores (decisions were given) or empty slice";
  private static final String NO_BENEFIT = "no rows with a known group, or no benefit";

  /**
   * Name of the expected calibration error; the engine reports it bias-corrected with a basic
   * bootstrap interval ({@link org.fairkd.fairness.stats.DebiasedBootstrap}).
   */
  public static final String ECE = "expected_calibration_error";

  /** Every standard metric: per kind in JSON order. */
  public static final List<Metric> ALL =
      List.of(
          new CountMetric(
              MetricInfo.slice("count")
                  .formula("Σ w")
                  .description("weighted number of rows")
                  .build(),
              Counts::total,
              c -> Undefined.EMPTY_SLICE),
          rate("base_rate", "(TP + FN) / N", "share of favourable labels")
              .ratio(Counts::positives, Counts::total, Undefined.EMPTY_SLICE),
          rate("selection_rate", "(TP + FP) / N", "share of favourable decisions")
              .shown(CHART, "Selection rate")
              .ratio(Counts::selected, Counts::total, Undefined.EMPTY_SLICE),
          rate(
                  "true_positive_rate",
                  "TP / (TP + FN)",
                  "favourable decisions among favourable labels")
              .higherIsBetter()
              .shown(CHART, "True positive rate (TPR)")
              .ratio(Counts::tp, Counts::positives, Undefined.NO_POSITIVES),
          rate(
                  "false_positive_rate",
                  "FP / (FP + TN)",
                  "favourable decisions among unfavourable labels")
              .lowerIsBetter()
              .shown(CHART, "False positive rate (FPR)")
              .ratio(Counts::fp, Counts::negatives, Undefined.NO_NEGATIVES),
          rate(
                  "false_negative_rate",
                  "FN / (TP + FN)",
                  "unfavourable decisions among favourable labels")
              .lowerIsBetter()
              .ratio(Counts::fn, Counts::positives, Undefined.NO_POSITIVES),
          rate(
                  "true_negative_rate",
                  "TN / (FP + TN)",
                  "unfavourable decisions among unfavourable labels")
              .higherIsBetter()
              .ratio(Counts::tn, Counts::negatives, Undefined.NO_NEGATIVES),
          rate("precision", "TP / (TP + FP)", "favourable labels among favourable decisions")
              .higherIsBetter()
              .shown(TABLE)
              .ratio(Counts::tp, Counts::selected, NO_SELECTED),
          rate("accuracy", "(TP + TN) / N", "share of correct decisions")
              .higherIsBetter()
              .shown(TABLE)
              .ratio(c -> c.tp() + c.tn(), Counts::total, Undefined.EMPTY_SLICE),
          new RowMetric(
              MetricInfo.slice("auc")
                  .higherIsBetter()
                  .formula("Σ_{i:y=1} Σ_{j:y=0} w_i w_j ([s_i > s_j] + ½[s_i = s_j]) / (W⁺ W⁻)")
                  .description("area under the ROC curve; DeLong interval")
                  .shown(TABLE)
                  .build(),
              DeLong::auc),
          new RowMetric(
              MetricInfo.slice("mean_score")
                  .formula("Σ w s / Σ w")
                  .description("mean score; normal interval with sandwich variance")
                  .build(),
              WeightedMeans::meanScore),
          new RowMetric(
              MetricInfo.slice("brier_score")
                  .lowerIsBetter()
                  .formula("Σ w (s − y)² / Σ w")
                  .description("mean squared error of the score; normal interval")
                  .build(),
              WeightedMeans::brier),
          new CountMetric(
              MetricInfo.slice(ECE)
                  .lowerIsBetter()
                  .formula(
                      "2·ECE − mean(ECE*), ECE = Σ_b |Σ_{i∈b} w_i (s_i − y_i)| / Σ w, 10"
                          + " equal-width score bins b, ECE* its bootstrap replicates")
                  .description(
                      "gap between mean score and observed favourable rate per score bin,"
                          + " bias-corrected (the plug-in ECE is biased upwards); basic bootstrap"
                          + " interval [2·ECE − q_hi(ECE*), 2·ECE − q_lo(ECE*)], clamped at 0,"
                          + " with lower bound 0 when ECE is within the level quantile of the"
                          + " noise-only ECE Σ_b |D*_b − D_b| (consistent with perfect"
                          + " calibration)")
                  .shown(TABLE)
                  .build(),
              StandardMetrics::ece,
              c ->
                  Undefined.of(
                      c.hasScores() ? UndefinedReason.EMPTY_SLICE : UndefinedReason.NO_SCORES,
                      NO_SCORES_OR_EMPTY)),
          WholeDisparity.spread(
              whole("demographic_parity_difference", "selection_rate")
                  .lowerIsBetter()
                  .formula("max_g SR_g − min_g SR_g (Fairlearn)")
                  .build()),
          WholeDisparity.minOverMax(
              whole("demographic_parity_ratio", "selection_rate")
                  .higherIsBetter()
                  .formula("min_g SR_g / max_g SR_g (Fairlearn)")
                  .build()),
          new WholeDisparity(
              whole("equalized_odds_difference", "true_positive_rate", "false_positive_rate")
                  .lowerIsBetter()
                  .formula("max(max−min TPR, max−min FPR) over groups (Fairlearn)")
                  .build(),
              v -> Math.max(WholeDisparity.spread(v[0]), WholeDisparity.spread(v[1]))),
          new WholeDisparity(
              whole("equalized_odds_ratio", "true_positive_rate", "false_positive_rate")
                  .higherIsBetter()
                  .formula("min(min/max TPR, min/max FPR) over groups (Fairlearn)")
                  .build(),
              v -> Math.min(WholeDisparity.minOverMax(v[0]), WholeDisparity.minOverMax(v[1]))),
          WholeDisparity.spread(
              whole("equal_opportunity_difference", "true_positive_rate")
                  .lowerIsBetter()
                  .formula("max_g TPR_g − min_g TPR_g (Fairlearn, unsigned)")
                  .build()),
          new PooledDisparity(
              MetricInfo.attribute("theil_index")
                  .lowerIsBetter()
                  .formula(
                      "GE(1) = (1/N) Σ w_i (b_i/μ) ln(b_i/μ), b = ŷ − y + 1, μ = mean b (AIF360)")
                  .description(
                      "individual-level inequality of benefit over rows with a known group" + BOOT)
                  .shown(ATTRIBUTE_TABLE)
                  .build(),
              StandardMetrics::theil,
              c ->
                  Undefined.of(
                      c.total() > 0
                          ? UndefinedReason.ZERO_DENOMINATOR
                          : UndefinedReason.EMPTY_SLICE,
                      NO_BENEFIT)),
          GroupDisparity.derived(
              MetricInfo.groupVsReference("adverse_impact_ratio", "selection_rate")
                  .higherIsBetter()
                  .formula("SR_g / SR_r")
                  .description(
                      "favourable-rate ratio to the reference (four-fifths rule: < 0.8 flags)"
                          + BOOT)
                  .shown(REFERENCE_CHART, "Adverse impact ratio")
                  .build(),
              GroupTransform.RATIO),
          GroupDisparity.of(
              MetricInfo.groupVsReference("marginal_effect", "selection_rate")
                  .lowerIsBetter()
                  .formula("100 · (SR_r − SR_g)")
                  .description(
                      "favourable-rate gap in percentage points, reference minus group" + BOOT)
                  .shown(TABLE)
                  .build(),
              (g, r) -> 100 * (r[0] - g[0])),
          new EngineMetric(
              MetricInfo.groupVsReference(EngineMetric.SMD)
                  .formula(
                      "(mean s_g − mean s_r) / s_pooled,"
                          + " s_pooled² = (n_g v_g + n_r v_r)/(n_g + n_r − 2)")
                  .description(
                      "score gap in pooled standard deviations (n = Kish effective sizes); Hedges"
                          + " normal interval")
                  .shown(TABLE)
                  .build()),
          GroupDisparity.derived(
              MetricInfo.groupVsReference("statistical_parity_difference", "selection_rate")
                  .formula("SR_g − SR_r")
                  .description("AIF360, group as unprivileged, reference as privileged" + BOOT)
                  .build(),
              GroupTransform.DIFFERENCE),
          GroupDisparity.derived(
              MetricInfo.groupVsReference("disparate_impact", "selection_rate")
                  .higherIsBetter()
                  .formula("SR_g / SR_r")
                  .description("AIF360 ratio (equals adverse impact ratio)" + BOOT)
                  .build(),
              GroupTransform.RATIO),
          GroupDisparity.of(
              MetricInfo.groupVsReference(
                      "average_odds_difference", "true_positive_rate", "false_positive_rate")
                  .formula("((FPR_g − FPR_r) + (TPR_g − TPR_r)) / 2")
                  .description("AIF360 mean of FPR and TPR differences" + BOOT)
                  .build(),
              (g, r) -> ((g[1] - r[1]) + (g[0] - r[0])) / 2),
          new EngineMetric(
              MetricInfo.comparison(EngineMetric.FIDELITY)
                  .higherIsBetter()
                  .formula("Σ w [ŷ_primary = ŷ_compared] / Σ w")
                  .description("decision agreement of the two models; paired bootstrap interval")
                  .shown(TABLE)
                  .build()),
          new EngineMetric(
              MetricInfo.comparison(EngineMetric.KL)
                  .lowerIsBetter()
                  .formula(
                      "Σ w [p ln(p/q) + (1−p) ln((1−p)/(1−q))] / Σ w, p primary, q compared"
                          + " (clipped 1e-12)")
                  .description(
                      "mean Bernoulli KL divergence of the compared model's probabilities from the"
                          + " primary's; normal interval")
                  .build()),
          ReasonMetric.OVERLAP,
          ReasonMetric.OVERLAP_GAP,
          ReasonMetric.FIRST,
          ReasonMetric.PROXIES);

  private StandardMetrics() {}

  /** A rate's entry: formula and description (with the bootstrap interval). */
  private static RateBuilder rate(String name, String formula, String description) {
    return new RateBuilder(MetricInfo.slice(name).formula(formula).description(description + BOOT));
  }

  /**
   * A whole-attribute disparity's entry; each states its own direction (spreads lower, ratios
   * higher).
   */
  private static MetricInfo.Builder whole(String name, String... bases) {
    return MetricInfo.attribute(name, bases).description(OVER_GROUPS).shown(ATTRIBUTE_TABLE);
  }

  /** Builder of a ratio count metric's entry. */
  private record RateBuilder(MetricInfo.Builder info) {
    RateBuilder higherIsBetter() {
      info.higherIsBetter();
      return this;
    }

    RateBuilder lowerIsBetter() {
      info.lowerIsBetter();
      return this;
    }

    RateBuilder shown(ReportPlacement where) {
      info.shown(where);
      return this;
    }

    RateBuilder shown(ReportPlacement where, String title) {
      info.shown(where, title);
      return this;
    }

    CountMetric ratio(
        java.util.function.ToDoubleFunction<Counts> num,
        java.util.function.ToDoubleFunction<Counts> den,
        Undefined reason) {
      return CountMetric.ratio(info.build(), num, den, reason);
    }
  }

  /** ECE from per-bin sums; NaN without scores or rows. */
  static double ece(Counts c) {
    double n = c.total();
    if (!c.hasScores() || n <= 0) {
      return Double.NaN;
    }
    double s = 0;
    for (int b = 0; b < c.binScore().length; b++) {
      s += Math.abs(c.binScore()[b] - c.binLabel()[b]);
    }
    return s / n;
  }

  /** Theil index GE(1) of b = ŷ − y + 1 from confusion counts; NaN when undefined. */
  static double theil(Counts c) {
    double n = c.total();
    double mu = (c.tp() + c.tn() + 2 * c.fp()) / n;
    if (!(n > 0) || !(mu > 0)) {
      return Double.NaN;
    }
    double t = 0;
    t += (c.tp() + c.tn()) * (1 / mu) * Math.log(1 / mu);
    t += c.fp() * (2 / mu) * Math.log(2 / mu);
    return t / n;
  }
}

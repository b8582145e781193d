package org.fairkd.fairness.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fairkd.fairness.stats.DeLong;
import org.fairkd.fairness.stats.WeightedMeans;

/**
 * The registry of every metric fairkd reports, with kind, direction, formula and description.
 * Adding a metric is one definition here (plus, for a row metric, its computation); it then shows
 * up in the JSON, is accepted by policies and is documented by the report.
 *
 * <p>Notation: y favourable label, ŷ favourable decision, w weight (row weight × membership), s
 * score; TP = Σw[y=1,ŷ=1] etc. Whole-attribute disparities use the groups with enough data whose
 * base rates are defined; group disparities compare a group g with the reference r.
 */
public final class MetricCatalog {
  private static final String NO_POS = "no favourable-label rows in slice";
  private static final String NO_NEG = "no unfavourable-label rows in slice";
  private static final String EMPTY = "empty slice";

  private static final List<CountMetric> COUNT =
      List.of(
          new CountMetric(
              new MetricInfo("count", MetricKind.SLICE, null, "Σ w", "weighted number of rows"),
              Counts::total,
              EMPTY),
          CountMetric.ratio(
              "base_rate",
              Counts::positives,
              Counts::total,
              "(TP + FN) / N",
              "share of favourable labels",
              null,
              EMPTY),
          CountMetric.ratio(
              "selection_rate",
              Counts::selected,
              Counts::total,
              "(TP + FP) / N",
              "share of favourable decisions",
              null,
              EMPTY),
          CountMetric.ratio(
              "true_positive_rate",
              Counts::tp,
              Counts::positives,
              "TP / (TP + FN)",
              "favourable decisions among favourable labels",
              true,
              NO_POS),
          CountMetric.ratio(
              "false_positive_rate",
              Counts::fp,
              Counts::negatives,
              "FP / (FP + TN)",
              "favourable decisions among unfavourable labels",
              false,
              NO_NEG),
          CountMetric.ratio(
              "false_negative_rate",
              Counts::fn,
              Counts::positives,
              "FN / (TP + FN)",
              "unfavourable decisions among favourable labels",
              false,
              NO_POS),
          CountMetric.ratio(
              "true_negative_rate",
              Counts::tn,
              Counts::negatives,
              "TN / (FP + TN)",
              "unfavourable decisions among unfavourable labels",
              true,
              NO_NEG),
          CountMetric.ratio(
              "precision",
              Counts::tp,
              Counts::selected,
              "TP / (TP + FP)",
              "favourable labels among favourable decisions",
              true,
              "no favourable decisions in slice"),
          CountMetric.ratio(
              "accuracy",
              c -> c.tp() + c.tn(),
              Counts::total,
              "(TP + TN) / N",
              "share of correct decisions",
              true,
              EMPTY),
          new CountMetric(
              new MetricInfo(
                  "expected_calibration_error",
                  MetricKind.SLICE,
                  false,
                  "Σ_b |Σ_{i∈b} w_i (s_i − y_i)| / Σ w, 10 equal-width score bins b",
                  "gap between mean score and observed favourable rate per score bin;"
                      + " bootstrap interval"),
              MetricCatalog::ece,
              "no scores (decisions were given) or empty slice"));

  private static final List<RowMetric> ROW =
      List.of(
          new RowMetric(
              new MetricInfo(
                  "auc",
                  MetricKind.SLICE,
                  true,
                  "Σ_{i:y=1} Σ_{j:y=0} w_i w_j ([s_i > s_j] + ½[s_i = s_j]) / (W⁺ W⁻)",
                  "area under the ROC curve; DeLong interval"),
              DeLong::auc),
          new RowMetric(
              new MetricInfo(
                  "mean_score",
                  MetricKind.SLICE,
                  null,
                  "Σ w s / Σ w",
                  "mean score; normal interval with sandwich variance"),
              WeightedMeans::meanScore),
          new RowMetric(
              new MetricInfo(
                  "brier_score",
                  MetricKind.SLICE,
                  false,
                  "Σ w (s − y)² / Σ w",
                  "mean squared error of the score; normal interval"),
              WeightedMeans::brier));

  private static final List<String> SLICE_ORDER =
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
          "expected_calibration_error");

  private static final List<WholeDisparity> WHOLE =
      List.of(
          whole(
              "demographic_parity_difference",
              "max_g SR_g − min_g SR_g (Fairlearn)",
              v -> WholeDisparity.spread(v[0]),
              "selection_rate"),
          whole(
              "demographic_parity_ratio",
              "min_g SR_g / max_g SR_g (Fairlearn)",
              v -> WholeDisparity.minOverMax(v[0]),
              "selection_rate"),
          whole(
              "equalized_odds_difference",
              "max(max−min TPR, max−min FPR) over groups (Fairlearn)",
              v -> Math.max(WholeDisparity.spread(v[0]), WholeDisparity.spread(v[1])),
              "true_positive_rate",
              "false_positive_rate"),
          whole(
              "equalized_odds_ratio",
              "min(min/max TPR, min/max FPR) over groups (Fairlearn)",
              v -> Math.min(WholeDisparity.minOverMax(v[0]), WholeDisparity.minOverMax(v[1])),
              "true_positive_rate",
              "false_positive_rate"),
          whole(
              "equal_opportunity_difference",
              "max_g TPR_g − min_g TPR_g (Fairlearn, unsigned)",
              v -> WholeDisparity.spread(v[0]),
              "true_positive_rate"));

  /** Theil index entry: computed on the pooled counts of the attribute's rows. */
  public static final MetricInfo THEIL =
      new MetricInfo(
          "theil_index",
          MetricKind.ATTRIBUTE,
          false,
          "GE(1) = (1/N) Σ w_i (b_i/μ) ln(b_i/μ), b = ŷ − y + 1, μ = mean b (AIF360)",
          "individual-level inequality of benefit over rows with a known group; bootstrap"
              + " interval");

  /** Standardized mean difference entry: computed from row-level scores. */
  public static final MetricInfo SMD =
      new MetricInfo(
          "standardized_mean_difference",
          MetricKind.GROUP_VS_REFERENCE,
          null,
          "(mean s_g − mean s_r) / s_pooled, s_pooled² = (n_g v_g + n_r v_r)/(n_g + n_r − 2)",
          "score gap in pooled standard deviations (n = Kish effective sizes); Hedges normal"
              + " interval");

  private static final List<GroupDisparity> GROUP =
      List.of(
          group(
              "adverse_impact_ratio",
              true,
              "SR_g / SR_r",
              "favourable-rate ratio to the reference (four-fifths rule: < 0.8 flags)",
              (g, r) -> r[0] > 0 ? g[0] / r[0] : Double.NaN,
              "selection_rate"),
          group(
              "marginal_effect",
              false,
              "100 · (SR_r − SR_g)",
              "favourable-rate gap in percentage points, reference minus group",
              (g, r) -> 100 * (r[0] - g[0]),
              "selection_rate"),
          group(
              "statistical_parity_difference",
              null,
              "SR_g − SR_r",
              "AIF360, group as unprivileged, reference as privileged",
              (g, r) -> g[0] - r[0],
              "selection_rate"),
          group(
              "disparate_impact",
              true,
              "SR_g / SR_r",
              "AIF360 ratio (equals adverse impact" + " ratio)",
              (g, r) -> r[0] > 0 ? g[0] / r[0] : Double.NaN,
              "selection_rate"),
          group(
              "average_odds_difference",
              null,
              "((FPR_g − FPR_r) + (TPR_g − TPR_r)) / 2",
              "AIF360 mean of FPR and TPR differences",
              (g, r) -> ((g[1] - r[1]) + (g[0] - r[0])) / 2,
              "true_positive_rate",
              "false_positive_rate"));

  /** Fidelity entry. */
  public static final MetricInfo FIDELITY =
      new MetricInfo(
          "fidelity",
          MetricKind.COMPARISON,
          true,
          "Σ w [ŷ_primary = ŷ_compared] / Σ w",
          "decision agreement of the two models; paired bootstrap interval");

  /** KL entry. */
  public static final MetricInfo KL =
      new MetricInfo(
          "kl_divergence",
          MetricKind.COMPARISON,
          false,
          "Σ w [p ln(p/q) + (1−p) ln((1−p)/(1−q))] / Σ w, p primary, q compared (clipped 1e-12)",
          "mean Bernoulli KL divergence of the compared model's probabilities from the"
              + " primary's; normal interval");

  private MetricCatalog() {}

  private static WholeDisparity whole(
      String name,
      String formula,
      java.util.function.ToDoubleFunction<double[][]> f,
      String... bases) {
    return new WholeDisparity(
        new MetricInfo(
            name,
            MetricKind.ATTRIBUTE,
            false,
            formula,
            "over groups with enough data; bootstrap interval"),
        List.of(bases),
        f);
  }

  private static GroupDisparity group(
      String name,
      Boolean higher,
      String formula,
      String description,
      GroupDisparity.Comparator f,
      String... bases) {
    return new GroupDisparity(
        new MetricInfo(
            name,
            MetricKind.GROUP_VS_REFERENCE,
            higher,
            formula,
            description + "; bootstrap interval"),
        List.of(bases),
        f,
        "reference rate is 0");
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
  public static double theil(Counts c) {
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

  /** Per-slice metrics computed from counts (bootstrap intervals). */
  public static List<CountMetric> countMetrics() {
    return COUNT;
  }

  /** Per-slice metrics computed from rows (analytic intervals). */
  public static List<RowMetric> rowMetrics() {
    return ROW;
  }

  /** Whole-attribute disparities from base rates (Theil is {@link #THEIL}). */
  public static List<WholeDisparity> wholeDisparities() {
    return WHOLE;
  }

  /** Group-vs-reference disparities from base rates (SMD is {@link #SMD}). */
  public static List<GroupDisparity> groupDisparities() {
    return GROUP;
  }

  /** Per-slice metric names in JSON order. */
  public static List<String> sliceMetricNames() {
    return SLICE_ORDER;
  }

  /** Whole-attribute disparity names in JSON order (incl. theil_index). */
  public static List<String> attributeMetricNames() {
    List<String> names = new ArrayList<>(WHOLE.stream().map(WholeDisparity::name).toList());
    names.add(THEIL.name());
    return names;
  }

  /** Group-vs-reference disparity names in JSON order (incl. SMD). */
  public static List<String> groupMetricNames() {
    List<String> names = new ArrayList<>(GROUP.stream().map(GroupDisparity::name).toList());
    names.add(2, SMD.name());
    return names;
  }

  /** Every metric, by name, in catalog order. */
  public static Map<String, MetricInfo> all() {
    Map<String, MetricInfo> m = new LinkedHashMap<>();
    Map<String, MetricInfo> slice = new LinkedHashMap<>();
    COUNT.forEach(c -> slice.put(c.name(), c.info()));
    ROW.forEach(r -> slice.put(r.name(), r.info()));
    SLICE_ORDER.forEach(n -> m.put(n, slice.get(n)));
    WHOLE.forEach(w -> m.put(w.name(), w.info()));
    m.put(THEIL.name(), THEIL);
    GROUP.forEach(g -> m.put(g.name(), g.info()));
    m.put(SMD.name(), SMD);
    m.put(FIDELITY.name(), FIDELITY);
    m.put(KL.name(), KL);
    return Collections.unmodifiableMap(m);
  }

  /** Looks up a metric by name. */
  public static Optional<MetricInfo> find(String name) {
    return Optional.ofNullable(all().get(name));
  }
}

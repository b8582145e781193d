package org.fairkd.fairness.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.fairkd.fairness.FairnessInput;
import org.fairkd.fairness.ProtectedAttribute;
import org.fairkd.fairness.engine.Analyzer;
import org.fairkd.fairness.report.AttributeDisparities;
import org.fairkd.fairness.report.Estimate;
import org.fairkd.fairness.report.FairnessReport;
import org.fairkd.fairness.report.SkippedGroup;
import org.fairkd.fairness.report.UndefinedReason;
import org.junit.jupiter.api.Test;

/**
 * The registry (names, kinds, backing tests, validation), disparities derived from row metrics with
 * their analytic intervals, and the typed reasons, on the hand-computed data of {@code
 * HandComputedMetricsTest} (groups a: 6 rows, b: 4 rows, c: 2 negatives only, d: empty).
 */
class MetricRegistryTest {
  static final boolean[] Y = {
    true, true, true, false, false, false, true, true, false, false, false, false
  };
  static final double[] S = {.9, .8, .3, .6, .2, .1, .7, .4, .55, .45, .9, .2};
  static final int[] G = {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2};
  static final double Z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(0.975);

  static final GroupDisparity AUC_DIFFERENCE =
      GroupDisparity.derived(
          MetricInfo.groupVsReference("auc_difference", "auc").formula("AUC_g − AUC_r").build(),
          GroupTransform.DIFFERENCE);
  static final GroupDisparity MEAN_RATIO =
      GroupDisparity.derived(
          MetricInfo.groupVsReference("mean_score_ratio", "mean_score").build(),
          GroupTransform.RATIO);

  static FairnessInput input(int minSlice) {
    return FairnessInput.builder(Y)
        .scores(S)
        .minSliceSize(minSlice)
        .bootstrap(0)
        .attribute(ProtectedAttribute.hard("g", List.of("a", "b", "c", "d"), "a", G))
        .build();
  }

  static FairnessReport withDerived(double[] compared) {
    List<Metric> all = new ArrayList<>(StandardMetrics.ALL);
    all.add(AUC_DIFFERENCE);
    all.add(MEAN_RATIO);
    return new Analyzer(input(1), compared, new MetricRegistry(all)).run();
  }

  @Test
  void standardNamesKindsAndBackingTests() {
    MetricRegistry r = MetricRegistry.standard();
    assertEquals(
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
            "expected_calibration_error"),
        r.ofKind(MetricKind.SLICE).stream().map(MetricInfo::name).toList());
    assertEquals(
        List.of(
            "adverse_impact_ratio",
            "marginal_effect",
            "standardized_mean_difference",
            "statistical_parity_difference",
            "disparate_impact",
            "average_odds_difference"),
        r.ofKind(MetricKind.GROUP_VS_REFERENCE).stream().map(MetricInfo::name).toList());
    assertEquals(
        List.of(
            "adverse_impact_ratio",
            "marginal_effect",
            "statistical_parity_difference",
            "disparate_impact"),
        r.infos().stream().filter(i -> i.testMetric() != null).map(MetricInfo::name).toList());
    assertEquals(
        List.of("selection_rate", "true_positive_rate", "false_positive_rate"), r.disparityBases());
    // 13 slice, 6 attribute, 6 group, 6 comparison (fidelity, kl and the 4 reason figures)
    assertEquals(31, r.all().size());
  }

  @Test
  void reasonFiguresAreComparisonMetricsThatPoliciesCanName() {
    MetricRegistry r = MetricRegistry.standard();
    assertEquals(
        List.of(
            "fidelity",
            "kl_divergence",
            "reason_top_k_overlap",
            "reason_top_k_overlap_gap",
            "reason_first_agreement",
            "flagged_proxy_reasons"),
        r.ofKind(MetricKind.COMPARISON).stream().map(MetricInfo::name).toList());
    assertEquals(Direction.HIGHER, r.find(ReasonMetric.TOP_K_OVERLAP).orElseThrow().direction());
    assertEquals(Direction.LOWER, r.find(ReasonMetric.FLAGGED_PROXIES).orElseThrow().direction());
    assertEquals(Direction.LOWER, r.find(ReasonMetric.TOP_K_OVERLAP_GAP).orElseThrow().direction());
    assertThrows(
        IllegalArgumentException.class,
        () -> new ReasonMetric(MetricInfo.comparison("reason_anything").build()));
  }

  @Test
  void registryRejectsDuplicatesUnknownBasesAndUnsupportedRowDisparities() {
    List<Metric> dup = new ArrayList<>(StandardMetrics.ALL);
    dup.add(StandardMetrics.ALL.get(0));
    assertThrows(IllegalArgumentException.class, () -> new MetricRegistry(dup));
    List<Metric> unknown = new ArrayList<>(StandardMetrics.ALL);
    unknown.add(
        GroupDisparity.derived(
            MetricInfo.groupVsReference("x_difference", "no_such_metric").build(),
            GroupTransform.DIFFERENCE));
    assertThrows(IllegalArgumentException.class, () -> new MetricRegistry(unknown));
    List<Metric> whole = new ArrayList<>(StandardMetrics.ALL);
    whole.add(WholeDisparity.spread(MetricInfo.attribute("auc_spread", "auc").build()));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new MetricRegistry(whole));
    assertTrue(e.getMessage().contains("auc_spread"), e.getMessage());
  }

  /** Brute-force DeLong: {AUC, S10/m + S01/n} of one group's scores. */
  static double[] delong(double[] pos, double[] neg) {
    int m = pos.length;
    int n = neg.length;
    double[] v10 = new double[m];
    double[] v01 = new double[n];
    double auc = 0;
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double k = pos[i] > neg[j] ? 1 : pos[i] == neg[j] ? 0.5 : 0;
        v10[i] += k / n;
        v01[j] += k / m;
        auc += k / (m * n);
      }
    }
    double s10 = 0;
    double s01 = 0;
    for (double v : v10) {
      s10 += (v - auc) * (v - auc) / (m - 1);
    }
    for (double v : v01) {
      s01 += (v - auc) * (v - auc) / (n - 1);
    }
    return new double[] {auc, s10 / m + s01 / n};
  }

  /** {mean, s²/n} of values. */
  static double[] mean(double... v) {
    double mu = 0;
    for (double x : v) {
      mu += x / v.length;
    }
    double ss = 0;
    for (double x : v) {
      ss += (x - mu) * (x - mu);
    }
    return new double[] {mu, ss / (v.length - 1) / v.length};
  }

  @Test
  void disparitiesOfRowMetricsHaveDeltaMethodIntervals() {
    AttributeDisparities g = withDerived(null).primary().disparities().get("g");
    double[] a = delong(new double[] {.9, .8, .3}, new double[] {.6, .2, .1});
    double[] b = delong(new double[] {.7, .4}, new double[] {.55, .45});
    Estimate d = g.byGroup().get("auc_difference").get("b");
    double half = Z * Math.sqrt(a[1] + b[1]);
    assertEquals(b[0] - a[0], d.value(), 1e-15);
    assertEquals(b[0] - a[0] - half, d.ciLow(), 1e-12);
    assertEquals(b[0] - a[0] + half, d.ciHigh(), 1e-12);

    double[] ma = mean(.9, .8, .3, .6, .2, .1);
    double[] mb = mean(.7, .4, .55, .45);
    double ratio = mb[0] / ma[0];
    double var = mb[1] / (ma[0] * ma[0]) + ratio * ratio * ma[1] / (ma[0] * ma[0]);
    Estimate q = g.byGroup().get("mean_score_ratio").get("b");
    assertEquals(ratio, q.value(), 1e-15);
    assertEquals(ratio + Z * Math.sqrt(var), q.ciHigh(), 1e-12);

    // c has no positives: AUC undefined, so c is left out of the AUC difference (typed) only
    assertFalse(g.byGroup().get("auc_difference").containsKey("c"));
    assertTrue(g.byGroup().get("mean_score_ratio").containsKey("c"));
    SkippedGroup c =
        g.skipped().stream()
            .filter(s -> s.group().equals("c") && "auc".equals(s.base()))
            .findFirst()
            .orElseThrow();
    assertEquals(UndefinedReason.BASE_UNDEFINED, c.code());
    assertEquals(UndefinedReason.NO_POSITIVES, c.baseCode());
    assertEquals(
        "auc undefined (no favourable-label rows in slice): left out of the disparities built on"
            + " it",
        c.reason());
  }

  @Test
  void pairedDeltaOfARowDisparityIsZeroWithZeroWidthForIdenticalModels() {
    Estimate d =
        withDerived(S.clone())
            .comparison()
            .deltas()
            .disparities()
            .get("g")
            .byGroup()
            .get("auc_difference")
            .get("b");
    assertEquals(0.0, d.value(), 0);
    assertEquals(0.0, d.ciLow(), 1e-12);
    assertEquals(0.0, d.ciHigh(), 1e-12);
  }

  @Test
  void reasonsAreTypedNextToTheUnchangedText() {
    FairnessReport r = new Analyzer(input(1), null, MetricRegistry.standard()).run();
    Estimate tpr = r.primary().slices().get(2).metrics().get("true_positive_rate");
    assertEquals(UndefinedReason.NO_POSITIVES, tpr.code());
    assertEquals("no favourable-label rows in slice", tpr.reason());
    Estimate empty = r.primary().slices().get(3).metrics().get("selection_rate");
    assertEquals(UndefinedReason.EMPTY_SLICE, empty.code());
    assertNull(r.primary().slices().get(0).metrics().get("auc").code());
    AttributeDisparities g = r.primary().disparities().get("g");
    SkippedGroup d =
        g.skipped().stream().filter(s -> s.group().equals("d")).findFirst().orElseThrow();
    assertEquals(UndefinedReason.INSUFFICIENT_DATA, d.code());
    assertNull(d.base());
    SkippedGroup c =
        g.skipped().stream().filter(s -> s.group().equals("c")).findFirst().orElseThrow();
    assertEquals("true_positive_rate", c.base());

    AttributeDisparities few =
        new Analyzer(input(5), null, MetricRegistry.standard())
            .run()
            .primary()
            .disparities()
            .get("g");
    Estimate eo = few.overall().get("equal_opportunity_difference");
    assertEquals(UndefinedReason.TOO_FEW_GROUPS, eo.code());
    assertTrue(eo.reason().startsWith("fewer than 2 groups"), eo.reason());
  }
}

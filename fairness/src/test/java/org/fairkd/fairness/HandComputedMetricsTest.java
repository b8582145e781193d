package org.fairkd.fairness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.fairkd.fairness.report.AttributeDisparities;
import org.fairkd.fairness.report.Estimate;
import org.fairkd.fairness.report.FairnessReport;
import org.fairkd.fairness.report.SliceResult;
import org.fairkd.fairness.report.SliceStatus;
import org.junit.jupiter.api.Test;

/**
 * Every metric on a tiny data set whose values are worked out by hand in the comments.
 *
 * <pre>
 * group a (6 rows): y  = 1 1 1 0 0 0, s = .9 .8 .3 .6 .2 .1 → ŷ = 1 1 0 1 0 0
 *   TP 2 FN 1 FP 1 TN 2: SR 3/6, TPR 2/3, FPR 1/3, precision 2/3, accuracy 4/6
 * group b (4 rows): y  = 1 1 0 0,       s = .7 .4 .55 .45     → ŷ = 1 0 1 0
 *   TP 1 FN 1 FP 1 TN 1: SR 2/4, TPR 1/2, FPR 1/2, precision 1/2, accuracy 2/4
 * group c (2 rows): y  = 0 0 (one class), s = .9 .2           → ŷ = 1 0: TPR undefined
 * group d: no rows (empty)
 * </pre>
 */
class HandComputedMetricsTest {
  static final boolean[] Y = {
    true, true, true, false, false, false, true, true, false, false, false, false
  };
  static final double[] S = {.9, .8, .3, .6, .2, .1, .7, .4, .55, .45, .9, .2};
  static final int[] G = {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2};

  static FairnessReport run(int minSlice) {
    return FairnessAnalysis.analyze(
        FairnessInput.builder(Y)
            .scores(S)
            .minSliceSize(minSlice)
            .bootstrap(0)
            .attribute(ProtectedAttribute.hard("g", List.of("a", "b", "c", "d"), "a", G))
            .build());
  }

  static double v(Map<String, Estimate> m, String name) {
    return m.get(name).value();
  }

  @Test
  void perSliceRates() {
    FairnessReport r = run(1);
    Map<String, Estimate> a = r.primary().slices().get(0).metrics();
    assertEquals(6, v(a, "count"));
    assertEquals(0.5, v(a, "base_rate"), 1e-15);
    assertEquals(0.5, v(a, "selection_rate"), 1e-15);
    assertEquals(2.0 / 3, v(a, "true_positive_rate"), 1e-15);
    assertEquals(1.0 / 3, v(a, "false_positive_rate"), 1e-15);
    assertEquals(1.0 / 3, v(a, "false_negative_rate"), 1e-15);
    assertEquals(2.0 / 3, v(a, "true_negative_rate"), 1e-15);
    assertEquals(2.0 / 3, v(a, "precision"), 1e-15);
    assertEquals(4.0 / 6, v(a, "accuracy"), 1e-15);
    // AUC a: positives .9 .8 .3 vs negatives .6 .2 .1: pairs won 3+3+2 = 8 of 9
    assertEquals(8.0 / 9, v(a, "auc"), 1e-15);
    assertEquals((.9 + .8 + .3 + .6 + .2 + .1) / 6, v(a, "mean_score"), 1e-15);
    double brier = (.01 + .04 + .49 + .36 + .04 + .01) / 6;
    assertEquals(brier, v(a, "brier_score"), 1e-15);
    // ECE a, bins of width .1: [.9]: |.9-1|, [.8]: |.8-1|, [.3]: |.3-1|, [.6]: .6, [.2]: .2,
    // [.1]: .1 → (.1 + .2 + .7 + .6 + .2 + .1) / 6
    assertEquals(1.9 / 6, v(a, "expected_calibration_error"), 1e-12);
    Map<String, Estimate> b = r.primary().slices().get(1).metrics();
    // AUC b: positives .7 .4 vs negatives .55 .45: .7 wins both, .4 loses both → 2/4
    assertEquals(0.5, v(b, "auc"), 1e-15);
    assertEquals(0.5, v(b, "precision"), 1e-15);
  }

  @Test
  void oneClassAndEmptySlicesAreUndefinedWithReasonsNotZero() {
    FairnessReport r = run(1);
    SliceResult c = r.primary().slices().get(2);
    assertEquals(SliceStatus.OK, c.status());
    Estimate tpr = c.metrics().get("true_positive_rate");
    assertNull(tpr.value());
    assertEquals("no favourable-label rows in slice", tpr.reason());
    assertNull(c.metrics().get("auc").value());
    assertEquals(0.5, c.metrics().get("false_positive_rate").value(), 1e-15);
    SliceResult d = r.primary().slices().get(3);
    assertEquals(0.0, d.count());
    assertEquals(SliceStatus.INSUFFICIENT_DATA, d.status());
    assertNull(d.metrics().get("selection_rate").value());
    assertEquals("empty slice", d.metrics().get("selection_rate").reason());
    assertNull(d.metrics().get("auc").value());
  }

  @Test
  void disparitiesSkipUndefinedGroupsAndSaySo() {
    AttributeDisparities g = run(1).primary().disparities().get("g");
    assertEquals("a", g.reference());
    // selection rates: a .5, b .5, c .5 → DPD 0, DPR 1
    assertEquals(0.0, g.overall().get("demographic_parity_difference").value(), 1e-15);
    assertEquals(1.0, g.overall().get("demographic_parity_ratio").value(), 1e-15);
    // TPR only for a (2/3) and b (1/2); FPR a 1/3, b 1/2 (c left out: TPR undefined)
    assertEquals(1.0 / 6, g.overall().get("equal_opportunity_difference").value(), 1e-15);
    assertEquals(1.0 / 6, g.overall().get("equalized_odds_difference").value(), 1e-15);
    assertEquals(
        Math.min(0.5 / (2.0 / 3), (1.0 / 3) / 0.5),
        g.overall().get("equalized_odds_ratio").value(),
        1e-15);
    assertEquals(1.0, g.byGroup().get("adverse_impact_ratio").get("b").value(), 1e-15);
    assertEquals(0.0, g.byGroup().get("marginal_effect").get("c").value(), 1e-13);
    // average odds b vs a: ((1/2 − 1/3) + (1/2 − 2/3)) / 2 = 0
    assertEquals(0.0, g.byGroup().get("average_odds_difference").get("b").value(), 1e-15);
    assertTrue(!g.byGroup().get("average_odds_difference").containsKey("c"));
    assertTrue(
        g.skipped().stream()
            .anyMatch(
                s ->
                    s.group().equals("c")
                        && s.reason().startsWith("true_positive_rate undefined")));
    assertTrue(
        g.skipped().stream()
            .anyMatch(s -> s.group().equals("d") && s.reason().startsWith("insufficient_data")));
  }

  @Test
  void theilIndexByHand() {
    // b = ŷ − y + 1 over a, b, c (12 rows): FN rows (b=0): a3, b8 → 2; FP rows (b=2): a4, b9, c11
    // → 3; b=1: 7 rows. μ = (7 + 6)/12; T = (7·(1/μ)ln(1/μ) + 3·(2/μ)ln(2/μ)) / 12
    double mu = 13.0 / 12;
    double t = (7 * (1 / mu) * Math.log(1 / mu) + 3 * (2 / mu) * Math.log(2 / mu)) / 12;
    AttributeDisparities g = run(1).primary().disparities().get("g");
    assertEquals(t, g.overall().get("theil_index").value(), 1e-15);
  }

  @Test
  void standardizedMeanDifferenceByHand() {
    // scores b: .7 .4 .55 .45 (mean .525); a: mean 2.9/6; pooled sd from sample variances
    double[] a = {.9, .8, .3, .6, .2, .1};
    double[] b = {.7, .4, .55, .45};
    double ma = 2.9 / 6;
    double mb = .525;
    double va = 0;
    for (double x : a) {
      va += (x - ma) * (x - ma);
    }
    double vb = 0;
    for (double x : b) {
      vb += (x - mb) * (x - mb);
    }
    double sp = Math.sqrt((va + vb) / (6 + 4 - 2));
    AttributeDisparities g = run(1).primary().disparities().get("g");
    Estimate smd = g.byGroup().get("standardized_mean_difference").get("b");
    assertEquals((mb - ma) / sp, smd.value(), 1e-12);
    double d = (mb - ma) / sp;
    double se = Math.sqrt(10.0 / 24 + d * d / 20);
    assertEquals(d - 1.959963984540054 * se, smd.ciLow(), 1e-9);
  }

  @Test
  void minSliceSizeMarksButKeepsSlices() {
    FairnessReport r = run(5);
    assertEquals(SliceStatus.INSUFFICIENT_DATA, r.primary().slices().get(1).status());
    assertEquals(0.5, r.primary().slices().get(1).metrics().get("selection_rate").value());
    AttributeDisparities g = r.primary().disparities().get("g");
    assertNull(g.overall().get("demographic_parity_difference").value());
    assertTrue(g.overall().get("demographic_parity_difference").reason().contains("fewer than 2"));
    assertTrue(g.byGroup().get("adverse_impact_ratio").isEmpty());
    assertTrue(r.primary().tests().isEmpty());
  }

  @Test
  void softMembershipWithCertainProbabilitiesEqualsHardAndWeightsEqualDuplicates() {
    double[][] p = new double[4][Y.length];
    for (int i = 0; i < Y.length; i++) {
      p[G[i]][i] = 1;
    }
    FairnessReport soft =
        FairnessAnalysis.analyze(
            FairnessInput.builder(Y)
                .scores(S)
                .minSliceSize(1)
                .bootstrap(0)
                .attribute(ProtectedAttribute.soft("g", List.of("a", "b", "c", "d"), "a", p))
                .build());
    FairnessReport hard = run(1);
    for (int s = 0; s < 4; s++) {
      Map<String, Estimate> h = hard.primary().slices().get(s).metrics();
      Map<String, Estimate> f = soft.primary().slices().get(s).metrics();
      h.forEach((k, e) -> assertEquals(e.value(), f.get(k).value(), k));
    }
    // weight 2 on row 0 equals duplicating row 0
    double[] w = new double[Y.length];
    java.util.Arrays.fill(w, 1);
    w[0] = 2;
    FairnessReport weighted =
        FairnessAnalysis.analyze(
            FairnessInput.builder(Y)
                .scores(S)
                .weights(w)
                .minSliceSize(1)
                .bootstrap(0)
                .attribute(ProtectedAttribute.hard("g", List.of("a", "b", "c", "d"), "a", G))
                .build());
    Map<String, Estimate> a = weighted.primary().slices().get(0).metrics();
    assertEquals(7, v(a, "count"));
    assertEquals(3.0 / 4, v(a, "true_positive_rate"), 1e-15);
    assertEquals(4.0 / 7, v(a, "selection_rate"), 1e-15);
    // AUC with weight 2 on the top positive: pairs won (2·3 + 3 + 2) of (4·3)
    assertEquals(11.0 / 12, v(a, "auc"), 1e-15);
  }

  @Test
  void tooManyGroupsIsAClearError() {
    List<String> groups = java.util.stream.IntStream.range(0, 200).mapToObj(i -> "v" + i).toList();
    int[] codes = new int[Y.length];
    FairnessInput in =
        FairnessInput.builder(Y)
            .scores(S)
            .attribute(ProtectedAttribute.hard("x", groups, null, codes))
            .attribute(ProtectedAttribute.hard("z", groups, null, codes))
            .build();
    FairnessException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            FairnessException.class, () -> FairnessAnalysis.analyze(in));
    assertTrue(e.getMessage().contains("40401 cells"), e.getMessage());
  }
}

package org.fairkd.fairness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.fairkd.fairness.report.Comparison;
import org.fairkd.fairness.report.Estimate;
import org.fairkd.fairness.report.FairnessReport;
import org.junit.jupiter.api.Test;

/** Teacher-vs-student comparison on the same rows, checked against direct computations. */
class PairedComparisonTest {
  static final int N = 400;
  final boolean[] y = new boolean[N];
  final double[] t = new double[N];
  final double[] s = new double[N];
  final int[] g = new int[N];

  PairedComparisonTest() {
    Random r = new Random(5);
    for (int i = 0; i < N; i++) {
      y[i] = r.nextBoolean();
      g[i] = r.nextInt(3);
      double z = (y[i] ? 0.8 : -0.3) + r.nextGaussian();
      t[i] = 1 / (1 + Math.exp(-z));
      s[i] = 1 / (1 + Math.exp(-(z + 0.6 * r.nextGaussian() - 0.1 * g[i])));
    }
  }

  FairnessReport run() {
    return FairnessAnalysis.compare(
        FairnessInput.builder(y)
            .scores(t)
            .bootstrap(300)
            .seed(3)
            .attribute(ProtectedAttribute.hard("g", List.of("a", "b", "c"), "a", g))
            .build(),
        s);
  }

  static double auc(boolean[] y, double[] x) {
    double won = 0;
    double m = 0;
    double n = 0;
    for (int i = 0; i < y.length; i++) {
      if (y[i]) {
        m++;
      } else {
        n++;
      }
      for (int j = 0; j < y.length; j++) {
        if (y[i] && !y[j]) {
          won += x[i] > x[j] ? 1 : x[i] == x[j] ? 0.5 : 0;
        }
      }
    }
    return won / (m * n);
  }

  @Test
  void fidelityKlMcNemarAndDeltasMatchDirectComputation() {
    Comparison c = run().comparison();
    assertNotNull(c);
    int agree = 0;
    int b = 0;
    int cc = 0;
    double kl = 0;
    double sr1 = 0;
    double sr2 = 0;
    for (int i = 0; i < N; i++) {
      boolean d1 = t[i] >= 0.5;
      boolean d2 = s[i] >= 0.5;
      agree += d1 == d2 ? 1 : 0;
      b += d1 == y[i] && d2 != y[i] ? 1 : 0;
      cc += d1 != y[i] && d2 == y[i] ? 1 : 0;
      kl += t[i] * Math.log(t[i] / s[i]) + (1 - t[i]) * Math.log((1 - t[i]) / (1 - s[i]));
      sr1 += d1 ? 1 : 0;
      sr2 += d2 ? 1 : 0;
    }
    assertEquals(agree / (double) N, c.fidelity().value(), 1e-15);
    assertTrue(
        c.fidelity().ciLow() <= c.fidelity().value()
            && c.fidelity().value() <= c.fidelity().ciHigh());
    assertEquals(kl / N, c.klDivergence().value(), 1e-12);
    assertEquals((b - cc) * (b - cc) / (double) (b + cc), c.tests().mcnemarStatistic(), 1e-12);
    assertEquals((sr2 - sr1) / N, c.deltas().overall().get("selection_rate").value(), 1e-12);
    double dAuc = auc(y, s) - auc(y, t);
    assertEquals(dAuc, c.deltas().overall().get("auc").value(), 1e-12);
    assertEquals(dAuc, c.tests().delongDifference(), 1e-12);
    Estimate aucDelta = c.deltas().overall().get("auc");
    assertEquals(c.tests().delongCiLow(), aucDelta.ciLow(), 1e-15);
    // compared model's own results equal a separate analysis of its scores
    FairnessReport alone =
        FairnessAnalysis.analyze(
            FairnessInput.builder(y)
                .scores(s)
                .bootstrap(0)
                .attribute(ProtectedAttribute.hard("g", List.of("a", "b", "c"), "a", g))
                .build());
    assertEquals(
        alone.primary().slices().get(1).metrics().get("true_positive_rate").value(),
        c.compared().slices().get(1).metrics().get("true_positive_rate").value(),
        1e-15);
    double dpd1 =
        run()
            .primary()
            .disparities()
            .get("g")
            .overall()
            .get("demographic_parity_difference")
            .value();
    double dpd2 =
        c.compared().disparities().get("g").overall().get("demographic_parity_difference").value();
    assertEquals(
        dpd2 - dpd1,
        c.deltas().disparities().get("g").overall().get("demographic_parity_difference").value(),
        1e-15);
    assertEquals(3, c.deltas().slices().size());
  }

  @Test
  void pairedDeLongVarianceMatchesBruteForceStructuralComponents() {
    Comparison c = run().comparison();
    int m = 0;
    int n = 0;
    for (boolean v : y) {
      if (v) {
        m++;
      } else {
        n++;
      }
    }
    double[] d10 = new double[N];
    double[] d01 = new double[N];
    for (int i = 0; i < N; i++) {
      for (int j = 0; j < N; j++) {
        if (y[i] && !y[j]) {
          double p1 = t[i] > t[j] ? 1 : t[i] == t[j] ? 0.5 : 0;
          double p2 = s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
          d10[i] += (p2 - p1) / n;
          d01[j] += (p2 - p1) / m;
        }
      }
    }
    double diff = auc(y, s) - auc(y, t);
    double s10 = 0;
    double s01 = 0;
    for (int i = 0; i < N; i++) {
      if (y[i]) {
        s10 += (d10[i] - diff) * (d10[i] - diff) / (m - 1);
      } else {
        s01 += (d01[i] - diff) * (d01[i] - diff) / (n - 1);
      }
    }
    double se = Math.sqrt(s10 / m + s01 / n);
    assertEquals(diff + 1.959963984540054 * se, c.tests().delongCiHigh(), 1e-9);
    double p = org.apache.commons.math3.special.Erf.erfc(Math.abs(diff) / se / Math.sqrt(2));
    assertEquals(p, c.tests().delongPValue(), 1e-9);
  }

  @Test
  void softMembershipSpreadsRowsAcrossGroupsAndIntersections() {
    double[][] p = new double[2][N];
    for (int i = 0; i < N; i++) {
      p[0][i] = (i % 10) / 10.0;
      p[1][i] = 1 - p[0][i];
    }
    FairnessReport r =
        FairnessAnalysis.analyze(
            FairnessInput.builder(y)
                .scores(t)
                .bootstrap(100)
                .attribute(ProtectedAttribute.soft("race", List.of("x", "z"), null, p))
                .attribute(ProtectedAttribute.hard("g", List.of("a", "b", "c"), "a", g))
                .build());
    assertEquals("poisson_rows", r.config().bootstrapMethod());
    double px = 0;
    double pxa = 0;
    for (int i = 0; i < N; i++) {
      px += p[0][i];
      pxa += g[i] == 0 ? p[0][i] : 0;
    }
    assertEquals(px, r.primary().slices().get(0).count(), 1e-9);
    assertEquals("z", r.config().references().get("race"));
    // slices: x, z, a, b, c, then x*a ...
    assertEquals(pxa, r.primary().slices().get(5).count(), 1e-9);
    Estimate sr = r.primary().slices().get(0).metrics().get("selection_rate");
    assertTrue(sr.ciLow() <= sr.value() && sr.value() <= sr.ciHigh());
    assertEquals("two_proportion_z", r.primary().tests().get(0).method());
  }
}

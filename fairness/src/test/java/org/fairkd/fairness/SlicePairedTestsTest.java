package org.fairkd.fairness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.special.Erf;
import org.fairkd.fairness.report.Estimate;
import org.fairkd.fairness.report.PairedTests;
import org.fairkd.fairness.report.SliceDelta;
import org.junit.jupiter.api.Test;

/**
 * Per-slice paired tests of the student against the teacher, checked against a brute-force paired
 * DeLong on the slice's rows and McNemar from Commons Math's binomial and χ² distributions.
 */
class SlicePairedTestsTest {
  static final int N = 300;
  final boolean[] y = new boolean[N];
  final double[] t = new double[N];
  final double[] s = new double[N];
  final int[] g = new int[N];

  SlicePairedTestsTest() {
    Random r = new Random(11);
    for (int i = 0; i < N; i++) {
      y[i] = r.nextBoolean();
      g[i] = i < 20 ? 2 : r.nextInt(2); // group c: 20 rows, below the minimum slice size
      double z = (y[i] ? 0.9 : -0.4) + r.nextGaussian();
      t[i] = 1 / (1 + Math.exp(-z));
      double noise = g[i] == 1 ? 0.9 : 0.15; // the student departs from the teacher in group b
      s[i] = 1 / (1 + Math.exp(-(z + noise * r.nextGaussian())));
    }
  }

  List<SliceDelta> deltas() {
    return FairnessAnalysis.compare(
            FairnessInput.builder(y)
                .scores(t)
                .bootstrap(200)
                .seed(5)
                .minSliceSize(30)
                .attribute(ProtectedAttribute.hard("g", List.of("a", "b", "c"), "a", g))
                .build(),
            s)
        .comparison()
        .deltas()
        .slices();
  }

  /** Brute-force paired DeLong {difference, p-value} over the rows of group {@code k}. */
  double[] bruteDeLong(int k) {
    double m = 0;
    double n = 0;
    for (int i = 0; i < N; i++) {
      if (g[i] == k) {
        m += y[i] ? 1 : 0;
        n += y[i] ? 0 : 1;
      }
    }
    double[] d10 = new double[N];
    double[] d01 = new double[N];
    double diff = 0;
    for (int i = 0; i < N; i++) {
      for (int j = 0; j < N; j++) {
        if (g[i] == k && g[j] == k && y[i] && !y[j]) {
          double p1 = t[i] > t[j] ? 1 : t[i] == t[j] ? 0.5 : 0;
          double p2 = s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
          d10[i] += (p2 - p1) / n;
          d01[j] += (p2 - p1) / m;
          diff += (p2 - p1) / (m * n);
        }
      }
    }
    double s10 = 0;
    double s01 = 0;
    for (int i = 0; i < N; i++) {
      if (g[i] != k) {
        continue;
      }
      if (y[i]) {
        s10 += (d10[i] - diff) * (d10[i] - diff) / (m - 1);
      } else {
        s01 += (d01[i] - diff) * (d01[i] - diff) / (n - 1);
      }
    }
    double se = Math.sqrt(s10 / m + s01 / n);
    return new double[] {diff, Erf.erfc(Math.abs(diff) / se / Math.sqrt(2)), se};
  }

  /** Discordant rows {teacher right only, student right only} of group {@code k}. */
  int[] discordant(int k) {
    int b = 0;
    int c = 0;
    for (int i = 0; i < N; i++) {
      if (g[i] == k) {
        boolean r1 = (t[i] >= 0.5) == y[i];
        boolean r2 = (s[i] >= 0.5) == y[i];
        b += r1 && !r2 ? 1 : 0;
        c += r2 && !r1 ? 1 : 0;
      }
    }
    return new int[] {b, c};
  }

  @Test
  void pairedDeLongPerSliceMatchesBruteForce() {
    List<SliceDelta> d = deltas();
    for (int k = 0; k < 2; k++) {
      PairedTests p = d.get(k).tests();
      assertNotNull(p, "group " + k);
      double[] brute = bruteDeLong(k);
      assertEquals(brute[0], p.delongDifference(), 1e-12);
      assertEquals(brute[1], p.delongPValue(), 1e-9);
      assertEquals(brute[0] - 1.959963984540054 * brute[2], p.delongCiLow(), 1e-9);
      Estimate auc = d.get(k).metrics().get("auc");
      assertEquals(auc.ciLow(), p.delongCiLow(), 1e-15);
      assertEquals(auc.ciHigh(), p.delongCiHigh(), 1e-15);
    }
  }

  @Test
  void mcNemarPerSliceIsExactBelow25DiscordantRowsElseChiSquare() {
    List<SliceDelta> d = deltas();
    int[] a = discordant(0);
    int[] b = discordant(1);
    assertTrue(a[0] + a[1] < 25, "group a: few discordant rows " + (a[0] + a[1]));
    assertTrue(b[0] + b[1] >= 25, "group b: many discordant rows " + (b[0] + b[1]));
    int na = a[0] + a[1];
    double exact =
        Math.min(
            1,
            2
                * new BinomialDistribution(null, na, 0.5)
                    .cumulativeProbability(Math.min(a[0], a[1])));
    assertEquals(exact, d.get(0).tests().mcnemarPValue(), 1e-12);
    double chi = (b[0] - b[1]) * (b[0] - b[1]) / (double) (b[0] + b[1]);
    assertEquals(chi, d.get(1).tests().mcnemarStatistic(), 1e-12);
    assertEquals(
        1 - new ChiSquaredDistribution(null, 1).cumulativeProbability(chi),
        d.get(1).tests().mcnemarPValue(),
        1e-12);
  }

  @Test
  void sliceBelowMinimumSizeHasNoTestsAndEverySliceHasFidelityAndFnrIntervals() {
    List<SliceDelta> d = deltas();
    assertEquals(Map.of("g", "c"), d.get(2).attributes());
    assertNull(d.get(2).tests());
    for (SliceDelta sd : d) {
      int k = List.of("a", "b", "c").indexOf(sd.attributes().get("g"));
      int agree = 0;
      int rows = 0;
      for (int i = 0; i < N; i++) {
        if (g[i] == k) {
          rows++;
          agree += (t[i] >= 0.5) == (s[i] >= 0.5) ? 1 : 0;
        }
      }
      Estimate f = sd.fidelity();
      assertEquals(agree / (double) rows, f.value(), 1e-15);
      assertTrue(f.ciLow() <= f.value() && f.value() <= f.ciHigh(), "fidelity interval " + k);
      Estimate fnr = sd.metrics().get("false_negative_rate");
      assertNotNull(fnr.ciLow(), "fnr delta interval " + k);
      assertTrue(fnr.ciLow() <= fnr.value() && fnr.value() <= fnr.ciHigh());
    }
  }
}

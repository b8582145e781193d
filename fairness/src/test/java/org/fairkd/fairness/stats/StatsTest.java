package org.fairkd.fairness.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;
import java.util.SplittableRandom;
import org.fairkd.fairness.Correction;
import org.junit.jupiter.api.Test;

/** The statistical building blocks against brute force or published reference values. */
class StatsTest {

  @Test
  void delongMatchesBruteForcePairsAndTheClassicVarianceFormula() {
    Random r = new Random(7);
    int n = 300;
    double[] s = new double[n];
    boolean[] y = new boolean[n];
    double[] w = new double[n];
    int[] rows = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = r.nextBoolean();
      s[i] = Math.round((y[i] ? 0.6 : 0.4) * 20 + 4 * r.nextGaussian()) / 20.0; // many ties
      w[i] = 1;
      rows[i] = i;
    }
    RowSample sample = new RowSample(rows, w);
    Linearized l = DeLong.auc(sample, s, y, SortedView.of(sample, s, y));
    // brute force: Mann–Whitney with ties ½, and DeLong's V10 / V01 per row
    int m = 0;
    int k = 0;
    double won = 0;
    for (int i = 0; i < n; i++) {
      if (y[i]) {
        m++;
      } else {
        k++;
      }
    }
    double[] v10 = new double[n];
    double[] v01 = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (y[i] && !y[j]) {
          double psi = s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
          won += psi;
          v10[i] += psi / k;
          v01[j] += psi / m;
        }
      }
    }
    double auc = won / ((double) m * k);
    assertEquals(auc, l.value(), 1e-12);
    double s10 = 0;
    double s01 = 0;
    for (int i = 0; i < n; i++) {
      if (y[i]) {
        s10 += (v10[i] - auc) * (v10[i] - auc) / (m - 1);
      } else {
        s01 += (v01[i] - auc) * (v01[i] - auc) / (k - 1);
      }
    }
    assertEquals(s10 / m + s01 / k, l.variance(), 1e-15);
  }

  @Test
  void weightedAucEqualsAucOfDuplicatedRows() {
    double[] s = {.1, .4, .35, .8, .4};
    boolean[] y = {false, true, false, true, false};
    double[] w = {1, 3, 2, 1, 1};
    RowSample sample = new RowSample(new int[] {0, 1, 2, 3, 4}, w);
    Linearized l = DeLong.auc(sample, s, y, SortedView.of(sample, s, y));
    // positives .4 (×3) and .8 vs negatives .1, .35 (×2), .4: .4 wins 1+2+½ = 3.5 of 4, .8 wins 4
    assertEquals((3 * 3.5 + 4) / (4 * 4), l.value(), 1e-15);
  }

  @Test
  void fisherExactMatchesReferenceValues() {
    // Fisher's tea tasting: [[3,1],[1,3]] two-sided p = 0.4857142857 (R fisher.test)
    assertEquals(0.4857142857142857, ProportionTest.fisher(3, 4, 1, 4).pValue(), 1e-12);
    assertEquals(9.0, ProportionTest.fisher(3, 4, 1, 4).statistic(), 1e-12);
    // [[1,9],[11,3]]: R fisher.test p-value = 0.002759
    assertEquals(0.002759456185220088, ProportionTest.fisher(1, 10, 11, 14).pValue(), 1e-9);
    assertNull(ProportionTest.fisher(5, 5, 1, 4).statistic());
  }

  @Test
  void zTestMatchesHandComputation() {
    // p1 = 60/100, p0 = 45/100: pooled .525, se = sqrt(.525·.475·.02)
    ProportionTest t = ProportionTest.test(60, 100, 45, 100, true);
    assertEquals("two_proportion_z", t.method());
    double z = 0.15 / Math.sqrt(.525 * .475 * .02);
    assertEquals(z, t.statistic(), 1e-12);
    assertEquals(org.apache.commons.math3.special.Erf.erfc(z / Math.sqrt(2)), t.pValue(), 1e-12);
    assertEquals("fisher_exact", ProportionTest.test(3, 4, 1, 4, true).method());
  }

  @Test
  void holmAndBenjaminiHochberg() {
    double[] p = {0.01, 0.04, 0.03, 0.005};
    assertArrayEquals(
        new double[] {0.03, 0.06, 0.06, 0.02}, MultipleTesting.adjust(p, Correction.HOLM), 1e-15);
    assertArrayEquals(
        new double[] {0.02, 0.04, 0.04, 0.02}, MultipleTesting.adjust(p, Correction.BH), 1e-15);
  }

  @Test
  void mcnemarAndWilson() {
    McNemar m = McNemar.test(10, 30, true);
    assertEquals(10.0, m.statistic(), 1e-12);
    assertEquals(0.001565402258, m.pValue(), 1e-9);
    // exact: b=2, c=8 → 2·P(X ≤ 2 | 10, ½) = 2·56/1024
    assertEquals(112.0 / 1024, McNemar.test(2, 8, true).pValue(), 1e-12);
    double[] w = Wilson.interval(8, 10, 0.95);
    assertEquals(0.4901624, w[0], 1e-6);
    assertEquals(0.9433178, w[1], 1e-6);
  }

  @Test
  void binomialSamplerHasTheRightMeanAndVariance() {
    SplittableRandom rng = new SplittableRandom(3);
    BinomialSampler sampler = new BinomialSampler(1_000_000);
    for (double[] c : new double[][] {{1_000_000, 0.03}, {50, 0.5}, {20, 0.9}, {7, 0.01}}) {
      int n = (int) c[0];
      double p = c[1];
      int reps = 20000;
      double sum = 0;
      double sum2 = 0;
      for (int i = 0; i < reps; i++) {
        int x = sampler.binomial(n, p, rng);
        sum += x;
        sum2 += (double) x * x;
      }
      double mean = sum / reps;
      double var = sum2 / reps - mean * mean;
      double sd = Math.sqrt(n * p * (1 - p));
      assertEquals(n * p, mean, 5 * sd / Math.sqrt(reps), "mean n=" + n);
      assertEquals(n * p * (1 - p), var, 0.05 * n * p * (1 - p) + 1e-9, "var n=" + n);
    }
    int[] out = new int[3];
    sampler.multinomial(100, new double[] {.2, .3, .5}, out, rng);
    assertEquals(100, out[0] + out[1] + out[2]);
  }

  @Test
  void indexSortIsStableAscending() {
    assertArrayEquals(
        new int[] {3, 1, 4, 0, 2}, IndexSort.ascending(new double[] {.5, .2, .9, .1, .2}));
  }
}

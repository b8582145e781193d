package org.fairkd.fairness.stats;

import org.apache.commons.math3.distribution.HypergeometricDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Tests of the difference of two proportions x1/n1 (group) and x0/n0 (reference).
 *
 * <p>Fisher's exact test (two-sided: the sum of hypergeometric probabilities of all tables with the
 * same margins no more likely than the observed one) is used when the counts are integers and some
 * expected cell count is below 5; otherwise the pooled two-proportion z-test {@code z = (p1 − p0) /
 * sqrt(p̄(1−p̄)(1/n1 + 1/n0))}. Weighted or soft counts are tested with Kish effective sizes and
 * the z-test.
 *
 * @param method {@code fisher_exact} or {@code two_proportion_z}
 * @param statistic z, or the sample odds ratio (null when infinite or undefined)
 * @param pValue two-sided p-value
 */
public record ProportionTest(String method, Double statistic, double pValue) {

  /** Chooses Fisher or z as described above. */
  public static ProportionTest test(
      double x1, double n1, double x0, double n0, boolean integerCounts) {
    if (integerCounts) {
      double total = n1 + n0;
      double sel = x1 + x0;
      double minExpected = Math.min(n1, n0) * Math.min(sel, total - sel) / Math.max(total, 1);
      if (minExpected < 5) {
        return fisher(
            (int) Math.round(x1), (int) Math.round(n1), (int) Math.round(x0), (int) Math.round(n0));
      }
    }
    return zTest(x1 / n1, n1, x0 / n0, n0);
  }

  /** Fisher's exact test, two-sided, on integer counts. */
  public static ProportionTest fisher(int x1, int n1, int x0, int n0) {
    int total = n1 + n0;
    int sel = x1 + x0;
    HypergeometricDistribution h = new HypergeometricDistribution(null, total, sel, n1);
    double observed = h.probability(x1);
    double p = 0;
    int lo = Math.max(0, sel - n0);
    int hi = Math.min(sel, n1);
    for (int k = lo; k <= hi; k++) {
      double pk = h.probability(k);
      if (pk <= observed * (1 + 1e-7)) {
        p += pk;
      }
    }
    double a = x1;
    double b = n1 - x1;
    double c = x0;
    double d = n0 - x0;
    Double odds = (b * c) > 0 ? (a * d) / (b * c) : null;
    return new ProportionTest("fisher_exact", odds, Math.min(1.0, p));
  }

  /** Pooled two-proportion z-test with (effective) sizes n1, n0. */
  public static ProportionTest zTest(double p1, double n1, double p0, double n0) {
    double pooled = (p1 * n1 + p0 * n0) / (n1 + n0);
    double se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n0));
    if (!(se > 0)) {
      return new ProportionTest("two_proportion_z", 0.0, 1.0);
    }
    double z = (p1 - p0) / se;
    double p = 2 * new NormalDistribution(null, 0, 1).cumulativeProbability(-Math.abs(z));
    return new ProportionTest("two_proportion_z", z, p);
  }
}

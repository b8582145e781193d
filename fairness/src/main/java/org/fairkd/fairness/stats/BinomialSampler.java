package org.fairkd.fairness.stats;

import java.util.SplittableRandom;

/**
 * Exact Binomial(n, p) and Multinomial sampling by inversion in an order that starts at the mode
 * and alternates outwards (any fixed enumeration of the support is a valid inversion order), so the
 * expected cost is O(sqrt(np(1−p))) pmf-recurrence steps: {@code P(k+1)/P(k) = (n−k)/(k+1)·p/q}.
 * The pmf at the mode is {@code exp(ln n! − ln k! − ln (n−k)! + k ln p + (n−k) ln q)} with a table
 * of ln k! (compensated summation) built once per sampler.
 */
public final class BinomialSampler {
  private final double[] logFact;

  /** A sampler for trials up to {@code maxN}. */
  public BinomialSampler(int maxN) {
    logFact = new double[maxN + 1];
    double sum = 0;
    double comp = 0;
    for (int k = 2; k <= maxN; k++) {
      double term = Math.log(k) - comp;
      double t = sum + term;
      comp = (t - sum) - term;
      sum = t;
      logFact[k] = sum;
    }
  }

  /** One Binomial(n, p) draw, n ≤ maxN. */
  public int binomial(int n, double p, SplittableRandom rng) {
    if (n <= 0 || p <= 0) {
      return 0;
    }
    if (p >= 1) {
      return n;
    }
    if (p > 0.5) {
      return n - binomial(n, 1 - p, rng);
    }
    double q = 1 - p;
    int mode = (int) Math.min(n, Math.floor((n + 1) * p));
    double pm =
        Math.exp(
            logFact[n]
                - logFact[mode]
                - logFact[n - mode]
                + mode * Math.log(p)
                + (n - mode) * Math.log1p(-p));
    double r = p / q;
    double u = rng.nextDouble() - pm;
    if (u <= 0) {
      return mode;
    }
    int lo = mode;
    int hi = mode;
    double plo = pm;
    double phi = pm;
    while (true) {
      if (hi < n) {
        phi *= (double) (n - hi) / (hi + 1) * r;
        hi++;
        u -= phi;
        if (u <= 0) {
          return hi;
        }
      }
      if (lo > 0) {
        plo *= lo / ((n - lo + 1) * r);
        lo--;
        u -= plo;
        if (u <= 0) {
          return lo;
        }
      }
      if ((hi >= n || phi == 0) && (lo <= 0 || plo == 0)) {
        return mode; // only rounding mass is left
      }
    }
  }

  /**
   * A Multinomial(n, probs) draw into {@code out} by conditional binomials: {@code k_c ~ Bin(n −
   * Σ_{c'<c} k_c', p_c / Σ_{c'≥c} p_c')}.
   */
  public void multinomial(int n, double[] probs, int[] out, SplittableRandom rng) {
    double rest = 0;
    for (double p : probs) {
      rest += p;
    }
    int left = n;
    for (int c = 0; c < probs.length; c++) {
      if (c == probs.length - 1) {
        out[c] = left;
        break;
      }
      int k = left > 0 && rest > 0 ? binomial(left, Math.min(1, probs[c] / rest), rng) : 0;
      out[c] = k;
      left -= k;
      rest -= probs[c];
    }
  }
}

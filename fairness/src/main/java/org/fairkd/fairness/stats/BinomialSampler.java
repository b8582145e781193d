package org.fairkd.fairness.stats;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Exact Binomial(n, p) and Multinomial sampling by inversion in an order that starts at the mode
 * and alternates outwards (any fixed enumeration of the support is a valid inversion order), so the
 * expected cost is O(sqrt(np(1−p))) pmf-recurrence steps: {@code P(k+1)/P(k) = (n−k)/(k+1)·p/q}.
 * The pmf at the mode comes from Commons Math's saddle-point expansion.
 */
public final class BinomialSampler {
  private BinomialSampler() {}

  /** One Binomial(n, p) draw. */
  public static int binomial(int n, double p, SplittableRandom rng) {
    if (n <= 0 || p <= 0) {
      return 0;
    }
    if (p >= 1) {
      return n;
    }
    if (p > 0.5) {
      return n - binomial(n, 1 - p, rng);
    }
    int mode = (int) Math.min(n, Math.floor((n + 1) * p));
    double pm = Math.exp(new BinomialDistribution(null, n, p).logProbability(mode));
    double r = p / (1 - p);
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
  public static void multinomial(int n, double[] probs, int[] out, SplittableRandom rng) {
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

package org.fairkd.kd.reasons;

/**
 * Exact Shapley values of an m-player game from the values of all its {@code 2^m} coalitions
 * (coalition s holds player q when bit q of s is set): {@code φ_q = Σ_{s∌q} w(|s|)·(v(s∪q) −
 * v(s))}, {@code w(k) = k!(m−k−1)!/m!}.
 *
 * <p>The pairs {@code (s, s∪q)} of player q lie {@code 2^q} apart, in contiguous blocks of {@code
 * 2^q} coalitions without q, so each φ_q is one pass over those blocks with the weights of every
 * coalition tabulated once per m ({@code O(m·2^m)}, no per-pair bit tests). A player whose joining
 * never changes the value (a null player) gets exactly 0, as every one of its differences is 0.
 */
final class CoalitionShapley {
  /** {@code WEIGHT[m][s] = w(|s|)} for the m-player game. */
  private static final double[][] WEIGHT = new double[ShapleyAttributor.EXACT_MAX_FEATURES + 1][];

  static {
    for (int m = 0; m < WEIGHT.length; m++) {
      double[] bySize = new double[Math.max(m, 1)];
      for (int k = 0; k < m; k++) {
        bySize[k] = Math.exp(logFactorial(k) + logFactorial(m - k - 1) - logFactorial(m));
      }
      WEIGHT[m] = new double[1 << m];
      for (int s = 0; s < 1 << m; s++) {
        WEIGHT[m][s] = Integer.bitCount(s) < m ? bySize[Integer.bitCount(s)] : 0;
      }
    }
  }

  private CoalitionShapley() {}

  /**
   * Writes {@code φ_q} into {@code phi[q]} for {@code q < m}, from {@code v[base + s]}, s in {@code
   * [0, 2^m)}.
   */
  static void values(double[] v, int base, int m, double[] phi) {
    int n = 1 << m;
    double[] w = WEIGHT[m];
    for (int q = 0; q < m; q++) {
      int half = 1 << q;
      double s0 = 0; // two running sums, so that the additions overlap
      double s1 = 0;
      for (int block = 0; block < n; block += 2 * half) {
        int i = block;
        for (; i + 1 < block + half; i += 2) {
          s0 += w[i] * (v[base + i + half] - v[base + i]);
          s1 += w[i + 1] * (v[base + i + 1 + half] - v[base + i + 1]);
        }
        if (i < block + half) {
          s0 += w[i] * (v[base + i + half] - v[base + i]);
        }
      }
      phi[q] = s0 + s1;
    }
  }

  private static double logFactorial(int n) {
    double s = 0;
    for (int i = 2; i <= n; i++) {
      s += Math.log(i);
    }
    return s;
  }
}

package org.fairkd.kd.reasons;

/**
 * Exact Shapley values of an m-player game from the values of all its {@code 2^m} coalitions
 * (coalition s holds player q when bit q of s is set), in {@code O(m·2^m)} additions with no
 * per-pair weights.
 *
 * <p>The definition {@code φ_q = Σ_{s∌q} w(|s|)·(v(s∪q) − v(s))}, {@code w(k) = k!(m−k−1)!/m!},
 * regrouped by coalition: with {@code w(m) = 0},
 *
 * <pre>
 *   φ_q = Σ_{s∋q} c(|s|)·v(s) − T,   c(k) = w(k−1) + w(k),   T = Σ_s w(|s|)·v(s),
 * </pre>
 *
 * so one pass weighs every coalition ({@code u(s) = c(|s|)·v(s)}) and each φ_q is the sum of u over
 * the coalitions with bit q set: contiguous blocks of {@code 2^q} entries.
 */
final class CoalitionShapley {
  private static final double[][] W = new double[ShapleyAttributor.EXACT_MAX_FEATURES + 1][];
  private static final double[][] C = new double[ShapleyAttributor.EXACT_MAX_FEATURES + 1][];

  static {
    for (int m = 0; m < W.length; m++) {
      W[m] = new double[m + 1];
      C[m] = new double[m + 1];
      for (int k = 0; k < m; k++) {
        W[m][k] = Math.exp(logFactorial(k) + logFactorial(m - k - 1) - logFactorial(m));
      }
      for (int k = 1; k <= m; k++) {
        C[m][k] = W[m][k - 1] + W[m][k];
      }
    }
  }

  private CoalitionShapley() {}

  /**
   * Writes {@code φ_q} into {@code phi[q]} for {@code q < m}, from {@code v[s]}, s in {@code [0,
   * 2^m)}; {@code u} is scratch of at least {@code 2^m} entries.
   */
  static void values(double[] v, int m, double[] u, double[] phi) {
    int n = 1 << m;
    double[] w = W[m];
    double[] c = C[m];
    double t = 0;
    for (int s = 0; s < n; s++) {
      int size = Integer.bitCount(s);
      t += w[size] * v[s];
      u[s] = c[size] * v[s];
    }
    for (int q = 0; q < m; q++) {
      int block = 1 << q;
      double sum = 0;
      for (int base = block; base < n; base += 2 * block) {
        sum += blockSum(u, base, block);
      }
      phi[q] = sum - t;
    }
  }

  /** {@code Σ u[from .. from+len)}, four running sums so that the additions overlap. */
  private static double blockSum(double[] u, int from, int len) {
    if (len < 4) {
      double s = 0;
      for (int i = from; i < from + len; i++) {
        s += u[i];
      }
      return s;
    }
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    for (int i = from; i < from + len; i += 4) {
      s0 += u[i];
      s1 += u[i + 1];
      s2 += u[i + 2];
      s3 += u[i + 3];
    }
    return (s0 + s1) + (s2 + s3);
  }

  private static double logFactorial(int n) {
    double s = 0;
    for (int i = 2; i <= n; i++) {
      s += Math.log(i);
    }
    return s;
  }
}

package org.fairkd.kd.pipeline;

import java.util.Arrays;

/**
 * Score metrics used in distill.json, computed on the test split.
 *
 * <ul>
 *   <li>AUC: Mann–Whitney {@code (Σ ranks of positives − n₊(n₊+1)/2) / (n₊ n₋)}, ties at mid-rank;
 *   <li>accuracy: share of rows with {@code (s ≥ 0.5) == y};
 *   <li>log loss: {@code −mean(y log s + (1−y) log(1−s))}, s clipped to {@code [1e-15, 1−1e-15]};
 *   <li>fidelity: share of rows where two models make the same decision at 0.5;
 *   <li>KL: mean Bernoulli {@code KL(p ‖ q) = p log(p/q) + (1−p) log((1−p)/(1−q))}, clipped alike.
 * </ul>
 */
public final class Scores {
  private static final double CLIP = 1e-15;

  private Scores() {}

  /** Area under the ROC curve; NaN when one class is absent. */
  public static double auc(double[] s, boolean[] y) {
    int n = s.length;
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (a, b) -> Double.compare(s[a], s[b]));
    double rankSumPos = 0;
    long pos = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && s[idx[j + 1]] == s[idx[i]]) {
        j++;
      }
      double midRank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        if (y[idx[k]]) {
          rankSumPos += midRank;
          pos++;
        }
      }
      i = j + 1;
    }
    long neg = n - pos;
    if (pos == 0 || neg == 0) {
      return Double.NaN;
    }
    return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
  }

  /** Accuracy at threshold 0.5. */
  public static double accuracy(double[] s, boolean[] y) {
    int ok = 0;
    for (int i = 0; i < s.length; i++) {
      if ((s[i] >= 0.5) == y[i]) {
        ok++;
      }
    }
    return (double) ok / s.length;
  }

  /** Mean binary log loss. */
  public static double logLoss(double[] s, boolean[] y) {
    double sum = 0;
    for (int i = 0; i < s.length; i++) {
      double p = clip(s[i]);
      sum -= y[i] ? Math.log(p) : Math.log(1 - p);
    }
    return sum / s.length;
  }

  /** Decision agreement at 0.5. */
  public static double fidelity(double[] a, double[] b) {
    int same = 0;
    for (int i = 0; i < a.length; i++) {
      if ((a[i] >= 0.5) == (b[i] >= 0.5)) {
        same++;
      }
    }
    return (double) same / a.length;
  }

  /** Mean Bernoulli KL(p ‖ q). */
  public static double meanKl(double[] p, double[] q) {
    double sum = 0;
    for (int i = 0; i < p.length; i++) {
      double a = clip(p[i]);
      double b = clip(q[i]);
      sum += a * Math.log(a / b) + (1 - a) * Math.log((1 - a) / (1 - b));
    }
    return sum / p.length;
  }

  /**
   * Demographic parity difference of decisions at 0.5 for hard groups: max − min over groups of the
   * selection rate (groups with index −1 are skipped).
   */
  public static double demographicParityDifference(double[] s, int[] group, int groups) {
    double[] sel = new double[groups];
    double[] cnt = new double[groups];
    for (int i = 0; i < s.length; i++) {
      if (group[i] >= 0) {
        cnt[group[i]]++;
        sel[group[i]] += s[i] >= 0.5 ? 1 : 0;
      }
    }
    double max = Double.NEGATIVE_INFINITY;
    double min = Double.POSITIVE_INFINITY;
    for (int g = 0; g < groups; g++) {
      if (cnt[g] > 0) {
        double r = sel[g] / cnt[g];
        max = Math.max(max, r);
        min = Math.min(min, r);
      }
    }
    return max - min;
  }

  private static double clip(double p) {
    return Math.min(1 - CLIP, Math.max(CLIP, p));
  }
}

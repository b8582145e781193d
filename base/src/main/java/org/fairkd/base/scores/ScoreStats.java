package org.fairkd.base.scores;

/**
 * Statistics of probability scores against labels or against another model's scores: the one place
 * where fairkd computes log loss, accuracy, decision agreement (fidelity) and mean KL.
 *
 * <ul>
 *   <li>AUC: weighted Mann–Whitney, {@code Σ_{i∈pos} Σ_{j∈neg} w_i w_j [s_i > s_j] + ½ [s_i = s_j]}
 *       over {@code W⁺ W⁻}; ties count ½. On unit weights this is the rank-sum formula {@code (Σ
 *       ranks of positives − n₊(n₊+1)/2) / (n₊ n₋)} with mid-ranks. Computed by {@link DeLongAuc}
 *       (the one AUC computation, which also gives DeLong's variance and covariances);
 *   <li>accuracy: share of rows with {@code (s ≥ t) == y};
 *   <li>log loss: {@code −mean(y log s + (1−y) log(1−s))}, s clipped to {@code [1e-15, 1−1e-15]};
 *   <li>agreement: share of rows where two models make the same decision at threshold t;
 *   <li>mean KL: Bernoulli {@code KL(p ‖ q) = p log(p/q) + (1−p) log((1−p)/(1−q))}, clipped alike;
 *   <li>demographic parity difference: max − min over hard groups of the selection rate at t.
 * </ul>
 *
 * A decision is {@code score ≥ threshold} (the favourable outcome).
 */
public final class ScoreStats {
  /** Scores are clipped to {@code [CLIP, 1 − CLIP]} before taking logarithms. */
  public static final double CLIP = 1e-15;

  private ScoreStats() {}

  /** Unweighted AUC; NaN when one class is absent. */
  public static double auc(double[] scores, boolean[] labels) {
    return auc(scores, labels, null);
  }

  /**
   * Weighted AUC ({@code weights} null = unit weights), ties ½; NaN when the positive or the
   * negative weight is zero.
   */
  public static double auc(double[] scores, boolean[] labels, double[] weights) {
    return DeLongAuc.of(scores, labels, weights).auc();
  }

  /** Share of rows whose decision at {@code threshold} equals the label. */
  public static double accuracy(double[] scores, boolean[] labels, double threshold) {
    check(scores.length, labels.length);
    int ok = 0;
    for (int i = 0; i < scores.length; i++) {
      if ((scores[i] >= threshold) == labels[i]) {
        ok++;
      }
    }
    return (double) ok / scores.length;
  }

  /** Mean binary log loss, scores clipped to {@code [CLIP, 1 − CLIP]}. */
  public static double logLoss(double[] scores, boolean[] labels) {
    check(scores.length, labels.length);
    double sum = 0;
    for (int i = 0; i < scores.length; i++) {
      double p = clip(scores[i]);
      sum -= labels[i] ? Math.log(p) : Math.log(1 - p);
    }
    return sum / scores.length;
  }

  /** Share of rows where models {@code a} and {@code b} make the same decision at threshold. */
  public static double agreement(double[] a, double[] b, double threshold) {
    check(a.length, b.length);
    int same = 0;
    for (int i = 0; i < a.length; i++) {
      if ((a[i] >= threshold) == (b[i] >= threshold)) {
        same++;
      }
    }
    return (double) same / a.length;
  }

  /** Mean Bernoulli {@code KL(p ‖ q)}, both clipped to {@code [CLIP, 1 − CLIP]}. */
  public static double meanKl(double[] p, double[] q) {
    check(p.length, q.length);
    double sum = 0;
    for (int i = 0; i < p.length; i++) {
      double a = clip(p[i]);
      double b = clip(q[i]);
      sum += a * Math.log(a / b) + (1 - a) * Math.log((1 - a) / (1 - b));
    }
    return sum / p.length;
  }

  /**
   * Demographic parity difference of decisions at {@code threshold} for hard groups {@code 0 ..
   * groups−1}: max − min over non-empty groups of the selection rate (index −1 = no group,
   * skipped).
   */
  public static double demographicParityDifference(
      double[] scores, int[] group, int groups, double threshold) {
    check(scores.length, group.length);
    double[] sel = new double[groups];
    double[] cnt = new double[groups];
    for (int i = 0; i < scores.length; i++) {
      if (group[i] >= 0) {
        cnt[group[i]]++;
        sel[group[i]] += scores[i] >= threshold ? 1 : 0;
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

  /** {@code p} clipped to {@code [CLIP, 1 − CLIP]}. */
  public static double clip(double p) {
    return Math.min(1 - CLIP, Math.max(CLIP, p));
  }

  private static void check(int n, int m) {
    if (n != m) {
      throw new IllegalArgumentException("arrays differ in length: " + n + " vs " + m);
    }
  }
}

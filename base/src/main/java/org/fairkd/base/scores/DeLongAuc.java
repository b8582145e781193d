package org.fairkd.base.scores;

import java.util.Arrays;
import java.util.List;

/**
 * A weighted AUC with DeLong's structural components: the one place where fairkd computes AUC
 * ({@link ScoreStats#auc} returns this {@link #auc}).
 *
 * <p>For rows sorted by score, a positive i has {@code V10_i = (W⁻(s < s_i) + ½·W⁻(s = s_i)) / W⁻}
 * and a negative j has {@code V01_j = (W⁺(s > s_j) + ½·W⁺(s = s_j)) / W⁺}; {@code AUC = Σ_pos w_i
 * V10_i / W⁺} (Mann–Whitney with ties ½). The influence value of a row is {@code w_i (V10_i −
 * AUC)/W⁺} (stratum 0, positives) or {@code w_j (V01_j − AUC)/W⁻} (stratum 1, negatives), and the
 * covariance of two AUCs on the same rows is {@code Σ_h n_h/(n_h−1) Σ_{i∈h} infl_a,i infl_b,i}:
 * with unit weights exactly DeLong, DeLong and Clarke-Pearson's (1988) {@code S10/m + S01/n} (and
 * the paired covariance of k models, {@link #covariance(List)}).
 *
 * @param auc the AUC, NaN when the positive or the negative weight is zero
 * @param positiveWeight {@code W⁺}
 * @param negativeWeight {@code W⁻}
 * @param component per row (in the input's row order) {@code V10} or {@code V01}; null when
 *     undefined
 * @param stratum per row 0 (positive) or 1 (negative); null when undefined
 * @param influence per row its influence value; null when undefined
 */
public record DeLongAuc(
    double auc,
    double positiveWeight,
    double negativeWeight,
    double[] component,
    byte[] stratum,
    double[] influence) {

  /** The AUC of {@code scores} against {@code labels}, {@code weights} null = unit weights. */
  public static DeLongAuc of(double[] scores, boolean[] labels, double[] weights) {
    int n = scores.length;
    check(n, labels.length);
    if (weights != null) {
      check(n, weights.length);
    }
    int[] order = ascending(scores);
    double[] s = new double[n];
    boolean[] y = new boolean[n];
    double[] w = weights == null ? null : new double[n];
    for (int k = 0; k < n; k++) {
      s[k] = scores[order[k]];
      y[k] = labels[order[k]];
      if (w != null) {
        w[k] = weights[order[k]];
      }
    }
    return ofSorted(order, s, y, w);
  }

  /**
   * The AUC of rows already sorted by ascending score: entry k is row {@code row[k]} (an index into
   * the returned per-row arrays, 0 .. n−1) with score {@code score[k]}, label {@code label[k]} and
   * weight {@code weight[k]} ({@code weight} null = unit weights).
   */
  public static DeLongAuc ofSorted(int[] row, double[] score, boolean[] label, double[] weight) {
    int m = row.length;
    check(m, score.length);
    check(m, label.length);
    double wPos = 0;
    double wNeg = 0;
    for (int k = 0; k < m; k++) {
      if (Double.isNaN(score[k])) {
        throw new IllegalArgumentException("score " + k + " is NaN");
      }
      if (label[k]) {
        wPos += w(weight, k);
      } else {
        wNeg += w(weight, k);
      }
    }
    if (!(wPos > 0) || !(wNeg > 0)) {
      return new DeLongAuc(Double.NaN, wPos, wNeg, null, null, null);
    }
    double[] comp = new double[m];
    byte[] stratum = new byte[m];
    double negBelow = 0;
    double posBelow = 0;
    double auc = 0;
    int start = 0;
    while (start < m) {
      double s = score[start];
      int end = start;
      double negTie = 0;
      double posTie = 0;
      while (end < m && score[end] == s) {
        if (label[end]) {
          posTie += w(weight, end);
        } else {
          negTie += w(weight, end);
        }
        end++;
      }
      double v10 = (negBelow + 0.5 * negTie) / wNeg;
      double v01 = (wPos - posBelow - posTie + 0.5 * posTie) / wPos;
      auc += posTie * v10;
      for (int k = start; k < end; k++) {
        comp[row[k]] = label[k] ? v10 : v01;
        stratum[row[k]] = (byte) (label[k] ? 0 : 1);
      }
      negBelow += negTie;
      posBelow += posTie;
      start = end;
    }
    auc /= wPos;
    double[] infl = new double[m];
    for (int k = 0; k < m; k++) {
      int r = row[k];
      infl[r] = w(weight, k) * (comp[r] - auc) / (stratum[r] == 0 ? wPos : wNeg);
    }
    return new DeLongAuc(auc, wPos, wNeg, comp, stratum, infl);
  }

  /** True when both classes have weight (the AUC is a number). */
  public boolean defined() {
    return !Double.isNaN(auc);
  }

  /** DeLong's variance of this AUC; NaN when undefined or a class has fewer than 2 rows. */
  public double variance() {
    return covariance(this, this);
  }

  /**
   * DeLong's covariance of two AUCs on the same rows (same labels, same row order); NaN when either
   * is undefined or a class has fewer than 2 rows.
   */
  public static double covariance(DeLongAuc a, DeLongAuc b) {
    if (!a.defined() || !b.defined()) {
      return Double.NaN;
    }
    check(a.influence.length, b.influence.length);
    double[] ss = new double[2];
    int[] n = new int[2];
    for (int i = 0; i < a.influence.length; i++) {
      int h = a.stratum[i];
      if (h != b.stratum[i]) {
        throw new IllegalArgumentException("row " + i + " has different labels in the two AUCs");
      }
      ss[h] += a.influence[i] * b.influence[i];
      n[h]++;
    }
    if (n[0] < 2 || n[1] < 2) {
      return Double.NaN;
    }
    return ss[0] * n[0] / (n[0] - 1.0) + ss[1] * n[1] / (n[1] - 1.0);
  }

  /** The k × k DeLong covariance matrix of k models' AUCs on the same rows. */
  public static double[][] covariance(List<DeLongAuc> models) {
    int k = models.size();
    double[][] c = new double[k][k];
    for (int a = 0; a < k; a++) {
      for (int b = a; b < k; b++) {
        c[a][b] = covariance(models.get(a), models.get(b));
        c[b][a] = c[a][b];
      }
    }
    return c;
  }

  private static double w(double[] weight, int k) {
    return weight == null ? 1.0 : weight[k];
  }

  /** Row indexes in ascending score order (stable). */
  private static int[] ascending(double[] s) {
    Integer[] idx = new Integer[s.length];
    for (int i = 0; i < s.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (a, b) -> Double.compare(s[a], s[b]));
    int[] out = new int[s.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = idx[i];
    }
    return out;
  }

  private static void check(int n, int m) {
    if (n != m) {
      throw new IllegalArgumentException("arrays differ in length: " + n + " vs " + m);
    }
  }
}

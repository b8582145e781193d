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
    double[] distinct = new double[n];
    for (int i = 0; i < n; i++) {
      distinct[i] = scores[i] + 0.0; // -0.0 → 0.0: one tie group
      if (Double.isNaN(distinct[i])) {
        throw new IllegalArgumentException("score " + i + " is NaN");
      }
    }
    Arrays.sort(distinct);
    int groups = 0;
    for (int k = 0; k < n; k++) {
      if (k == 0 || distinct[k] != distinct[groups - 1]) {
        distinct[groups++] = distinct[k];
      }
    }
    int[] group = new int[n];
    double[] pos = new double[groups];
    double[] neg = new double[groups];
    double wPos = 0;
    double wNeg = 0;
    for (int i = 0; i < n; i++) {
      group[i] = Arrays.binarySearch(distinct, 0, groups, scores[i] + 0.0);
      double w = w(weights, i);
      if (labels[i]) {
        pos[group[i]] += w;
        wPos += w;
      } else {
        neg[group[i]] += w;
        wNeg += w;
      }
    }
    return fromGroups(null, group, groups, pos, neg, wPos, wNeg, labels, weights);
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
    int[] group = new int[m];
    double[] pos = new double[m];
    double[] neg = new double[m];
    double wPos = 0;
    double wNeg = 0;
    int g = -1;
    for (int k = 0; k < m; k++) {
      if (Double.isNaN(score[k])) {
        throw new IllegalArgumentException("score " + k + " is NaN");
      }
      if (k == 0 || score[k] != score[k - 1]) {
        g++;
      }
      group[k] = g;
      if (label[k]) {
        pos[g] += w(weight, k);
        wPos += w(weight, k);
      } else {
        neg[g] += w(weight, k);
        wNeg += w(weight, k);
      }
    }
    return fromGroups(row, group, g + 1, pos, neg, wPos, wNeg, label, weight);
  }

  /**
   * The sweep over tie groups in ascending score order: group g holds positive weight {@code
   * pos[g]} and negative weight {@code neg[g]}; entry k (row {@code row[k]}, or row k when {@code
   * row} is null) is in group {@code group[k]} with label {@code label[k]} and weight {@code
   * weight[k]}.
   */
  private static DeLongAuc fromGroups(
      int[] row,
      int[] group,
      int groups,
      double[] pos,
      double[] neg,
      double wPos,
      double wNeg,
      boolean[] label,
      double[] weight) {
    if (!(wPos > 0) || !(wNeg > 0)) {
      return new DeLongAuc(Double.NaN, wPos, wNeg, null, null, null);
    }
    double[] v10 = new double[groups];
    double[] v01 = new double[groups];
    double negBelow = 0;
    double posBelow = 0;
    double wins = 0;
    for (int g = 0; g < groups; g++) {
      double negBeaten = negBelow + 0.5 * neg[g];
      v10[g] = negBeaten / wNeg;
      v01[g] = (wPos - posBelow - pos[g] + 0.5 * pos[g]) / wPos;
      wins += pos[g] * negBeaten;
      negBelow += neg[g];
      posBelow += pos[g];
    }
    // Σ w_i V10_i / W⁺ with one rounding: exact for unit weights (wins and W⁺W⁻ are exact)
    double auc = wins / (wPos * wNeg);
    int n = group.length;
    double[] comp = new double[n];
    byte[] stratum = new byte[n];
    double[] infl = new double[n];
    for (int k = 0; k < n; k++) {
      int i = row == null ? k : row[k];
      comp[i] = label[k] ? v10[group[k]] : v01[group[k]];
      stratum[i] = (byte) (label[k] ? 0 : 1);
      infl[i] = w(weight, k) * (comp[i] - auc) / (label[k] ? wPos : wNeg);
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

  private static void check(int n, int m) {
    if (n != m) {
      throw new IllegalArgumentException("arrays differ in length: " + n + " vs " + m);
    }
  }
}

package org.fairkd.fairness.stats;

import org.fairkd.fairness.report.Undefined;

/**
 * Weighted AUC with DeLong's structural components. For members sorted by score, a positive i has
 * {@code V10_i = (W⁻(s < s_i) + ½·W⁻(s = s_i)) / W⁻} and a negative j has {@code V01_j = (W⁺(s >
 * s_j) + ½·W⁺(s = s_j)) / W⁺}; {@code AUC = Σ_pos w_i V10_i / W⁺} (Mann–Whitney with ties ½).
 * Influences are {@code w_i (V10_i − AUC)/W⁺} (stratum 0) and {@code w_j (V01_j − AUC)/W⁻} (stratum
 * 1), so with unit weights {@link Linearized#variance()} is DeLong's {@code S10/m + S01/n}.
 */
public final class DeLong {
  private DeLong() {}

  /** AUC of the sample's members; undefined without both labels. */
  public static Linearized auc(RowSample sample, double[] scores, boolean[] labels, SortedView v) {
    int m = sample.size();
    double wPos = 0;
    double wNeg = 0;
    for (int k = 0; k < m; k++) {
      if (v.label()[k]) {
        wPos += v.w(k);
      } else {
        wNeg += v.w(k);
      }
    }
    if (wPos <= 0) {
      return Linearized.undefined(Undefined.NO_POSITIVES);
    }
    if (wNeg <= 0) {
      return Linearized.undefined(Undefined.NO_NEGATIVES);
    }
    double[] comp = new double[m];
    byte[] stratum = new byte[m];
    double negBelow = 0;
    double posBelow = 0;
    double auc = 0;
    int start = 0;
    while (start < m) {
      double s = v.score()[start];
      int end = start;
      double negTie = 0;
      double posTie = 0;
      while (end < m && v.score()[end] == s) {
        if (v.label()[end]) {
          posTie += v.w(end);
        } else {
          negTie += v.w(end);
        }
        end++;
      }
      double v10 = (negBelow + 0.5 * negTie) / wNeg;
      double v01 = (wPos - posBelow - posTie + 0.5 * posTie) / wPos;
      auc += posTie * v10;
      for (int k = start; k < end; k++) {
        int p = v.pos()[k];
        boolean pos = v.label()[k];
        comp[p] = pos ? v10 : v01;
        stratum[p] = (byte) (pos ? 0 : 1);
      }
      negBelow += negTie;
      posBelow += posTie;
      start = end;
    }
    auc /= wPos;
    double[] w = sample.weights();
    double[] infl = new double[m];
    for (int k = 0; k < m; k++) {
      infl[k] = w[k] * (comp[k] - auc) / (stratum[k] == 0 ? wPos : wNeg);
    }
    return new Linearized(auc, null, infl, stratum);
  }
}

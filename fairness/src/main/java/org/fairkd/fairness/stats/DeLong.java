package org.fairkd.fairness.stats;

import org.fairkd.base.scores.DeLongAuc;
import org.fairkd.fairness.report.Undefined;

/**
 * A slice's weighted AUC with DeLong's influence values, computed by base's {@link DeLongAuc} (the
 * one AUC computation in fairkd): for members sorted by score, a positive i has {@code V10_i =
 * (W⁻(s < s_i) + ½·W⁻(s = s_i)) / W⁻} and a negative j has {@code V01_j = (W⁺(s > s_j) + ½·W⁺(s =
 * s_j)) / W⁺}; {@code AUC = Σ_pos w_i V10_i / W⁺}. Influences are {@code w_i (V10_i − AUC)/W⁺}
 * (stratum 0) and {@code w_j (V01_j − AUC)/W⁻} (stratum 1), so with unit weights {@link
 * Linearized#variance()} is DeLong's {@code S10/m + S01/n}.
 */
public final class DeLong {
  private DeLong() {}

  /** AUC of the sample's members; undefined without both labels. */
  public static Linearized auc(RowSample sample, double[] scores, boolean[] labels, SortedView v) {
    DeLongAuc a = DeLongAuc.ofSorted(v.pos(), v.score(), v.label(), v.weight());
    if (!(a.positiveWeight() > 0)) {
      return Linearized.undefined(Undefined.NO_POSITIVES);
    }
    if (!(a.negativeWeight() > 0)) {
      return Linearized.undefined(Undefined.NO_NEGATIVES);
    }
    return new Linearized(a.auc(), null, a.influence(), a.stratum());
  }
}

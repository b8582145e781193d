package org.fairkd.kd.summary;

import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Erf;
import org.fairkd.base.scores.DeLongAuc;
import org.fairkd.kd.summary.GapRecovered.TeacherLead;

/**
 * Computes {@link GapRecovered} from the teacher's, student's and baseline's scores on the same
 * test rows, using base's DeLong covariance of the three AUCs.
 *
 * <p>With {@code N = AUC_S − AUC_B}, {@code D = AUC_T − AUC_B} and their DeLong (co)variances
 * {@code v_NN, v_ND, v_DD}: the teacher's lead is significant when {@code D > 0} and {@code D² > z²
 * v_DD} ({@code z = Φ⁻¹(1 − α/2)}, i.e. two-sided p &lt; α); only then is {@code N/D} reported. Its
 * interval is Fieller's: the ratios ρ with {@code (N − ρD)² ≤ z² (v_NN − 2ρ v_ND + ρ² v_DD)}, the
 * roots of {@code (D² − z²v_DD)ρ² − 2(ND − z²v_ND)ρ + (N² − z²v_NN)}. The significance rule is
 * exactly the condition under which that set is a bounded interval (it then contains {@code N/D}).
 * Fieller rather than the delta method: on binormal simulations with a weak but significant lead
 * the delta method's symmetric interval covered 93–99.6% (too wide or too narrow depending on the
 * sign of the skew), Fieller's 94–97%.
 */
public final class GapRecoveredInference {
  private static final double Z =
      new NormalDistribution(null, 0, 1).inverseCumulativeProbability(1 - GapRecovered.ALPHA / 2);

  static final String NO_AUC = "AUC undefined on the test split: it lacks positives or negatives";
  static final String NO_VARIANCE = "DeLong's variance needs at least 2 test rows of each class";

  private GapRecoveredInference() {}

  /** {@code gap_recovered} of test scores {@code teacher}, {@code student}, {@code baseline}. */
  public static GapRecovered of(
      double[] teacher, double[] student, double[] baseline, boolean[] labels) {
    List<DeLongAuc> aucs =
        List.of(
            DeLongAuc.of(teacher, labels, null),
            DeLongAuc.of(student, labels, null),
            DeLongAuc.of(baseline, labels, null));
    for (DeLongAuc a : aucs) {
      if (!a.defined()) {
        return GapRecovered.undefined(NO_AUC, null);
      }
    }
    double[][] c = DeLongAuc.covariance(aucs);
    double t = aucs.get(0).auc();
    double s = aucs.get(1).auc();
    double b = aucs.get(2).auc();
    double vDD = c[0][0] + c[2][2] - 2 * c[0][2];
    double vNN = c[1][1] + c[2][2] - 2 * c[1][2];
    double vND = c[1][0] - c[1][2] - c[2][0] + c[2][2];
    if (Double.isNaN(vDD) || Double.isNaN(vNN) || Double.isNaN(vND)) {
      return GapRecovered.undefined(NO_VARIANCE, null);
    }
    double d = t - b;
    double n = s - b;
    double z2 = Z * Z;
    double a = d * d - z2 * vDD;
    TeacherLead lead = lead(d, vDD, d > 0 && a > 0);
    if (d <= 0) {
      return GapRecovered.undefined(
          "the teacher's test AUC is not above the baseline's: difference " + lead.describe(),
          lead);
    }
    if (!lead.significant()) {
      return GapRecovered.undefined(
          "the teacher's AUC lead over the baseline, "
              + lead.describe()
              + ", is not significant at alpha "
              + GapRecovered.ALPHA
              + ": the ratio's denominator cannot be told from 0",
          lead);
    }
    double bq = n * d - z2 * vND;
    double cq = n * n - z2 * vNN;
    double root = Math.sqrt(Math.max(0, bq * bq - a * cq));
    return GapRecovered.of(n / d, (bq - root) / a, (bq + root) / a, lead);
  }

  private static TeacherLead lead(double d, double vDD, boolean significant) {
    double se = Math.sqrt(Math.max(0, vDD));
    double p = se > 0 ? Erf.erfc(Math.abs(d / se) / Math.sqrt(2)) : d == 0 ? 1 : 0;
    return new TeacherLead(d, se, p, significant);
  }
}

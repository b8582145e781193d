package org.fairkd.fairness.engine;

import java.util.List;
import org.fairkd.fairness.FairnessInput;
import org.fairkd.fairness.report.Estimate;
import org.fairkd.fairness.report.UndefinedReason;
import org.fairkd.fairness.stats.Linearized;

/**
 * The standardized mean difference of a group's scores against the reference group's, with Hedges'
 * normal interval on Kish effective sizes, and its paired delta between two models (treating the
 * pooled SDs as fixed).
 */
final class Smd {
  private static final String REASON = "no scores, reference unusable, or zero pooled variance";
  private final FairnessInput in;
  private final List<RowStats.Summary> sum;
  private final boolean[] ok;

  Smd(FairnessInput in, List<RowStats.Summary> sum, boolean[] ok) {
    this.in = in;
    this.sum = sum;
    this.ok = ok;
  }

  /** Why the SMD of slice s against r is undefined for model m, or null when it is defined. */
  private UndefinedReason undefined(int m, int s, int r) {
    RowStats.Summary g = sum.get(s);
    RowStats.Summary ref = sum.get(r);
    if (in.scores() == null) {
      return UndefinedReason.NO_SCORES;
    }
    if (!ok[r]) {
      return UndefinedReason.REFERENCE_UNUSABLE;
    }
    if (g.neff() < 2 || ref.neff() < 2) {
      return UndefinedReason.INSUFFICIENT_DATA;
    }
    return parts(m, s, r) == null ? UndefinedReason.ZERO_VARIANCE : null;
  }

  /** {smd, pooled sd, n_g + n_r}, or null when undefined. */
  private double[] parts(int m, int s, int r) {
    RowStats.Summary g = sum.get(s);
    RowStats.Summary ref = sum.get(r);
    double n = g.neff() + ref.neff();
    double sp2 = (g.neff() * g.wvar()[m] + ref.neff() * ref.wvar()[m]) / (n - 2);
    if (in.scores() == null || !ok[r] || g.neff() < 2 || ref.neff() < 2 || !(sp2 > 0)) {
      return null;
    }
    return new double[] {(g.mean()[m] - ref.mean()[m]) / Math.sqrt(sp2), Math.sqrt(sp2), n};
  }

  /** The SMD of slice s against reference slice r for model m. */
  Estimate estimate(int m, int s, int r) {
    double[] p = parts(m, s, r);
    if (p == null) {
      return Estimate.undefined(undefined(m, s, r), REASON);
    }
    RowStats.Summary g = sum.get(s);
    RowStats.Summary ref = sum.get(r);
    double se = Math.sqrt(p[2] / (g.neff() * ref.neff()) + p[0] * p[0] / (2 * p[2]));
    double z = Linearized.z(in.ciLevel());
    return Estimate.of(p[0], p[0] - z * se, p[0] + z * se);
  }

  /** The paired delta (compared − primary) of the SMD of slice s against r. */
  Estimate delta(int s, int r) {
    double[] p0 = parts(0, s, r);
    double[] p1 = parts(1, s, r);
    if (p0 == null || p1 == null) {
      return Estimate.undefined(Estimates.BOTH);
    }
    double var = 0;
    for (int h : new int[] {s, r}) {
      double[][] v = sum.get(h).v();
      var += v[1][1] / (p1[1] * p1[1]) - 2 * v[0][1] / (p0[1] * p1[1]) + v[0][0] / (p0[1] * p0[1]);
    }
    double d = p1[0] - p0[0];
    double half = Linearized.z(in.ciLevel()) * Math.sqrt(Math.max(0, var));
    return Double.isNaN(var) ? Estimate.of(d, null, null) : Estimate.of(d, d - half, d + half);
  }
}

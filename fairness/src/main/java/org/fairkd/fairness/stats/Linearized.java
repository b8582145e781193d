package org.fairkd.fairness.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.fairkd.fairness.report.Undefined;

/**
 * An estimate with per-member influence values (first-order linearization), giving an analytic
 * variance {@code Var = Σ_h n_h/(n_h−1) Σ_{i∈h} infl_i²} over strata h (for AUC: positives and
 * negatives, which is exactly DeLong's variance with unit weights), and paired differences of two
 * estimates over the same members (paired DeLong).
 *
 * @param value the estimate (NaN when undefined)
 * @param why why undefined (typed reason and text), or null when defined
 * @param influence per-member influence, aligned with the slice's {@link RowSample}
 * @param stratum per-member stratum (0/1), or null for one stratum
 */
public record Linearized(double value, Undefined why, double[] influence, byte[] stratum) {

  /** An undefined estimate. */
  public static Linearized undefined(Undefined why) {
    return new Linearized(Double.NaN, why, null, null);
  }

  /** True when defined. */
  public boolean defined() {
    return !Double.isNaN(value);
  }

  /** The analytic variance (NaN when a stratum has fewer than 2 members). */
  public double variance() {
    return variance(influence, stratum);
  }

  /** Variance of influence values with the small-sample factor n_h/(n_h−1) per stratum. */
  static double variance(double[] infl, byte[] stratum) {
    double[] ss = new double[2];
    int[] n = new int[2];
    for (int i = 0; i < infl.length; i++) {
      int h = stratum == null ? 0 : stratum[i];
      ss[h] += infl[i] * infl[i];
      n[h]++;
    }
    double v = 0;
    for (int h = 0; h < 2; h++) {
      if (n[h] == 0) {
        continue;
      }
      if (n[h] < 2) {
        return Double.NaN;
      }
      v += ss[h] * n[h] / (n[h] - 1.0);
    }
    return v;
  }

  /** The paired difference {@code other − this} with its variance from influence differences. */
  public Linearized minusFrom(Linearized other) {
    if (!defined() || !other.defined()) {
      return undefined(!defined() ? why : other.why);
    }
    double[] d = new double[influence.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = other.influence[i] - influence[i];
    }
    return new Linearized(other.value - value, null, d, stratum);
  }

  /** Normal quantile z with P(|Z| ≤ z) = level. */
  public static double z(double level) {
    return new NormalDistribution(null, 0, 1).inverseCumulativeProbability(0.5 + level / 2);
  }

  /** Wald interval {@code value ± z·sqrt(variance)}, clamped to [lo, hi]; null when unavailable. */
  public double[] interval(double level, double lo, double hi) {
    double v = variance();
    if (!defined() || Double.isNaN(v)) {
      return null;
    }
    double half = z(level) * Math.sqrt(v);
    return new double[] {Math.max(lo, value - half), Math.min(hi, value + half)};
  }
}

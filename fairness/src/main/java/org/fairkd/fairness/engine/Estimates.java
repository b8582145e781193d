package org.fairkd.fairness.engine;

import org.fairkd.fairness.report.Estimate;
import org.fairkd.fairness.report.Undefined;
import org.fairkd.fairness.report.UndefinedReason;
import org.fairkd.fairness.stats.DebiasedBootstrap;
import org.fairkd.fairness.stats.Linearized;

/**
 * Estimates of the bootstrapped quantities ({@link Quantities} indices): point value with the
 * percentile interval of its replicates, paired deltas from the same replicates, and Wald intervals
 * from an analytic variance.
 */
final class Estimates {
  /** A paired delta whose value is undefined for one of the models. */
  static final Undefined BOTH =
      Undefined.of(
          UndefinedReason.COMPARED_UNDEFINED, "undefined for the primary or the compared model");

  private final double[] pv;
  private final double[][] reps;
  private final double level;

  Estimates(double[] pv, double[][] reps, double level) {
    this.pv = pv;
    this.reps = reps;
    this.level = level;
  }

  /** Point value of quantity {@code idx}. */
  double point(int idx) {
    return pv[idx];
  }

  /** Quantity {@code idx} with its percentile interval, or undefined for {@code why}. */
  Estimate estimate(int idx, Undefined why) {
    double v = pv[idx];
    if (Double.isNaN(v)) {
      return Estimate.undefined(why);
    }
    return withInterval(v, Analyzer.percentile(reps[idx], level));
  }

  /** Paired delta {@code i1 − i0} with the percentile interval of the replicate differences. */
  Estimate delta(int i1, int i0) {
    double v = pv[i1] - pv[i0];
    if (Double.isNaN(v)) {
      return Estimate.undefined(BOTH);
    }
    double[] d = new double[reps[i1].length];
    for (int b = 0; b < d.length; b++) {
      d[b] = reps[i1][b] - reps[i0][b];
    }
    return withInterval(v, Analyzer.percentile(d, level));
  }

  /**
   * A calibration error (quantity {@code idx}, noise-only replicates {@code noiseIdx}):
   * bias-corrected estimate with its basic interval ({@link DebiasedBootstrap#nonNegative});
   * without replicates the plug-in value.
   */
  Estimate calibration(int idx, int noiseIdx, Undefined why) {
    double v = pv[idx];
    if (Double.isNaN(v)) {
      return Estimate.undefined(why);
    }
    double[] e = DebiasedBootstrap.nonNegative(v, reps[idx], reps[noiseIdx], level);
    return e == null ? Estimate.of(v, null, null) : Estimate.of(e[0], e[1], e[2]);
  }

  /**
   * Paired delta {@code i1 − i0} of calibration errors: the difference of the two bias-corrected
   * estimates, with the basic interval of the replicate differences.
   */
  Estimate calibrationDelta(int i1, int i0) {
    double v = pv[i1] - pv[i0];
    if (Double.isNaN(v)) {
      return Estimate.undefined(BOTH);
    }
    double[] d = new double[reps[i1].length];
    for (int b = 0; b < d.length; b++) {
      d[b] = reps[i1][b] - reps[i0][b];
    }
    double[] e = DebiasedBootstrap.signed(v, d, level);
    return e == null ? Estimate.of(v, null, null) : Estimate.of(e[0], e[1], e[2]);
  }

  /** {@code value ± z·sqrt(variance)}, without an interval when the variance is unknown. */
  Estimate wald(double value, double variance) {
    if (Double.isNaN(variance)) {
      return Estimate.of(value, null, null);
    }
    double half = Linearized.z(level) * Math.sqrt(Math.max(0, variance));
    return Estimate.of(value, value - half, value + half);
  }

  private static Estimate withInterval(double v, double[] ci) {
    return ci == null ? Estimate.of(v, null, null) : Estimate.of(v, ci[0], ci[1]);
  }
}

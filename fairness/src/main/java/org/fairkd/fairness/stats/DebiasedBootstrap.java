package org.fairkd.fairness.stats;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Bias-corrected estimate and basic bootstrap interval of a statistic whose bootstrap distribution
 * is biased (the expected calibration error, a sum of absolute values). With point value θ̂,
 * replicates θ*: estimate 2θ̂ − mean(θ*) (θ̂ minus the bootstrap bias estimate mean(θ*) − θ̂), and
 * the basic interval [2θ̂ − q_hi(θ*), 2θ̂ − q_lo(θ*)]. The estimate lies inside the interval
 * whenever the replicates' mean lies between their quantiles. For a statistic that cannot be
 * negative ({@link #nonNegative}) both are clamped at 0, and the lower bound is 0 when the point
 * value does not exceed the level quantile of the noise-only replicates (the statistic recomputed
 * on the replicate-minus-point deviations): then the data are consistent with a true value of 0,
 * which the basic interval alone (a pivot that is not valid at the boundary) would exclude about
 * half the time.
 */
public final class DebiasedBootstrap {
  private DebiasedBootstrap() {}

  /**
   * {estimate, low, high} of a statistic that can take any sign (e.g. a paired difference), or null
   * with fewer than 2 defined replicates.
   */
  public static double[] signed(double point, double[] replicates, double level) {
    double[] v = defined(replicates);
    if (v.length < 2) {
      return null;
    }
    double mean = Arrays.stream(v).average().orElseThrow();
    double[] q = quantiles(v, level);
    return new double[] {2 * point - mean, 2 * point - q[1], 2 * point - q[0]};
  }

  /**
   * {estimate, low, high} of a statistic ≥ 0 with its noise-only replicates, or null with fewer
   * than 2 defined replicates.
   */
  public static double[] nonNegative(
      double point, double[] replicates, double[] noise, double level) {
    double[] s = signed(point, replicates, level);
    if (s == null) {
      return null;
    }
    double[] n = defined(noise);
    boolean consistentWithZero =
        n.length < 2
            || point
                <= new Percentile().withEstimationType(EstimationType.R_7).evaluate(n, 100 * level);
    return new double[] {
      Math.max(0, s[0]), consistentWithZero ? 0 : Math.max(0, s[1]), Math.max(0, s[2])
    };
  }

  private static double[] defined(double[] replicates) {
    return Arrays.stream(replicates).filter(x -> !Double.isNaN(x)).toArray();
  }

  private static double[] quantiles(double[] v, double level) {
    Percentile p = new Percentile().withEstimationType(EstimationType.R_7);
    p.setData(v);
    return new double[] {p.evaluate(50 * (1 - level)), p.evaluate(50 * (1 + level))};
  }
}

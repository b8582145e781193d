package org.fairkd.fairness.stats;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Percentile bootstrap intervals: the (1−level)/2 and (1+level)/2 quantiles of the defined
 * replicate values, with linear interpolation between order statistics (Hyndman–Fan type 7, Commons
 * Math's {@link EstimationType#R_7}).
 */
public final class Percentiles {
  private Percentiles() {}

  /** The interval, or null with fewer than 2 defined (non-NaN) replicates. */
  public static double[] interval(double[] replicates, double level) {
    double[] v = Arrays.stream(replicates).filter(x -> !Double.isNaN(x)).toArray();
    if (v.length < 2) {
      return null;
    }
    Percentile p = new Percentile().withEstimationType(EstimationType.R_7);
    p.setData(v);
    return new double[] {p.evaluate(50 * (1 - level)), p.evaluate(50 * (1 + level))};
  }
}

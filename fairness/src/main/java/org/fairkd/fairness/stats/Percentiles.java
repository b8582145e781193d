package org.fairkd.fairness.stats;

import java.util.Arrays;

/**
 * Percentile bootstrap intervals: the (1−level)/2 and (1+level)/2 quantiles of the defined
 * replicate values, with linear interpolation between order statistics (Hyndman–Fan type 7).
 */
public final class Percentiles {
  private Percentiles() {}

  /** The interval, or null with fewer than 2 defined (non-NaN) replicates. */
  public static double[] interval(double[] replicates, double level) {
    double[] v = Arrays.stream(replicates).filter(x -> !Double.isNaN(x)).toArray();
    if (v.length < 2) {
      return null;
    }
    Arrays.sort(v);
    return new double[] {quantile(v, (1 - level) / 2), quantile(v, (1 + level) / 2)};
  }

  /** Type-7 quantile of sorted values. */
  static double quantile(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}

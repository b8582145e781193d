package org.fairkd.fairness.metrics;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A whole-attribute disparity: an aggregation over the eligible groups of one or more base slice
 * metrics. The function receives {@code values[base][group]} and returns NaN when undefined.
 *
 * @param info catalog entry
 * @param bases names of the base count metrics
 * @param aggregate the aggregation
 */
public record WholeDisparity(
    MetricInfo info, List<String> bases, ToDoubleFunction<double[][]> aggregate) {

  /** The name. */
  public String name() {
    return info.name();
  }

  /** max − min over groups. */
  static double spread(double[] v) {
    double max = Double.NEGATIVE_INFINITY;
    double min = Double.POSITIVE_INFINITY;
    for (double x : v) {
      max = Math.max(max, x);
      min = Math.min(min, x);
    }
    return max - min;
  }

  /** min ÷ max over groups; NaN when max is 0. */
  static double minOverMax(double[] v) {
    double max = Double.NEGATIVE_INFINITY;
    double min = Double.POSITIVE_INFINITY;
    for (double x : v) {
      max = Math.max(max, x);
      min = Math.min(min, x);
    }
    return max > 0 ? min / max : Double.NaN;
  }
}

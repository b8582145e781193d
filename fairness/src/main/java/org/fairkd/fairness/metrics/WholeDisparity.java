package org.fairkd.fairness.metrics;

import java.util.function.ToDoubleFunction;

/**
 * A whole-attribute disparity: an aggregation over the eligible groups of one or more base count
 * metrics (Fairlearn's {@code make_derived_metric} over groups: max − min, min ÷ max). The function
 * receives {@code values[base][group]} and returns NaN when undefined; the interval comes from the
 * bootstrap.
 *
 * @param info registry entry (kind {@link MetricKind#ATTRIBUTE}; its bases)
 * @param aggregate the aggregation
 */
public record WholeDisparity(MetricInfo info, ToDoubleFunction<double[][]> aggregate)
    implements Metric {

  /** Checks the kind. */
  public WholeDisparity {
    if (info.kind() != MetricKind.ATTRIBUTE || info.bases().isEmpty()) {
      throw new IllegalArgumentException(
          info.name() + ": a whole-attribute disparity needs kind ATTRIBUTE and bases");
    }
  }

  /** max − min over groups of the single base. */
  public static WholeDisparity spread(MetricInfo info) {
    return new WholeDisparity(info, v -> spread(v[0]));
  }

  /** min ÷ max over groups of the single base. */
  public static WholeDisparity minOverMax(MetricInfo info) {
    return new WholeDisparity(info, v -> minOverMax(v[0]));
  }

  /** max − min over groups. */
  public static double spread(double[] v) {
    double max = Double.NEGATIVE_INFINITY;
    double min = Double.POSITIVE_INFINITY;
    for (double x : v) {
      max = Math.max(max, x);
      min = Math.min(min, x);
    }
    return max - min;
  }

  /** min ÷ max over groups; NaN when max is 0. */
  public static double minOverMax(double[] v) {
    double max = Double.NEGATIVE_INFINITY;
    double min = Double.POSITIVE_INFINITY;
    for (double x : v) {
      max = Math.max(max, x);
      min = Math.min(min, x);
    }
    return max > 0 ? min / max : Double.NaN;
  }
}

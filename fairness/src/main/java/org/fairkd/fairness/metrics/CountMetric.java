package org.fairkd.fairness.metrics;

import java.util.function.ToDoubleFunction;

/**
 * A per-slice metric computed from weighted confusion counts; its interval comes from the
 * bootstrap. {@code value} returns NaN when undefined, and {@code reason} says why.
 *
 * @param info catalog entry
 * @param value the metric (NaN when undefined)
 * @param reason why the metric is undefined (empty denominator)
 */
public record CountMetric(MetricInfo info, ToDoubleFunction<Counts> value, String reason) {

  /** Builds a ratio metric num ÷ den, undefined when den = 0. */
  static CountMetric ratio(
      String name,
      ToDoubleFunction<Counts> num,
      ToDoubleFunction<Counts> den,
      String formula,
      String description,
      Boolean higherIsBetter,
      String reason) {
    MetricInfo info =
        new MetricInfo(
            name, MetricKind.SLICE, higherIsBetter, formula, description + "; bootstrap interval");
    return new CountMetric(
        info,
        c -> {
          double d = den.applyAsDouble(c);
          return d > 0 ? num.applyAsDouble(c) / d : Double.NaN;
        },
        reason);
  }

  /** The metric's name. */
  public String name() {
    return info.name();
  }

  /** Evaluates the metric (NaN when undefined). */
  public double apply(Counts c) {
    return value.applyAsDouble(c);
  }
}

package org.fairkd.fairness.metrics;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.fairkd.fairness.report.Undefined;

/**
 * A per-slice metric computed from weighted confusion counts; its interval comes from the
 * bootstrap. {@code value} returns NaN when undefined, and {@code why} says why.
 *
 * @param info registry entry (kind {@link MetricKind#SLICE})
 * @param value the metric (NaN when undefined)
 * @param why why the metric is undefined for the given counts
 */
public record CountMetric(
    MetricInfo info, ToDoubleFunction<Counts> value, Function<Counts, Undefined> why)
    implements Metric {

  /** Checks the kind. */
  public CountMetric {
    if (info.kind() != MetricKind.SLICE) {
      throw new IllegalArgumentException(info.name() + ": a count metric is a slice metric");
    }
  }

  /** The ratio num ÷ den, undefined (for {@code reason}) when den = 0. */
  public static CountMetric ratio(
      MetricInfo info,
      ToDoubleFunction<Counts> num,
      ToDoubleFunction<Counts> den,
      Undefined reason) {
    return new CountMetric(
        info,
        c -> {
          double d = den.applyAsDouble(c);
          return d > 0 ? num.applyAsDouble(c) / d : Double.NaN;
        },
        c -> reason);
  }

  /** Evaluates the metric (NaN when undefined). */
  public double apply(Counts c) {
    return value.applyAsDouble(c);
  }
}

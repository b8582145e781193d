package org.fairkd.fairness.metrics;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.fairkd.fairness.report.Undefined;

/**
 * A whole-attribute figure computed from the pooled counts of the rows whose groups are known for
 * the attribute set (e.g. the Theil index); bootstrap interval.
 *
 * @param info registry entry (kind {@link MetricKind#ATTRIBUTE}, no bases)
 * @param value the figure from the pooled counts (NaN when undefined)
 * @param why why it is undefined for the given counts
 */
public record PooledDisparity(
    MetricInfo info, ToDoubleFunction<Counts> value, Function<Counts, Undefined> why)
    implements Metric {

  /** Checks the kind. */
  public PooledDisparity {
    if (info.kind() != MetricKind.ATTRIBUTE || !info.bases().isEmpty()) {
      throw new IllegalArgumentException(
          info.name() + ": a pooled disparity has kind ATTRIBUTE and no bases");
    }
  }
}

package org.fairkd.fairness.metrics;

import org.fairkd.fairness.stats.Linearized;
import org.fairkd.fairness.stats.RowSample;
import org.fairkd.fairness.stats.SortedView;

/**
 * A per-slice metric computed from row-level scores with an analytic (linearized) interval: DeLong
 * for AUC, the weighted-mean sandwich variance for means. Its per-row influence values also give
 * paired deltas between two models on the same rows, and its variance the analytic interval of a
 * group-vs-reference disparity derived from it.
 *
 * @param info registry entry (kind {@link MetricKind#SLICE})
 * @param computation the computation
 */
public record RowMetric(MetricInfo info, Computation computation) implements Metric {

  /** Checks the kind. */
  public RowMetric {
    if (info.kind() != MetricKind.SLICE) {
      throw new IllegalArgumentException(info.name() + ": a row metric is a slice metric");
    }
  }

  /** The computation of a row metric. */
  @FunctionalInterface
  public interface Computation {
    /**
     * Computes the metric over a slice's members.
     *
     * @param sample slice members (row order) with membership weights
     * @param scores all rows' scores
     * @param labels all rows' labels
     * @param sorted the members in ascending score order
     */
    Linearized compute(RowSample sample, double[] scores, boolean[] labels, SortedView sorted);
  }
}

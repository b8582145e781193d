package org.fairkd.fairness.metrics;

import java.util.List;

/**
 * One registered metric: its description ({@link MetricInfo}) and how it is computed, which the
 * implementing type says: per slice from counts ({@link CountMetric}) or rows ({@link RowMetric}),
 * a group-vs-reference ({@link GroupDisparity}) or whole-attribute ({@link WholeDisparity})
 * disparity derived from base slice metrics, a whole-attribute figure of the pooled counts ({@link
 * PooledDisparity}), a figure computed by the engine itself ({@link EngineMetric}), or a figure of
 * the adverse-action reasons ({@link ReasonMetric}).
 */
public sealed interface Metric
    permits CountMetric,
        RowMetric,
        GroupDisparity,
        WholeDisparity,
        PooledDisparity,
        EngineMetric,
        ReasonMetric {

  /** The registry entry. */
  MetricInfo info();

  /** The metric's name. */
  default String name() {
    return info().name();
  }

  /** The base metrics of a disparity (empty otherwise). */
  default List<String> bases() {
    return info().bases();
  }
}

package org.fairkd.fairness.metrics;

import java.util.List;

/**
 * A group-vs-reference disparity computed from base count metrics of the group and of the reference
 * group; NaN when undefined (e.g. a zero reference rate in a ratio).
 *
 * @param info catalog entry
 * @param bases names of the base count metrics
 * @param compare {@code (groupValues, referenceValues) -> disparity}, values in {@code bases} order
 * @param reason why the disparity can be undefined
 */
public record GroupDisparity(
    MetricInfo info, List<String> bases, Comparator compare, String reason) {

  /** The comparison function. */
  @FunctionalInterface
  public interface Comparator {
    /** Disparity of a group against the reference, NaN when undefined. */
    double apply(double[] group, double[] reference);
  }

  /** The name. */
  public String name() {
    return info.name();
  }
}

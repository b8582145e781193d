package org.fairkd.policies.metric;

import java.util.List;

/**
 * A metric a rule may name.
 *
 * @param name the binding snake_case name
 * @param kind where it lives in an audit result
 * @param testMetric for a group-vs-reference disparity, the per-slice metric whose group vs
 *     reference significance test ({@code tests[].metric}) backs the {@code significant} evidence
 *     mode; null when no such test exists
 * @param bases for a disparity, the per-slice metrics it is built from (a group whose base is
 *     undefined is left out of it); empty otherwise
 */
public record MetricInfo(String name, MetricKind kind, String testMetric, List<String> bases) {

  /** Copies the list. */
  public MetricInfo {
    bases = List.copyOf(bases);
  }

  /** True when the metric is one figure for the whole model (no slices). */
  public boolean modelLevel() {
    return kind == MetricKind.COMPARISON || kind == MetricKind.DISTILLATION;
  }
}

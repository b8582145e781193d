package org.fairkd.policies.metric;

/**
 * A metric a rule may name.
 *
 * @param name the binding snake_case name
 * @param kind where it lives in an audit result
 * @param testMetric for a group-vs-reference disparity, the per-slice metric whose group vs
 *     reference significance test ({@code tests[].metric}) backs the {@code significant} evidence
 *     mode; null when no such test exists
 */
public record MetricInfo(String name, MetricKind kind, String testMetric) {

  /** True when the metric is one figure for the whole model (no slices). */
  public boolean modelLevel() {
    return kind == MetricKind.COMPARISON || kind == MetricKind.DISTILLATION;
  }
}

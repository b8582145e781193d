package org.fairkd.policies.metric;

import java.util.List;

/**
 * A metric a rule may name: a fairness registry entry seen by policies, or a distillation figure.
 *
 * @param name the binding snake_case name
 * @param kind where it lives in an audit result
 * @param testMetric for a group-vs-reference disparity, the per-slice metric whose group vs
 *     reference significance test ({@code tests[].metric}) backs the {@code significant} evidence
 *     mode (the registry's {@link org.fairkd.fairness.metrics.MetricInfo#testMetric()}); null when
 *     no such test exists
 * @param bases for a disparity, the per-slice metrics it is built from (a group whose base is
 *     undefined is left out of it); empty otherwise
 * @param description formula and description from the registry; empty for distillation figures
 */
public record MetricInfo(
    String name, MetricKind kind, String testMetric, List<String> bases, String description) {

  /** Copies the list. */
  public MetricInfo {
    bases = List.copyOf(bases);
  }

  /** The policy view of a registry entry, under {@code name} (an alias, or its own name). */
  static MetricInfo of(String name, org.fairkd.fairness.metrics.MetricInfo m) {
    return new MetricInfo(
        name,
        MetricKind.of(m.kind()),
        m.testMetric(),
        m.bases(),
        m.formula() + " — " + m.description());
  }

  /** True when the metric is one figure for the whole model (no slices). */
  public boolean modelLevel() {
    return kind == MetricKind.COMPARISON || kind == MetricKind.DISTILLATION;
  }
}

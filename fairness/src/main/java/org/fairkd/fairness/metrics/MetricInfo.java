package org.fairkd.fairness.metrics;

/**
 * Description of one metric for validation (policies) and the methodology section (report).
 *
 * @param name binding snake_case name
 * @param kind where it lives
 * @param higherIsBetter TRUE / FALSE, or null when neither direction is better (e.g. a rate)
 * @param formula one-line formula
 * @param description one-line description, including the interval method
 */
public record MetricInfo(
    String name, MetricKind kind, Boolean higherIsBetter, String formula, String description) {}

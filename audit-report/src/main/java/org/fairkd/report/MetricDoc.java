package org.fairkd.report;

/**
 * One metric's documentation for the methodology section: name, kind (slice, attribute,
 * group-vs-reference), whether higher is better, formula and description.
 */
public record MetricDoc(
    String name, String kind, String direction, String formula, String description) {}

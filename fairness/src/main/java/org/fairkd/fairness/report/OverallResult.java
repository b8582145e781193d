package org.fairkd.fairness.report;

import java.util.Map;

/**
 * Metrics over all rows.
 *
 * @param count weighted row count
 * @param metrics metric name to estimate
 */
public record OverallResult(double count, Map<String, Estimate> metrics) {}

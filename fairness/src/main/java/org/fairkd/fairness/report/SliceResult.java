package org.fairkd.fairness.report;

import java.util.Map;

/**
 * Metrics of one slice: a group of one attribute, or a cell of an intersection.
 *
 * @param attributes attribute name to group name, e.g. {@code {sex=female, race=black}}
 * @param count weighted row count
 * @param status ok or insufficient data
 * @param metrics metric name to estimate, in catalog order
 */
public record SliceResult(
    Map<String, String> attributes,
    double count,
    SliceStatus status,
    Map<String, Estimate> metrics) {}

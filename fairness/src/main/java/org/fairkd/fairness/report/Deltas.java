package org.fairkd.fairness.report;

import java.util.List;
import java.util.Map;

/**
 * Paired deltas compared − primary (student − teacher) with paired intervals.
 *
 * @param overall metric name to delta
 * @param slices per-slice deltas
 * @param disparities attribute key to delta disparities (same shape as a model's disparities)
 */
public record Deltas(
    Map<String, Estimate> overall,
    List<SliceDelta> slices,
    Map<String, AttributeDisparities> disparities) {}

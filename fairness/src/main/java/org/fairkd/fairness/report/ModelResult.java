package org.fairkd.fairness.report;

import java.util.List;
import java.util.Map;

/**
 * All measurements of one model: overall, per slice, disparities and significance tests.
 *
 * @param overall metrics over all rows
 * @param slices per-slice metrics (attributes, then intersections)
 * @param disparities attribute key to disparities
 * @param tests significance tests with adjusted p-values
 */
public record ModelResult(
    OverallResult overall,
    List<SliceResult> slices,
    Map<String, AttributeDisparities> disparities,
    List<SignificanceTest> tests) {}

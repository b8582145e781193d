package org.fairkd.fairness.report;

/**
 * A group left out of one or more disparities, with the reason (said, not silent).
 *
 * @param group group key (intersections joined with {@code *})
 * @param reason e.g. {@code insufficient_data (12 < 30)} or {@code selection_rate undefined: ...}
 */
public record SkippedGroup(String group, String reason) {}

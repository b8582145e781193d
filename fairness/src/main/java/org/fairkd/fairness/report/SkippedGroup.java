package org.fairkd.fairness.report;

/**
 * A group left out of one or more disparities, with the reason (said, not silent).
 *
 * @param group group key (intersections joined with {@code *})
 * @param reason e.g. {@code insufficient_data (12 < 30)} or {@code selection_rate undefined: ...}
 * @param code {@link UndefinedReason#INSUFFICIENT_DATA}, or {@link UndefinedReason#BASE_UNDEFINED}
 * @param base for {@code BASE_UNDEFINED}, the base metric that is undefined for the group (only the
 *     disparities built on it leave the group out); null otherwise
 * @param baseCode for {@code BASE_UNDEFINED}, why the base metric is undefined; null otherwise
 */
public record SkippedGroup(
    String group, String reason, UndefinedReason code, String base, UndefinedReason baseCode) {}

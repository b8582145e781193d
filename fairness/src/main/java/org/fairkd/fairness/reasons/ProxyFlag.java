package org.fairkd.fairness.reasons;

/**
 * One feature's association with one protected attribute ({@link ProxyScreen}).
 *
 * @param feature the feature
 * @param attribute the protected attribute
 * @param measure {@code cramers_v} (categorical feature) or {@code auc} (numeric feature)
 * @param group for {@code auc}, the group best told apart from the rest; null for Cramér's V
 * @param association the measure's value
 * @param level the level the value is flagged at
 * @param flagged whether {@code association >= level}
 */
public record ProxyFlag(
    String feature,
    String attribute,
    String measure,
    String group,
    double association,
    double level,
    boolean flagged) {}

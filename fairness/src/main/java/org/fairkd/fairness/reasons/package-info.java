/**
 * Measurements on adverse-action reasons: teacher–student reason fidelity ({@link
 * org.fairkd.fairness.reasons.ReasonFidelityAnalysis}: top-k overlap and first-reason agreement,
 * overall and per protected group, seeded percentile bootstrap) and the proxy screen ({@link
 * org.fairkd.fairness.reasons.ProxyScreen}: Cramér's V ≥ 0.3 for a categorical feature, folded
 * one-group-vs-rest AUC ≥ 0.7 for a numeric one). Inputs are plain arrays of feature names and
 * group labels, so this package does not depend on how the reasons were computed.
 */
package org.fairkd.fairness.reasons;

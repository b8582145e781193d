package org.fairkd.fairness.reasons;

import java.util.Map;

/**
 * Reason fidelity between teacher and student, overall and per protected group, with seeded
 * percentile bootstrap intervals ({@link ReasonFidelityAnalysis}).
 *
 * @param k reasons per applicant compared
 * @param overall all declined applicants
 * @param byGroup per attribute, per group (in first-seen order), the applicants of that group
 * @param replicates bootstrap replicates (0: no intervals)
 * @param level interval level
 * @param seed bootstrap seed
 */
public record ReasonFidelity(
    int k,
    ReasonAgreement overall,
    Map<String, Map<String, ReasonAgreement>> byGroup,
    int replicates,
    double level,
    long seed) {}

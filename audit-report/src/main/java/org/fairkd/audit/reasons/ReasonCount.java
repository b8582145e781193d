package org.fairkd.audit.reasons;

/**
 * How often a feature is among the student's principal reasons in a set of declined applicants.
 *
 * @param feature the raw column name
 * @param text its reason text
 * @param declined declined applicants with the feature among their reasons
 * @param share {@code declined} over the set's declined applicants
 */
public record ReasonCount(String feature, String text, int declined, double share) {}

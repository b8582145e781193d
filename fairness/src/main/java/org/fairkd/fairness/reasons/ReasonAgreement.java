package org.fairkd.fairness.reasons;

import org.fairkd.fairness.report.Estimate;

/**
 * How well the student's reasons match the teacher's over a set of declined applicants.
 *
 * @param n number of applicants
 * @param topKOverlap mean of {@code |S ∩ T| / max(|S|, |T|)} (1 when both lists are empty), S and T
 *     the student's and the teacher's top-k reason sets
 * @param firstReasonAgreement share of applicants whose first reasons are the same feature (both
 *     without a reason counts as agreement)
 */
public record ReasonAgreement(int n, Estimate topKOverlap, Estimate firstReasonAgreement) {}

package org.fairkd.policies.facts;

/**
 * The significance test backing a figure in {@code mode: significant}.
 *
 * @param pValue the p-value the rule compares with alpha (the adjusted one when adjusted)
 * @param method the test, e.g. {@code fisher_exact}, {@code two_proportion_z}, {@code delong_auc},
 *     {@code mcnemar_accuracy}
 * @param metric for a group-vs-reference test, the per-slice metric it compares; null for the
 *     paired student-vs-teacher tests
 * @param reference the reference group of a group-vs-reference test, else null
 * @param correction the multiple-testing correction applied to {@code pValue} ({@code holm}, {@code
 *     bh}), or null when the p-value is not adjusted
 */
public record Significance(
    double pValue, String method, String metric, String reference, String correction) {

  /** A paired test of student against teacher (no reference group, not adjusted). */
  public static Significance paired(double pValue, String method) {
    return new Significance(pValue, method, null, null, null);
  }
}

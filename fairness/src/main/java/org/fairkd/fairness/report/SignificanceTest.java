package org.fairkd.fairness.report;

/**
 * A test of the selection-rate difference between a group and the reference group.
 *
 * @param attribute attribute key
 * @param group group key
 * @param reference reference group key
 * @param metric tested metric ({@code selection_rate})
 * @param method {@code fisher_exact} or {@code two_proportion_z}
 * @param statistic z statistic, or the sample odds ratio for Fisher (null when infinite)
 * @param pValue raw two-sided p-value
 * @param pAdjusted p-value adjusted across all tests of the analysis
 * @param correction {@code holm} or {@code bh}
 */
public record SignificanceTest(
    String attribute,
    String group,
    String reference,
    String metric,
    String method,
    Double statistic,
    double pValue,
    double pAdjusted,
    String correction) {}

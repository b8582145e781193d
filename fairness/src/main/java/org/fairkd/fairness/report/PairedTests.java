package org.fairkd.fairness.report;

/**
 * Paired tests of the two models on the same rows.
 *
 * @param mcnemarStatistic McNemar chi-square statistic on discordant correctness (null if none)
 * @param mcnemarPValue its p-value (exact binomial below 25 discordant rows)
 * @param delongDifference AUC(compared) − AUC(primary), or null when AUC is undefined
 * @param delongCiLow lower bound of the paired DeLong interval
 * @param delongCiHigh upper bound
 * @param delongPValue two-sided p-value of the paired DeLong test
 */
public record PairedTests(
    Double mcnemarStatistic,
    Double mcnemarPValue,
    Double delongDifference,
    Double delongCiLow,
    Double delongCiHigh,
    Double delongPValue) {}

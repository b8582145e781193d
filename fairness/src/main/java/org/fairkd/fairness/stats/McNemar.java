package org.fairkd.fairness.stats;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * McNemar's test on discordant pairs: b = rows the primary model classifies correctly and the
 * compared one wrongly, c = the reverse. Statistic {@code (b − c)² / (b + c)}; p-value from χ²(1),
 * or the exact two-sided binomial {@code min(1, 2·P(X ≤ min(b, c)))}, X ~ Bin(b + c, ½), when b + c
 * < 25 and the counts are integers.
 *
 * @param statistic the χ² statistic, or null without discordant rows
 * @param pValue the p-value (1 without discordant rows)
 */
public record McNemar(Double statistic, double pValue) {

  /** Runs the test. */
  public static McNemar test(double b, double c, boolean integerCounts) {
    double n = b + c;
    if (n <= 0) {
      return new McNemar(null, 1.0);
    }
    double stat = (b - c) * (b - c) / n;
    if (integerCounts && n < 25) {
      int k = (int) Math.round(Math.min(b, c));
      BinomialDistribution bin = new BinomialDistribution(null, (int) Math.round(n), 0.5);
      return new McNemar(stat, Math.min(1.0, 2 * bin.cumulativeProbability(k)));
    }
    return new McNemar(stat, 1 - new ChiSquaredDistribution(null, 1).cumulativeProbability(stat));
  }
}

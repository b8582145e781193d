package org.fairkd.fairness.stats;

/**
 * Wilson score interval for a binomial proportion x/n: {@code (p̂ + z²/2n ± z·sqrt(p̂(1−p̂)/n +
 * z²/4n²)) / (1 + z²/n)}. Used as a cross-check of bootstrap intervals for single rates.
 */
public final class Wilson {
  private Wilson() {}

  /** The interval {@code [low, high]}, or null when n = 0. */
  public static double[] interval(double successes, double n, double level) {
    if (n <= 0) {
      return null;
    }
    double z = Linearized.z(level);
    double p = successes / n;
    double z2 = z * z;
    double denom = 1 + z2 / n;
    double centre = (p + z2 / (2 * n)) / denom;
    double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denom;
    return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
  }
}

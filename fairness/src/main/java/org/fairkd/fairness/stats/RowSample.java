package org.fairkd.fairness.stats;

/**
 * The members of a slice in row order with their membership weights (row weight × membership
 * probability; unit weights for hard groups).
 *
 * @param rows row indices, ascending
 * @param weights membership weights, all &gt; 0
 */
public record RowSample(int[] rows, double[] weights) {

  /** Number of members. */
  public int size() {
    return rows.length;
  }

  /** Σ w. */
  public double totalWeight() {
    double s = 0;
    for (double w : weights) {
      s += w;
    }
    return s;
  }

  /** Kish effective sample size (Σw)² ÷ Σw². */
  public double effectiveSize() {
    double s = 0;
    double s2 = 0;
    for (double w : weights) {
      s += w;
      s2 += w * w;
    }
    return s2 > 0 ? s * s / s2 : 0;
  }
}

package org.fairkd.kd.reasons;

/**
 * One applicant's contributions in margin (log-odds) space: {@code contributions[g]} is raw feature
 * g's share of {@code margin − referenceMargin}; the shares add up to that difference (exactly, up
 * to floating point, for both {@link StudentAttributor} and {@link ShapleyAttributor}).
 *
 * @param contributions one per raw feature ({@link FeatureGroups} order)
 * @param margin the model's log-odds of the favourable outcome at the applicant
 * @param referenceMargin the model's log-odds at the reference point
 */
public record Attribution(double[] contributions, double margin, double referenceMargin) {

  /** Σ contributions − (margin − referenceMargin): 0 up to rounding when the method is exact. */
  public double completenessGap() {
    double s = 0;
    for (double c : contributions) {
      s += c;
    }
    return s - (margin - referenceMargin);
  }
}

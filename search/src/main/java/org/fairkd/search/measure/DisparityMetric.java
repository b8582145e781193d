package org.fairkd.search.measure;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The disparity a search minimises, as a number where lower is better: the demographic parity or
 * equalized odds difference itself, or {@code |1 − adverse_impact_ratio_min|} (distance from
 * parity: a lowest ratio above 1 means the reference group is the one selected least). An undefined
 * value counts as the worst possible disparity.
 */
public enum DisparityMetric {
  /** Max − min over groups of the selection rate; target: at most the value. */
  DEMOGRAPHIC_PARITY_DIFFERENCE(0.05),
  /** Max over TPR and FPR of the max − min over groups; target: at most the value. */
  EQUALIZED_ODDS_DIFFERENCE(0.05),
  /**
   * The lowest ratio of a group's selection rate to the reference's; target: at least the value.
   */
  ADVERSE_IMPACT_RATIO_MIN(0.9);

  private final double defaultTarget;

  DisparityMetric(double defaultTarget) {
    this.defaultTarget = defaultTarget;
  }

  /** The JSON / option name, e.g. {@code demographic_parity_difference}. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The target used when none is given (0.05 for the differences, 0.9 for the ratio). */
  public double defaultTarget() {
    return defaultTarget;
  }

  /** The measured value of this metric (NaN when undefined). */
  public double value(Measurement m) {
    return switch (this) {
      case DEMOGRAPHIC_PARITY_DIFFERENCE -> m.demographicParityDifference();
      case EQUALIZED_ODDS_DIFFERENCE -> m.equalizedOddsDifference();
      case ADVERSE_IMPACT_RATIO_MIN -> m.adverseImpactRatioMin();
    };
  }

  /** The disparity, lower is better: the value, or |1 − the ratio|; +∞ when undefined. */
  public double disparity(Measurement m) {
    double v = value(m);
    if (Double.isNaN(v)) {
      return Double.POSITIVE_INFINITY;
    }
    return this == ADVERSE_IMPACT_RATIO_MIN ? Math.abs(1 - v) : v;
  }

  /** Whether {@code m} meets {@code target} (≤ for a difference, ≥ for the ratio). */
  public boolean meets(Measurement m, double target) {
    double v = value(m);
    return this == ADVERSE_IMPACT_RATIO_MIN ? v >= target : v <= target;
  }

  /** Whether {@code target} is a valid target of this metric. */
  public boolean validTarget(double target) {
    return this == ADVERSE_IMPACT_RATIO_MIN ? target > 0 && target <= 1 : target >= 0 && target < 1;
  }

  /** Parses a JSON name; null when unknown. */
  public static DisparityMetric parseOrNull(String text) {
    for (DisparityMetric d : values()) {
      if (d.jsonName().equals(text)) {
        return d;
      }
    }
    return null;
  }

  /** The accepted names, for error messages. */
  public static String names() {
    return Arrays.stream(values()).map(DisparityMetric::jsonName).collect(Collectors.joining(", "));
  }
}

package org.fairkd.fairness.report;

/**
 * One estimate with its interval. An undefined estimate has a null value and a reason (it is never
 * reported as 0); an interval may be null when it cannot be computed (e.g. no bootstrap).
 *
 * @param value the point estimate, or null when undefined
 * @param ciLow lower confidence bound, or null
 * @param ciHigh upper confidence bound, or null
 * @param reason why the value is undefined, or null
 */
public record Estimate(Double value, Double ciLow, Double ciHigh, String reason) {

  /** A defined value with an interval (either bound may be null). */
  public static Estimate of(double value, Double low, Double high) {
    return new Estimate(value, low, high, null);
  }

  /** An undefined estimate with its reason. */
  public static Estimate undefined(String reason) {
    return new Estimate(null, null, null, reason);
  }

  /** True when the value is defined. */
  public boolean defined() {
    return value != null;
  }
}

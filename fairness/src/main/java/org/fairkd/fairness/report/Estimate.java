package org.fairkd.fairness.report;

/**
 * One estimate with its interval. An undefined estimate has a null value, a reason text and a typed
 * reason code (it is never reported as 0); an interval may be null when it cannot be computed (e.g.
 * no bootstrap).
 *
 * @param value the point estimate, or null when undefined
 * @param ciLow lower confidence bound, or null
 * @param ciHigh upper confidence bound, or null
 * @param reason why the value is undefined (the English sentence written to JSON), or null
 * @param code why the value is undefined (typed), or null when defined
 */
public record Estimate(
    Double value, Double ciLow, Double ciHigh, String reason, UndefinedReason code) {

  /** A defined value with an interval (either bound may be null). */
  public static Estimate of(double value, Double low, Double high) {
    return new Estimate(value, low, high, null, null);
  }

  /** An undefined estimate with its typed reason and text. */
  public static Estimate undefined(Undefined why) {
    return new Estimate(null, null, null, why.text(), why.code());
  }

  /** An undefined estimate with its typed reason and text. */
  public static Estimate undefined(UndefinedReason code, String reason) {
    return new Estimate(null, null, null, reason, code);
  }

  /** True when the value is defined. */
  public boolean defined() {
    return value != null;
  }

  /** Why undefined (code and text), or null when defined. */
  public Undefined why() {
    return code == null ? null : new Undefined(code, reason);
  }
}

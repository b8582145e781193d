package org.fairkd.report.svg;

/**
 * A point estimate with an optional interval, as plotted; {@code value} is NaN when the metric is
 * undefined, and the bounds are NaN when no interval was computed.
 */
public record Estimate(double value, double low, double high) {

  /** An undefined estimate (drawn as "n/a"). */
  public static final Estimate UNDEFINED = new Estimate(Double.NaN, Double.NaN, Double.NaN);

  /** Whether there is a value to plot. */
  public boolean defined() {
    return !Double.isNaN(value);
  }

  /** Whether an interval was given. */
  public boolean hasInterval() {
    return !Double.isNaN(low) && !Double.isNaN(high);
  }
}

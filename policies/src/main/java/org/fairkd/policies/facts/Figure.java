package org.fairkd.policies.facts;

import org.fairkd.fairness.report.Estimate;

/**
 * What a {@link FactSource} says about one metric of one subject on one slice (or attribute, or the
 * whole model).
 *
 * @param availability whether the figure can be judged
 * @param estimate the estimate (null when missing; it may accompany an insufficient figure)
 * @param test the significance test backing {@code mode: significant}, or null when there is none
 * @param shortfall for an insufficient figure, the slice that is too small (null when the source
 *     gives only a reason)
 * @param reason the source's words on why the figure is insufficient, undefined or missing (null
 *     when it gives none)
 * @param location where in the source the figure is, or would be
 */
public record Figure(
    Availability availability,
    Estimate estimate,
    Significance test,
    Shortfall shortfall,
    String reason,
    String location) {

  /** A defined estimate, with its test (or null). */
  public static Figure ok(Estimate estimate, Significance test, String location) {
    return new Figure(Availability.OK, estimate, test, null, null, location);
  }

  /** A figure of a slice (or reference group) below the minimum size. */
  public static Figure insufficient(Estimate estimate, Shortfall shortfall, String location) {
    return new Figure(Availability.INSUFFICIENT, estimate, null, shortfall, null, location);
  }

  /**
   * A figure the source classifies by its reason alone (insufficient or undefined), with the test
   * that would back it (or null).
   */
  public static Figure unavailable(
      Availability availability,
      Estimate estimate,
      Significance test,
      String reason,
      String location) {
    return new Figure(availability, estimate, test, null, reason, location);
  }

  /** An absent figure; {@code reason} may be null ("missing"). */
  public static Figure missing(String reason, String location) {
    return new Figure(Availability.MISSING, null, null, null, reason, location);
  }
}

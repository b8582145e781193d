package org.fairkd.audit.facts;

import org.fairkd.fairness.report.Estimate;
import org.fairkd.fairness.report.SkippedGroup;
import org.fairkd.fairness.report.UndefinedReason;
import org.fairkd.policies.facts.Availability;

/**
 * The one place that classifies why a figure is unavailable, from the fairness module's typed
 * {@link UndefinedReason}: an undefined estimate, a group left out of a disparity. Insufficient
 * data (the slice, or the reference it is compared with, is below the minimum size) is told apart
 * from undefined (a zero denominator, no scores, …); an estimate without a code (a hand-made
 * audit.json) is undefined. Nobody reads the English reason text to decide.
 */
final class Availabilities {
  private Availabilities() {}

  /** An undefined estimate: insufficient data when its code says so, else undefined. */
  static Availability ofUndefined(Estimate e) {
    return insufficient(e.code()) ? Availability.INSUFFICIENT : Availability.UNDEFINED;
  }

  /**
   * A group left out of a disparity: insufficient data when its slice is below the minimum size or
   * its code says so, else undefined.
   */
  static Availability ofLeftOut(boolean sliceTooSmall, SkippedGroup g) {
    return sliceTooSmall || insufficient(g.code()) || insufficient(g.baseCode())
        ? Availability.INSUFFICIENT
        : Availability.UNDEFINED;
  }

  private static boolean insufficient(UndefinedReason code) {
    return code == UndefinedReason.INSUFFICIENT_DATA || code == UndefinedReason.REFERENCE_UNUSABLE;
  }
}

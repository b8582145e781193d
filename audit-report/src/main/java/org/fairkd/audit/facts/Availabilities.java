package org.fairkd.audit.facts;

import java.util.Locale;
import org.fairkd.fairness.report.Estimate;
import org.fairkd.policies.facts.Availability;

/**
 * The one place that classifies why a figure is unavailable from what the fairness results say
 * about it: an undefined estimate, a group left out of a disparity. Today the fairness module says
 * it in words (its estimates and skipped groups carry a reason text), so this reads the text; its
 * typed reason code replaces these tests where it exists. Policies never read the text.
 */
final class Availabilities {
  private Availabilities() {}

  /** An undefined estimate: insufficient data when its reason says so, else undefined. */
  static Availability ofUndefined(Estimate e) {
    return mentionsInsufficient(e.reason()) ? Availability.INSUFFICIENT : Availability.UNDEFINED;
  }

  /**
   * A group left out of a disparity: insufficient data when its slice is below the minimum size or
   * its reason says so, else undefined.
   */
  static Availability ofLeftOut(boolean sliceTooSmall, String reason) {
    return sliceTooSmall || mentionsInsufficient(reason)
        ? Availability.INSUFFICIENT
        : Availability.UNDEFINED;
  }

  /**
   * The base metric whose being undefined left a group out ({@code "true_positive_rate undefined
   * (...)"} → {@code true_positive_rate}), or null when the reason names none.
   */
  static String undefinedBase(String reason) {
    if (reason == null || !reason.contains(" undefined")) {
      return null;
    }
    return reason.substring(0, reason.indexOf(" undefined"));
  }

  private static boolean mentionsInsufficient(String reason) {
    return reason != null && reason.toLowerCase(Locale.ROOT).contains("insufficient");
  }
}

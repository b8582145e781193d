package org.fairkd.policies.eval;

import org.fairkd.policies.facts.Fact;
import org.fairkd.policies.model.EvidenceMode;

/**
 * The words that tell the two kinds of failure apart at the end of an explanation: {@code — fails:
 * harm}, or {@code — fails: not shown — interval too wide; about 5210 test rows would be needed (n
 * · (half-width / |estimate − bound|)² with n = 2000: the standard error shrinks as 1/√n)}; a
 * warning says {@code warns}. Passing and unjudged outcomes get no suffix.
 */
final class FindingWords {
  private FindingWords() {}

  /** The suffix of a judged outcome's explanation (empty for shown or not evaluated). */
  static String suffix(Judgement.Decision d, EvidenceMode mode, Long requiredRows, Fact fact) {
    String verb =
        switch (d.status()) {
          case FAIL -> "fails";
          case WARN -> "warns";
          case PASS, ERROR -> null;
        };
    if (verb == null) {
      return "";
    }
    return switch (d.finding()) {
      case HARM -> " — " + verb + ": harm";
      case NOT_SHOWN ->
          " — "
              + verb
              + ": not shown — "
              + notShown(mode == EvidenceMode.SIGNIFICANT, requiredRows, fact);
      case SHOWN, NOT_EVALUATED -> "";
    };
  }

  private static String notShown(boolean significant, Long requiredRows, Fact fact) {
    String why = significant ? "the breach is not significant" : "interval too wide";
    if (requiredRows == null) {
      String cannot =
          fact.rows() == null
              ? "the audit gives no row count to scale"
              : fact.estimate() == null || fact.estimate().ciLow() == null
                  ? "the audit gives no interval to scale"
                  : "the estimate is on the bound, or its interval already clears it";
      return why + "; the rows that would settle it cannot be estimated (" + cannot + ")";
    }
    String rows =
        fact.slice() == null || !fact.slice().contains("=")
            ? "test rows"
            : "rows in " + fact.slice();
    return why
        + "; about "
        + Numbers.count(requiredRows)
        + " "
        + rows
        + " would be needed"
        + (significant ? " for the interval to clear the threshold" : "")
        + " (n · (half-width / |estimate − bound|)² with n = "
        + Numbers.count(fact.rows())
        + ": the standard error shrinks as 1/√n)";
  }
}

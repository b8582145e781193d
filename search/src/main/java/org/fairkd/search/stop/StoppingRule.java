package org.fairkd.search.stop;

import java.util.List;
import java.util.Locale;

/**
 * When the search stops: after {@code budget} trained students, or earlier when none of the last
 * {@code patience} students enlarged the frontier's hypervolume (validation disparity against
 * accuracy, {@link org.fairkd.search.frontier.ParetoFrontier#hypervolume}) by more than {@code
 * epsilon} — the search then has stopped finding better alternatives.
 *
 * @param budget most students trained (the unconstrained reference included)
 * @param epsilon smallest hypervolume gain that counts as an improvement
 * @param patience how many students in a row may fail to improve before stopping
 */
public record StoppingRule(int budget, double epsilon, int patience) {

  /** The rule, stated. */
  public String statement() {
    return String.format(
        Locale.ROOT,
        "stop after %d trained students, or when none of the last %d improved the validation"
            + " frontier's hypervolume (disparity vs accuracy) by more than %s",
        budget,
        patience,
        java.math.BigDecimal.valueOf(epsilon).stripTrailingZeros().toPlainString());
  }

  /**
   * Why to stop after the students whose frontier hypervolumes are {@code history} (one entry per
   * trained student, in order), or null to go on.
   */
  public String stopReason(List<Double> history) {
    int n = history.size();
    if (n >= budget) {
      return "budget reached: " + n + " of " + budget + " students trained";
    }
    if (n > patience) {
      double before = history.get(n - 1 - patience);
      if (history.get(n - 1) - before <= epsilon) {
        return String.format(
            Locale.ROOT,
            "no frontier improvement larger than %s in the last %d students (hypervolume %.5f"
                + " -> %.5f)",
            java.math.BigDecimal.valueOf(epsilon).stripTrailingZeros().toPlainString(),
            patience,
            before,
            history.get(n - 1));
      }
    }
    return null;
  }
}

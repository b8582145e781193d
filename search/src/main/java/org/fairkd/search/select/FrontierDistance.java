package org.fairkd.search.select;

import java.util.Optional;
import org.fairkd.search.SearchResult;
import org.fairkd.search.candidates.Candidate;
import org.fairkd.search.measure.DisparityMetric;

/**
 * How far a candidate is from the least discriminatory alternative the search found: its validation
 * disparity minus the lowest validation disparity among frontier candidates whose validation AUC is
 * within the search's tolerance of the unconstrained reference's (disparity as {@link
 * DisparityMetric#disparity}: the difference, or |1 − the ratio|). 0 for the least-discriminatory
 * candidate itself, which the default rule selects.
 */
public final class FrontierDistance {
  private FrontierDistance() {}

  /** The least-discriminatory frontier candidate within the tolerance, if any. */
  public static Optional<Candidate> leastDiscriminatory(SearchResult r) {
    Optional<Candidate> ref = r.candidate(r.reference());
    if (ref.isEmpty()) {
      return Optional.empty();
    }
    DisparityMetric m = r.config().metric();
    SelectionRule within =
        new SelectionRule.LeastDiscriminatory(r.config().tolerance(), Double.NaN);
    return r.candidates().stream()
        .filter(c -> c.onFrontier() && c.admissible() && within.eligible(c, ref.get(), m))
        .min(within.preference(m));
  }

  /** The distance of candidate {@code id}; NaN when it or the frontier candidate is absent. */
  public static double of(SearchResult r, String id) {
    Optional<Candidate> c = r.candidate(id);
    Optional<Candidate> best = leastDiscriminatory(r);
    if (c.isEmpty() || best.isEmpty()) {
      return Double.NaN;
    }
    DisparityMetric m = r.config().metric();
    return m.disparity(c.get().validation()) - m.disparity(best.get().validation());
  }
}

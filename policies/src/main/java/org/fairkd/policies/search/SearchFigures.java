package org.fairkd.policies.search;

import java.util.List;

/**
 * The figures of a less-discriminatory-alternative search that a policy may judge (whole-model
 * figures, student subject, scope {@code overall}, no interval). An audit without a recorded search
 * has none of them: a rule on them then judges nothing, which the gate treats as a failure to
 * evaluate (it fails closed).
 *
 * <ul>
 *   <li>{@value #SELECTED}: 1 when the released (audited) student is the search's selected
 *       candidate, else 0; missing when the search selected nothing or did not record the release.
 *   <li>{@value #DISTANCE}: the released candidate's validation disparity minus the lowest
 *       validation disparity among the search's frontier candidates whose validation AUC is within
 *       the search's tolerance of the unconstrained student's (0 when it is the least
 *       discriminatory; disparity as the search's metric: the difference, or |1 − the ratio|).
 *   <li>{@value #TOLERANCE}: the AUC tolerance the search's selection used.
 * </ul>
 */
public final class SearchFigures {
  /** Whether the released student is the selected candidate (1 or 0). */
  public static final String SELECTED = "lda_search_selected";

  /** The released candidate's distance to the least-discriminatory frontier candidate. */
  public static final String DISTANCE = "lda_search_distance";

  /** The search's AUC tolerance. */
  public static final String TOLERANCE = "lda_search_tolerance";

  /** Every search figure, in the order {@code policy metrics} lists them. */
  public static final List<String> ALL = List.of(SELECTED, DISTANCE, TOLERANCE);

  private SearchFigures() {}

  /** Whether {@code metric} is a search figure. */
  public static boolean handles(String metric) {
    return ALL.contains(metric);
  }
}

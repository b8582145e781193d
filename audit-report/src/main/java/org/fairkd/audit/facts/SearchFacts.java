package org.fairkd.audit.facts;

import org.fairkd.audit.result.AuditResult;
import org.fairkd.fairness.report.Estimate;
import org.fairkd.policies.facts.Figure;
import org.fairkd.policies.search.SearchFigures;
import org.fairkd.search.SearchResult;
import org.fairkd.search.select.FrontierDistance;

/**
 * The search figures a policy judges ({@link SearchFigures}), from the audit's {@code search}
 * block: {@code lda_search_selected} (1 when {@code search.released} is {@code
 * search.selected.id}), {@code lda_search_distance} ({@link FrontierDistance} of the released
 * candidate) and {@code lda_search_tolerance}. Each is missing, with the reason, when the audit
 * records no search, no selection or no released candidate — so a rule on them fails closed.
 */
final class SearchFacts {
  private SearchFacts() {}

  /** The figure {@code metric} (one of {@link SearchFigures#ALL}). */
  static Figure figure(AuditResult audit, String metric) {
    SearchResult s = audit.search();
    String loc = "search." + metric.substring("lda_search_".length());
    if (s == null) {
      return Figure.missing("the audit records no less-discriminatory-alternative search", loc);
    }
    if (metric.equals(SearchFigures.TOLERANCE)) {
      return AuditFacts.found(Estimate.of(s.config().tolerance(), null, null), null, loc);
    }
    if (s.released() == null) {
      return Figure.missing("the audit does not record which search candidate was released", loc);
    }
    if (metric.equals(SearchFigures.SELECTED)) {
      if (s.selection().id() == null) {
        return Figure.missing("the search selected no candidate", loc);
      }
      double v = s.released().equals(s.selection().id()) ? 1 : 0;
      return AuditFacts.found(Estimate.of(v, null, null), null, loc);
    }
    double d = FrontierDistance.of(s, s.released());
    if (Double.isNaN(d)) {
      return Figure.missing(
          "the search has no frontier candidate within its tolerance, or no candidate "
              + s.released(),
          loc);
    }
    return AuditFacts.found(Estimate.of(d, null, null), null, loc);
  }
}

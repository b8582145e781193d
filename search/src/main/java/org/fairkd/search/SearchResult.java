package org.fairkd.search;

import java.util.List;
import org.fairkd.kd.portable.PortableStudent;
import org.fairkd.search.candidates.Candidate;
import org.fairkd.search.select.Selection;
import org.fairkd.search.stop.Stopping;

/**
 * What a search found: every candidate (frontier marked), the selection and why the search stopped.
 *
 * @param attribute the protected attribute
 * @param config the settings
 * @param reference the unconstrained candidate's id (student 0 at threshold 0.5)
 * @param candidates every candidate in evaluation order
 * @param selection the chosen candidate and the rule
 * @param stopping the stopping rule and outcome
 * @param students the portable student of each trained student, by index (null from test fakes)
 */
public record SearchResult(
    String attribute,
    SearchConfig config,
    String reference,
    List<Candidate> candidates,
    Selection selection,
    Stopping stopping,
    List<PortableStudent> students) {
  /** Copies the lists (the students list may hold nulls). */
  public SearchResult {
    candidates = List.copyOf(candidates);
    students = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(students));
  }
}

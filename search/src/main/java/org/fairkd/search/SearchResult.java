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
 * @param released the id of the candidate whose student was released and audited ({@code fairkd run
 *     --search} releases the selected one), or null when no release is recorded
 */
public record SearchResult(
    String attribute,
    SearchConfig config,
    String reference,
    List<Candidate> candidates,
    Selection selection,
    Stopping stopping,
    List<PortableStudent> students,
    String released) {
  /** Copies the lists (the students list may hold nulls). */
  public SearchResult {
    candidates = List.copyOf(candidates);
    students = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(students));
  }

  /** This result with {@code id} recorded as the released candidate. */
  public SearchResult withReleased(String id) {
    return new SearchResult(
        attribute, config, reference, candidates, selection, stopping, students, id);
  }

  /** The candidate with {@code id}, if any. */
  public java.util.Optional<Candidate> candidate(String id) {
    return candidates.stream().filter(c -> c.id().equals(id)).findFirst();
  }
}

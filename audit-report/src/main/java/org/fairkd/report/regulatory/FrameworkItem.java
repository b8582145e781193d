package org.fairkd.report.regulatory;

import java.time.LocalDate;
import java.util.List;

/**
 * One requirement of a framework and what in the report evidences it.
 *
 * @param id item id, unique in its framework
 * @param requirement the requirement in plain words
 * @param citation where it comes from (statute, rule, guidance, article)
 * @param effective when it applies (or applied) from
 * @param evidence the sections, metrics or audit blocks that evidence it; empty when not evidenced
 * @param notEvidenced why the report does not evidence it (empty when {@code evidence} is given)
 */
public record FrameworkItem(
    String id,
    String requirement,
    String citation,
    LocalDate effective,
    List<EvidenceRef> evidence,
    String notEvidenced) {

  /** Copies the list. */
  public FrameworkItem {
    evidence = List.copyOf(evidence);
  }
}

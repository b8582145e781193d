package org.fairkd.report.regulatory;

import java.time.LocalDate;
import java.util.List;

/**
 * One bundled regulatory framework file: what it is, as of when, and its items.
 *
 * @param id the id {@code --frameworks} selects it by
 * @param title one-line title
 * @param version the file's version (recorded in audit.json)
 * @param asOf the date its facts were checked
 * @param jurisdiction where it applies
 * @param selectedByDefault whether it is in the default selection (the US and the EU)
 * @param summary the state of the rule in a paragraph
 * @param items its requirements
 */
public record Framework(
    String id,
    String title,
    String version,
    LocalDate asOf,
    String jurisdiction,
    boolean selectedByDefault,
    String summary,
    List<FrameworkItem> items) {

  /** Copies the list. */
  public Framework {
    items = List.copyOf(items);
  }

  /** The reference audit.json records. */
  public FrameworkRef ref() {
    return new FrameworkRef(id, version, asOf);
  }
}

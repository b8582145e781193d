package org.fairkd.kd.reasons;

import java.util.Map;
import org.fairkd.datasets.DatasetSpec;

/**
 * Reason texts by raw column name (the dataset spec's {@code reasons} map); a column without an
 * entry is its own text.
 *
 * @param texts text per column name (may be empty)
 */
public record ReasonTexts(Map<String, String> texts) {

  /** No texts: every reason is its column name. */
  public static ReasonTexts none() {
    return new ReasonTexts(Map.of());
  }

  /** The texts of a dataset spec's {@code reasons} key (none when absent). */
  public static ReasonTexts of(DatasetSpec spec) {
    return spec.reasons() == null ? none() : new ReasonTexts(Map.copyOf(spec.reasons()));
  }

  /** The text of a column's reason. */
  public String text(String column) {
    String t = texts.get(column);
    return t == null || t.isBlank() ? column : t;
  }
}

package org.fairkd.audit.result;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How the rows of one model input were used (audit.json's {@code data}, also in {@code fairkd
 * metrics}): the rows read, the rows audited, and per protected attribute the audited rows without
 * a value (a missing or unmapped group, or soft memberships that are all empty), which that
 * attribute's slices, disparities and rules leave out.
 *
 * @param source what was read: the predictions file's name, or the dataset's name
 * @param rowsRead rows read from the source
 * @param rowsUsed rows audited: after the split filter (and any dropped rows)
 * @param selection how the audited rows were chosen, e.g. {@code split = test} or {@code all rows}
 * @param missing attribute name → audited rows with no value for it, in attribute order
 */
public record DataAccount(
    String source, long rowsRead, long rowsUsed, String selection, Map<String, Long> missing) {

  /** Checks the counts and copies the map (keeping its order). */
  public DataAccount {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(selection, "selection");
    if (rowsUsed < 0 || rowsUsed > rowsRead) {
      throw new IllegalArgumentException(
          "rows used " + rowsUsed + " must be in 0.." + rowsRead + " (rows read)");
    }
    missing = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(missing));
    for (Map.Entry<String, Long> e : missing.entrySet()) {
      if (e.getValue() < 0 || e.getValue() > rowsUsed) {
        throw new IllegalArgumentException(
            "missing rows of '" + e.getKey() + "' must be in 0.." + rowsUsed);
      }
    }
  }
}

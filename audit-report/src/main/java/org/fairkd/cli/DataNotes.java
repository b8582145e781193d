package org.fairkd.cli;

import java.io.PrintWriter;
import java.util.Map;
import org.fairkd.audit.result.DataAccount;

/**
 * The stderr lines that say which rows an audit leaves out: one line per protected attribute with
 * audited rows that have no value for it (the same counts as the {@code data} block of audit.json
 * and of {@code fairkd metrics}).
 */
final class DataNotes {
  private DataNotes() {}

  /** Prints one line per attribute of {@code a} with missing rows; nothing when none is missing. */
  static void print(PrintWriter err, DataAccount a) {
    for (Map.Entry<String, Long> e : a.missing().entrySet()) {
      if (e.getValue() > 0) {
        err.printf(
            "fairkd: note: %d of %d rows of %s have no value for '%s' and are left out of its"
                + " slices and disparities%n",
            e.getValue(), a.rowsUsed(), a.source(), e.getKey());
      }
    }
    err.flush();
  }
}

package org.fairkd.audit.reasons;

import java.nio.file.Path;
import java.util.List;
import org.fairkd.base.files.AtomicFiles;

/**
 * Writes reasons.csv: {@code row_id,decision,student_reason_1..k,student_contribution_1..k,
 * teacher_reason_1..k}, one line per audited applicant in the given order. Reasons are feature
 * column names (texts are the report's), contributions the student's log-odds contributions
 * (negative) in Java's shortest round-trip notation; cells past an applicant's last reason and all
 * reason cells of an approved applicant are empty. Fields holding a comma, quote or line break are
 * quoted (RFC 4180). Written atomically.
 */
public final class ReasonsCsv {
  private ReasonsCsv() {}

  /** The header line's fields for k reasons. */
  public static List<String> header(int k) {
    List<String> h = new java.util.ArrayList<>(List.of("row_id", "decision"));
    for (int r = 1; r <= k; r++) {
      h.add("student_reason_" + r);
    }
    for (int r = 1; r <= k; r++) {
      h.add("student_contribution_" + r);
    }
    for (int r = 1; r <= k; r++) {
      h.add("teacher_reason_" + r);
    }
    return h;
  }

  /** Writes the rows to {@code file}. */
  public static void write(Path file, List<ReasonRow> rows, int k) {
    StringBuilder out = new StringBuilder();
    out.append(String.join(",", header(k))).append('\n');
    for (ReasonRow row : rows) {
      out.append(field(row.rowId())).append(',').append(row.decision());
      for (int r = 0; r < k; r++) {
        out.append(',');
        if (r < row.student().size()) {
          out.append(field(row.student().get(r).feature()));
        }
      }
      for (int r = 0; r < k; r++) {
        out.append(',');
        if (r < row.student().size()) {
          out.append(row.student().get(r).contribution());
        }
      }
      for (int r = 0; r < k; r++) {
        out.append(',');
        if (r < row.teacher().size()) {
          out.append(field(row.teacher().get(r).feature()));
        }
      }
      out.append('\n');
    }
    AtomicFiles.writeString(file, out.toString());
  }

  private static String field(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}

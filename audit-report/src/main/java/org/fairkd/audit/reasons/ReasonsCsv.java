package org.fairkd.audit.reasons;

import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fairkd.base.files.AtomicFiles;
import org.fairkd.kd.reasons.Reason;

/**
 * Writes reasons.csv: {@code row_id,decision,student_reason_1..k,student_contribution_1..k,
 * teacher_reason_1..k}, one line per audited applicant in the given order. Reasons are the reason
 * texts (the dataset spec's {@code reasons}, else the column name), contributions the student's
 * log-odds contributions (negative) in Java's shortest round-trip notation; cells past an
 * applicant's last reason, all reason cells of an approved applicant and the teacher cells of a
 * decline outside the teacher's sample are empty. Quoted as RFC 4180 by Jackson's CSV generator;
 * written atomically.
 */
public final class ReasonsCsv {
  /** The file's name in an output directory. */
  public static final String FILE = "reasons.csv";

  private ReasonsCsv() {}

  /** The header line's fields for k reasons. */
  public static List<String> header(int k) {
    List<String> h = new ArrayList<>(List.of("row_id", "decision"));
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
    StringWriter out = new StringWriter(rows.size() * 96);
    try (CsvGenerator g =
        new CsvFactory()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .createGenerator(out)) {
      g.writeStartArray();
      for (String h : header(k)) {
        g.writeString(h);
      }
      g.writeEndArray();
      for (ReasonRow row : rows) {
        g.writeStartArray();
        g.writeString(row.rowId());
        g.writeString(row.decision());
        texts(g, row.student(), k);
        for (int r = 0; r < k; r++) {
          g.writeString(
              r < row.student().size() ? Double.toString(row.student().get(r).contribution()) : "");
        }
        texts(g, row.teacher(), k);
        g.writeEndArray();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    AtomicFiles.write(file, out.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void texts(CsvGenerator g, List<Reason> reasons, int k) throws IOException {
    for (int r = 0; r < k; r++) {
      g.writeString(r < reasons.size() ? reasons.get(r).text() : "");
    }
  }
}

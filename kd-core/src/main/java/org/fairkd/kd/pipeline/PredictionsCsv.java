package org.fairkd.kd.pipeline;

import java.nio.charset.StandardCharsets;
import org.fairkd.datasets.ProtectedAttribute;
import org.fairkd.datasets.Split;
import org.fairkd.datasets.TabularDataset;

/**
 * predictions.csv: one line per dataset row, columns {@code row_id, split, label, <one per
 * protected attribute: its (hard or argmax) group, empty when missing>, [<attr>=<group> membership
 * columns for soft attributes], teacher_score, student_score, baseline_score}; label is 1 for the
 * favourable outcome; scores are P(favourable) in Java's shortest round-trip form. Values with a
 * comma, quote or newline are quoted (RFC 4180).
 */
final class PredictionsCsv {
  private PredictionsCsv() {}

  static byte[] render(
      TabularDataset d, Split split, double[] teacher, double[] student, double[] baseline) {
    String[] splitOf = new String[d.rowCount()];
    mark(splitOf, split.train(), "train");
    mark(splitOf, split.validation(), "validation");
    mark(splitOf, split.test(), "test");
    StringBuilder sb = new StringBuilder(d.rowCount() * 96);
    sb.append("row_id,split,label");
    for (ProtectedAttribute a : d.protectedAttributes()) {
      sb.append(',').append(quote(a.name()));
      if (a.soft()) {
        for (String g : a.groups()) {
          sb.append(',').append(quote(a.name() + "=" + g));
        }
      }
    }
    sb.append(",teacher_score,student_score,baseline_score\n");
    for (int r = 0; r < d.rowCount(); r++) {
      sb.append(quote(d.rowId(r))).append(',').append(splitOf[r] == null ? "unused" : splitOf[r]);
      sb.append(',').append(d.favourable(r) ? '1' : '0');
      for (ProtectedAttribute a : d.protectedAttributes()) {
        int g = a.hardGroup(r);
        sb.append(',').append(g < 0 ? "" : quote(a.groups().get(g)));
        if (a.soft()) {
          for (int k = 0; k < a.groups().size(); k++) {
            sb.append(',').append(num(a.membership(r, k)));
          }
        }
      }
      sb.append(',').append(num(teacher[r]));
      sb.append(',').append(num(student[r]));
      sb.append(',').append(num(baseline[r])).append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void mark(String[] out, int[] rows, String name) {
    for (int r : rows) {
      out[r] = name;
    }
  }

  private static String num(double v) {
    return Double.toString(v);
  }

  static String quote(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}

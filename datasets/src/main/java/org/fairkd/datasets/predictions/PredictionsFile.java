package org.fairkd.datasets.predictions;

import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.fairkd.datasets.ProtectedAttribute;
import org.fairkd.datasets.Split;
import org.fairkd.datasets.TabularDataset;

/**
 * The predictions file format (predictions.csv), written by {@code distill} and read by {@code
 * audit --predictions} ({@link PredictionsReader}): one line per dataset row, columns {@code
 * row_id, split, label, <one per protected attribute: its (hard or argmax) group, empty when
 * missing>, [<attr>=<group> membership columns for soft attributes], <model>_score ...}.
 *
 * <p>{@code split} is {@code train}, {@code validation}, {@code test} or {@code unused}; {@code
 * label} is 1 for the favourable outcome; scores are P(favourable) in Java's shortest round-trip
 * form ({@link Double#toString}). Values with a comma, quote or line break are quoted (RFC 4180, by
 * Jackson's CSV generator with strict quoting); lines end in {@code \n}.
 */
public final class PredictionsFile {
  /** The row-id column. */
  public static final String ROW_ID = "row_id";

  /** The split column. */
  public static final String SPLIT = "split";

  /** The label column (1 = favourable, 0 = not). */
  public static final String LABEL = "label";

  private PredictionsFile() {}

  /** The score column of a model, e.g. {@code teacher_score}. */
  public static String scoreColumn(String model) {
    return model + "_score";
  }

  /** The membership column of group {@code group} of a soft attribute. */
  public static String membershipColumn(String attribute, String group) {
    return attribute + "=" + group;
  }

  /**
   * The file's bytes (UTF-8) for every row of {@code d}.
   *
   * @param scores per model name (in column order), its P(favourable) for every dataset row
   */
  public static byte[] render(TabularDataset d, Split split, Map<String, double[]> scores) {
    String[] splitOf = new String[d.rowCount()];
    mark(splitOf, split.train(), "train");
    mark(splitOf, split.validation(), "validation");
    mark(splitOf, split.test(), "test");
    StringWriter out = new StringWriter(d.rowCount() * 96);
    try (CsvGenerator g =
        new CsvFactory()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .createGenerator(out)) {
      g.writeStartArray();
      g.writeString(ROW_ID);
      g.writeString(SPLIT);
      g.writeString(LABEL);
      for (ProtectedAttribute a : d.protectedAttributes()) {
        g.writeString(a.name());
        if (a.soft()) {
          for (String grp : a.groups()) {
            g.writeString(membershipColumn(a.name(), grp));
          }
        }
      }
      for (String model : scores.keySet()) {
        g.writeString(scoreColumn(model));
      }
      g.writeEndArray();
      for (int r = 0; r < d.rowCount(); r++) {
        g.writeStartArray();
        g.writeString(d.rowId(r));
        g.writeString(splitOf[r] == null ? "unused" : splitOf[r]);
        g.writeString(d.favourable(r) ? "1" : "0");
        for (ProtectedAttribute a : d.protectedAttributes()) {
          int k = a.hardGroup(r);
          g.writeString(k < 0 ? "" : a.groups().get(k));
          if (a.soft()) {
            for (int j = 0; j < a.groups().size(); j++) {
              g.writeString(Double.toString(a.membership(r, j)));
            }
          }
        }
        for (double[] s : scores.values()) {
          g.writeString(Double.toString(s[r]));
        }
        g.writeEndArray();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void mark(String[] out, int[] rows, String name) {
    for (int r : rows) {
      out[r] = name;
    }
  }
}

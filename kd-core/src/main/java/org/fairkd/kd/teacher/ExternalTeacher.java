package org.fairkd.kd.teacher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fairkd.kd.DistillationException;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Teacher probabilities given as a column of a CSV file (header row required), matched by row id —
 * for ensembles trained elsewhere. Every id must be unique and every score a number in [0, 1].
 *
 * <pre>
 * row_id,teacher_score
 * train:0,0.82
 * train:1,0.10
 * </pre>
 */
public final class ExternalTeacher {
  private final Path source;
  private final Map<String, Double> scores;

  private ExternalTeacher(Path source, Map<String, Double> scores) {
    this.source = source;
    this.scores = scores;
  }

  /**
   * Reads the scores file.
   *
   * @throws DistillationException naming the file, column or line of any problem
   */
  public static ExternalTeacher read(Path csv, String idColumn, String scoreColumn) {
    if (!Files.isRegularFile(csv)) {
      throw new DistillationException(csv + ": teacher scores file not found");
    }
    Table t;
    try {
      t =
          Table.read()
              .usingOptions(
                  CsvReadOptions.builder(csv.toFile())
                      .header(true)
                      .columnTypes(name -> ColumnType.STRING)
                      .missingValueIndicator()
                      .build());
    } catch (RuntimeException e) {
      throw new DistillationException(csv + ": cannot read CSV: " + e.getMessage(), e);
    }
    Column<?> ids = column(t, csv, idColumn);
    Column<?> sc = column(t, csv, scoreColumn);
    Map<String, Double> scores = new HashMap<>();
    for (int r = 0; r < t.rowCount(); r++) {
      int line = r + 2;
      String id = ids.getString(r).strip();
      String s = sc.getString(r).strip();
      if (id.isEmpty()) {
        throw new DistillationException(
            csv + ": line " + line + ": empty id in '" + idColumn + "'");
      }
      double v;
      try {
        v = Double.parseDouble(s);
      } catch (NumberFormatException e) {
        throw new DistillationException(
            csv + ": line " + line + ": '" + scoreColumn + "' is not a number: '" + s + "'");
      }
      if (!(v >= 0 && v <= 1)) {
        throw new DistillationException(
            csv + ": line " + line + ": '" + scoreColumn + "' must be in [0, 1], got " + s);
      }
      if (scores.put(id, v) != null) {
        throw new DistillationException(csv + ": line " + line + ": duplicate id '" + id + "'");
      }
    }
    return new ExternalTeacher(csv, scores);
  }

  private static Column<?> column(Table t, Path csv, String name) {
    if (!t.columnNames().contains(name)) {
      throw new DistillationException(
          csv + ": no column '" + name + "' (columns: " + String.join(", ", t.columnNames()) + ")");
    }
    return t.column(name);
  }

  /** Number of ids in the file. */
  public int size() {
    return scores.size();
  }

  /**
   * The score of each row id, in order.
   *
   * @throws DistillationException listing (the first few) ids not in the file
   */
  public double[] forRowIds(List<String> rowIds) {
    double[] out = new double[rowIds.size()];
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < out.length; i++) {
      Double v = scores.get(rowIds.get(i));
      if (v == null) {
        missing.add(rowIds.get(i));
      } else {
        out[i] = v;
      }
    }
    if (!missing.isEmpty()) {
      throw new DistillationException(
          source
              + ": "
              + missing.size()
              + " row id(s) have no teacher score, e.g. "
              + String.join(", ", missing.subList(0, Math.min(5, missing.size()))));
    }
    return out;
  }
}

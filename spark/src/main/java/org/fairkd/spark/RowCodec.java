package org.fairkd.spark;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.fairkd.fairness.FairnessException;
import org.fairkd.fairness.cells.TableEngine;

/**
 * Reads one projected row (label, scores, split, groups, as text and doubles) the way fairkd's CSV
 * reader does: a label is favourable when it equals {@code favorable}, else 1/true/yes (0/false/no
 * unfavourable); scores are numbers in [0, 1]; a group value that is empty, {@code NA} or {@code ?}
 * is missing; weights are numbers &gt;= 0; a soft attribute's probabilities are numbers in [0, 1]
 * summing to at most 1 (+1e−6), all blank (no membership) or none. Errors name the file and the
 * column.
 */
final class RowCodec implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Set<String> MISSING = Set.of("", "NA", "?");

  /** Largest amount by which a row's probabilities may exceed 1 (the CLI's tolerance). */
  private static final double SUM_TOLERANCE = 1e-6;

  /** Column positions in the projection of {@link #columns}. */
  static final int LABEL = 0;

  static final int SCORE = 1;

  private final String file;
  private final String favorable;
  private final List<String> scoreColumns;
  private final String splitValue;
  private final int groups;
  private final String weightColumn;
  private final List<String> softNames;
  private final List<List<String>> softColumns;

  RowCodec(
      String file, String favorable, List<String> scoreColumns, String splitValue, int groups) {
    this(file, favorable, scoreColumns, splitValue, groups, null, List.of());
  }

  RowCodec(
      String file,
      String favorable,
      List<String> scoreColumns,
      String splitValue,
      int groups,
      String weightColumn,
      List<TableEngine.SoftAttribute> soft) {
    this.file = file;
    this.favorable = favorable;
    this.scoreColumns = scoreColumns;
    this.splitValue = splitValue;
    this.groups = groups;
    this.weightColumn = weightColumn;
    this.softNames = soft.stream().map(TableEngine.SoftAttribute::name).toList();
    this.softColumns = soft.stream().map(a -> List.copyOf(a.columns())).toList();
  }

  /** The projected columns: label, scores, split (when restricted), groups. */
  static List<String> columns(
      String label, List<String> scores, String split, List<String> groups) {
    return columns(label, scores, split, groups, null, List.of());
  }

  /**
   * The projected columns: label, scores, split (when restricted), groups, weight (when given),
   * each soft attribute's probability columns.
   */
  static List<String> columns(
      String label,
      List<String> scores,
      String split,
      List<String> groups,
      String weight,
      List<TableEngine.SoftAttribute> soft) {
    List<String> out = new java.util.ArrayList<>();
    out.add(label);
    out.addAll(scores);
    if (split != null) {
      out.add(split);
    }
    out.addAll(groups);
    if (weight != null) {
      out.add(weight);
    }
    soft.forEach(a -> out.addAll(a.columns()));
    return out;
  }

  /** Row weight (1 without a weight column). */
  double weight(Row r) {
    if (weightColumn == null) {
      return 1;
    }
    int i = firstGroup() + groups;
    String v = r.isNullAt(i) ? "" : r.getString(i).strip();
    double w;
    try {
      w = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      w = Double.NaN;
    }
    if (!(w >= 0 && Double.isFinite(w))) {
      throw new FairnessException(
          file + ": column '" + weightColumn + "': weight '" + v + "' is not a number >= 0");
    }
    return w;
  }

  /** Probabilities {@code out[a][g]} of the soft attributes (all 0 when blank). */
  void probabilities(Row r, double[][] out) {
    int i = firstGroup() + groups + (weightColumn != null ? 1 : 0);
    for (int a = 0; a < softNames.size(); a++) {
      List<String> columns = softColumns.get(a);
      int blank = 0;
      double sum = 0;
      for (int g = 0; g < columns.size(); g++, i++) {
        String v = r.isNullAt(i) ? "" : r.getString(i).strip();
        if (MISSING.contains(v)) {
          blank++;
          out[a][g] = 0;
          continue;
        }
        double p;
        try {
          p = Double.parseDouble(v);
        } catch (NumberFormatException e) {
          p = Double.NaN;
        }
        if (!(p >= 0 && p <= 1)) {
          throw new FairnessException(
              file
                  + ": column '"
                  + columns.get(g)
                  + "': '"
                  + v
                  + "' is not a probability in [0, 1]");
        }
        out[a][g] = p;
        sum += p;
      }
      if (blank > 0 && blank < columns.size()) {
        throw new FairnessException(
            file
                + ": the probabilities of '"
                + softNames.get(a)
                + "' ("
                + String.join(", ", columns)
                + ") are partly blank");
      }
      if (sum > 1 + SUM_TOLERANCE) {
        throw new FairnessException(
            file
                + ": the probabilities of '"
                + softNames.get(a)
                + "' ("
                + String.join(", ", columns)
                + ") sum to "
                + sum
                + ", more than 1");
      }
    }
  }

  private int firstGroup() {
    return SCORE + scoreColumns.size() + (splitValue != null ? 1 : 0);
  }

  /** False when the row is outside the split. */
  boolean selected(Row r) {
    return splitValue == null || inSplit(r, SCORE + scoreColumns.size(), splitValue);
  }

  /** Whether column {@code i} of {@code r} holds {@code splitValue} (stripped). */
  static boolean inSplit(Row r, int i, String splitValue) {
    return !r.isNullAt(i) && r.getString(i).strip().equals(splitValue);
  }

  /** Column {@code i}'s value, stripped; "" when missing (null, "", NA or ?). */
  static String cell(Row r, int i) {
    String v = r.isNullAt(i) ? "" : r.getString(i).strip();
    return MISSING.contains(v) ? "" : v;
  }

  boolean label(Row r) {
    String v = r.isNullAt(LABEL) ? "" : r.getString(LABEL).strip();
    if (favorable != null) {
      return v.equals(favorable);
    }
    if (v.equals("1")) {
      return true;
    }
    if (v.equals("0")) {
      return false;
    }
    switch (v.toLowerCase(Locale.ROOT)) {
      case "1", "true", "yes", "1.0":
        return true;
      case "0", "false", "no", "0.0":
        return false;
      default:
        throw new FairnessException(
            file + ": label '" + v + "' is not 1/0, true/false or yes/no (give --favorable VALUE)");
    }
  }

  /** Score of model m (0 primary, 1 compared). */
  double score(Row r, int m) {
    int i = SCORE + m;
    double s = r.isNullAt(i) ? Double.NaN : r.getDouble(i);
    if (!(s >= 0 && s <= 1)) {
      throw new FairnessException(
          file
              + ": column '"
              + scoreColumns.get(m)
              + "': "
              + (r.isNullAt(i) ? "an empty or non-numeric score" : "score " + s)
              + " (scores are probabilities in [0, 1])");
    }
    return s;
  }

  /**
   * The group values as codes of per-attribute dictionaries that grow as values appear ({@code
   * dictionaries[a]} maps a value to its code; −1 = missing); {@code out} receives the codes.
   */
  void codes(Row r, List<java.util.Map<String, Integer>> dictionaries, int[] out) {
    int from = firstGroup();
    for (int a = 0; a < groups; a++) {
      String v = cell(r, from + a);
      if (v.isEmpty()) {
        out[a] = -1;
      } else {
        java.util.Map<String, Integer> d = dictionaries.get(a);
        Integer c = d.get(v);
        if (c == null) {
          c = d.size();
          d.put(v, c);
        }
        out[a] = c;
      }
    }
  }

  /** Number of group columns. */
  int groupCount() {
    return groups;
  }
}

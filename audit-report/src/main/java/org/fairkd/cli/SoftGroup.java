package org.fairkd.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fairkd.audit.AuditException;
import org.fairkd.datasets.predictions.PredictionsReader;
import org.fairkd.fairness.ProtectedAttribute;

/**
 * A soft protected attribute given on the command line as {@code ATTR=GROUP:COL,GROUP:COL,...}: one
 * probability column per group (e.g. BISG race probabilities), kept as weights rather than forced
 * into one group per applicant.
 *
 * @param name attribute name
 * @param groups group names, in the order given
 * @param columns the probability column of each group
 */
record SoftGroup(String name, List<String> groups, List<String> columns) {

  /** Largest amount by which a row's probabilities may exceed 1 (rounding in the file). */
  static final double SUM_TOLERANCE = 1e-6;

  /**
   * Parses {@code ATTR=GROUP:COL,...}; the attribute must not repeat a hard group column or an
   * earlier soft attribute.
   */
  static SoftGroup parse(String text, List<String> hardGroups, List<SoftGroup> earlier) {
    String usage = "--soft-group '" + text + "': expected ATTR=GROUP:COL,GROUP:COL,...";
    int eq = text.indexOf('=');
    if (eq <= 0 || eq == text.length() - 1) {
      throw new AuditException(usage);
    }
    String name = text.substring(0, eq).strip();
    List<String> groups = new ArrayList<>();
    List<String> columns = new ArrayList<>();
    for (String part : text.substring(eq + 1).split(",")) {
      int colon = part.indexOf(':');
      if (colon <= 0 || colon == part.length() - 1) {
        throw new AuditException(usage + " (bad part '" + part + "')");
      }
      String group = part.substring(0, colon).strip();
      if (groups.contains(group)) {
        throw new AuditException("--soft-group '" + text + "': group '" + group + "' twice");
      }
      groups.add(group);
      columns.add(part.substring(colon + 1).strip());
    }
    if (groups.size() < 2) {
      throw new AuditException("--soft-group '" + text + "': needs at least two groups");
    }
    boolean repeated =
        hardGroups.contains(name) || earlier.stream().anyMatch(g -> g.name().equals(name));
    if (repeated) {
      throw new AuditException("attribute '" + name + "' is given twice");
    }
    return new SoftGroup(name, List.copyOf(groups), List.copyOf(columns));
  }

  /** Each attribute's probability columns, by attribute name. */
  static Map<String, List<String>> columns(List<SoftGroup> soft) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (SoftGroup g : soft) {
      out.put(g.name(), g.columns());
    }
    return out;
  }

  /**
   * The attribute over the selected rows, from its columns read as text ({@code columns}: column to
   * values), after checking that each row's probabilities are numbers in [0, 1] summing to at most
   * 1; a row whose probabilities are all blank (a proxy with no evidence) has no membership and
   * counts as missing. Errors name the file's line, counting the header as line 1.
   */
  ProtectedAttribute attribute(
      Map<String, PredictionsReader.Categorical> text, int[] rows, String reference, Path file) {
    double[][] p = new double[groups.size()][rows.length];
    for (int i = 0; i < rows.length; i++) {
      double sum = 0;
      int blank = 0;
      for (int g = 0; g < groups.size(); g++) {
        PredictionsReader.Categorical c = text.get(columns.get(g));
        int code = c.codes()[rows[i]];
        if (code < 0) {
          blank++;
          continue;
        }
        p[g][i] = probability(c.levels().get(code), columns.get(g), rows[i], file);
        sum += p[g][i];
      }
      if (blank > 0 && blank < groups.size()) {
        throw new AuditException(
            String.format(
                Locale.ROOT,
                "%s:%d: the probabilities of '%s' (%s) are partly blank",
                file.getFileName(),
                rows[i] + 2,
                name,
                String.join(", ", columns)));
      }
      if (sum > 1 + SUM_TOLERANCE) {
        throw new AuditException(
            String.format(
                Locale.ROOT,
                "%s:%d: the probabilities of '%s' (%s) sum to %.6g, more than 1",
                file.getFileName(),
                rows[i] + 2,
                name,
                String.join(", ", columns),
                sum));
      }
    }
    return ProtectedAttribute.soft(name, groups, reference, p);
  }

  private static double probability(String v, String column, int row, Path file) {
    double x;
    try {
      x = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      x = Double.NaN;
    }
    if (!(x >= 0 && x <= 1)) {
      throw new AuditException(
          file.getFileName()
              + ":"
              + (row + 2)
              + ": column '"
              + column
              + "': '"
              + v
              + "' is not a probability in [0, 1]");
    }
    return x;
  }
}

package org.fairkd.datasets.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import tech.tablesaw.api.ColumnType;

/**
 * Infers column types in one streaming pass over the file (instead of Tablesaw's detection, which
 * keeps every row in memory): a column is numeric when every non-missing value matches {@code
 * [+-]?(digits[.digits]|.digits)([eE][+-]?digits)?} (surrounding spaces allowed), otherwise
 * categorical. A column with no values at all is categorical.
 */
final class TypeScanner {
  private TypeScanner() {}

  /**
   * Fills {@code types[i]} for every null entry.
   *
   * @param types per column: DOUBLE, STRING, or null to infer
   */
  static void infer(
      Path file,
      boolean header,
      String comment,
      char delimiter,
      char quote,
      List<String> missing,
      ColumnType[] types)
      throws IOException {
    int n = types.length;
    boolean[] numeric = new boolean[n];
    boolean[] seen = new boolean[n];
    boolean open = false;
    for (int i = 0; i < n; i++) {
      numeric[i] = types[i] == null;
      open |= numeric[i];
    }
    try (BufferedReader r = LineLocator.open(file)) {
      String line;
      boolean headerPending = header;
      while (open && (line = r.readLine()) != null) {
        if (line.isBlank() || (comment != null && !comment.isEmpty() && line.startsWith(comment))) {
          continue;
        }
        if (headerPending) {
          headerPending = false;
          continue;
        }
        int col = 0;
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i <= line.length() && col < n; i++) {
          char c = i < line.length() ? line.charAt(i) : delimiter;
          if (c == quote) {
            quoted = !quoted;
          } else if (c == delimiter && !quoted) {
            if (numeric[col]) {
              int kind = classify(line, start, i, quote, missing);
              if (kind == 0) {
                numeric[col] = false;
              } else if (kind == 1) {
                seen[col] = true;
              }
            }
            col++;
            start = i + 1;
          }
        }
        open = false;
        for (boolean b : numeric) {
          open |= b;
        }
      }
    }
    for (int i = 0; i < n; i++) {
      if (types[i] == null) {
        types[i] = numeric[i] && seen[i] ? ColumnType.DOUBLE : ColumnType.STRING;
      }
    }
  }

  /** 1 = a number, 2 = missing, 0 = anything else. */
  static int classify(String s, int from, int to, char quote, List<String> missing) {
    while (from < to && s.charAt(from) == ' ') {
      from++;
    }
    while (to > from && s.charAt(to - 1) == ' ') {
      to--;
    }
    if (to - from >= 2 && s.charAt(from) == quote && s.charAt(to - 1) == quote) {
      from++;
      to--;
    }
    for (String m : missing) {
      if (m.length() == to - from && s.regionMatches(from, m, 0, m.length())) {
        return 2;
      }
    }
    int i = from;
    if (i < to && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int digits = 0;
    while (i < to && Character.isDigit(s.charAt(i))) {
      i++;
      digits++;
    }
    if (i < to && s.charAt(i) == '.') {
      i++;
      while (i < to && Character.isDigit(s.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return 0;
    }
    if (i < to && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < to && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int exp = 0;
      while (i < to && Character.isDigit(s.charAt(i))) {
        i++;
        exp++;
      }
      if (exp == 0) {
        return 0;
      }
    }
    return i == to ? 1 : 0;
  }
}

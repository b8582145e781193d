package org.fairkd.datasets.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fairkd.datasets.DatasetException;
import org.fairkd.datasets.DatasetSpec.CsvFormat;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;
import tech.tablesaw.io.csv.CsvReader;

/**
 * Reads one delimited text file into a Tablesaw {@link Table} with only DOUBLE and STRING columns.
 * Handles the spec's CSV options, CRLF / LF / bare-CR line endings, explicit and duplicate column
 * names (the second {@code x} becomes {@code x_2}), and turns Tablesaw's parse failures into {@link
 * DatasetException}s naming the file and line.
 */
final class CsvTableReader {
  static final List<String> DEFAULT_MISSING = List.of("", "NA");

  private final Path file;
  private final CsvFormat format;

  CsvTableReader(Path file, CsvFormat format) {
    this.file = file;
    this.format = format == null ? new CsvFormat(null, null, null, null, null, null) : format;
  }

  boolean header() {
    return format.header() == null || format.header();
  }

  char delimiter(String specLabel) {
    String d = format.delimiter() == null ? "," : format.delimiter();
    if ("\\t".equals(d) || "tab".equalsIgnoreCase(d)) {
      return '\t';
    }
    if (d.length() != 1) {
      throw new DatasetException(
          specLabel + ": key 'format.delimiter': must be one character, got '" + d + "'");
    }
    return d.charAt(0);
  }

  List<String> missingTokens() {
    return format.missing() == null ? DEFAULT_MISSING : format.missing();
  }

  /**
   * The column names as they will appear in the table and those of them that were generated.
   *
   * @param names every column's name: explicit names win, an empty name becomes {@code column_N} (N
   *     = 1-based position, as a saved row index in many CSV exports), duplicates are renamed
   * @param unnamed the generated names, in column order
   */
  record ColumnNames(List<String> names, List<String> unnamed) {}

  /** The column names (see {@link ColumnNames}). */
  ColumnNames columnNames(String specLabel) {
    List<String> raw;
    if (format.columns() != null) {
      raw = format.columns();
    } else if (!header()) {
      throw new DatasetException(
          specLabel + ": key 'format.columns': required when 'format.header' is false");
    } else {
      raw = parseHeader(specLabel);
    }
    List<String> named = new ArrayList<>(raw);
    List<Integer> blank = new ArrayList<>();
    for (int i = 0; i < named.size(); i++) {
      if (named.get(i) == null || named.get(i).isBlank()) {
        named.set(i, "column_" + (i + 1));
        blank.add(i);
      }
    }
    List<String> names = dedupe(named);
    return new ColumnNames(names, blank.stream().map(names::get).toList());
  }

  /**
   * Reads the table; {@code types} maps column name to DOUBLE or STRING for the columns whose type
   * is known; the rest are inferred by {@link TypeScanner} in one streaming pass, so Tablesaw gets
   * a complete type list and does no detection of its own (which would hold every row). The header
   * line (if any) is consumed here, so Tablesaw sees positional columns {@code C0, C1, ...}.
   */
  Table read(String specLabel, List<String> names, Map<String, ColumnType> types) {
    checkReadable();
    char delimiter = delimiter(specLabel);
    ColumnType[] all = new ColumnType[names.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = types.get(names.get(i));
    }
    try {
      TypeScanner.infer(file, header(), format.comment(), delimiter, quote(), missingTokens(), all);
    } catch (IOException e) {
      throw new DatasetException(file + ": cannot read: " + e.getMessage(), e);
    }
    try (BufferedReader in = LineLocator.open(file)) {
      if (header()) {
        LineLocator.skipToAfterHeader(in, format);
      }
      // Tablesaw cannot type headerless columns by name, so it gets a synthetic header C0,C1,...
      String eol = LineLocator.lineEnding(file);
      StringBuilder synthetic = new StringBuilder();
      for (int i = 0; i < names.size(); i++) {
        synthetic.append(i == 0 ? "" : String.valueOf(delimiter)).append('C').append(i);
      }
      Reader reader = new PrefixedReader(synthetic.append(eol).toString(), in);
      CsvReadOptions.Builder b =
          CsvReadOptions.builder(reader)
              .header(true)
              .separator(delimiter)
              .lineEnding(eol)
              .quoteChar(quote())
              .missingValueIndicator(missingTokens().toArray(String[]::new))
              .maxCharsPerColumn(1 << 16)
              .columnTypes(all)
              .tableName(file.getFileName().toString());
      if (format.comment() != null && !format.comment().isEmpty()) {
        b.commentPrefix(format.comment().charAt(0));
      }
      Table t = new CsvReader().read(b.build());
      if (t.rowCount() == 0) {
        throw new DatasetException(file + ": file has no data rows");
      }
      if (t.columnCount() != names.size()) {
        throw new DatasetException(
            file
                + ": line "
                + LineLocator.lineOfRecord(file, format, header(), 0)
                + ": has "
                + t.columnCount()
                + " fields but "
                + names.size()
                + " columns are named"
                + (format.columns() != null ? " (key 'format.columns' in " + specLabel + ")" : ""));
      }
      for (int i = 0; i < names.size(); i++) {
        t.column(i).setName(names.get(i));
      }
      return t;
    } catch (DatasetException e) {
      throw e;
    } catch (IOException e) {
      throw new DatasetException(file + ": cannot read: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      boolean[] numeric = new boolean[names.size()];
      for (int i = 0; i < numeric.length; i++) {
        numeric[i] = all[i] == ColumnType.DOUBLE;
      }
      DatasetException precise =
          RecordScanner.firstProblem(
              file,
              format,
              header(),
              delimiter,
              quote(),
              names,
              numeric,
              new java.util.HashSet<>(missingTokens()));
      throw precise != null ? precise : translate(e);
    }
  }

  private void checkReadable() {
    if (!Files.isRegularFile(file)) {
      throw new DatasetException(file + ": data file not found");
    }
    try {
      if (Files.size(file) == 0) {
        throw new DatasetException(file + ": file is empty");
      }
    } catch (IOException e) {
      throw new DatasetException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private char quote() {
    return format.quote() == null || format.quote().isEmpty() ? '"' : format.quote().charAt(0);
  }

  private DatasetException translate(RuntimeException e) {
    String msg = String.valueOf(e.getMessage());
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
      if (t.getMessage() != null) {
        msg = msg + "; " + t.getMessage();
      }
    }
    String first = msg.split("[\\r\\n]")[0].strip();
    return new DatasetException(file + ": cannot parse: " + first, e);
  }

  private List<String> parseHeader(String specLabel) {
    checkReadable();
    String line = LineLocator.headerLine(file, format);
    if (line == null) {
      throw new DatasetException(file + ": file is empty");
    }
    List<String> out = new ArrayList<>();
    for (String f : RecordScanner.split(line, delimiter(specLabel), quote())) {
      out.add(f.strip());
    }
    return out;
  }

  static List<String> dedupe(List<String> raw) {
    List<String> out = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (String n : raw) {
      int k = seen.merge(n, 1, Integer::sum);
      String name = k == 1 ? n : n + "_" + k;
      while (k > 1 && seen.containsKey(name)) {
        name = name + "_";
      }
      if (k > 1) {
        seen.put(name, 1);
      }
      out.add(name);
    }
    return out;
  }
}

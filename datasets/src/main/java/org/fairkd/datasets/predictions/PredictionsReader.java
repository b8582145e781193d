package org.fairkd.datasets.predictions;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.fairkd.datasets.DatasetException;

/**
 * Streaming reader of a predictions CSV — a {@link PredictionsFile} written by {@code distill}, or
 * any user's CSV of labels, scores and groups (comma-separated, header row, RFC 4180 quoting via
 * Jackson CSV) into primitive columns: no per-row objects, group columns dictionary-encoded on the
 * fly.
 *
 * <p>Labels: with {@code favorable} the label is favourable iff it equals that text; otherwise
 * {@code 1/true/yes} are favourable and {@code 0/false/no} not. Scores must be numbers in [0, 1],
 * weights numbers ≥ 0. A group value that is empty, {@code NA} or {@code ?} is missing (code −1).
 * Every error names the file, the line and the column.
 */
public final class PredictionsReader {
  private static final Set<String> MISSING = Set.of("", "NA", "?");

  /**
   * What to read.
   *
   * @param label label column
   * @param favorable favourable label value, or null for 1/0, true/false, yes/no
   * @param scores score columns (probability of the favourable outcome)
   * @param decision decision column (1/0, true/false, yes/no), or null
   * @param groups protected-attribute columns
   * @param weights weight column, or null
   */
  public record Request(
      String label,
      String favorable,
      List<String> scores,
      String decision,
      List<String> groups,
      String weights) {}

  /**
   * A categorical column: sorted distinct values and per-row codes (−1 = missing).
   *
   * @param levels distinct non-missing values, sorted
   * @param codes per-row index into levels, or −1
   */
  public record Categorical(List<String> levels, int[] codes) {}

  /**
   * The columns read.
   *
   * @param rows number of data rows
   * @param labels favourable labels
   * @param scores score column name to values
   * @param decisions decisions, or null
   * @param groups group column name to codes
   * @param weights weights, or null
   */
  public record Columns(
      int rows,
      boolean[] labels,
      Map<String, double[]> scores,
      boolean[] decisions,
      Map<String, Categorical> groups,
      double[] weights) {}

  private PredictionsReader() {}

  /** Reads the requested columns of {@code file}. */
  public static Columns read(Path file, Request req) {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CsvParser p =
            new CsvFactory()
                .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
                .enable(CsvParser.Feature.TRIM_SPACES)
                .createParser(reader)) {
      return new Reader(file, req, p).read();
    } catch (NoSuchFileException e) {
      throw new DatasetException(file + ": no such file");
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  /** One pass over the file. */
  private static final class Reader {
    private final Path file;
    private final Request req;
    private final CsvParser p;
    private final String name;
    private int[] role;
    private int[] slot;
    private List<String> header;
    private boolean[] labels = new boolean[1024];
    private boolean[] decisions;
    private double[][] scores;
    private double[] weights;
    private int[][] codes;
    private List<Map<String, Integer>> dict = new ArrayList<>();
    private int n;

    Reader(Path file, Request req, CsvParser p) {
      this.file = file;
      this.req = req;
      this.p = p;
      this.name = file.getFileName().toString();
    }

    Columns read() throws IOException {
      header = readRow();
      if (header == null) {
        throw new DatasetException(name + ": empty file (no header row)");
      }
      mapColumns();
      scores = new double[req.scores().size()][1024];
      codes = new int[req.groups().size()][1024];
      for (int g = 0; g < req.groups().size(); g++) {
        dict.add(new HashMap<>());
      }
      decisions = req.decision() == null ? null : new boolean[1024];
      weights = req.weights() == null ? null : new double[1024];
      while (readData()) {
        n++;
      }
      if (n == 0) {
        throw new DatasetException(name + ": no data rows");
      }
      Map<String, double[]> s = new LinkedHashMap<>();
      for (int k = 0; k < scores.length; k++) {
        s.put(req.scores().get(k), Arrays.copyOf(scores[k], n));
      }
      Map<String, Categorical> g = new LinkedHashMap<>();
      for (int k = 0; k < codes.length; k++) {
        g.put(req.groups().get(k), categorical(dict.get(k), Arrays.copyOf(codes[k], n)));
      }
      return new Columns(
          n,
          Arrays.copyOf(labels, n),
          s,
          decisions == null ? null : Arrays.copyOf(decisions, n),
          g,
          weights == null ? null : Arrays.copyOf(weights, n));
    }

    private static final int LABEL = 1;
    private static final int SCORE = 2;
    private static final int DECISION = 3;
    private static final int GROUP = 4;
    private static final int WEIGHT = 5;

    private void mapColumns() {
      role = new int[header.size()];
      slot = new int[header.size()];
      assign(req.label(), LABEL, 0, "label");
      for (int k = 0; k < req.scores().size(); k++) {
        assign(req.scores().get(k), SCORE, k, "score");
      }
      if (req.decision() != null) {
        assign(req.decision(), DECISION, 0, "decision");
      }
      for (int k = 0; k < req.groups().size(); k++) {
        assign(req.groups().get(k), GROUP, k, "group");
      }
      if (req.weights() != null) {
        assign(req.weights(), WEIGHT, 0, "weights");
      }
    }

    private void assign(String column, int r, int s, String what) {
      int c = header.indexOf(column);
      if (c < 0) {
        throw new DatasetException(
            name
                + ": line 1: "
                + what
                + " column '"
                + column
                + "' not found (columns: "
                + String.join(", ", header)
                + ")");
      }
      if (role[c] != 0) {
        throw new DatasetException(name + ": column '" + column + "' is used twice");
      }
      role[c] = r;
      slot[c] = s;
    }

    private List<String> readRow() throws IOException {
      JsonToken t = p.nextToken();
      if (t == null) {
        return null;
      }
      List<String> row = new ArrayList<>();
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        row.add(p.getText().strip());
      }
      return row;
    }

    private boolean readData() throws IOException {
      JsonToken t = p.nextToken();
      if (t == null) {
        return false;
      }
      grow();
      int line = p.currentLocation().getLineNr();
      int c = 0;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        if (c < role.length && role[c] != 0) {
          cell(c, p.getText().strip(), line);
        }
        c++;
      }
      if (c != header.size()) {
        throw new DatasetException(
            name + ": line " + line + ": " + c + " fields, header has " + header.size());
      }
      return true;
    }

    private void cell(int c, String v, int line) {
      switch (role[c]) {
        case LABEL -> labels[n] = label(v, c, line);
        case DECISION -> decisions[n] = bool(v, c, line, "decision");
        case SCORE -> scores[slot[c]][n] = number(v, c, line, true);
        case WEIGHT -> weights[n] = number(v, c, line, false);
        default -> codes[slot[c]][n] = code(slot[c], v);
      }
    }

    private boolean label(String v, int c, int line) {
      if (req.favorable() != null) {
        return v.equals(req.favorable());
      }
      return bool(v, c, line, "label");
    }

    private boolean bool(String v, int c, int line, String what) {
      switch (v.toLowerCase(Locale.ROOT)) {
        case "1", "true", "yes", "1.0" -> {
          return true;
        }
        case "0", "false", "no", "0.0" -> {
          return false;
        }
        default ->
            throw new DatasetException(
                where(line, c)
                    + ": "
                    + what
                    + " '"
                    + v
                    + "' is not 1/0, true/false or yes/no"
                    + ("label".equals(what) ? " (give --favorable VALUE)" : ""));
      }
    }

    private double number(String v, int c, int line, boolean score) {
      double x;
      try {
        x = Double.parseDouble(v);
      } catch (NumberFormatException e) {
        throw new DatasetException(where(line, c) + ": '" + v + "' is not a number");
      }
      if (Double.isNaN(x) || Double.isInfinite(x)) {
        throw new DatasetException(where(line, c) + ": " + v + " is not a finite number");
      }
      if (score && (x < 0 || x > 1)) {
        throw new DatasetException(where(line, c) + ": score " + v + " outside [0, 1]");
      }
      if (!score && x < 0) {
        throw new DatasetException(where(line, c) + ": weight " + v + " is negative");
      }
      return x;
    }

    private int code(int g, String v) {
      if (MISSING.contains(v)) {
        return -1;
      }
      Map<String, Integer> d = dict.get(g);
      Integer k = d.get(v);
      if (k == null) {
        k = d.size();
        d.put(v, k);
      }
      return k;
    }

    private String where(int line, int c) {
      return name + ": line " + line + ", column '" + header.get(c) + "'";
    }

    private void grow() {
      if (n < labels.length) {
        return;
      }
      int cap = labels.length * 2;
      labels = Arrays.copyOf(labels, cap);
      if (decisions != null) {
        decisions = Arrays.copyOf(decisions, cap);
      }
      if (weights != null) {
        weights = Arrays.copyOf(weights, cap);
      }
      for (int k = 0; k < scores.length; k++) {
        scores[k] = Arrays.copyOf(scores[k], cap);
      }
      for (int k = 0; k < codes.length; k++) {
        codes[k] = Arrays.copyOf(codes[k], cap);
      }
    }

    private static Categorical categorical(Map<String, Integer> d, int[] codes) {
      List<String> sorted = new ArrayList<>(d.keySet());
      sorted.sort(null);
      int[] remap = new int[d.size()];
      for (int k = 0; k < sorted.size(); k++) {
        remap[d.get(sorted.get(k))] = k;
      }
      for (int i = 0; i < codes.length; i++) {
        if (codes[i] >= 0) {
          codes[i] = remap[codes[i]];
        }
      }
      return new Categorical(List.copyOf(sorted), codes);
    }
  }
}

package org.fairkd.datasets.proxy;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fairkd.datasets.DatasetException;

/**
 * {@code fairkd proxy bisg}'s file work: streams a CSV with a header row, row by row, and writes
 * its rows (all columns, or only the id column) followed by {@code p_white … p_multi} and {@code
 * bisg_evidence}, and returns the {@link ProxyProvenance} that belongs beside them. Quoting is RFC
 * 4180 (only values with a comma, quote or line break are quoted); probabilities are the shortest
 * decimals that round-trip (Jackson's Schubfach writer, the format of Java 19+'s {@code
 * Double.toString}), empty for {@link Evidence#NONE}.
 */
public final class ProxyCsv {
  /** The output's evidence column. */
  public static final String EVIDENCE_COLUMN = "bisg_evidence";

  /**
   * What to proxy.
   *
   * @param input the CSV to read
   * @param surnameColumn its surname column
   * @param geoColumn its ZIP or tract column
   * @param level the geography of {@code geoColumn}
   * @param idColumn when not null, the output holds only this column of the input
   * @param output the CSV to write (never the input)
   */
  public record Request(
      Path input,
      String surnameColumn,
      String geoColumn,
      GeoLevel level,
      String idColumn,
      Path output) {}

  private ProxyCsv() {}

  /**
   * Proxies {@code req.input()} into {@code out} (the caller publishes it as {@code req.output()},
   * atomically) and returns the provenance to write beside it.
   */
  public static ProxyProvenance run(Request req, BisgProxy proxy, Writer out) {
    if (req.output()
        .toAbsolutePath()
        .normalize()
        .equals(req.input().toAbsolutePath().normalize())) {
      throw new DatasetException("--out " + req.output() + " is the input file; choose another");
    }
    EvidenceMix mix;
    try (BufferedReader reader = Files.newBufferedReader(req.input(), StandardCharsets.UTF_8);
        CsvParser p =
            new CsvFactory().enable(CsvParser.Feature.SKIP_EMPTY_LINES).createParser(reader)) {
      Writer w = new BufferedWriter(out, 1 << 16);
      mix = new Pass(req, proxy, p, w).run();
      w.flush();
    } catch (NoSuchFileException e) {
      throw new DatasetException(req.input() + ": no such file");
    } catch (IOException e) {
      throw new UncheckedIOException(req.input() + ": " + e.getMessage(), e);
    }
    return new ProxyProvenance(
        ReferenceTables.method(),
        List.of(
            ReferenceTables.source(ReferenceTables.SURNAMES),
            ReferenceTables.source(req.level().tableKey())),
        req.level().name(),
        req.input().toString(),
        req.surnameColumn(),
        req.geoColumn(),
        probabilityColumns(),
        EVIDENCE_COLUMN,
        mix);
  }

  /** The six probability columns, in {@link Race} order. */
  public static List<String> probabilityColumns() {
    List<String> cols = new ArrayList<>();
    for (Race r : Race.values()) {
      cols.add(r.column());
    }
    return cols;
  }

  /** One pass over the input. */
  private static final class Pass {
    private final Request req;
    private final BisgProxy proxy;
    private final CsvParser p;
    private final Writer w;
    private final String name;
    private final StringBuilder line = new StringBuilder(256);
    private final double[] probs = new double[Race.COUNT];
    private final EvidenceMix.Counter counter = new EvidenceMix.Counter();

    Pass(Request req, BisgProxy proxy, CsvParser p, Writer w) {
      this.req = req;
      this.proxy = proxy;
      this.p = p;
      this.w = w;
      this.name = req.input().getFileName().toString();
    }

    EvidenceMix run() throws IOException {
      List<String> header = new ArrayList<>();
      if (p.nextToken() == null) {
        throw new DatasetException(name + ": empty file (no header row)");
      }
      while (p.nextToken() != JsonToken.END_ARRAY) {
        String h = p.getText();
        header.add(header.isEmpty() && h.startsWith("\uFEFF") ? h.substring(1) : h);
      }
      int width = header.size();
      int surnameCol = column(header, req.surnameColumn(), "--surname");
      int geoCol =
          column(header, req.geoColumn(), req.level() == GeoLevel.ZCTA ? "--zip" : "--tract");
      int idCol = req.idColumn() == null ? -1 : column(header, req.idColumn(), "--id");
      List<String> outHeader = new ArrayList<>(idCol < 0 ? header : List.of(req.idColumn()));
      for (String c : probabilityColumns()) {
        if (outHeader.contains(c)) {
          throw new DatasetException(
              name
                  + ": line 1: the input already has a column '"
                  + c
                  + "' (use --id to write only the id and the proxy)");
        }
      }
      outHeader.addAll(probabilityColumns());
      outHeader.add(EVIDENCE_COLUMN);
      for (int c = 0; c < outHeader.size(); c++) {
        if (c > 0) {
          line.append(',');
        }
        appendCell(outHeader.get(c));
      }
      flushLine();
      int fallback = proxy.surnames().fallbackRow();
      try (CsvRowStream rows = new CsvRowStream(p, width, name)) {
        CsvRowStream.Batch b;
        do {
          b = rows.next();
          for (int i = 0; i < b.size(); i++) {
            row(b.rows()[i], b.lines()[i], surnameCol, geoCol, idCol, fallback);
          }
          if (b.failure() != null) {
            throw b.failure();
          }
        } while (!b.last());
      }
      return counter.result();
    }

    private void row(
        String[] cells, int lineNr, int surnameCol, int geoCol, int idCol, int fallback)
        throws IOException {
      int width = cells.length;
      String geoId;
      try {
        geoId = req.level().normalize(cells[geoCol]);
      } catch (IllegalArgumentException e) {
        throw new DatasetException(
            name + ": line " + lineNr + ": column '" + req.geoColumn() + "': " + e.getMessage());
      }
      int surnameRow = proxy.surnames().match(cells[surnameCol]);
      int geoRow = geoId == null ? GeographyTable.NOT_FOUND : proxy.geography().find(geoId);
      Evidence e = proxy.estimate(surnameRow, geoRow, probs);
      counter.add(e, surnameRow, fallback, geoId, geoRow);
      if (idCol >= 0) {
        appendCell(cells[idCol]);
      } else {
        for (int c = 0; c < width; c++) {
          if (c > 0) {
            line.append(',');
          }
          appendCell(cells[c]);
        }
      }
      for (double v : probs) {
        line.append(',');
        if (e != Evidence.NONE) {
          line.append(NumberOutput.toString(v, true));
        }
      }
      line.append(',').append(e.label());
      flushLine();
    }

    private int column(List<String> header, String column, String option) {
      int c = header.indexOf(column);
      if (c < 0) {
        throw new DatasetException(
            name
                + ": line 1: "
                + option
                + " column '"
                + column
                + "' not found (columns: "
                + String.join(", ", header)
                + ")");
      }
      return c;
    }

    private void appendCell(String v) {
      boolean quote = false;
      for (int i = 0; i < v.length() && !quote; i++) {
        char c = v.charAt(i);
        quote = c == ',' || c == '"' || c == '\n' || c == '\r';
      }
      if (!quote) {
        line.append(v);
        return;
      }
      line.append('"');
      for (int i = 0; i < v.length(); i++) {
        char c = v.charAt(i);
        line.append(c);
        if (c == '"') {
          line.append('"');
        }
      }
      line.append('"');
    }

    private void flushLine() throws IOException {
      line.append('\n');
      w.append(line);
      line.setLength(0);
    }
  }
}

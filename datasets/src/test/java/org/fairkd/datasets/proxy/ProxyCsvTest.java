package org.fairkd.datasets.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fairkd.datasets.DatasetException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The proxy file: columns, values against the tables, the evidence column and bad input. */
class ProxyCsvTest {
  private static BisgProxy proxy;
  @TempDir Path dir;

  @BeforeAll
  static void load() {
    proxy = BisgProxy.bundled(GeoLevel.ZCTA);
  }

  private String run(String csv, String id) throws IOException {
    Path in = dir.resolve("in.csv");
    Files.writeString(in, csv);
    StringWriter out = new StringWriter();
    ProxyCsv.run(
        new ProxyCsv.Request(in, "last", "zip", GeoLevel.ZCTA, id, dir.resolve("out.csv")),
        proxy,
        out);
    return out.toString();
  }

  private static double[] probs(String line) {
    String[] f = line.split(",", -1);
    double[] p = new double[Race.COUNT];
    for (int k = 0; k < Race.COUNT; k++) {
      p[k] = Double.parseDouble(f[f.length - 7 + k]);
    }
    return p;
  }

  @Test
  void eachEvidenceKindGetsItsFormula() throws IOException {
    String out =
        run(
            "id,last,zip,note\n"
                + "1,Garcia,10001,\"a, b\"\n"
                + "2,Garcia,,x\n"
                + "3,,10001-1234,y\n"
                + "4,,,z\n",
            null);
    List<String> lines = out.lines().toList();
    assertEquals(
        "id,last,zip,note,p_white,p_black,p_hispanic,p_api,p_aian,p_multi,bisg_evidence",
        lines.get(0));
    assertTrue(lines.get(1).startsWith("1,Garcia,10001,\"a, b\","), lines.get(1));
    int name = proxy.surnames().match("GARCIA");
    int geo = proxy.geography().find("10001");
    double[] u = new double[Race.COUNT];
    double sum = 0;
    for (Race r : Race.values()) {
      // independent of BisgProxy: P(r | name) · count_r(geo) / national_r
      u[r.ordinal()] =
          proxy.surnames().probability(name, r)
              * proxy.geography().count(geo, r)
              / proxy.geography().nationalCount(r);
      sum += u[r.ordinal()];
    }
    double[] p1 = probs(lines.get(1));
    double[] p2 = probs(lines.get(2));
    double[] p3 = probs(lines.get(3));
    for (Race r : Race.values()) {
      int k = r.ordinal();
      assertEquals(u[k] / sum, p1[k], 1e-15, r.name());
      assertEquals(proxy.surnames().probability(name, r), p2[k], 0, r.name());
      assertEquals(
          proxy.geography().count(geo, r) / sum(proxy.geography(), geo), p3[k], 1e-15, r.name());
    }
    assertTrue(lines.get(1).endsWith(",surname_and_geography"));
    assertTrue(lines.get(2).endsWith(",surname_only"));
    assertTrue(lines.get(3).endsWith(",geography_only"));
    assertEquals("4,,,z,,,,,,,none", lines.get(4));
  }

  private static double sum(GeographyTable t, int g) {
    double s = 0;
    for (Race r : Race.values()) {
      s += t.count(g, r);
    }
    return s;
  }

  @Test
  void idOptionKeepsOnlyTheIdAndCountsTheEvidenceMix() throws IOException {
    Path in = dir.resolve("in.csv");
    Files.writeString(in, "id,last,zip\n7,Qzxwvut,99999\n8,Smith,10001\n9,O,\n");
    StringWriter out = new StringWriter();
    ProxyProvenance prov =
        ProxyCsv.run(
            new ProxyCsv.Request(in, "last", "zip", GeoLevel.ZCTA, "id", dir.resolve("o.csv")),
            proxy,
            out);
    List<String> lines = out.toString().lines().toList();
    assertEquals("id,p_white,p_black,p_hispanic,p_api,p_aian,p_multi,bisg_evidence", lines.get(0));
    assertTrue(lines.get(1).startsWith("7,") && lines.get(1).endsWith(",surname_only"));
    assertEquals("9,,,,,,,none", lines.get(3));
    Files.writeString(in, "\uFEFFid,last,zip\n7,Smith,10001\n");
    ProxyCsv.run(
        new ProxyCsv.Request(in, "last", "zip", GeoLevel.ZCTA, "id", dir.resolve("o.csv")),
        proxy,
        new StringWriter());
    assertEquals(new EvidenceMix(3, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1), prov.evidence());
    assertEquals("ZCTA", prov.geography());
    assertEquals(2, prov.tables().size());
    assertTrue(prov.toJson().contains("\"surnamesAllOtherNames\" : 1"), prov.toJson());
  }

  private String error(String csv, String surname) throws IOException {
    Path in = dir.resolve("bad.csv");
    Files.writeString(in, csv);
    return assertThrows(
            DatasetException.class,
            () ->
                ProxyCsv.run(
                    new ProxyCsv.Request(
                        in, surname, "zip", GeoLevel.ZCTA, null, dir.resolve("o.csv")),
                    proxy,
                    new StringWriter()))
        .getMessage();
  }

  @Test
  void badInputIsNamed() throws IOException {
    assertEquals("bad.csv: empty file (no header row)", error("", "last"));
    assertEquals(
        "bad.csv: line 1: --surname column 'name' not found (columns: last, zip)",
        error("last,zip\nA,10001\n", "name"));
    assertEquals(
        "bad.csv: line 3: column 'zip': malformed ZIP code '2134' (want 5 digits or ZIP+4,"
            + " leading zeros kept)",
        error("last,zip\nA,10001\nB,2134\n", "last"));
    assertEquals(
        "bad.csv: line 2: 3 fields, the header has 2", error("last,zip\nA,10001,x\n", "last"));
    assertTrue(
        error("last,zip,p_white\nA,10001,0.5\n", "last")
            .contains("already has a column 'p_white'"));
    Path in = dir.resolve("same.csv");
    Files.writeString(in, "last,zip\nA,10001\n");
    assertThrows(
        DatasetException.class,
        () ->
            ProxyCsv.run(
                new ProxyCsv.Request(in, "last", "zip", GeoLevel.ZCTA, null, in),
                proxy,
                new StringWriter()));
  }

  @Test
  void errorsAcrossBatchesComeInFileOrder() throws IOException {
    StringBuilder csv = new StringBuilder("last,zip\n");
    for (int i = 2; i <= 5001; i++) {
      csv.append(i == 4500 ? "A,10001,x\n" : i == 3000 ? "B,2134\n" : "Smith,10001\n");
    }
    assertTrue(
        error(csv.toString(), "last").startsWith("bad.csv: line 3000: column 'zip': malformed"),
        "the earlier bad row is reported, though parsing ran ahead of it");
    String wide = csv.toString().replace("B,2134\n", "B,02134\n");
    assertEquals("bad.csv: line 4500: 3 fields, the header has 2", error(wide, "last"));
  }
}

package org.fairkd.datasets.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CFPB's own 100 golden rows ({@code ../shared/bisg/cfpb_test_proxied_final.csv}): each row's
 * geography is found by its geography-only probabilities, and the posterior computed from its
 * surname probabilities must equal the CFPB's within 1e-7 (the file prints 8 decimals). Also: the
 * bundled tables are byte for byte the shared ones.
 */
class CfpbGoldenTest {
  private static Path bisg;
  private static List<String> header;
  private static List<String[]> rows;

  @BeforeAll
  static void read() throws IOException {
    Path datasets = Path.of(System.getProperty("fairkd.data.dir", "../../shared/datasets"));
    bisg = datasets.resolveSibling("bisg");
    Assumptions.assumeTrue(
        Files.isRegularFile(bisg.resolve("cfpb_test_proxied_final.csv")),
        bisg + " (../shared/bisg) not found: skipping the CFPB golden-row test");
    List<String> lines = Files.readAllLines(bisg.resolve("cfpb_test_proxied_final.csv"));
    header = List.of(lines.get(0).split(","));
    rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      rows.add(line.split(",", -1));
    }
    assertEquals(100, rows.size());
  }

  private static double value(String[] row, String column) {
    int c = header.indexOf(column);
    assertTrue(c >= 0, column);
    return Double.parseDouble(row[c]);
  }

  private static String cfpbName(Race r) {
    return switch (r) {
      case MULTI -> "mult_other";
      default -> r.name().toLowerCase(Locale.ROOT);
    };
  }

  /**
   * The row of a geography whose P(race | geo) all equal the printed ones within {@code tol}. When
   * several do (small geographies with the same shares), any will do: the posterior depends on the
   * geography only through its shares, since P(geo | race) ∝ P(race | geo) / national count.
   */
  private static int matchGeography(GeographyTable t, String[] row, String prefix, double tol) {
    double[] printed = new double[Race.COUNT];
    for (Race r : Race.values()) {
      printed[r.ordinal()] = value(row, prefix + "_geo_pr_" + cfpbName(r));
    }
    int found = -1;
    for (int h = 0; h < t.size(); h++) {
      String id = t.id(h);
      int g = t.find(id);
      if (g == GeographyTable.NOT_FOUND) {
        continue;
      }
      boolean all = true;
      for (Race r : Race.values()) {
        all &= Math.abs(t.raceGivenGeo(g, r) - printed[r.ordinal()]) <= tol;
      }
      if (all) {
        found = g;
        break;
      }
    }
    assertTrue(found >= 0, "no " + t.level() + " matches golden row " + row[0]);
    return found;
  }

  private static void checkPosteriors(GeoLevel level, String prefix, double matchTol, double tol) {
    GeographyTable t = GeographyTable.bundled(level);
    for (String[] row : rows) {
      int g = matchGeography(t, row, prefix, matchTol);
      double[] name = new double[Race.COUNT];
      for (Race r : Race.values()) {
        name[r.ordinal()] = value(row, "name_pr_" + cfpbName(r));
      }
      double[] post = new double[Race.COUNT];
      assertTrue(BisgProxy.posterior(name, t, g, post));
      for (Race r : Race.values()) {
        assertEquals(
            value(row, prefix + "_pr_" + cfpbName(r)),
            post[r.ordinal()],
            tol,
            "golden row " + row[0] + " " + prefix + " " + r);
      }
    }
  }

  @Test
  void zctaPosteriorsEqualTheCfpbGoldenRows() {
    checkPosteriors(GeoLevel.ZCTA, "zip18", 5.01e-9, 1e-7);
  }

  /**
   * The tract columns of the golden file carry single-precision error (up to 3.4e-8 against the SF1
   * counts, where the ZCTA columns are exact to their 8 printed decimals), so the tract check
   * matches at 5e-8 and compares posteriors at 1e-6.
   */
  @Test
  void tractPosteriorsEqualTheCfpbGoldenRows() {
    checkPosteriors(GeoLevel.TRACT, "tract18", 5e-8, 1e-6);
  }

  @Test
  void bundledTablesAreTheSharedFiles() throws Exception {
    for (String key :
        List.of(ReferenceTables.SURNAMES, ReferenceTables.ZCTA, ReferenceTables.TRACT)) {
      ReferenceTables.Source s = ReferenceTables.source(key);
      Path shared = bisg.resolve(s.file());
      byte[] bytes =
          Files.exists(shared)
              ? Files.readAllBytes(shared)
              : gunzip(Files.newInputStream(bisg.resolve(s.file() + ".gz")));
      String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
      assertEquals(s.sha256(), sha, s.file());
      byte[] ours = gunzip(ReferenceTables.class.getResourceAsStream(s.file() + ".gz"));
      assertEquals(
          sha,
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(ours)),
          "bundled " + s.file());
    }
  }

  private static byte[] gunzip(InputStream in) throws IOException {
    try (InputStream z = new GZIPInputStream(in)) {
      return z.readAllBytes();
    }
  }
}

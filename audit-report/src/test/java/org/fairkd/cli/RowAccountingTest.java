package org.fairkd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every row accounted for, through the CLI: audit.json's and {@code metrics}' {@code data} block
 * (rows read, rows used, rows missing per attribute), the stderr note, and an attribute with one
 * group is exit 2 with one line.
 */
class RowAccountingTest {
  @TempDir Path tmp;

  /**
   * {@code n} rows {@code label,sex,race,t,s,split}: every 7th row is in the test split, row 5 has
   * no sex and rows 10 and 11 have no race ({@code NA}); {@code oneSex} makes every sex {@code m}.
   */
  static Path write(Path file, int n, boolean oneSex) throws Exception {
    Random r = new Random(11);
    StringBuilder sb = new StringBuilder("label,sex,race,t,s,split\n");
    for (int i = 0; i < n; i++) {
      String sex = i == 5 ? "" : oneSex || r.nextBoolean() ? "m" : "f";
      String race = i == 10 || i == 11 ? "NA" : r.nextInt(3) == 0 ? "b" : "w";
      double t = r.nextDouble();
      int y = r.nextDouble() < t ? 1 : 0;
      sb.append(
          String.format(
              Locale.ROOT,
              "%d,%s,%s,%.4f,%.4f,%s%n",
              y,
              sex,
              race,
              t,
              t * 0.9,
              i % 7 == 3 || i == 5 || i == 10 ? "test" : "train"));
    }
    Files.writeString(file, sb.toString());
    return file;
  }

  static String[] audit(Path csv, Path out, String split) {
    return AuditArgs.of(
        csv,
        out,
        "--label",
        "label",
        "--group",
        "sex",
        "--group",
        "race",
        "--reference",
        "sex=m",
        "--reference",
        "race=w",
        "--bootstrap",
        "0",
        "--split",
        split);
  }

  @Test
  void auditJsonCountsRowsReadUsedAndMissing() throws Exception {
    Path csv = write(tmp.resolve("p.csv"), 3000, false);
    Path out = tmp.resolve("all");
    CliRun r = CliRun.run(audit(csv, out, "all"));
    assertTrue(r.exitCode() == 0 || r.exitCode() == 1, r.err());
    assertEquals(
        "fairkd: note: 1 of 3000 rows of p.csv have no value for 'sex' and are left out of its"
            + " slices and disparities\n"
            + "fairkd: note: 2 of 3000 rows of p.csv have no value for 'race' and are left out of"
            + " its slices and disparities\n",
        r.err());
    JsonNode audit = new ObjectMapper().readTree(out.resolve("audit.json").toFile());
    JsonNode data = audit.path("data");
    assertEquals(1, data.size(), data.toString());
    JsonNode d = data.get(0);
    assertEquals("p.csv", d.path("source").asText());
    assertEquals(3000, d.path("rows_read").asLong());
    assertEquals(3000, d.path("rows_used").asLong());
    assertEquals("all rows", d.path("selection").asText());
    assertEquals(1, d.at("/missing/sex").asLong());
    assertEquals(2, d.at("/missing/race").asLong());
    assertTrue(d.at("/missing/sex").isIntegralNumber(), "counts are integers");
    // the slices of each attribute hold exactly the rows with a value for it
    assertEquals(2999, sliceTotal(audit, "sex"), 0);
    assertEquals(2998, sliceTotal(audit, "race"), 0);
  }

  @Test
  void theSplitFilterIsCountedToo() throws Exception {
    Path csv = write(tmp.resolve("p.csv"), 700, false);
    Path out = tmp.resolve("test");
    CliRun r = CliRun.run(audit(csv, out, "test"));
    assertTrue(r.exitCode() == 0 || r.exitCode() == 1, r.err());
    JsonNode d = new ObjectMapper().readTree(out.resolve("audit.json").toFile()).at("/data/0");
    long test = 0;
    for (String line : Files.readAllLines(csv).subList(1, 701)) {
      test += line.endsWith(",test") ? 1 : 0;
    }
    assertEquals(700, d.path("rows_read").asLong());
    assertEquals(test, d.path("rows_used").asLong());
    assertEquals("split = test", d.path("selection").asText());
    assertEquals(1, d.at("/missing/sex").asLong(), "row 5 is a test row");
    assertEquals(1, d.at("/missing/race").asLong(), "row 10 is, row 11 is not");
    assertTrue(r.err().contains("1 of " + test + " rows of p.csv have no value for 'race'"));
  }

  @Test
  void metricsJsonStatesTheSameCounts() throws Exception {
    Path csv = write(tmp.resolve("p.csv"), 3000, false);
    CliRun r =
        CliRun.run(
            "metrics",
            "--input",
            csv.toString(),
            "--label",
            "label",
            "--score",
            "t",
            "--group",
            "sex",
            "--group",
            "race",
            "--bootstrap",
            "0");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(2, r.err().lines().count(), r.err());
    JsonNode d = r.json().path("data");
    assertEquals(3000, d.path("rows_read").asLong());
    assertEquals(3000, d.path("rows_used").asLong());
    assertEquals(1, d.at("/missing/sex").asLong());
    assertEquals(2, d.at("/missing/race").asLong());
  }

  @Test
  void noNoteWhenNothingIsMissing() throws Exception {
    Path csv = tmp.resolve("full.csv");
    String text = Files.readString(write(tmp.resolve("p.csv"), 300, false));
    Files.writeString(
        csv, text.replace("\n1,,", "\n1,f,").replace("\n0,,", "\n0,f,").replace(",NA,", ",b,"));
    CliRun r =
        CliRun.run(
            "metrics",
            "--input",
            csv.toString(),
            "--label",
            "label",
            "--score",
            "t",
            "--group",
            "sex",
            "--group",
            "race",
            "--bootstrap",
            "0");
    assertEquals("", r.err());
    assertEquals(0, r.json().at("/data/missing/sex").asLong());
  }

  @Test
  void anAttributeWithOneGroupIsExitTwo() throws Exception {
    Path csv = write(tmp.resolve("one.csv"), 300, true);
    CliRun a = CliRun.run(audit(csv, tmp.resolve("a"), "all"));
    assertEquals(2, a.exitCode());
    assertEquals(
        "fairkd: error: protected attribute 'sex' has one group (m) in one.csv: nothing to"
            + " compare\n",
        a.err());
    CliRun t = CliRun.run(audit(csv, tmp.resolve("t"), "test"));
    assertEquals(2, t.exitCode());
    assertEquals(
        "fairkd: error: protected attribute 'sex' has one group (m) in one.csv (split test):"
            + " nothing to compare\n",
        t.err());
    CliRun m =
        CliRun.run(
            "metrics",
            "--input",
            csv.toString(),
            "--label",
            "label",
            "--score",
            "t",
            "--group",
            "sex");
    assertEquals(2, m.exitCode());
    assertEquals(
        "fairkd: error: protected attribute 'sex' has one group (m) in one.csv: nothing to"
            + " compare\n",
        m.err());
  }

  @Test
  void anAttributeWithNoValuesIsExitTwo() throws Exception {
    Path csv = tmp.resolve("none.csv");
    Files.writeString(csv, "label,g,t,s\n1,,0.5,0.5\n0,NA,0.2,0.3\n");
    CliRun m =
        CliRun.run(
            "metrics",
            "--input",
            csv.toString(),
            "--label",
            "label",
            "--score",
            "t",
            "--group",
            "g");
    assertEquals(2, m.exitCode());
    assertEquals(
        "fairkd: error: protected attribute 'g' has no values in none.csv: nothing to compare\n",
        m.err());
  }

  /** The weighted count over the one-attribute slices of {@code attribute} (teacher). */
  private static double sliceTotal(JsonNode audit, String attribute) {
    double total = 0;
    for (JsonNode s : audit.at("/models/teacher/slices")) {
      JsonNode attrs = s.path("attributes");
      if (attrs.size() == 1 && attrs.has(attribute)) {
        total += s.path("count").asDouble();
      }
    }
    return total;
  }
}

package org.fairkd.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fairkd.datasets.Datasets;
import org.fairkd.datasets.ProtectedAttribute;
import org.fairkd.datasets.TabularDataset;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code fairkd data describe} and {@code fairkd data synth} through the command line. */
class DataCommandTest {
  @TempDir Path dir;

  private static void assertUserError(CliRun r, String expectedMessage) {
    assertEquals(2, r.exitCode(), r.err());
    assertEquals("fairkd: error: " + expectedMessage + System.lineSeparator(), r.err());
    assertEquals("", r.out());
  }

  @Test
  void describeSyntheticJsonMatchesTheDataset() throws Exception {
    CliRun r = CliRun.run("data", "describe", "--dataset", "synthetic-lending", "--json");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode j = r.json();
    TabularDataset d = Datasets.load("synthetic-lending", null);
    assertEquals(d.rowCount(), j.get("rows").asInt());
    assertEquals(d.favourableCount(), j.get("label_counts").get("favourable").asInt());
    assertEquals(
        d.rowCount() - d.favourableCount(), j.get("label_counts").get("unfavourable").asInt());
    for (ProtectedAttribute a : d.protectedAttributes()) {
      for (int g = 0; g < a.groups().size(); g++) {
        int n = 0;
        int fav = 0;
        for (int row = 0; row < d.rowCount(); row++) {
          if (a.hardGroup(row) == g) {
            n++;
            fav += d.favourable(row) ? 1 : 0;
          }
        }
        JsonNode groups = j.get("groups").get(a.name());
        assertEquals(n, groups.get(a.groups().get(g)).asInt());
        assertEquals(
            fav / (double) n,
            j.get("favourable_rate").get(a.name()).get(a.groups().get(g)).asDouble(),
            1e-12);
      }
    }
    JsonNode sexRace = j.get("intersections").get("sex & race");
    int sum = 0;
    for (JsonNode v : sexRace) {
      sum += v.asInt();
    }
    assertEquals(d.rowCount(), sum);
    assertEquals("numeric", j.get("columns").get(1).get("type").asText());
    assertEquals(0, j.get("missing").get("income").asInt());
  }

  @Test
  void describeTextIsATable() {
    CliRun r = CliRun.run("data", "describe", "--dataset", "synthetic-lending");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().startsWith("Dataset synthetic-lending: 20000 rows, 16 columns"), r.out());
    assertTrue(r.out().contains("Protected attribute race (reference: white)"));
    assertTrue(r.out().contains("Intersection sex & race"));
    assertTrue(r.out().contains("  region_score"));
  }

  @Test
  void describeGermanCreditFromDataDir() throws Exception {
    Path data = Path.of(System.getProperty("fairkd.data.dir", "../../shared/datasets"));
    Assumptions.assumeTrue(Files.isDirectory(data), data + " not found: skipping real-data test");
    CliRun r =
        CliRun.run(
            "data",
            "describe",
            "--dataset",
            "german-credit",
            "--data-dir",
            data.toString(),
            "--json");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode j = r.json();
    assertEquals(1000, j.get("rows").asInt());
    assertEquals(700, j.get("label_counts").get("favourable").asInt());
    assertEquals(310, j.get("groups").get("sex").get("female").asInt());
    assertEquals(690, j.get("groups").get("sex").get("male").asInt());
  }

  @Test
  void synthWritesCsvAndSpecThatDescribeLoads() throws Exception {
    Path csv = dir.resolve("apps.csv");
    CliRun r = CliRun.run("data", "synth", "--rows", "500", "--seed", "3", "--out", csv.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(Files.exists(dir.resolve("apps.yaml")));
    assertEquals(501, Files.readAllLines(csv).size());
    CliRun d =
        CliRun.run("data", "describe", "--spec", dir.resolve("apps.yaml").toString(), "--json");
    assertEquals(0, d.exitCode(), d.err());
    assertEquals(500, d.json().get("rows").asInt());
    byte[] first = Files.readAllBytes(csv);

    assertUserError(
        CliRun.run("data", "synth", "--rows", "500", "--seed", "3", "--out", csv.toString()),
        csv + " exists (use --force to overwrite)");
    assertEquals(
        0,
        CliRun.run(
                "data", "synth", "--rows", "500", "--seed", "3", "--out", csv.toString(), "--force")
            .exitCode());
    assertArrayEquals(first, Files.readAllBytes(csv));
  }

  private static final String SPEC =
      "data: d.csv\nlabel: {column: y, favourable: ['1']}\n"
          + "protected: [{name: b, column: b, reference: x}]\n";
  private static final String SOFT_SPEC =
      "data: d.csv\nlabel: {column: y, favourable: ['1']}\n"
          + "protected: [{name: r, soft: {w: p_w, b: p_b}, reference: w}]\n";

  /** Each bad input from issue 2 through the CLI: {spec, data, expected message ($D = dir)}. */
  @ParameterizedTest(name = "{3}")
  @CsvSource(
      delimiterString = "|",
      textBlock =
          """
          data: d.csv\\nlabel: 'open|a,b,y\\n1,x,1\\n|$D/s.yaml: not valid YAML|unreadable spec
          SPEC|a,b,y\\n1,x,1\\n2,y\\n|$D/d.csv: line 3: ragged row: 2 fields, expected 3|ragged row
          SPEC|a,b,y\\n1,x,1\\n2,y,0\\n|OK|valid
          SPEC_NUM|a,b,y\\n1,x,1\\nfoo,y,0\\n|$D/d.csv: line 3: column 'a': 'foo' is not a number (the column is numeric)|non-numeric
          SPEC||$D/d.csv: file is empty|empty file
          SPEC|a,b,y\\n1,x,1\\n2,x,0\\n|s.yaml: key 'protected[0]': protected attribute 'b' has only one group in the data (x); at least two are needed|one group
          SPEC|a,b,y\\n1,x,2\\n2,z,0\\n|s.yaml: key 'label.favourable[0]': value '1' never occurs in column 'y' (values: 0, 2)|label value never seen
          SPEC_UNKNOWN|a,b,y\\n1,x,1\\n2,z,0\\n|s.yaml: key 'features[0]': unknown column 'aa' (columns: a, b, y)|unknown column
          SOFT|p_w,p_b,y\\n0.5,0.5,1\\n0.9,0.3,0\\n|$D/d.csv: line 3: soft membership columns of 'r' (p_w, p_b) sum to 1.2, not 1 (tolerance 0.001, key protected[0].soft in s.yaml)|soft sum
          """)
  void eachBadInputFromTheIssue(String spec, String data, String expected, String label)
      throws Exception {
    String specText =
        switch (spec) {
          case "SPEC" -> SPEC;
          case "SPEC_NUM" -> SPEC + "types: {a: numeric}\n";
          case "SPEC_UNKNOWN" -> SPEC + "features: [aa]\n";
          case "SOFT" -> SOFT_SPEC;
          default -> spec.replace("\\n", "\n");
        };
    Files.writeString(dir.resolve("s.yaml"), specText);
    Files.writeString(dir.resolve("d.csv"), data == null ? "" : data.replace("\\n", "\n"));
    CliRun r = CliRun.run("data", "describe", "--spec", dir.resolve("s.yaml").toString());
    if (expected.equals("OK")) {
      assertEquals(0, r.exitCode(), r.err());
      return;
    }
    String message = expected.replace("$D", dir.toString());
    assertEquals(2, r.exitCode(), r.err());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("fairkd: error: " + message), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
  }

  @Test
  void badInputEndsInOneLineAndExitCode2() throws Exception {
    assertUserError(
        CliRun.run("data", "describe", "--spec", dir.resolve("none.yaml").toString()),
        dir.resolve("none.yaml") + ": spec file not found");
    Files.writeString(dir.resolve("d.csv"), "a,b,y\n1,x,1\n2,y\n3,x,0\n");
    Files.writeString(
        dir.resolve("s.yaml"),
        "data: d.csv\nlabel: {column: y, favourable: ['1']}\nprotected: [{name: b, column: b,"
            + " reference: x}]\n");
    assertUserError(
        CliRun.run("data", "describe", "--spec", dir.resolve("s.yaml").toString()),
        dir.resolve("d.csv") + ": line 3: ragged row: 2 fields, expected 3");
    Files.writeString(
        dir.resolve("s.yaml"),
        "data: d.csv\nlabel: {column: yy, favourable: ['1']}\nprotected: [{name: b, column: b,"
            + " reference: x}]\n");
    assertUserError(
        CliRun.run("data", "describe", "--spec", dir.resolve("s.yaml").toString()),
        "s.yaml: key 'label.column': unknown column 'yy' (columns: a, b, y)");
    assertUserError(
        CliRun.run("data", "describe", "--dataset", "nope"),
        "unknown dataset 'nope' (built-in: synthetic-lending, german-credit, adult, compas,"
            + " bank-marketing)");
    assertUserError(
        CliRun.run("data", "synth", "--rows", "5", "--out", dir.resolve("x.csv").toString()),
        "--rows must be >= 100, got 5");
    CliRun none = CliRun.run("data", "describe");
    assertEquals(2, none.exitCode());
    assertTrue(none.err().contains("Missing required argument"), none.err());
  }
}

package org.fairkd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data read through a dataset spec, through the CLI: codes mapped to missing, a column with an
 * empty header field, and {@code run}'s row accounting and one-group check on the test split.
 */
class DataInputTest {
  @TempDir Path tmp;

  static final String INDEX_NOTE =
      "idx.csv: column 1 has an empty header field: named column_1, not a feature unless the spec"
          + " lists it under 'features'";

  @Test
  void anEmptyHeaderFieldIsNamedAndSaidSo() throws Exception {
    Files.writeString(
        tmp.resolve("idx.csv"), ",income,sex,y\n0,10,m,1\n1,20,f,0\n2,30,f,1\n3,40,m,0\n");
    Path spec =
        Files.writeString(
            tmp.resolve("idx.yaml"),
            "data: idx.csv\nlabel: {column: y, favourable: ['1']}\n"
                + "protected: [{name: sex, column: sex, reference: m}]\n");
    CliRun text = CliRun.run("data", "describe", "--spec", spec.toString());
    assertEquals(0, text.exitCode(), text.err());
    assertEquals("fairkd: note: " + INDEX_NOTE + "\n", text.err());
    assertTrue(text.out().contains("Note: " + INDEX_NOTE), text.out());
    CliRun json = CliRun.run("data", "describe", "--spec", spec.toString(), "--json");
    JsonNode d = json.json();
    assertEquals("[\"column_1\"]", d.path("unnamed_columns").toString());
    java.util.Map<String, String> roles = new java.util.HashMap<>();
    d.path("columns").forEach(c -> roles.put(c.path("name").asText(), c.path("role").asText()));
    assertEquals("unused", roles.get("column_1"), "the saved index is no feature");
    assertEquals("feature", roles.get("income"));
  }

  @Test
  void hmdaCodesMappedToMissingAreCountedAsMissing() throws Exception {
    // HMDA derived_race-like codes: 6 "information not provided", 7 "not applicable"
    Files.writeString(
        tmp.resolve("hmda.csv"),
        "action,race,income\n1,1,50\n3,3,40\n1,6,60\n1,1,70\n3,7,30\n1,3,45\n1,6,80\n");
    Path spec =
        Files.writeString(
            tmp.resolve("hmda.yaml"),
            "data: hmda.csv\nlabel: {column: action, favourable: ['1']}\n"
                + "protected:\n  - name: race\n    column: race\n"
                + "    map: {\"1\": white, \"3\": black, \"6\": ~, \"7\": ~}\n"
                + "    reference: white\n");
    CliRun r = CliRun.run("data", "describe", "--spec", spec.toString(), "--json");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode d = r.json();
    assertEquals("{\"white\":2,\"black\":2}", d.at("/groups/race").toString());
    assertEquals(3, d.at("/missing_group/race").asInt());
  }

  /**
   * {@code n} applicants {@code id,income,sex,y}: sex is {@code f} on {@code females} rows (the
   * first ones), else {@code m}, and empty on the rows in {@code missing}.
   */
  private Path writeSpec(int n, int females, List<Integer> missing) throws Exception {
    Random r = new Random(5);
    StringBuilder data = new StringBuilder("id,income,sex,y\n");
    StringBuilder teacher = new StringBuilder("row_id,teacher_score\n");
    for (int i = 0; i < n; i++) {
      double income = r.nextGaussian();
      double p = 1 / (1 + Math.exp(-1.5 * income));
      String sex = missing.contains(i) ? "" : i < females ? "f" : "m";
      data.append(
          String.format(
              Locale.ROOT, "a%d,%.4f,%s,%d%n", i, income, sex, r.nextDouble() < p ? 1 : 0));
      teacher.append(String.format(Locale.ROOT, "a%d,%.6f%n", i, p));
    }
    Files.writeString(tmp.resolve("d.csv"), data);
    Files.writeString(tmp.resolve("teacher.csv"), teacher);
    Files.writeString(tmp.resolve("c.yaml"), "student: {architecture: \"4\", epochs: 5}\n");
    return Files.writeString(
        tmp.resolve("d.yaml"),
        "name: tiny\ndata: d.csv\nrow_id: id\nlabel: {column: y, favourable: ['1']}\n"
            + "protected: [{name: sex, column: sex, reference: m}]\n");
  }

  private CliRun run(Path spec, Path out) {
    return CliRun.run(
        "run",
        "--spec",
        spec.toString(),
        "--config",
        tmp.resolve("c.yaml").toString(),
        "--teacher-scores",
        tmp.resolve("teacher.csv").toString(),
        "--policy",
        "four-fifths",
        "--bootstrap",
        "0",
        "--out",
        out.toString());
  }

  @Test
  void runCountsTheTestSplitsRows() throws Exception {
    Path spec = writeSpec(400, 180, List.of(200, 201, 202, 203, 204, 205, 206, 207, 208, 209));
    Path out = tmp.resolve("out");
    CliRun r = run(spec, out);
    assertTrue(r.exitCode() == 0 || r.exitCode() == 1, r.err());
    long test = 0;
    long testMissing = 0;
    List<String> lines = Files.readAllLines(out.resolve("distill/predictions.csv"));
    List<String> head = List.of(lines.get(0).split(",", -1));
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split(",", -1);
      if (c[head.indexOf("split")].equals("test")) {
        test++;
        testMissing += c[head.indexOf("sex")].isEmpty() ? 1 : 0;
      }
    }
    assertTrue(testMissing > 0, "the stratified split puts missing rows into test");
    JsonNode d = new ObjectMapper().readTree(out.resolve("audit.json").toFile()).at("/data/0");
    assertEquals("tiny", d.path("source").asText());
    assertEquals(400, d.path("rows_read").asLong());
    assertEquals(test, d.path("rows_used").asLong());
    assertEquals("test split", d.path("selection").asText());
    assertEquals(testMissing, d.at("/missing/sex").asLong());
    assertTrue(
        r.err()
            .contains(
                "fairkd: note: "
                    + testMissing
                    + " of "
                    + test
                    + " rows of tiny have no value for 'sex'"),
        r.err());
  }

  @Test
  void runWithOneGroupInTheTestSplitIsExitTwo() throws Exception {
    // two women among 300: their strata are too small to put one in the 20% test split
    Path spec = writeSpec(300, 2, List.of());
    CliRun r = run(spec, tmp.resolve("one"));
    assertEquals(2, r.exitCode(), r.out());
    assertEquals(
        "fairkd: error: protected attribute 'sex' has one group (m) in the test split of tiny:"
            + " nothing to compare\n",
        r.err());
  }
}

package org.fairkd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fairkd metrics} end to end through the command line, on hand-checked data. */
class MetricsCommandTest {
  private static final String CSV =
      """
      y,score,student,sex,w
      1,0.9,0.8,m,1
      1,0.7,0.4,m,2
      0,0.6,0.7,m,1
      0,0.2,0.1,m,1
      1,0.4,0.6,m,1
      1,0.8,0.9,f,1
      0,0.3,0.2,f,1
      0,0.55,0.45,f,1
      1,0.45,0.3,f,1
      """;

  @TempDir Path dir;

  private Path csv(String text) throws Exception {
    Path f = dir.resolve("preds.csv");
    Files.writeString(f, text);
    return f;
  }

  private CliRun metrics(String text, String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of("metrics", "--input", csv(text).toString()));
    args.addAll(List.of(extra));
    return CliRun.run(args.toArray(String[]::new));
  }

  /** {@link #metrics} with label {@code y}, score {@code score} and group {@code sex}. */
  private CliRun scored(String text, String... extra) throws Exception {
    List<String> args =
        new ArrayList<>(List.of("--label", "y", "--score", "score", "--group", "sex"));
    args.addAll(List.of(extra));
    return metrics(text, args.toArray(String[]::new));
  }

  @Test
  void computesHandCheckedRatesAndDefaultsReferenceToLargestGroup() throws Exception {
    CliRun r = scored(CSV, "--min-slice-size", "1", "--bootstrap", "200");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode j = r.json();
    assertEquals("fairkd.metrics/1", j.get("schema").asText());
    assertEquals("m", j.at("/config/references/sex").asText());
    assertEquals("largest_group", j.at("/config/reference_source/sex").asText());
    JsonNode female = j.at("/slices/0");
    assertEquals("f", female.at("/attributes/sex").asText());
    assertEquals(4.0, female.get("count").asDouble());
    assertEquals(0.5, female.at("/metrics/selection_rate/value").asDouble(), 1e-15);
    assertEquals(0.6, j.at("/slices/1/metrics/selection_rate/value").asDouble(), 1e-15);
    assertEquals(5.0 / 9, j.at("/overall/metrics/selection_rate/value").asDouble(), 1e-15);
    JsonNode sex = j.at("/disparities/sex");
    assertEquals(0.5 / 0.6, sex.at("/adverse_impact_ratio/f/value").asDouble(), 1e-12);
    assertEquals(10.0, sex.at("/marginal_effect/f/value").asDouble(), 1e-9);
    assertEquals(1.0 / 6, sex.at("/equalized_odds_difference/value").asDouble(), 1e-12);
    double lo = sex.at("/adverse_impact_ratio/f/ci_low").asDouble();
    double hi = sex.at("/adverse_impact_ratio/f/ci_high").asDouble();
    assertTrue(lo <= 0.5 / 0.6 && 0.5 / 0.6 <= hi, lo + " " + hi);
    JsonNode test = j.at("/tests/0");
    assertEquals("fisher_exact", test.get("method").asText());
    assertEquals(1.0, test.get("p_value").asDouble(), 1e-12);
    assertTrue(j.get("comparison") == null);
  }

  @Test
  void comparisonWeightsAndOutFile() throws Exception {
    Path out = dir.resolve("sub/m.json");
    CliRun r =
        metrics(
            CSV,
            "--label",
            "y",
            "--score",
            "score",
            "--compare-score",
            "student",
            "--group",
            "sex",
            "--weights",
            "w",
            "--reference",
            "sex=f",
            "--min-slice-size",
            "1",
            "--bootstrap",
            "50",
            "--out",
            out.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("", r.out());
    JsonNode j = new ObjectMapper().readTree(Files.readString(out));
    assertEquals("poisson_rows", j.at("/config/bootstrap_method").asText());
    assertEquals(10.0, j.at("/overall/count").asDouble(), 1e-12);
    // decisions agree on rows 1,3,4,6,7,8 (weight 6 of 10)
    assertEquals(0.6, j.at("/comparison/fidelity/value").asDouble(), 1e-12);
    assertTrue(j.at("/comparison/deltas/overall/auc").has("value"));
    assertTrue(j.at("/comparison/compared/disparities/sex/adverse_impact_ratio").has("m"));
  }

  @Test
  void decisionColumnLeavesScoreMetricsUndefinedNotZero() throws Exception {
    String text = "y,d,sex\n1,1,a\n0,1,a\n1,0,b\n0,0,b\n";
    CliRun r =
        metrics(
            text,
            "--label",
            "y",
            "--decision",
            "d",
            "--group",
            "sex",
            "--min-slice-size",
            "1",
            "--bootstrap",
            "0");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode auc = r.json().at("/overall/metrics/auc");
    assertTrue(auc.get("value").isNull());
    assertTrue(auc.get("reason").asText().contains("no scores"));
    assertTrue(r.json().at("/overall/metrics/selection_rate/ci_low").isNull());
  }

  private void assertError(CliRun r, String... fragments) {
    assertEquals(ExitCodes.ERROR, r.exitCode(), r.out());
    assertTrue(r.err().startsWith("fairkd: error: "), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    for (String f : fragments) {
      assertTrue(r.err().contains(f), "'" + f + "' not in: " + r.err());
    }
    assertFalse(r.err().contains("\tat "));
  }

  @Test
  void badInputNamesFileLineAndColumn() throws Exception {
    assertError(
        metrics(CSV, "--label", "y", "--score", "scor", "--group", "sex"),
        "preds.csv",
        "score column 'scor' not found",
        "columns: y, score");
    assertError(
        scored(CSV.replace("0.55", "1.5")), "preds.csv: line 9, column 'score'", "outside [0, 1]");
    assertError(scored(CSV.replace("0.55", "abc")), "line 9", "'abc' is not a number");
    assertError(scored(CSV.replace("0.55", "NaN")), "line 9", "not a finite number");
    assertError(scored(CSV.replace("1,0.9", "good,0.9")), "line 2, column 'y'", "--favorable");
    assertError(scored(CSV, "--reference", "sex=x"), "--reference sex=x", "values: f, m");
    assertError(
        metrics(
            CSV, "--label", "y", "--decision", "y", "--group", "sex", "--compare-score", "student"),
        "need --score");
    assertError(
        scored(CSV.replace("0.4,0.6,m,1", "0.4,0.6,m")), "line 6", "4 fields, header has 5");
  }

  @Test
  void missingFileUnknownCorrectionAndQuotedValues() throws Exception {
    assertError(
        CliRun.run(
            "metrics",
            "--input",
            dir.resolve("nope.csv").toString(),
            "--label",
            "y",
            "--score",
            "s",
            "--group",
            "g"),
        "nope.csv: no such file");
    assertError(scored(CSV, "--correction", "bonferroni"), "unknown correction 'bonferroni'");
    String quoted = "y,score,\"group, name\"\n1,0.9,\"a, b\"\n0,0.2,\"a, b\"\n1,0.7,c\n";
    CliRun r =
        metrics(
            quoted,
            "--label",
            "y",
            "--score",
            "score",
            "--group",
            "group, name",
            "--min-slice-size",
            "1",
            "--bootstrap",
            "0");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("a, b", r.json().at("/slices/0/attributes/group, name").asText());
    assertEquals("a, b", r.json().at("/config/references/group, name").asText());
  }

  @Test
  void crlfLineEndingsAndBlankLinesAreAccepted() throws Exception {
    String text = CSV.replace("\n", "\r\n") + "\r\n\r\n";
    CliRun r = scored(text, "--min-slice-size", "1", "--bootstrap", "0");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(9.0, r.json().at("/overall/count").asDouble());
    assertError(
        metrics(text.replace("0.55", "x"), "--label", "y", "--score", "score", "--group", "sex"),
        "line 9, column 'score'");
  }

  @Test
  void favorableValueAndMissingGroupValues() throws Exception {
    String text = "y,score,sex\ngood,0.9,a\nbad,0.2,a\ngood,0.6,\nbad,0.7,b\n";
    CliRun r =
        metrics(
            text,
            "--label",
            "y",
            "--favorable",
            "good",
            "--score",
            "score",
            "--group",
            "sex",
            "--min-slice-size",
            "1",
            "--bootstrap",
            "0");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode j = r.json();
    assertEquals(4.0, j.at("/overall/count").asDouble());
    assertEquals(0.5, j.at("/overall/metrics/base_rate/value").asDouble(), 1e-15);
    assertEquals(2.0, j.at("/slices/0/count").asDouble());
    assertEquals(1.0, j.at("/slices/1/count").asDouble());
    assertEquals(1, j.at("/data/missing/sex").asLong(), "the row without sex is counted");
    assertEquals(4, j.at("/data/rows_used").asLong());
  }
}

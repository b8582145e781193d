package org.fairkd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code fairkd search} through the command line: its files, exit codes and one-line errors. */
class SearchCommandTest {
  @TempDir static Path dir;
  static Path spec;
  static Path cfg;

  @BeforeAll
  static void synthData() throws Exception {
    spec = SyntheticSpec.write(dir, 1200);
    cfg = dir.resolve("tiny.yaml");
    Files.writeString(
        cfg,
        """
        teacher: {members: [{type: logistic}], soft_targets: in_sample}
        student: {architecture: "8", transfer: "off", epochs: 5, patience: 3}
        """);
  }

  static String[] args(Path out) {
    return new String[] {
      "search",
      "--spec",
      spec.toString(),
      "--config",
      cfg.toString(),
      "--attribute",
      "race",
      "--budget",
      "2",
      "--tolerance",
      "0.005",
      "--seed",
      "42",
      "--workers",
      "1",
      "--out",
      out.toString()
    };
  }

  @Test
  void writesSearchJsonEveryCandidateAndTheSelectedStudent() throws Exception {
    Path out = dir.resolve("ok");
    CliRun r = CliRun.run(args(out));
    assertEquals(ExitCodes.PASS, r.exitCode(), r.err());
    JsonNode j = new ObjectMapper().readTree(out.resolve("search.json").toFile());
    assertEquals("fairkd.search/1", j.get("schema").asText());
    assertEquals("race", j.get("attribute").asText());
    assertEquals(0.005, j.get("tolerance").asDouble());
    assertEquals("s00-t0.50", j.get("reference").asText());
    assertEquals(2 * 41, j.get("candidates").size());
    for (JsonNode c : j.get("candidates")) {
      assertTrue(
          Files.isRegularFile(out.resolve("candidates/" + c.get("id").asText() + "/student.json")));
      for (String k :
          new String[] {
            "auc",
            "accuracy",
            "demographic_parity_difference",
            "equalized_odds_difference",
            "adverse_impact_ratio_min",
            "selection_rate"
          }) {
        assertTrue(c.get("validation").has(k) && c.get("test").has(k), k);
      }
    }
    assertTrue(Files.isRegularFile(out.resolve("selected/student.json")));
    assertEquals(
        "budget reached: 2 of 2 students trained",
        j.get("stopping").get("stopped_because").asText());
    assertTrue(r.out().contains("selected " + j.get("selected").get("id").asText()), r.out());
  }

  @Test
  void policyGivesTheMetricTargetAndTolerance() throws Exception {
    Path out = dir.resolve("policy");
    CliRun r = CliRun.run(CliRun.plus(args(out), "--policy", "four-fifths"));
    assertEquals(ExitCodes.PASS, r.exitCode(), r.err());
    JsonNode j = new ObjectMapper().readTree(out.resolve("search.json").toFile());
    // four-fifths: student adverse_impact_ratio >= 0.8 on every attribute
    assertEquals("adverse_impact_ratio_min", j.get("disparity_metric").asText());
    assertEquals(0.8, j.get("target").asDouble());
    assertEquals(0.005, j.get("tolerance").asDouble(), "--tolerance given: it wins");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--budget|0|--budget must be in 1..1000, got 0",
        "--tolerance|1.5|--tolerance must be in (0, 1), got 1.5",
        "--seed|-1|--seed must be in 0..9007199254740992, got -1",
        "--workers|-1|--workers must be in 0..64, got -1",
        "--attribute|religion|--attribute: dataset synthetic-lending has no protected attribute 'religion' (it has: sex, race, age_band)",
      })
  void badOptionIsOneLineAndExitTwo(String option, String value, String expected) {
    Path out = dir.resolve("never");
    CliRun r = CliRun.run(CliRun.with(args(out), option, value));
    assertEquals(ExitCodes.ERROR, r.exitCode(), r.out());
    assertTrue(r.err().startsWith("fairkd: error: " + expected), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertFalse(Files.exists(out.resolve("search.json")));
  }

  @Test
  void unknownRuleAndMetricAreRefused() {
    CliRun rule = CliRun.run(CliRun.plus(args(dir.resolve("n1")), "--rule", "cheapest"));
    assertEquals(ExitCodes.ERROR, rule.exitCode());
    assertEquals(
        "fairkd: error: --rule must be least_discriminatory or most_accurate, got cheapest",
        rule.err().strip());
    CliRun metric =
        CliRun.run(
            CliRun.plus(
                args(dir.resolve("n2")),
                "--disparity-metric",
                "adverse_impact_ratio_min",
                "--target",
                "1.5"));
    assertEquals(ExitCodes.ERROR, metric.exitCode());
    assertEquals(
        "fairkd: error: --target must be in (0, 1] for adverse_impact_ratio_min, got 1.5",
        metric.err().strip());
  }
}

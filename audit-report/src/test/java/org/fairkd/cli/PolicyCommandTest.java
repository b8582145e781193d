package org.fairkd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fairkd policy list|show|check|metrics|evaluate}: output, files and exit codes. */
class PolicyCommandTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  private static final String HEADER = "id: mine\nversion: \"2\"\ntitle: Mine\n";

  @Test
  void listShowsTheBundledPacks() {
    CliRun r = CliRun.run("policy", "list");
    assertEquals(ExitCodes.PASS, r.exitCode(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(4, lines.size(), r.out());
    assertTrue(lines.get(1).startsWith("four-fifths "), r.out());
    assertTrue(lines.get(1).endsWith("Four-fifths rule on the student's adverse impact ratio"));
    assertTrue(
        lines.get(3).matches("lending-standard +1\\.0 +11 +Lending release standard.*"),
        lines.get(3));
  }

  @Test
  void showPrintsTheResolvedPolicyAsValidYaml() throws IOException {
    CliRun r = CliRun.run("policy", "show", "lending-standard");
    assertEquals(ExitCodes.PASS, r.exitCode(), r.err());
    assertTrue(
        r.out().startsWith("# resolved: includes (four-fifths, distillation-non-regression)"));
    JsonNode y = new YAMLMapper().readTree(r.out());
    assertEquals(11, y.path("rules").size());
    assertEquals("air-four-fifths", y.path("rules").get(0).path("id").asText());
    Path shown = write("shown.yaml", r.out());
    CliRun check = CliRun.run("policy", "check", shown.toString());
    assertEquals(ExitCodes.PASS, check.exitCode(), check.err());
    CliRun missing = CliRun.run("policy", "show", "lending-standrd");
    assertEquals(ExitCodes.ERROR, missing.exitCode());
    assertTrue(
        missing.err().startsWith("fairkd: error: unknown policy 'lending-standrd'"), missing.err());
    assertTrue(missing.err().contains("did you mean 'lending-standard'?"), missing.err());
  }

  @Test
  void checkAcceptsValidFilesWithExitZero() throws IOException {
    Path ok =
        write(
            "ok.yaml",
            HEADER + "include: [four-fifths]\noverrides:\n  air-four-fifths: {threshold: 0.85}\n");
    CliRun r = CliRun.run("policy", "check", ok.toString());
    assertEquals(ExitCodes.PASS, r.exitCode(), r.err());
    assertEquals(
        ok + ": valid: policy 'mine' version 2, 1 rule after includes (four-fifths)\n", r.out());
    assertEquals("", r.err());
    Path bare =
        write(
            "bare.yaml",
            HEADER
                + "rules:\n  - {id: a, metric: auc, comparator: \">=\", threshold: 0.7,"
                + " source: \"SR 11-7\"}\n");
    CliRun notes = CliRun.run("policy", "check", bare.toString());
    assertEquals(ExitCodes.PASS, notes.exitCode(), notes.err());
    assertEquals(
        List.of(
            bare + ": valid: policy 'mine' version 2, 1 rule",
            bare
                + ": note: rule 'a' has no rationale (reviewers expect each rule to say why and"
                + " to cite its standard)"),
        notes.out().lines().toList());
  }

  @Test
  void checkReportsEveryProblemWithFileLineAndKeyAndExitsTwo() throws IOException {
    Path bad =
        write(
            "bad.yaml",
            HEADER
                + "rules:\n"
                + "  - id: a\n" // 5
                + "    metric: adverse_impact_rato\n" // 6
                + "    comparator: \">=\"\n"
                + "    threshold: 0.8\n"
                + "  - id: b\n" // 9
                + "    metric: auc\n"
                + "    comparator: \"=<\"\n" // 11
                + "    threshold: 0.7\n"
                + "  - id: c\n" // 13
                + "    metric: fidelity\n"
                + "    comparator: \">=\"\n"
                + "    threshold: high\n" // 16
                + "  - id: d\n" // 17
                + "    metric: adverse_impact_ratio\n"
                + "    scope: everybody\n" // 19
                + "    comparator: \">=\"\n"
                + "    threshold: 0.8\n");
    CliRun r = CliRun.run("policy", "check", bad.toString());
    assertEquals(ExitCodes.ERROR, r.exitCode());
    assertEquals("", r.out());
    String b = bad.toString();
    assertEquals(
        List.of(
            "fairkd: error: "
                + b
                + ":6: key 'rules[0].metric': unknown metric 'adverse_impact_rato'"
                + " (did you mean 'adverse_impact_ratio'?)",
            "fairkd: error: "
                + b
                + ":11: key 'rules[1].comparator': bad comparator '=<' (use"
                + " \">=\", \"<=\" or \"between\"; quote \">=\" in YAML)",
            "fairkd: error: "
                + b
                + ":16: key 'rules[2].threshold': threshold of '>=' must be a"
                + " number, got text 'high'",
            "fairkd: error: "
                + b
                + ":19: key 'rules[3].scope': unknown scope 'everybody' (use"
                + " overall, attributes, intersections, all, {attributes: [sex, race]} or"
                + " {attribute: sex, group: female})"),
        r.err().lines().toList());
    assertFalse(r.err().contains("\tat "), "no stack trace");
  }

  @Test
  void checkNamesAnIncludeCycle() throws IOException {
    Path a = write("a.yaml", HEADER + "include: [b.yaml]\n");
    write("b.yaml", "id: b\nversion: 1\ntitle: B\ninclude:\n  - a.yaml\n");
    CliRun r = CliRun.run("policy", "check", a.toString());
    assertEquals(ExitCodes.ERROR, r.exitCode());
    assertTrue(
        r.err()
            .matches(
                "fairkd: error: .*b\\.yaml:5: key 'include\\[0\\]': include cycle: .*a\\.yaml -> .*b\\.yaml -> .*a\\.yaml\n"),
        r.err());
    CliRun none = CliRun.run("policy", "check", dir.resolve("none.yaml").toString());
    assertEquals(ExitCodes.ERROR, none.exitCode());
    assertEquals("fairkd: error: " + dir.resolve("none.yaml") + ": no such file\n", none.err());
  }

  @Test
  void metricsListsNamesKindsAndFormulas() {
    CliRun r = CliRun.run("policy", "metrics");
    assertEquals(ExitCodes.PASS, r.exitCode(), r.err());
    assertTrue(
        r.out()
            .lines()
            .anyMatch(
                l ->
                    l.startsWith("adverse_impact_ratio")
                        && l.contains("group-vs-reference")
                        && l.contains("SR_g / SR_r")),
        r.out());
    assertTrue(
        r.out()
            .lines()
            .anyMatch(l -> l.startsWith("latency_speedup") && l.contains("distillation")),
        r.out());
  }

  private static String audit(double air, double p) {
    return "{\"schema\": \"fairkd.audit/1\", \"config\": {\"ci_level\": 0.95},"
        + " \"models\": {\"student\": {\"disparities\": {\"sex\": {\"reference\": \"male\","
        + " \"adverse_impact_ratio\": {\"female\": {\"value\": "
        + air
        + ", \"ci_low\": "
        + (air - 0.05)
        + ", \"ci_high\": "
        + (air + 0.05)
        + "}}, \"skipped\": []}},"
        + " \"tests\": [{\"attribute\": \"sex\", \"group\": \"female\", \"reference\": \"male\","
        + " \"metric\": \"selection_rate\", \"method\": \"fisher_exact\", \"p_value\": "
        + p
        + ", \"p_adjusted\": "
        + p
        + ", \"correction\": \"holm\"}]}}}";
  }

  @Test
  void evaluateJudgesAnExistingAuditAndSetsTheExitCode() throws IOException {
    Path failing = write("fail.json", audit(0.74, 0.002));
    Path out = dir.resolve("out/result.json");
    CliRun r =
        CliRun.run(
            "policy",
            "evaluate",
            "--policy",
            "four-fifths",
            "--out",
            out.toString(),
            failing.toString());
    assertEquals(ExitCodes.GATE_FAILED, r.exitCode(), r.err());
    assertEquals(
        "policy four-fifths 1.0: FAIL (1 checks: 0 pass, 0 warn, 1 fail, 0 error)\n"
            + "FAIL  air-four-fifths          Student adverse impact ratio for sex=female is 0.740"
            + " (95% CI 0.690–0.790), below 0.8 and significant (p = 0.002, α = 0.05) [fisher exact"
            + " on selection_rate vs male, holm-adjusted] — fails: harm.\n",
        r.out());
    JsonNode json = new ObjectMapper().readTree(out.toFile());
    assertEquals("FAIL", json.path("verdict").asText());
    JsonNode rule = json.path("rules").get(0);
    assertEquals("fail", rule.path("status").asText());
    assertEquals("sex=female", rule.path("slice").asText());
    assertEquals(0.002, rule.path("evidence").path("p_value").asDouble());
    assertEquals(0.8, rule.path("evidence").path("threshold").asDouble());
    assertEquals("significant", rule.path("evidence").path("mode").asText());

    Path notSignificant = write("warn.json", audit(0.74, 0.3));
    assertEquals(
        ExitCodes.PASS,
        CliRun.run("policy", "evaluate", "--policy", "four-fifths", notSignificant.toString())
            .exitCode());
  }

  @Test
  void evaluateRejectsWhatIsNotAnAuditWithExitTwo() throws IOException {
    Path metrics = write("metrics.json", "{\"schema\": \"fairkd.metrics/1\"}");
    CliRun r = CliRun.run("policy", "evaluate", "--policy", "four-fifths", metrics.toString());
    assertEquals(ExitCodes.ERROR, r.exitCode());
    assertTrue(r.err().contains("not an audit result (schema 'fairkd.metrics/1'"), r.err());
    Path broken = write("broken.json", "{\n\"schema\": \n");
    CliRun b = CliRun.run("policy", "evaluate", "--policy", "four-fifths", broken.toString());
    assertEquals(ExitCodes.ERROR, b.exitCode());
    assertTrue(b.err().startsWith("fairkd: error: " + broken + ":3: invalid JSON"), b.err());
  }

  @Test
  void policyWithoutSubcommandIsAUsageError() {
    CliRun r = CliRun.run("policy");
    assertEquals(ExitCodes.ERROR, r.exitCode());
    assertTrue(r.err().contains("Missing required subcommand"), r.err());
  }
}

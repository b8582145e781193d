package org.fairkd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * The gate through the CLI: nothing evaluated is bad input (exit 2, one line), and every rule
 * outcome in audit.json says whether it shows harm or merely fails to show the rule holds.
 */
class GateFindingsTest {
  @TempDir Path tmp;

  /** Rows label, sex (m, or f for the first {@code women} rows), race (a or b), scores t and s. */
  private Path sexes(int n, int women) throws Exception {
    Random r = new Random(3);
    StringBuilder sb = new StringBuilder("label,sex,race,t,s\n");
    for (int i = 0; i < n; i++) {
      double t = r.nextDouble();
      sb.append(
          String.format(
              Locale.ROOT,
              "%d,%s,%s,%.5f,%.5f%n",
              r.nextDouble() < t ? 1 : 0,
              i < women ? "f" : "m",
              r.nextBoolean() ? "a" : "b",
              t,
              Math.min(1, t * 1.01)));
    }
    Path p = tmp.resolve("p.csv");
    Files.writeString(p, sb.toString());
    return p;
  }

  @Test
  void anAttributeWithOneGroupIsNothingToCompareExit2() throws Exception {
    Path out = tmp.resolve("out");
    CliRun run = CliRun.run(AuditArgs.of(sexes(400, 0), out, "--label", "label", "--group", "sex"));
    assertEquals(2, run.exitCode(), run.out() + run.err());
    assertEquals(
        "fairkd: error: protected attribute 'sex' has one group (m) in p.csv: nothing to"
            + " compare\n",
        run.err());
    assertFalse(run.out().contains("verdict PASS"), run.out());
    assertFalse(Files.exists(out.resolve("audit.json")), "nothing is written for bad input");
  }

  @Test
  void aFailRuleThatJudgedNothingIsExit2NamingTheRule() throws Exception {
    // two groups, but f has 5 rows (< min slice size 30): every adverse-impact check is
    // insufficient, so the fail rule judged nothing; that is not a pass
    Path out = tmp.resolve("out");
    CliRun run = CliRun.run(AuditArgs.of(sexes(400, 5), out, "--label", "label", "--group", "sex"));
    assertEquals(2, run.exitCode(), run.out() + run.err());
    assertTrue(run.err().startsWith("fairkd: error: rule "), run.err());
    assertEquals(1, run.err().split("\n", -1).length - 1, "one line: " + run.err());
    assertFalse(run.out().contains("verdict PASS"), run.out());
    assertFalse(Files.exists(out.resolve("audit.json")), "nothing is written");
  }

  @Test
  void everyRuleHasAFindingAndEveryNotShownItsRequiredRows() throws Exception {
    Path csv = AuditCommandTest.writePredictions(tmp.resolve("p.csv"), 1500);
    Path out = tmp.resolve("out");
    String[] args =
        CliRun.with(AuditCommandTest.auditArgs(csv, out), "--policy", "lending-standard");
    CliRun run = CliRun.run(args);
    assertTrue(run.exitCode() <= 1, run.err());
    JsonNode audit = new ObjectMapper().readTree(out.resolve("audit.json").toFile());
    JsonNode student = audit.path("models").path("student");
    int notShown = 0;
    int harmFailed = 0;
    int notShownFailed = 0;
    for (JsonNode r : audit.path("rules")) {
      String finding = r.path("finding").asText();
      String status = r.path("status").asText();
      assertTrue(
          switch (finding) {
            case "harm" -> status.equals("fail") || status.equals("warn");
            case "not_shown" -> status.equals("fail") || status.equals("warn");
            case "shown" -> status.equals("pass");
            case "not_evaluated" -> !status.equals("pass");
            default -> false;
          },
          r.toString());
      if (status.equals("fail")) {
        harmFailed += finding.equals("harm") ? 1 : 0;
        notShownFailed += finding.equals("not_shown") ? 1 : 0;
      }
      if (!finding.equals("not_shown")) {
        assertFalse(r.has("required_rows"), r.toString());
        continue;
      }
      notShown++;
      assertTrue(
          r.path("explanation").asText().contains("fails: not shown")
              || r.path("explanation").asText().contains("warns: not shown"),
          r.toString());
      assertEquals(expectedRows(r, student), r.path("required_rows").asLong(), r.toString());
      assertTrue(
          r.path("explanation")
              .asText()
              .contains("about " + r.path("required_rows").asLong() + " "),
          r.toString());
    }
    assertTrue(notShown > 0, "the non-inferiority rules leave something not shown on 1500 rows");
    assertTrue(
        run.out().contains("failed (" + harmFailed + " harm, " + notShownFailed + " not shown)"),
        run.out());
  }

  /**
   * n · (h / |v − b|)², recomputed from the entry's evidence: b the crossed threshold, h the
   * distance from the estimate to the interval end on b's side, n the slice's rows (the test set's
   * for a whole-attribute or overall figure).
   */
  private static long expectedRows(JsonNode rule, JsonNode student) {
    JsonNode e = rule.path("evidence");
    double v = e.path("value").asDouble();
    double b = e.path("threshold").asDouble();
    double h =
        rule.path("comparator").asText().equals("<=")
            ? e.path("ci_high").asDouble() - v
            : v - e.path("ci_low").asDouble();
    if (rule.path("evidence").path("mode").asText().equals("significant")) {
      h = b > v ? e.path("ci_high").asDouble() - v : v - e.path("ci_low").asDouble();
    }
    double n = student.path("overall").path("count").asDouble();
    String slice = rule.path("slice").asText();
    if (slice.contains("=")) {
      String[] kv = slice.split("=", 2);
      for (JsonNode s : student.path("slices")) {
        if (s.path("attributes").size() == 1
            && kv[1].equals(s.path("attributes").path(kv[0]).asText())) {
          n = s.path("count").asDouble();
        }
      }
    }
    return (long) Math.ceil(n * Math.pow(h / Math.abs(v - b), 2));
  }
}

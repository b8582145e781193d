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
import org.fairkd.report.BrowserHarness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs {@code fairkd demo} once (small) and checks its three files as a user would. */
class DemoEndToEndTest {
  static Path out;
  static int exit;
  static String stdout;
  static String stderr;
  static JsonNode audit;

  @BeforeAll
  static void runDemo() throws Exception {
    out = Path.of("target", "e2e", "demo").toAbsolutePath();
    if (Files.isDirectory(out)) {
      try (var files = Files.walk(out)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    CliRun r = CliRun.run("demo", "--out", out.toString(), "--rows", "8000", "--bootstrap", "200");
    exit = r.exitCode();
    stdout = r.out();
    stderr = r.err();
    audit = new ObjectMapper().readTree(out.resolve("audit.json").toFile());
  }

  @Test
  void exitCodeMatchesTheGate() {
    assertEquals("", stderr);
    boolean failing = false;
    for (JsonNode r : audit.path("rules")) {
      String s = r.path("status").asText();
      failing |=
          r.path("severity").asText().equals("fail") && (s.equals("fail") || s.equals("error"));
    }
    assertEquals(failing ? 1 : 0, exit, stdout);
    assertTrue(stdout.contains("verdict " + audit.path("verdict").asText()), stdout);
  }

  @Test
  void auditJsonHasTheDocumentedShape() {
    assertEquals("fairkd.audit/1", audit.path("schema").asText());
    assertTrue(List.of("PASS", "WARN", "FAIL").contains(audit.path("verdict").asText()));
    for (String m : List.of("teacher", "student")) {
      JsonNode model = audit.path("models").path(m);
      assertTrue(model.path("overall").path("metrics").path("auc").path("value").isNumber(), m);
      assertTrue(model.path("slices").size() > 0, m);
      assertTrue(model.path("disparities").has("race"), m);
      assertTrue(model.path("disparities").path("race").path("adverse_impact_ratio").has("black"));
      assertTrue(model.path("calibration").path("sex").has("female"), m);
    }
    JsonNode cmp = audit.path("comparison");
    assertTrue(cmp.path("fidelity").path("value").isNumber());
    assertTrue(cmp.path("deltas").path("overall").size() > 0);
    JsonNode d = audit.path("distillation");
    assertTrue(d.path("test").path("student").path("auc").isNumber());
    assertTrue(d.path("deployment").path("latency_speedup").isNumber());
    assertTrue(audit.path("rules").size() > 0);
    for (JsonNode r : audit.path("rules")) {
      for (String k :
          List.of("id", "title", "severity", "status", "slice", "evidence", "explanation")) {
        assertTrue(r.has(k), k + " in " + r);
      }
    }
    JsonNode p = audit.path("provenance");
    assertEquals(42, p.path("seed").asLong());
    assertTrue(p.path("tool_version").isTextual());
    assertEquals(64, p.path("policy").path("sha256").asText().length());
    assertTrue(p.path("command").asText().startsWith("./fairkd demo"));
    assertTrue(p.has("tribuo"), "teacher provenance");
  }

  @Test
  void plantedBiasIsFoundAndUnbiasedAttributePasses() {
    List<String> race = statuses("adverse_impact_ratio", "race=black");
    List<String> age = new ArrayList<>();
    for (JsonNode r : audit.path("rules")) {
      if (r.path("metric").asText().equals("adverse_impact_ratio")
          && r.path("subject").asText().equals("student")
          && r.path("slice").asText().startsWith("age_band=")) {
        age.add(r.path("status").asText());
      }
    }
    assertFalse(race.isEmpty(), "AIR rule checked on race=black");
    assertTrue(race.stream().allMatch(s -> s.equals("fail") || s.equals("warn")), race.toString());
    assertFalse(age.isEmpty(), "AIR rule checked on age_band");
    // unbiased by construction: never a failure; small groups may sit in the warning band by chance
    assertTrue(age.stream().noneMatch(s -> s.equals("fail") || s.equals("error")), age.toString());
    assertTrue(age.contains("pass"), age.toString());
  }

  @Test
  void reasonsAreInTheAuditTheReportAndReasonsCsv() throws Exception {
    JsonNode r = audit.path("reasons");
    assertEquals(4, r.path("k").asInt());
    assertTrue(r.path("method").asText().contains("Shapley"), r.toString());
    JsonNode overall = r.path("fidelity").path("overall");
    assertTrue(overall.path("top_k_overlap").path("ci_low").isNumber(), overall.toString());
    assertTrue(overall.path("first_reason_agreement").path("value").isNumber());
    assertTrue(r.path("fidelity").path("by_group").path("race").has("black"));
    assertTrue(r.path("top_reasons_by_group").path("sex").has("female"));
    // the planted proxy is flagged against race and is among the student's top reasons
    boolean region = false;
    for (JsonNode f : r.path("proxy_flags")) {
      region |=
          f.path("feature").asText().equals("region_score")
              && f.path("attribute").asText().equals("race")
              && f.path("flagged").asBoolean();
    }
    assertTrue(region, r.path("proxy_flags").toString());
    List<String> ids = new ArrayList<>();
    for (JsonNode rule : audit.path("rules")) {
      ids.add(rule.path("id").asText());
    }
    assertTrue(ids.containsAll(List.of("reason-fidelity", "reason-proxies")), ids.toString());
    String html = Files.readString(out.resolve("report.html"));
    assertTrue(html.contains("<section id=\"reasons\">"));
    assertTrue(html.contains("Adverse action reasons"));
    List<String> csv = Files.readAllLines(out.resolve("reasons.csv"));
    assertEquals(audit.path("data").get(0).path("rows_used").asLong() + 1, csv.size());
    long declined = csv.stream().filter(l -> l.split(",", -1)[1].equals("declined")).count();
    assertEquals(r.path("declined").asLong(), declined);
  }

  @Test
  void reportAndJunitAreWritten() throws Exception {
    String html = Files.readString(out.resolve("report.html"));
    for (String id :
        List.of(
            "summary", "gate", "distillation", "groups", "calibration", "reasons", "provenance")) {
      assertTrue(html.contains("<section id=\"" + id + "\">"), id);
    }
    for (String id : List.of("regulatory", "monitoring", "methodology", "checks", "glossary")) {
      assertTrue(html.contains("<section id=\"" + id + "\" class=\"appendix\">"), id);
    }
    assertTrue(html.contains("Adverse impact ratio by race"));
    String xml = Files.readString(out.resolve("junit.xml"));
    assertEquals(
        audit.path("rules").size(),
        xml.split("<testcase ", -1).length - 1,
        "one testcase per rule check");
    assertTrue(Files.isRegularFile(out.resolve("distill").resolve("distill.json")));
  }

  @Test
  void auditOfTheDistillPredictionsReproducesTheRunsEstimates() throws Exception {
    Path again = out.resolveSibling("demo-audit");
    CliRun r =
        CliRun.run(
            "audit",
            "--predictions",
            out.resolve("distill/predictions.csv").toString(),
            "--dataset",
            "synthetic-lending",
            "--teacher-score",
            "teacher_score",
            "--student-score",
            "student_score",
            "--policy",
            "lending-standard",
            "--distill",
            out.resolve("distill/distill.json").toString(),
            "--bootstrap",
            "200",
            "--force",
            "--out",
            again.toString());
    assertEquals(exit, r.exitCode(), r.out());
    JsonNode b = new ObjectMapper().readTree(again.resolve("audit.json").toFile());
    for (String m : List.of("teacher", "student")) {
      JsonNode x = audit.path("models").path(m).path("disparities").path("race");
      JsonNode y = b.path("models").path(m).path("disparities").path("race");
      assertEquals(
          x.path("adverse_impact_ratio").path("black").path("value").asDouble(),
          y.path("adverse_impact_ratio").path("black").path("value").asDouble(),
          1e-12);
      assertEquals(
          x.path("demographic_parity_difference").path("value").asDouble(),
          y.path("demographic_parity_difference").path("value").asDouble(),
          1e-12);
    }
    assertEquals(audit.path("rules").size(), b.path("rules").size());
  }

  @Test
  void outputsEqualTheGoldenCopies() throws Exception {
    GoldenFiles.assertJson(out.resolve("audit.json"), "demo-audit.json");
    GoldenFiles.assertText(out.resolve("junit.xml"), "demo-junit.xml");
    GoldenFiles.assertJson(out.resolve("distill/distill.json"), "demo-distill.json");
    GoldenFiles.assertText(out.resolve("distill/predictions.csv"), "demo-predictions.csv");
  }

  @Test
  void demoReportIsCleanInARealBrowser() throws Exception {
    BrowserHarness.assumeChromium();
    Path html = out.resolve("report.html");
    var seen = BrowserHarness.open(html, out.resolveSibling("demo-report.png"));
    BrowserHarness.assertCleanReport(seen, html);
    assertTrue(seen.text().contains("Adverse impact ratio by race"));
  }

  private static List<String> statuses(String metric, String slice) {
    List<String> out = new ArrayList<>();
    for (JsonNode r : audit.path("rules")) {
      if (r.path("metric").asText().equals(metric)
          && r.path("subject").asText().equals("student")
          && slice.equals(r.path("slice").asText())) {
        out.add(r.path("status").asText());
      }
    }
    return out;
  }
}

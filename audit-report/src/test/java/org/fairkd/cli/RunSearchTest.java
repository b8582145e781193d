package org.fairkd.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fairkd run --search} end to end on small synthetic data: the search's files under
 * OUT/search/, the selected candidate audited against the teacher at its threshold, the search
 * recorded in audit.json (released = selected) and in the report, the selected candidate described
 * in the distillation section and OUT/distill/ as run describes its student, a policy's {@code
 * lda_search} rules judged on it; and {@code policy evaluate} of the read-back audit.json agrees.
 */
class RunSearchTest {
  @TempDir static Path dir;
  static Path spec;
  static Path cfg;
  static Path policy;
  static Path out;
  static CliRun run;

  @BeforeAll
  static void runOnce() throws Exception {
    spec = SyntheticSpec.write(dir, 1200);
    cfg = dir.resolve("tiny.yaml");
    Files.writeString(
        cfg,
        """
        teacher: {members: [{type: logistic}], soft_targets: in_sample}
        student: {architecture: "8", transfer: "off", epochs: 5, patience: 3}
        """);
    policy = dir.resolve("lda.yaml");
    Files.writeString(
        policy,
        """
        id: lda-test
        version: "1"
        title: The released student is the search's choice
        rules:
          - id: released-is-selected
            kind: lda_search
            require: selected
          - id: near-the-frontier
            kind: lda_search
            max_distance: 0.0
          - id: tolerance-at-most
            kind: lda_search
            max_tolerance: 0.01
          - id: race-dp
            metric: demographic_parity_difference
            scope: {attributes: [race]}
            comparator: "<="
            threshold: 0.9
        """);
    out = dir.resolve("run");
    run =
        CliRun.run(
            "run",
            "--spec",
            spec.toString(),
            "--config",
            cfg.toString(),
            "--policy",
            policy.toString(),
            "--search",
            "--attribute",
            "race",
            "--budget",
            "2",
            "--bootstrap",
            "20",
            "--out",
            out.toString());
  }

  @Test
  void auditsTheSelectedCandidateAndRecordsTheSearch() throws Exception {
    assertEquals(ExitCodes.PASS, run.exitCode(), run.err() + run.out());
    JsonNode search = new ObjectMapper().readTree(out.resolve("search/search.json").toFile());
    JsonNode audit = new ObjectMapper().readTree(out.resolve("audit.json").toFile());
    String selected = search.get("selected").get("id").asText();
    assertEquals(selected, audit.get("search").get("released").asText());
    assertEquals(search.get("candidates"), audit.get("search").get("candidates"));
    assertTrue(Files.isRegularFile(out.resolve("search/selected/student.json")));
    // the policy's disparity rule gave the metric and target; its lda_search rule the tolerance
    assertEquals("demographic_parity_difference", search.get("disparity_metric").asText());
    assertEquals(0.9, search.get("target").asDouble());
    assertEquals(0.01, search.get("tolerance").asDouble());
    // the audit judged the selected candidate at its threshold
    double threshold = 0;
    for (JsonNode c : search.get("candidates")) {
      if (c.get("id").asText().equals(selected)) {
        threshold = c.get("params").get("threshold").asDouble();
        double testAcc = c.get("test").get("accuracy").asDouble();
        assertEquals(
            testAcc,
            audit
                .get("models")
                .get("student")
                .get("overall")
                .get("metrics")
                .get("accuracy")
                .get("value")
                .asDouble(),
            1e-9,
            "the audited student's test accuracy is the candidate's");
      }
    }
    assertEquals(threshold, audit.get("config").get("threshold").asDouble());
    int judged = 0;
    for (JsonNode r : audit.get("rules")) {
      if (r.get("metric").asText().startsWith("lda_search_")) {
        assertEquals("pass", r.get("status").asText(), r.toString());
        judged++;
      }
    }
    assertEquals(3, judged, "the three lda_search rules were judged");
    String html = Files.readString(out.resolve("report.html"));
    assertTrue(html.contains("Less discriminatory alternatives"));
    assertTrue(html.contains("The audited student is the selected candidate " + selected + "."));
  }

  @Test
  void theDistillationSectionDescribesTheSelectedCandidate() throws Exception {
    assertEquals(ExitCodes.PASS, run.exitCode(), run.err() + run.out());
    ObjectMapper json = new ObjectMapper();
    JsonNode search = json.readTree(out.resolve("search/search.json").toFile());
    JsonNode audit = json.readTree(out.resolve("audit.json").toFile());
    String selected = search.get("selected").get("id").asText();
    JsonNode candidate = null;
    for (JsonNode c : search.get("candidates")) {
      if (c.get("id").asText().equals(selected)) {
        candidate = c;
      }
    }
    JsonNode d = audit.get("distillation");
    assertTrue(d != null && d.isObject(), "audit.json has a distillation block");
    // as run writes it: OUT/distill/distill.json is the block, the student file is the selected one
    assertEquals(d, json.readTree(out.resolve("distill/distill.json").toFile()));
    assertArrayEquals(
        Files.readAllBytes(out.resolve("search/selected/student.json")),
        Files.readAllBytes(out.resolve("distill/student/student.json")));
    assertTrue(Files.isRegularFile(out.resolve("distill/predictions.csv")));
    JsonNode params = candidate.get("params");
    JsonNode student = d.get("test").get("student");
    assertEquals(params.get("architecture").asText(), student.get("architecture").asText());
    assertEquals(candidate.get("test").get("auc").asDouble(), student.get("auc").asDouble(), 1e-9);
    assertEquals(
        params.get("architecture").asText(),
        d.get("test").get("baseline").get("architecture").asText());
    JsonNode settings = d.get("config").get("student");
    assertEquals(params.get("lambda").asDouble(), settings.get("lambda").asDouble());
    assertEquals(params.get("temperature").asDouble(), settings.get("temperature").asDouble());
    assertEquals(1, d.get("repeats").size(), "one seed");
    assertEquals(params.get("seed").asLong(), d.get("repeats").get(0).get("seed").asLong());
    String note = d.get("notes").get(0).asText();
    assertTrue(note.startsWith("the student is search candidate " + selected + ","), note);
    assertTrue(
        d.get("deployment").get("latency_speedup").isNumber(), d.get("deployment").toString());
    boolean studentModel = false;
    for (JsonNode in : audit.get("provenance").get("inputs")) {
      studentModel |= in.path("path").asText().equals("distill/student/student.json");
    }
    assertTrue(studentModel, audit.get("provenance").get("inputs").toString());
    String html = Files.readString(out.resolve("report.html"));
    assertTrue(html.contains("Distillation summary"));
    assertTrue(html.contains("How the student was built"));
    assertTrue(html.contains("Deployment gain"));
    assertTrue(html.contains("the student is search candidate " + selected), "the note is shown");
    assertTrue(!html.contains("carries no distillation summary"));
  }

  @Test
  void policyEvaluateOfTheReadBackAuditAgrees() {
    CliRun again =
        CliRun.run(
            "policy",
            "evaluate",
            "--policy",
            policy.toString(),
            out.resolve("audit.json").toString());
    assertEquals(ExitCodes.PASS, again.exitCode(), again.err() + again.out());
  }

  @Test
  void anAuditWithoutASearchFailsClosed() throws Exception {
    Path plain = dir.resolve("plain");
    CliRun r =
        CliRun.run(
            "run",
            "--spec",
            spec.toString(),
            "--config",
            cfg.toString(),
            "--policy",
            policy.toString(),
            "--bootstrap",
            "20",
            "--out",
            plain.toString());
    assertEquals(ExitCodes.ERROR, r.exitCode(), r.out());
    assertTrue(
        r.err().contains("rule released-is-selected")
            && r.err().contains("records no less-discriminatory-alternative search"),
        r.err());
  }

  @Test
  void searchOptionsWithoutSearchAreRefused() {
    Path never = dir.resolve("never");
    CliRun r =
        CliRun.run(
            "run",
            "--spec",
            spec.toString(),
            "--policy",
            "four-fifths",
            "--budget",
            "3",
            "--out",
            never.toString());
    assertEquals(ExitCodes.ERROR, r.exitCode(), r.out());
    assertEquals(
        "fairkd: error: --attribute, --rule, --disparity-metric, --target, --budget, --tolerance"
            + " and --accuracy-tolerance need --search",
        r.err().strip());
    assertTrue(!Files.exists(never.resolve("audit.json")));
  }
}

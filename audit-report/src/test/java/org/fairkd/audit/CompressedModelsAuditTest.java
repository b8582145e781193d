package org.fairkd.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.SplittableRandom;
import org.fairkd.audit.bench.SyntheticPredictions;
import org.fairkd.audit.json.AuditJsonReader;
import org.fairkd.audit.json.AuditJsonWriter;
import org.fairkd.audit.result.AuditResult;
import org.fairkd.audit.result.ModelRole;
import org.fairkd.base.scores.ScoreStats;
import org.fairkd.fairness.Correction;
import org.fairkd.policies.Policies;
import org.fairkd.policies.model.Policy;
import org.fairkd.report.HtmlReport;
import org.fairkd.report.MetricDocs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A compressed student joins the audit as a further model; the policy still judges the student. */
class CompressedModelsAuditTest {
  static AuditPipeline.Scored scored;
  static double[] compressed;
  static AuditPipeline.Settings settings =
      new AuditPipeline.Settings(0.5, 100, 0.95, 30, 7, Correction.HOLM);
  static Policy policy = Policies.resolve("lending-standard");
  static AuditResult plain;
  static AuditResult withExtra;

  @BeforeAll
  static void audit() {
    scored = SyntheticPredictions.generate(3000, 3);
    SplittableRandom r = new SplittableRandom(5);
    compressed = new double[scored.student().length];
    for (int i = 0; i < compressed.length; i++) {
      compressed[i] = Math.min(1, Math.max(0, scored.student()[i] + 0.03 * (r.nextDouble() - 0.5)));
    }
    plain = AuditPipeline.audit(scored, settings, null, policy);
    withExtra =
        AuditPipeline.audit(
            scored,
            settings,
            null,
            policy,
            List.of(new AuditPipeline.ExtraModel(new ModelRole("student_int8"), compressed)));
  }

  @Test
  void thePolicyJudgesTheStudentAsWithoutTheCompressedModel() {
    assertEquals(plain.policy().verdict(), withExtra.policy().verdict());
    assertEquals(
        AuditJsonWriter.toTree(plain).path("rules"),
        AuditJsonWriter.toTree(withExtra).path("rules"));
    JsonNode a = AuditJsonWriter.toTree(plain);
    JsonNode b = AuditJsonWriter.toTree(withExtra);
    assertEquals(a.path("comparison"), b.path("comparison"));
    assertEquals(a.path("models").path("student"), b.path("models").path("student"));
    assertFalse(a.path("models").has("student_int8"));
  }

  @Test
  void auditJsonHasTheCompressedModelComparedWithStudentAndTeacher() {
    JsonNode m = AuditJsonWriter.toTree(withExtra).path("models").path("student_int8");
    assertTrue(m.path("overall").path("metrics").path("auc").path("value").isNumber());
    assertTrue(m.path("calibration").has("sex"));
    JsonNode vsStudent = m.path("compared_with").path("student");
    JsonNode vsTeacher = m.path("compared_with").path("teacher");
    assertEquals(
        ScoreStats.agreement(compressed, scored.student(), 0.5),
        vsStudent.path("fidelity").path("value").asDouble(),
        1e-12);
    assertEquals(
        ScoreStats.agreement(compressed, scored.teacher(), 0.5),
        vsTeacher.path("fidelity").path("value").asDouble(),
        1e-12);
    double studentAuc = ScoreStats.auc(scored.student(), scored.labels());
    double compressedAuc = ScoreStats.auc(compressed, scored.labels());
    assertEquals(
        compressedAuc - studentAuc,
        vsStudent.path("deltas").path("overall").path("auc").path("value").asDouble(),
        1e-9);
    assertTrue(vsTeacher.path("deltas").path("disparities").path("race").has("reference"));
    assertNull(
        AuditJsonWriter.toTree(withExtra).path("models").path("student").get("compared_with"));
  }

  @Test
  void auditJsonWithACompressedModelReadsBackToItself() throws Exception {
    String text = AuditJsonWriter.write(withExtra);
    AuditResult back =
        AuditJsonReader.read(new com.fasterxml.jackson.databind.ObjectMapper().readTree(text));
    assertEquals(text, AuditJsonWriter.write(back));
    assertEquals(2, back.model(new ModelRole("student_int8")).orElseThrow().pairedWith().size());
  }

  @Test
  void theReportShowsTheCompressionChainOnlyWithACompressedModel() {
    String html = HtmlReport.render(withExtra, MetricDocs.fromCatalog());
    assertTrue(html.contains("<section id=\"compression\">"));
    assertTrue(html.contains("student_int8"));
    assertFalse(
        HtmlReport.render(plain, MetricDocs.fromCatalog())
            .contains("<section id=\"compression\">"));
  }
}

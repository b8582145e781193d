package org.fairkd.kd.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fairkd.kd.DistillationException;
import org.fairkd.kd.bench.DeploymentFigures;
import org.fairkd.kd.bench.DeploymentSummary;
import org.fairkd.kd.pipeline.DistillConfig;
import org.fairkd.kd.pipeline.ExternalTeacherSpec;
import org.fairkd.kd.summary.CompressedModel;
import org.fairkd.kd.summary.DistillSummary;
import org.fairkd.kd.summary.DistillSummary.ModelMetrics;
import org.fairkd.kd.summary.DistillSummary.StudentMetrics;
import org.fairkd.kd.summary.GapRecovered;
import org.fairkd.kd.summary.Repeat;
import org.fairkd.kd.summary.TeacherProvenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistillJsonRoundTripTest {
  @TempDir Path dir;

  @Test
  void trainedTeacherSummarySurvivesWriteAndRead() throws Exception {
    DistillSummary s = trained();
    Path f = dir.resolve("distill.json");
    DistillJsonWriter.write(f, s);
    DistillSummary back = DistillJsonReader.read(f);
    assertArrayEquals(Files.readAllBytes(f), DistillJsonWriter.bytes(back));
    // the typed parts compare equal (the config's source name differs by design)
    assertEquals(s.test(), back.test());
    assertEquals(s.selection(), back.selection());
    assertEquals(s.deployment(), back.deployment());
    assertEquals(s.trainingSeconds(), back.trainingSeconds());
    assertEquals(s.repeats(), back.repeats());
    assertEquals(s.provenance(), back.provenance());
    assertEquals(s.fairness(), back.fairness());
    assertEquals(s.config().settings(), back.config().settings());
    assertEquals(s.gapRecovered(), back.gapRecovered());
    assertTrue(Double.isNaN(back.repeats().get(1).gapRecoveredValue()));
    assertEquals(NOT_SIGNIFICANT, back.repeats().get(1).gapRecovered().reason());
  }

  @Test
  void fileLayoutKeepsNullsWithReasonsAndDerivedFigures() throws Exception {
    JsonNode j = new ObjectMapper().readTree(DistillJsonWriter.bytes(trained()));
    assertEquals("fairkd.distill/1", j.path("schema").asText());
    assertEquals(0.8, j.path("test").path("student").path("auc").asDouble());
    assertTrue(j.path("selection").path("candidates").get(1).path("validation_kl").isNull());
    assertEquals(
        "no teacher scores",
        j.path("selection").path("candidates").get(1).path("validation_kl_reason").asText());
    assertTrue(j.path("repeats").get(1).path("gap_recovered").isNull());
    assertEquals(NOT_SIGNIFICANT, j.path("repeats").get(1).path("gap_recovered_reason").asText());
    assertEquals(
        0.3, j.path("repeats").get(1).path("teacher_vs_baseline").path("p_value").asDouble());
    // the defined figure: its interval and the teacher-lead test beside it
    assertEquals(0.8, j.path("gap_recovered").asDouble());
    assertEquals(0.55, j.path("gap_recovered_ci").get(0).asDouble());
    assertEquals(1.1, j.path("gap_recovered_ci").get(1).asDouble());
    assertTrue(j.path("gap_recovered_method").asText().startsWith("Fieller 95% interval"));
    JsonNode lead = j.path("teacher_vs_baseline");
    assertEquals(0.05, lead.path("difference").asDouble());
    assertEquals(0.012, lead.path("standard_error").asDouble());
    assertEquals(3e-5, lead.path("p_value").asDouble());
    assertEquals(0.05, lead.path("alpha").asDouble());
    assertTrue(lead.path("significant").asBoolean());
    assertTrue(lead.path("test").asText().startsWith("paired DeLong, two-sided"));
    // the spread over repeats is derived: mean of 0.8 and 0.78, SD of two values
    JsonNode sa = j.path("repeats_summary").path("student_auc");
    assertEquals(0.79, sa.path("mean").asDouble(), 1e-12);
    assertEquals(Math.sqrt(2 * 0.01 * 0.01), sa.path("sd").asDouble(), 1e-12);
    assertEquals(0.8, j.path("repeats_summary").path("gap_recovered").path("mean").asDouble());
    assertTrue(j.path("repeats_summary").path("gap_recovered").path("sd").isNull());
    assertEquals(1, j.path("repeats_summary").path("gap_recovered").path("defined").asInt());
    assertEquals(100.0, j.path("deployment").path("latency_speedup").asDouble(), 1e-12);
    assertEquals(4.0, j.path("deployment").path("size_ratio").asDouble(), 1e-12);
    assertEquals(
        List.of("logistic", "xgboost"), iterable(j.path("test").path("members").fieldNames()));
  }

  @Test
  void externalTeacherSummarySurvivesWriteAndRead() throws Exception {
    DistillSummary t = trained();
    DistillConfig cfg =
        t.config()
            .withExternalTeacher(
                new ExternalTeacherSpec(Path.of("scores.csv"), "row_id", "teacher_score"));
    DistillSummary s =
        new DistillSummary(
            t.dataset(),
            t.seed(),
            cfg,
            t.split(),
            new DistillSummary.TestMetrics(
                t.test().teacher(),
                Map.of(),
                Map.of(),
                t.test().student(),
                t.test().baseline(),
                null),
            t.fidelity(),
            t.kl(),
            GapRecovered.undefined(NO_AUC, null),
            null,
            t.selection(),
            t.deployment().withoutTeacher("cannot be timed"),
            new DistillSummary.TrainingSeconds(null, 1, 2, 3, 4, Map.of()),
            List.of("external teacher"),
            t.repeats(),
            List.of(),
            new DistillSummary.Provenance(
                new TeacherProvenance.External("scores.csv", "row_id", "teacher_score", "ab12"),
                t.provenance().student()),
            List.of());
    byte[] bytes = DistillJsonWriter.bytes(s);
    Path f = dir.resolve("distill.json");
    Files.write(f, bytes);
    DistillSummary back = DistillJsonReader.read(f);
    assertArrayEquals(bytes, DistillJsonWriter.bytes(back));
    assertInstanceOf(TeacherProvenance.External.class, back.provenance().teacher());
    assertEquals(Path.of("scores.csv"), back.config().externalTeacher().file());
    assertNull(back.deployment().teacher());
    assertEquals("cannot be timed", back.deployment().teacherReason());
    assertNull(back.trainingSeconds().teacher());
    assertNull(back.fairness());
    JsonNode j = new ObjectMapper().readTree(bytes);
    assertTrue(j.path("deployment").path("teacher").isNull());
    assertTrue(j.path("training_seconds").path("teacher").isNull());
    assertEquals(
        "external teacher: trained elsewhere",
        j.path("training_seconds").path("teacher_reason").asText());
    assertEquals(NO_AUC, j.path("gap_recovered_reason").asText());
    assertTrue(j.path("teacher_vs_baseline").isNull());
    assertTrue(j.has("gap_recovered_method"));
  }

  @Test
  void readerRejectsAnotherSchemaNamingTheFile() throws Exception {
    Path f = dir.resolve("other.json");
    Files.writeString(f, "{\"schema\": \"fairkd.audit/1\"}");
    DistillationException e =
        assertThrows(DistillationException.class, () -> DistillJsonReader.read(f));
    assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
  }

  private static final String NO_AUC = "AUC undefined on the test split";
  private static final String NOT_SIGNIFICANT = "the teacher's AUC lead is not significant";
  private static final GapRecovered LEAD_0_8 =
      GapRecovered.of(0.8, 0.55, 1.1, new GapRecovered.TeacherLead(0.05, 0.012, 3e-5, true));

  static DistillSummary trained() {
    ModelMetrics teacher = new ModelMetrics(0.81, 0.75, 0.5);
    Map<String, ModelMetrics> members = new LinkedHashMap<>();
    members.put("logistic", new ModelMetrics(0.78, 0.7, 0.55));
    members.put("xgboost", new ModelMetrics(0.8, 0.74, 0.52));
    Map<String, Double> weights = new LinkedHashMap<>();
    weights.put("logistic", 0.25);
    weights.put("xgboost", 0.75);
    StudentMetrics student =
        new StudentMetrics(new ModelMetrics(0.8, 0.74, 0.51), "32", 738, 9, 14, 0.79);
    StudentMetrics baseline =
        new StudentMetrics(new ModelMetrics(0.76, 0.7, 0.56), "32", 738, 5, 10, 0.75);
    Map<String, Double> memberSeconds = new LinkedHashMap<>();
    memberSeconds.put("logistic", 0.2);
    memberSeconds.put("xgboost", 0.9);
    Map<String, Double> stages = new LinkedHashMap<>();
    stages.put("split_and_encode", 0.1);
    stages.put("teacher", 1.6);
    stages.put("transfer_set", 0.3);
    Map<String, String> prov = new LinkedHashMap<>();
    prov.put("logistic", "[{\"object-name\":\"linearsgdmodel-0\",\"map\":{}}]");
    prov.put("xgboost", "[{\"object-name\":\"xgboostmodel-0\"}]");
    return new DistillSummary(
        "synthetic-lending",
        42,
        DistillConfig.defaults(),
        new DistillSummary.SplitSizes(700, 150, 200),
        new DistillSummary.TestMetrics(
            teacher,
            members,
            weights,
            student,
            baseline,
            new DistillSummary.WeightsFit("out_of_fold", 700)),
        0.95,
        0.0077,
        LEAD_0_8,
        new DistillSummary.FairnessGaps("sex", "dp", 0.02, 0.01, 0.03),
        new DistillSummary.Selection(
            "32",
            true,
            List.of(
                new DistillSummary.Candidate("16", 370, 0.3, 0.77, 0.01),
                new DistillSummary.Candidate("32", 738, 0.29, 0.78, Double.NaN)),
            1,
            "auto",
            true,
            new DistillSummary.TransferObjectives(0.31, 0.29),
            "validation loss (KD term against the teacher)",
            "-validation AUC"),
        new DeploymentSummary(
            new DeploymentFigures(200, 500, 1e5, 400_000),
            null,
            new DeploymentFigures(20, 50, 1e6, 3_000),
            new DeploymentFigures(2, 5, 2e6, 100_000)),
        new DistillSummary.TrainingSeconds(
            new DistillSummary.TeacherSeconds(
                1.5, memberSeconds, 0.4, Map.of("logistic", 0.5, "xgboost", 2.5), 0.02),
            0.4,
            0.7,
            0.01,
            12,
            stages),
        List.of("a note"),
        List.of(
            new Repeat(42, 0.8, 0.76, 0.81, 0.95, LEAD_0_8),
            new Repeat(
                43,
                0.78,
                0.77,
                0.79,
                0.9,
                GapRecovered.undefined(
                    NOT_SIGNIFICANT, new GapRecovered.TeacherLead(0.02, 0.019, 0.3, false)))),
        List.of(new DistillSummary.InputFile("data.csv", "ab")),
        new DistillSummary.Provenance(
            new TeacherProvenance.Ensemble(prov),
            new DistillSummary.StudentProvenance(
                "DJL 0.35.1", "PyTorch (CPU)", "adam", "fairkd.student/1")),
        List.of(
            new CompressedModel(
                "int8",
                "student_int8",
                "int8 weights",
                "student/student_int8.json",
                700,
                690,
                new ModelMetrics(0.79, 0.74, 0.5),
                0.99,
                0.94,
                0.004,
                Double.NaN,
                new DeploymentFigures(2, 5, 2e6, 30_000))));
  }

  private static List<String> iterable(java.util.Iterator<String> it) {
    List<String> out = new java.util.ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}

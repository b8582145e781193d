package org.fairkd.kd.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fairkd.base.scores.ScoreStats;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.datasets.synth.SyntheticLending;
import org.fairkd.kd.bench.ScoringBench;
import org.fairkd.kd.student.PenaltyKind;
import org.fairkd.kd.student.StudentArchitecture;
import org.fairkd.kd.summary.DistillSummary;
import org.fairkd.kd.workers.StudentWorkers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link PreparedDistillation#distillation}: a trained candidate described as distill describes its
 * student — its settings, its test figures, a baseline, the deployment of the given file — and the
 * files distill writes.
 */
class CandidateDistillationTest {
  @TempDir Path out;

  @Test
  void aCandidateIsSummarisedAsDistillSummarisesItsStudent() throws Exception {
    TabularDataset d = SyntheticLending.generate(1200, 7, SyntheticLending.Config.defaults());
    DistillConfig cfg =
        DistillConfig.fromNode(
            new YAMLMapper()
                .readTree(
                    """
                    teacher: {members: [{type: logistic}], soft_targets: in_sample}
                    student: {architecture: "8", transfer: "off", epochs: 4, patience: 2}
                    """),
            "t.yaml");
    PreparedDistillation prep = PreparedDistillation.prepare(d, cfg, "race", 5);
    CandidateSettings penalised =
        new CandidateSettings(
            PenaltyKind.DEMOGRAPHIC_PARITY, 2.0, 3.0, StudentArchitecture.parse("4x4"), 6);
    CandidateSettings plain =
        new CandidateSettings(
            PenaltyKind.DEMOGRAPHIC_PARITY, 0, 2.0, prep.defaultArchitecture(), 5);
    List<CandidateStudent> cs = prep.train(List.of(penalised, plain), StudentWorkers.none());
    CandidateStudent c = cs.get(0);

    DistillationResult r =
        prep.distillation(
            c, c.student(), "s01-t0.40", out.resolve("distill"), ScoringBench.quick());
    DistillSummary s = r.summary();
    boolean[] y = prep.testLabels();
    assertArrayEquals(c.testScores(), r.studentScore(), "the summary's student is the candidate");
    assertEquals(ScoreStats.auc(c.testScores(), y), s.test().student().metrics().auc());
    assertEquals(ScoreStats.agreement(c.testScores(), prep.teacherTestScores(), 0.5), s.fidelity());
    assertEquals(ScoreStats.auc(prep.teacherTestScores(), y), s.test().teacher().auc());
    assertEquals("4x4", s.test().student().architecture());
    assertEquals(c.trained().epochsRun(), s.test().student().epochsRun());
    assertEquals("4x4", s.test().baseline().architecture(), "the baseline has its architecture");
    assertEquals(2.0, s.config().settings().lambda());
    assertEquals(3.0, s.config().settings().temperature());
    assertEquals("race", s.config().penaltyAttribute());
    assertEquals("race", s.fairness().attribute());
    assertEquals(5, s.seed(), "the run's seed: split and teacher");
    assertEquals(1, s.repeats().size(), "one seed, no repeats");
    assertEquals(6, s.repeats().get(0).seed(), "the candidate's training seed");
    assertEquals("4x4", s.selection().architecture());
    assertTrue(!s.selection().searched() && s.selection().candidates().isEmpty());
    assertTrue(s.notes().get(0).startsWith("the student is search candidate s01-t0.40,"));
    assertTrue(s.notes().get(0).contains("demographic_parity penalty on race, lambda 2"));
    assertTrue(
        s.notes().get(1).contains("architecture 4x4 was set by the search"), s.notes()::toString);
    assertNotNull(s.deployment().teacher());
    assertTrue(Double.isFinite(s.deployment().latencySpeedup()));
    assertEquals(c.student().toJson().length, s.deployment().studentPortable().sizeBytes());

    Map<String, Double> stages = s.trainingSeconds().stages();
    assertEquals(
        List.of(
            "split_and_encode",
            "teacher",
            "transfer_set",
            "architecture",
            "search",
            "baseline",
            "repeats",
            "export_and_bench",
            "compression"),
        List.copyOf(stages.keySet()));
    double sum = stages.values().stream().mapToDouble(Double::doubleValue).sum();
    assertTrue(sum <= s.trainingSeconds().total() + 1e-6, stages.toString());
    assertEquals(c.seconds(), s.trainingSeconds().student());

    // the files distill --out writes, the student file being the given one
    Path dir = out.resolve("distill");
    assertArrayEquals(
        c.student().toJson(), Files.readAllBytes(dir.resolve("student/student.json")));
    assertTrue(Files.isRegularFile(dir.resolve("predictions.csv")));
    assertTrue(Files.isDirectory(dir.resolve("teacher")));
    JsonNode json = new ObjectMapper().readTree(dir.resolve("distill.json").toFile());
    assertEquals("4x4", json.get("test").get("student").get("architecture").asText());
    assertEquals(s.notes().get(0), json.get("notes").get(0).asText());

    // the unconstrained candidate on the prepared architecture keeps the configured one
    CandidateStudent p = cs.get(1);
    DistillSummary ps =
        prep.distillation(p, p.student(), "s00-t0.50", null, ScoringBench.quick()).summary();
    assertEquals(cfg.architecture(), ps.config().architecture());
    assertEquals(1, ps.notes().size(), ps.notes()::toString);
    assertTrue(ps.notes().get(0).contains("no fairness penalty (lambda 0)"));

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> prep.distillation(c, p.student(), "s01-t0.40", null, ScoringBench.quick()));
    assertEquals(
        "the portable student given for candidate s01-t0.40 holds other weights", e.getMessage());
  }
}

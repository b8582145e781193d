package org.fairkd.kd.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.fairkd.kd.compress.Int8StudentFile;
import org.fairkd.kd.portable.PortableScorer;
import org.fairkd.kd.portable.PortableStudent;
import org.fairkd.kd.summary.CompressedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code student.compress}: the compressed students are written, scored, timed and summarised. */
class CompressionPipelineTest {
  @TempDir Path out;

  @Test
  void compressedStudentsAreWrittenBesideTheStudentAndSummarised() throws Exception {
    TabularDataset d = SyntheticLending.generate(1500, 4, SyntheticLending.Config.defaults());
    JsonNode node =
        new YAMLMapper()
            .readTree(
                """
                teacher: {members: [{type: logistic}], soft_targets: in_sample}
                student: {architecture: "16", transfer: "off", epochs: 5, compress: [int8, prune_50]}
                """);
    DistillConfig cfg = DistillConfig.fromNode(node, "test.yaml");
    DistillationResult r = Distiller.run(d, cfg, 3, 1, out, ScoringBench.quick());
    assertEquals(
        List.of("student_int8", "student_prune_50"), List.copyOf(r.compressedScores().keySet()));
    List<CompressedModel> c = r.summary().compression();
    assertEquals(2, c.size());
    Map<String, Double> stages = r.summary().trainingSeconds().stages();
    assertEquals(
        List.of(
            "split_and_encode",
            "teacher",
            "transfer_set",
            "architecture",
            "student_and_baseline",
            "repeats",
            "export_and_bench",
            "compression"),
        List.copyOf(stages.keySet()));
    double sum = stages.values().stream().mapToDouble(Double::doubleValue).sum();
    assertTrue(stages.values().stream().allMatch(v -> v >= 0), stages.toString());
    assertTrue(sum <= r.summary().trainingSeconds().total() + 1e-6, stages.toString());

    PortableStudent student = PortableStudent.read(out.resolve("student/student.json"));
    PortableStudent int8 =
        Int8StudentFile.read(out.resolve("student/student_int8.json")).dequantized();
    PortableStudent pruned = PortableStudent.read(out.resolve("student/student_prune_50.json"));
    RawRows raw = RawRows.of(d, r.testRows());
    PortableScorer.RowScorer s8 = new PortableScorer(int8).bind(raw.header());
    PortableScorer.RowScorer sp = new PortableScorer(pruned).bind(raw.header());
    double[] fromFile8 = new double[raw.rows().length];
    double[] fromFileP = new double[raw.rows().length];
    for (int i = 0; i < fromFile8.length; i++) {
      fromFile8[i] = s8.score(raw.rows()[i]);
      fromFileP[i] = sp.score(raw.rows()[i]);
    }
    assertArrayEquals(fromFile8, r.compressedScores().get("student_int8"), 1e-6);
    assertArrayEquals(fromFileP, r.compressedScores().get("student_prune_50"), 1e-6);

    CompressedModel q = c.get(0);
    double[] int8Scores = r.compressedScores().get("student_int8");
    assertEquals(
        ScoreStats.agreement(int8Scores, r.studentScore(), 0.5), q.fidelityToStudent(), 1e-12);
    assertEquals(
        ScoreStats.agreement(int8Scores, r.teacherScore(), 0.5), q.fidelityToTeacher(), 1e-12);
    assertEquals(ScoreStats.auc(int8Scores, r.testLabels()), q.test().auc(), 1e-12);
    assertEquals(Files.size(out.resolve("student/student_int8.json")), q.deployment().sizeBytes());
    assertTrue(q.deployment().sizeBytes() < Files.size(out.resolve("student/student.json")));
    CompressedModel p = c.get(1);
    long first = 16L * student.weights().inputWidth();
    long second = 2L * 16;
    assertEquals(first + second, p.weights());
    assertEquals(first - first / 2 + second - second / 2, p.nonZeroWeights());

    JsonNode json = new ObjectMapper().readTree(out.resolve("distill.json").toFile());
    assertEquals("student_prune_50", json.path("compression").path(1).path("role").asText());
    assertEquals(
        List.of("int8", "prune_50"),
        List.of(
            json.path("config").path("student").path("compress").path(0).asText(),
            json.path("config").path("student").path("compress").path(1).asText()));
    String header = Files.readAllLines(out.resolve("predictions.csv")).get(0);
    assertTrue(header.contains("student_int8") && header.contains("student_prune_50"), header);
  }
}

package org.fairkd.kd.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fairkd.datasets.Datasets;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.kd.bench.ScoringBench;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code distill} end to end with a teacher exported from a scikit-learn pipeline (ONNX, string
 * inputs, ZipMap output): its scores are the teacher's, MUNGE rows are labelled by it, and
 * distill.json and the deployment bench say so.
 */
class ImportedTeacherPipelineTest {
  @TempDir Path out;

  @Test
  void distillsFromAnImportedPipelineTeacherWithTheTransferSet() throws Exception {
    Path dir = Path.of(getClass().getResource("/imported/loans.csv").toURI()).getParent();
    TabularDataset d = Datasets.loadSpec(dir.resolve("loans.yaml"));
    JsonNode node =
        new YAMLMapper()
            .readTree(
                """
                teacher:
                  members:
                    - {name: pipe_trees, type: onnx, path: %s, favourable_class: repaid,
                       inputs: {numeric: age, categorical: [purpose, term]}}
                student: {architecture: "8", epochs: 3, transfer: "on", transfer_multiplier: 1}
                """
                    .formatted(dir.resolve("pipeline_trees.onnx")));
    DistillConfig cfg = DistillConfig.fromNode(node, "imported.yaml");
    DistillationResult r = Distiller.run(d, cfg, 3, 1, out, ScoringBench.quick());

    double[] python = pythonScores(dir.resolve("predictions.csv"), "pipeline_trees");
    for (int i = 0; i < r.testRows().length; i++) {
      assertEquals(python[r.testRows()[i]], r.teacherScore()[i], 1e-6, "test row " + i);
    }
    JsonNode json = new ObjectMapper().readTree(out.resolve("distill.json").toFile());
    JsonNode member = json.path("config").path("teacher").path("members").path(0);
    assertEquals("model_scores", member.path("soft_targets").asText());
    assertEquals("repaid", member.path("favourable_class").asText());
    assertTrue(json.path("selection").path("transfer_used").asBoolean(), json.toString());
    assertTrue(
        json.path("deployment")
            .path("teacher_fast_path")
            .asText()
            .contains("pipe_trees: ONNX Runtime session on raw inputs"),
        json.path("deployment").toString());
  }

  private static double[] pythonScores(Path file, String column) throws Exception {
    List<String> lines = Files.readAllLines(file);
    int c = List.of(lines.get(0).split(",")).indexOf(column);
    return lines.stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[c])).toArray();
  }
}

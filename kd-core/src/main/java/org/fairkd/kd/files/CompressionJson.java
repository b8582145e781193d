package org.fairkd.kd.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.fairkd.kd.summary.CompressedModel;

/**
 * distill.json's {@code compression} list (present only with {@code student.compress}): per
 * compressed student {@code {name, role, method, file, weights, non_zero_weights, test: {auc,
 * accuracy, log_loss}, fidelity_to_student, fidelity_to_teacher, max_score_change,
 * demographic_parity_difference (null without a protected attribute), deployment: {latency_p50_us,
 * latency_p99_us, throughput_rows_per_s, size_bytes}}}.
 */
final class CompressionJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private CompressionJson() {}

  static ArrayNode write(List<CompressedModel> models) {
    ArrayNode out = F.arrayNode();
    for (CompressedModel m : models) {
      ObjectNode o = out.addObject();
      o.put("name", m.name());
      o.put("role", m.role());
      o.put("method", m.method());
      o.put("file", m.file());
      o.put("weights", m.weights());
      o.put("non_zero_weights", m.nonZeroWeights());
      o.set("test", DistillJsonWriter.metrics(m.test()));
      o.put("fidelity_to_student", m.fidelityToStudent());
      o.put("fidelity_to_teacher", m.fidelityToTeacher());
      o.put("max_score_change", m.maxScoreChange());
      if (Double.isNaN(m.demographicParityDifference())) {
        o.putNull("demographic_parity_difference");
      } else {
        o.put("demographic_parity_difference", m.demographicParityDifference());
      }
      o.set("deployment", DistillJsonWriter.figures(m.deployment()));
    }
    return out;
  }

  static List<CompressedModel> read(JsonNode list) {
    List<CompressedModel> out = new ArrayList<>();
    for (JsonNode o : list) {
      out.add(
          new CompressedModel(
              o.path("name").asText(),
              o.path("role").asText(),
              o.path("method").asText(),
              o.path("file").asText(),
              o.path("weights").asLong(),
              o.path("non_zero_weights").asLong(),
              DistillJsonReader.metrics(o.path("test")),
              DistillJsonReader.num(o.path("fidelity_to_student")),
              DistillJsonReader.num(o.path("fidelity_to_teacher")),
              DistillJsonReader.num(o.path("max_score_change")),
              DistillJsonReader.num(o.path("demographic_parity_difference")),
              DistillJsonReader.figures(o.path("deployment"))));
    }
    return out;
  }
}

package org.fairkd.audit.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.fairkd.kd.files.DistillJsonReader;
import org.fairkd.kd.summary.DistillSummary;
import org.junit.jupiter.api.Test;

/** The figures a policy asks of a distillation, by name, from kd-core's typed summary. */
class DistillationTest {
  static ObjectNode demo() throws Exception {
    try (InputStream in =
        new GZIPInputStream(
            DistillationTest.class.getResourceAsStream("/golden/demo-distill.json.gz"))) {
      return (ObjectNode) new ObjectMapper().readTree(in);
    }
  }

  @Test
  void figuresAreTheSummarysNumbers() throws Exception {
    ObjectNode tree = demo();
    Distillation d = new Distillation(DistillJsonReader.fromTree(tree, "demo"));
    assertEquals(
        tree.path("test").path("student").path("log_loss").asDouble(),
        d.testMetric("student", "log_loss").value());
    assertEquals(
        tree.path("test").path("baseline").path("auc").asDouble(),
        d.testMetric("baseline", "auc").value());
    assertTrue(tree.path("gap_recovered").isNull(), "the demo's teacher lead is not significant");
    assertEquals(tree.path("gap_recovered_reason").asText(), d.gapRecovered().reason());
    var dep = tree.path("deployment");
    assertEquals(
        dep.path("teacher").path("latency_p50_us").asDouble()
            / dep.path("student_portable").path("latency_p50_us").asDouble(),
        d.deployment("latency_speedup").value(),
        1e-12);
    assertEquals(
        (double) dep.path("teacher").path("size_bytes").asLong()
            / dep.path("student_portable").path("size_bytes").asLong(),
        d.deployment("size_ratio").value(),
        1e-12);
    assertNull(d.testMetric("delta", "auc"), "no such model");
    assertNull(d.testMetric("student", "parameters"), "not a test metric");
    assertNull(d.deployment("teacher"), "not a deployment figure");
  }

  @Test
  void undefinedAndUnmeasuredFigures() throws Exception {
    ObjectNode tree = demo();
    tree.putNull("gap_recovered");
    tree.put("gap_recovered_reason", "the teacher's AUC lead over the baseline is not significant");
    ((ObjectNode) tree.path("test").path("teacher")).put("log_loss", Double.NaN);
    ObjectNode dep = (ObjectNode) tree.path("deployment");
    dep.putNull("teacher");
    dep.put("teacher_reason", "external teacher");
    DistillSummary s = DistillJsonReader.fromTree(tree, "demo");
    Distillation d = new Distillation(s);
    assertFalse(d.gapRecovered().defined(), "undefined gap_recovered");
    assertEquals(
        "the teacher's AUC lead over the baseline is not significant", d.gapRecovered().reason());
    assertFalse(d.testMetric("teacher", "log_loss").defined());
    assertNull(d.deployment("latency_speedup"), "the teacher was not timed");
  }
}

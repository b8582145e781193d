package org.fairkd.audit.json;

import com.fasterxml.jackson.databind.JsonNode;
import org.fairkd.audit.result.Distillation;
import org.fairkd.fairness.report.Estimate;

/**
 * The distillation of an audit backed by kd-core's distill.json tree, kept whole (it is written
 * into audit.json unchanged): test figures under {@code test.<model>}, {@code gap_recovered}, and
 * the deployment figures under {@code deployment}.
 *
 * @param tree the distill.json tree
 */
public record DistillJson(JsonNode tree) implements Distillation {

  /** The distillation of {@code tree}, or null when there is none (null or not an object). */
  public static DistillJson of(JsonNode tree) {
    return tree == null || !tree.isObject() ? null : new DistillJson(tree);
  }

  @Override
  public Estimate testMetric(String model, String metric) {
    return EstimateJson.read(tree.path("test").path(model).path(metric));
  }

  @Override
  public Estimate gapRecovered() {
    return EstimateJson.read(tree.path("gap_recovered"));
  }

  @Override
  public Estimate deployment(String figure) {
    return EstimateJson.read(tree.path("deployment").path(figure));
  }

  @Override
  public JsonNode teacherProvenance() {
    JsonNode t = tree.path("provenance").path("teacher");
    return t.isMissingNode() ? null : t;
  }

  @Override
  public JsonNode toJson() {
    return tree;
  }
}

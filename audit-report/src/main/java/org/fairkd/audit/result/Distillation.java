package org.fairkd.audit.result;

import com.fasterxml.jackson.databind.JsonNode;
import org.fairkd.fairness.report.Estimate;

/**
 * The distillation run behind an audit (kd-core's distill.json), through the figures the audit
 * needs. Today it is backed by the distill.json tree ({@link org.fairkd.audit.json.DistillJson}); a
 * typed summary from kd-core can implement it without changing the audit.
 */
public interface Distillation {

  /**
   * A test-split figure of one model ({@code teacher}, {@code student}, {@code baseline}), e.g.
   * {@code auc}, {@code log_loss}; null when absent.
   */
  Estimate testMetric(String model, String metric);

  /** The share of the teacher-over-baseline gap the student recovered; null when absent. */
  Estimate gapRecovered();

  /**
   * A deployment figure ({@code latency_speedup}, {@code throughput_speedup}, {@code size_ratio},
   * ...); null when absent or not measured.
   */
  Estimate deployment(String figure);

  /** The teacher's training provenance (written as {@code provenance.tribuo}), or null. */
  JsonNode teacherProvenance();

  /** The whole distillation summary as audit.json's {@code distillation} section. */
  JsonNode toJson();
}

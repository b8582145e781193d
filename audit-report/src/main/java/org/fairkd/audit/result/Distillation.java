package org.fairkd.audit.result;

import org.fairkd.fairness.report.Estimate;
import org.fairkd.fairness.report.UndefinedReason;
import org.fairkd.kd.summary.DistillSummary;
import org.fairkd.kd.summary.DistillSummary.ModelMetrics;
import org.fairkd.kd.summary.GapRecovered;

/**
 * The distillation run behind an audit: kd-core's typed {@link DistillSummary} (distill.json's
 * content), and its figures by the names a policy judges ({@code auc}, {@code log_loss}, {@code
 * gap_recovered}, {@code latency_speedup}, ...), as audit.json's {@code distillation} section reads
 * them: an undefined test or deployment figure (NaN in the summary) is an estimate without a value,
 * an undefined {@code gap_recovered} (written as null) and a name the summary does not have are
 * null.
 *
 * @param summary the distillation's summary
 */
public record Distillation(DistillSummary summary) {

  /** Checks the summary is given. */
  public Distillation {
    if (summary == null) {
      throw new IllegalArgumentException("a distillation needs its summary");
    }
  }

  /**
   * A test-split figure ({@code auc}, {@code accuracy}, {@code log_loss}) of {@code teacher},
   * {@code student} or {@code baseline}; null for another model or figure.
   */
  public Estimate testMetric(String model, String metric) {
    DistillSummary.TestMetrics t = summary.test();
    ModelMetrics m =
        switch (model) {
          case "teacher" -> t.teacher();
          case "student" -> t.student().metrics();
          case "baseline" -> t.baseline().metrics();
          default -> null;
        };
    if (m == null) {
      return null;
    }
    return switch (metric) {
      case "auc" -> figure(m.auc());
      case "accuracy" -> figure(m.accuracy());
      case "log_loss" -> figure(m.logLoss());
      default -> null;
    };
  }

  /**
   * The share of the teacher-over-baseline AUC gap the student recovered, with its Fieller
   * interval; undefined, with the reason, when the teacher's lead over the baseline is not
   * significant (the ratio's denominator cannot be told from 0).
   */
  public Estimate gapRecovered() {
    GapRecovered g = summary.gapRecovered();
    if (!g.defined()) {
      return Estimate.undefined(
          UndefinedReason.ZERO_DENOMINATOR,
          g.reason() == null ? "gap_recovered undefined" : g.reason());
    }
    return Estimate.of(
        g.value(),
        Double.isFinite(g.ciLow()) ? g.ciLow() : null,
        Double.isFinite(g.ciHigh()) ? g.ciHigh() : null);
  }

  /**
   * A deployment figure: {@code latency_speedup}, {@code throughput_speedup} or {@code size_ratio};
   * null when the teacher was not timed (an external teacher) or for another name.
   */
  public Estimate deployment(String figure) {
    var d = summary.deployment();
    if (d.teacher() == null) {
      return null;
    }
    return switch (figure) {
      case "latency_speedup" -> figure(d.latencySpeedup());
      case "throughput_speedup" -> figure(d.throughputSpeedup());
      case "size_ratio" -> figure(d.sizeRatio());
      default -> null;
    };
  }

  private static Estimate figure(double v) {
    return Double.isFinite(v)
        ? Estimate.of(v, null, null)
        : new Estimate(null, null, null, null, null);
  }
}

package org.fairkd.audit.facts;

import org.fairkd.audit.reasons.ReasonFigures;
import org.fairkd.audit.result.AuditResult;
import org.fairkd.audit.result.Distillation;
import org.fairkd.fairness.metrics.ReasonMetric;
import org.fairkd.fairness.report.Estimate;
import org.fairkd.policies.facts.Figure;
import org.fairkd.policies.model.Subject;

/**
 * Figures of the whole student-vs-teacher comparison and of the distillation run: {@code fidelity}
 * ({@code comparison.fidelity}), {@code kl} ({@code comparison.kl_divergence}), {@code
 * gap_recovered} ({@code distillation.gap_recovered}), deployment figures ({@code
 * distillation.deployment.*}) and {@code log_loss} ({@code distillation.test.<s>.log_loss}; for the
 * delta {@code comparison.deltas.overall.log_loss}, else the difference of the two point values)
 * and the adverse-action reason figures ({@link ReasonFigures}).
 */
final class ModelFigures {
  private static final String NO_DISTILLATION =
      "the audit has no distillation section (an audit of external scores)";

  private ModelFigures() {}

  /** The figure of a comparison or distillation metric (one per audit). */
  static Figure figure(AuditResult audit, Subject s, String metric) {
    Distillation dist = audit.distillation();
    var cmp = audit.comparison();
    return switch (metric) {
      case "fidelity" ->
          AuditFacts.found(cmp == null ? null : cmp.fidelity(), null, "comparison.fidelity");
      case "kl", "kl_divergence" ->
          AuditFacts.found(
              cmp == null ? null : cmp.klDivergence(), null, "comparison.kl_divergence");
      case "gap_recovered" ->
          dist == null
              ? Figure.missing(NO_DISTILLATION, "distillation.gap_recovered")
              : AuditFacts.found(dist.gapRecovered(), null, "distillation.gap_recovered");
      case "log_loss" -> logLoss(audit, s);
      case ReasonMetric.TOP_K_OVERLAP,
              ReasonMetric.TOP_K_OVERLAP_GAP,
              ReasonMetric.FIRST_REASON_AGREEMENT,
              ReasonMetric.FLAGGED_PROXIES ->
          ReasonFigures.figure(audit, metric);
      default -> {
        String loc = "distillation.deployment." + metric;
        yield dist == null
            ? Figure.missing(NO_DISTILLATION, loc)
            : AuditFacts.found(dist.deployment(metric), null, loc);
      }
    };
  }

  private static Figure logLoss(AuditResult audit, Subject s) {
    Distillation dist = audit.distillation();
    if (s != Subject.DELTA) {
      String loc = "distillation.test." + s.yamlName() + ".log_loss";
      return AuditFacts.found(
          dist == null ? null : dist.testMetric(s.yamlName(), "log_loss"), null, loc);
    }
    Estimate d =
        audit.comparison() == null ? null : audit.comparison().deltas().overall().get("log_loss");
    if (d != null) {
      return AuditFacts.found(d, null, "comparison.deltas.overall.log_loss");
    }
    Estimate st = dist == null ? null : dist.testMetric("student", "log_loss");
    Estimate te = dist == null ? null : dist.testMetric("teacher", "log_loss");
    String loc = "distillation.test.student.log_loss - distillation.test.teacher.log_loss";
    if (st == null || te == null || !st.defined() || !te.defined()) {
      return Figure.missing(null, loc);
    }
    return AuditFacts.found(Estimate.of(st.value() - te.value(), null, null), null, loc);
  }
}

package org.fairkd.audit.reasons;

import org.fairkd.audit.result.AuditResult;
import org.fairkd.fairness.metrics.ReasonMetric;
import org.fairkd.fairness.report.Estimate;
import org.fairkd.policies.facts.Figure;

/**
 * The policy figures of an audit's adverse-action reasons ({@link ReasonMetric}): {@code
 * reason_top_k_overlap} ({@code reasons.fidelity.overall.top_k_overlap}), {@code
 * reason_first_agreement} ({@code reasons.fidelity.overall.first_reason_agreement}) and {@code
 * flagged_proxy_reasons} (the length of {@code reasons.flagged_top_reasons}).
 *
 * <p>An audit without a reasons block (an audit of external scores: no model to attribute), or with
 * a reasons block but no teacher model (an external teacher: no fidelity), gives a MISSING figure
 * that says so: a rule on it is not evaluated, which for the bundled warn-severity rules is a
 * warning, never a pass and never a failed gate (unless {@code --strict}).
 */
public final class ReasonFigures {
  /** Why an audit without a reasons block has no reason figures. */
  public static final String NO_REASONS =
      "the audit has no adverse-action reasons: they need the student and teacher models"
          + " ('fairkd run'); an audit of external scores has none";

  /** Why an audit whose teacher is not a model has no reason fidelity. */
  public static final String NO_TEACHER_REASONS =
      "the audit has no teacher reasons: the teacher is external scores, not a model";

  private ReasonFigures() {}

  /** The figure of reason metric {@code metric} (one of {@link ReasonMetric#NAMES}). */
  public static Figure figure(AuditResult audit, String metric) {
    AdverseActionResult r = audit.reasons();
    String location =
        switch (metric) {
          case ReasonMetric.TOP_K_OVERLAP -> "reasons.fidelity.overall.top_k_overlap";
          case ReasonMetric.FIRST_REASON_AGREEMENT ->
              "reasons.fidelity.overall.first_reason_agreement";
          case ReasonMetric.FLAGGED_PROXIES -> "reasons.flagged_top_reasons";
          default -> throw new IllegalArgumentException("not a reason figure: " + metric);
        };
    if (r == null) {
      return Figure.missing(NO_REASONS, location);
    }
    if (metric.equals(ReasonMetric.FLAGGED_PROXIES)) {
      return Figure.ok(Estimate.of(r.flaggedTopReasons().size(), null, null), null, location);
    }
    if (r.fidelity() == null) {
      return Figure.missing(NO_TEACHER_REASONS, location);
    }
    var overall = r.fidelity().overall();
    Estimate e =
        metric.equals(ReasonMetric.TOP_K_OVERLAP)
            ? overall.topKOverlap()
            : overall.firstReasonAgreement();
    if (!e.defined()) {
      return Figure.unavailable(
          org.fairkd.policies.facts.Availability.UNDEFINED, e, null, e.reason(), location);
    }
    return Figure.ok(e, null, location);
  }
}

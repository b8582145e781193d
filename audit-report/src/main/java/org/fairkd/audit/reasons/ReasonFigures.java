package org.fairkd.audit.reasons;

import java.util.Map;
import org.fairkd.audit.result.AuditResult;
import org.fairkd.fairness.metrics.ReasonMetric;
import org.fairkd.fairness.reasons.ReasonAgreement;
import org.fairkd.fairness.reasons.ReasonFidelity;
import org.fairkd.fairness.report.Estimate;
import org.fairkd.policies.facts.Figure;

/**
 * The policy figures of an audit's adverse-action reasons ({@link ReasonMetric}): {@code
 * reason_top_k_overlap} ({@code reasons.fidelity.overall.top_k_overlap}), {@code
 * reason_first_agreement} ({@code reasons.fidelity.overall.first_reason_agreement}), {@code
 * reason_top_k_overlap_gap} (from {@code reasons.fidelity.by_group}: within each attribute, the
 * highest group's top-k overlap minus the lowest's; the largest over attributes) and {@code
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

  /** Why the per-group overlap gap is undefined. */
  public static final String NO_GROUP_GAP =
      "no protected attribute has two groups with a defined top-k reason overlap";

  private ReasonFigures() {}

  /** The figure of reason metric {@code metric} (one of {@link ReasonMetric#NAMES}). */
  public static Figure figure(AuditResult audit, String metric) {
    AdverseActionResult r = audit.reasons();
    String location =
        switch (metric) {
          case ReasonMetric.TOP_K_OVERLAP -> "reasons.fidelity.overall.top_k_overlap";
          case ReasonMetric.TOP_K_OVERLAP_GAP -> "reasons.fidelity.by_group";
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
    if (metric.equals(ReasonMetric.TOP_K_OVERLAP_GAP)) {
      return overlapGap(r.fidelity(), location);
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

  /**
   * The largest {@code max − min} of the groups' top-k overlaps within one attribute, over the
   * groups whose overlap is defined; undefined when no attribute has two such groups.
   */
  private static Figure overlapGap(ReasonFidelity fidelity, String location) {
    double gap = Double.NaN;
    for (Map<String, ReasonAgreement> groups : fidelity.byGroup().values()) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      int defined = 0;
      for (ReasonAgreement g : groups.values()) {
        if (g.topKOverlap().defined()) {
          lo = Math.min(lo, g.topKOverlap().value());
          hi = Math.max(hi, g.topKOverlap().value());
          defined++;
        }
      }
      if (defined >= 2 && !(hi - lo <= gap)) {
        gap = hi - lo;
      }
    }
    Estimate e =
        Double.isNaN(gap)
            ? Estimate.undefined(
                org.fairkd.fairness.report.UndefinedReason.TOO_FEW_GROUPS, NO_GROUP_GAP)
            : Estimate.of(gap, null, null);
    if (!e.defined()) {
      return Figure.unavailable(
          org.fairkd.policies.facts.Availability.UNDEFINED, e, null, e.reason(), location);
    }
    return Figure.ok(e, null, location);
  }
}

package org.fairkd.audit.reasons;

import org.fairkd.fairness.report.Estimate;
import org.fairkd.policies.eval.Numbers;

/**
 * The one-line summary of an audit's reasons that {@code distill} prints, e.g. {@code reasons: 431
 * declines, top-4 overlap with the teacher 0.961 (95% CI 0.952–0.969), first reason 0.942 (95% CI
 * 0.919–0.963); flagged proxies among the top reasons: region_score}.
 */
public final class ReasonsLine {
  private ReasonsLine() {}

  /** The line for {@code r}. */
  public static String of(AdverseActionResult r) {
    StringBuilder b = new StringBuilder("reasons: ").append(Numbers.count(r.declined()));
    b.append(" declines");
    if (r.fidelity() == null) {
      b.append(", no teacher reasons (the teacher is external scores)");
    } else {
      String level = Numbers.count(100 * r.fidelity().level()) + "% CI ";
      b.append(", top-")
          .append(r.k())
          .append(" overlap with the teacher ")
          .append(figure(r.fidelity().overall().topKOverlap(), level))
          .append(", first reason ")
          .append(figure(r.fidelity().overall().firstReasonAgreement(), level));
      if (r.teacherExplained() < r.declined()) {
        b.append(" on a sample of ").append(Numbers.count(r.teacherExplained()));
      }
    }
    b.append("; flagged proxies among the top reasons: ")
        .append(
            r.flaggedTopReasons().isEmpty() ? "none" : String.join(", ", r.flaggedTopReasons()));
    return b.toString();
  }

  private static String figure(Estimate e, String level) {
    if (!e.defined()) {
      return "undefined (" + e.reason() + ")";
    }
    String v = Numbers.estimate(e.value());
    return e.ciLow() == null || e.ciHigh() == null
        ? v
        : v + " (" + level + Numbers.estimate(e.ciLow()) + "–" + Numbers.estimate(e.ciHigh()) + ")";
  }
}

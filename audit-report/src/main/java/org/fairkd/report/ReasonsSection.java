package org.fairkd.report;

import java.util.ArrayList;
import java.util.List;
import org.fairkd.audit.reasons.AdverseActionResult;
import org.fairkd.audit.reasons.TopReasons;
import org.fairkd.audit.result.AuditResult;
import org.fairkd.fairness.reasons.ProxyFlag;
import org.fairkd.fairness.reasons.ReasonAgreement;
import org.fairkd.fairness.report.Estimate;
import org.fairkd.policies.eval.Numbers;

/**
 * The report's "Adverse action reasons" section (template {@code sections/reasons.ftlh}): the
 * method and reference point, the teacher–student reason fidelity with intervals overall and by
 * group, the student's most frequent reasons by group (reason texts), and the proxy screen. Left
 * out of audits without reasons.
 *
 * @param method the attribution method
 * @param reference the reference point
 * @param k reasons per decline
 * @param declined the student's declines
 * @param sample how many declines the teacher's reasons cover, in words (empty when all)
 * @param fidelity fidelity rows, overall first; empty without teacher reasons
 * @param methodCheck the student's integrated gradients against its Shapley reasons, in words
 * @param topReasons the most frequent reasons, overall first
 * @param flags the proxy screen, flagged first
 * @param flaggedTop flagged features among the most frequent reasons (empty: none)
 */
public record ReasonsSection(
    String method,
    String reference,
    int k,
    String declined,
    String sample,
    List<FidelityRow> fidelity,
    String methodCheck,
    List<TopRow> topReasons,
    List<FlagRow> flags,
    List<String> flaggedTop) {

  /** The section's entry in {@link ReportSections}. */
  static final ReportSection SECTION =
      new ReportSection() {
        @Override
        public String id() {
          return "reasons";
        }

        @Override
        public String title() {
          return "Adverse action reasons";
        }

        @Override
        public Object model(AuditResult audit, ReportModel report) {
          return audit.reasons() == null ? null : of(audit.reasons());
        }
      };

  /**
   * One fidelity row.
   *
   * @param slice {@code overall} or {@code attribute=group}
   * @param n declines compared
   * @param overlap top-k overlap with its interval
   * @param first first-reason agreement with its interval
   */
  public record FidelityRow(String slice, String n, String overlap, String first) {}

  /**
   * The most frequent reasons of one slice.
   *
   * @param slice {@code overall} or {@code attribute=group}
   * @param declined the slice's declines
   * @param reasons {@code text (share)}, most frequent first
   */
  public record TopRow(String slice, String declined, List<String> reasons) {}

  /**
   * One proxy-screen row.
   *
   * @param feature the feature
   * @param attribute the protected attribute
   * @param measure Cramér's V, or AUC for the named group
   * @param association the value
   * @param level the flagging level
   * @param flagged whether flagged
   */
  public record FlagRow(
      String feature,
      String attribute,
      String measure,
      String association,
      String level,
      boolean flagged) {}

  /** The section's model for {@code r}. */
  static ReasonsSection of(AdverseActionResult r) {
    List<FidelityRow> fidelity = new ArrayList<>();
    String sample = "";
    if (r.fidelity() != null) {
      fidelity.add(row("overall", r.fidelity().overall()));
      r.fidelity()
          .byGroup()
          .forEach((a, gs) -> gs.forEach((g, v) -> fidelity.add(row(a + "=" + g, v))));
      if (r.teacherExplained() < r.declined()) {
        sample =
            "The teacher's reasons were computed for a seeded sample of "
                + Numbers.count(r.teacherExplained())
                + " of the "
                + Numbers.count(r.declined())
                + " declines (its Shapley values cost milliseconds per applicant).";
      }
    }
    List<TopRow> top = new ArrayList<>();
    top.add(topRow("overall", r.topReasons().overall()));
    r.topReasons()
        .byGroup()
        .forEach((a, gs) -> gs.forEach((g, v) -> top.add(topRow(a + "=" + g, v))));
    List<FlagRow> flags = new ArrayList<>();
    r.proxyFlags().stream().filter(ProxyFlag::flagged).forEach(f -> flags.add(flag(f)));
    r.proxyFlags().stream().filter(f -> !f.flagged()).forEach(f -> flags.add(flag(f)));
    ReasonAgreement check = r.methodCheck();
    return new ReasonsSection(
        r.method(),
        r.reference(),
        r.k(),
        Numbers.count(r.declined()),
        sample,
        fidelity,
        "top-"
            + r.k()
            + " overlap "
            + value(check.topKOverlap())
            + ", first-reason agreement "
            + value(check.firstReasonAgreement()),
        top,
        flags,
        r.flaggedTopReasons());
  }

  private static FidelityRow row(String slice, ReasonAgreement a) {
    return new FidelityRow(
        slice,
        Numbers.count(a.n()),
        withInterval(a.topKOverlap()),
        withInterval(a.firstReasonAgreement()));
  }

  private static TopRow topRow(String slice, TopReasons.Slice s) {
    return new TopRow(
        slice,
        Numbers.count(s.declined()),
        s.reasons().stream()
            .map(c -> c.text() + " (" + Numbers.estimate(100 * c.share()) + "%)")
            .toList());
  }

  private static FlagRow flag(ProxyFlag f) {
    return new FlagRow(
        f.feature(),
        f.attribute(),
        f.measure().equals("cramers_v") ? "Cramér's V" : "AUC (" + f.group() + " vs rest)",
        Numbers.estimate(f.association()),
        Numbers.threshold(f.level()),
        f.flagged());
  }

  private static String withInterval(Estimate e) {
    if (!e.defined()) {
      return "undefined: " + e.reason();
    }
    return e.ciLow() == null || e.ciHigh() == null
        ? value(e)
        : value(e) + " (" + Numbers.estimate(e.ciLow()) + "–" + Numbers.estimate(e.ciHigh()) + ")";
  }

  private static String value(Estimate e) {
    return e.defined() ? Numbers.estimate(e.value()) : "undefined";
  }
}

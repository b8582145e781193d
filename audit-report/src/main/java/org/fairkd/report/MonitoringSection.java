package org.fairkd.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fairkd.audit.result.AuditResult;
import org.fairkd.audit.result.PolicyHeader;
import org.fairkd.audit.result.PolicyRecord;
import org.fairkd.audit.result.RuleCheck;
import org.fairkd.policies.eval.Evidence;
import org.fairkd.policies.eval.Numbers;
import org.fairkd.policies.eval.Status;
import org.fairkd.policies.model.Comparator;
import org.fairkd.policies.model.EvidenceMode;
import org.fairkd.policies.model.Severity;
import org.fairkd.policies.model.Subject;
import org.fairkd.policies.model.Threshold;

/**
 * The monitoring plan template: for every rule of the policy this audit was judged by, what to
 * watch after release, the suggested triggers (watch at the policy's warning level, re-validate at
 * its fail level), the fewest rows a monitoring window needs to settle the rule (the largest "rows
 * needed" of this audit's not-shown checks, else the minimum slice size per group), this audit's
 * outcome as the baseline, and blanks for the validator (cadence, owner). Left out when the audit
 * has no policy.
 */
public final class MonitoringSection implements ReportSection {
  /** The section id. */
  public static final String ID = "monitoring";

  /** What the validator fills in. */
  static final String TO_FILL = "[validator: to set]";

  /** The template's model. */
  public record Model(String policy, List<Row> rules, String cadence, String owner) {}

  /**
   * One rule's plan: what it checks, the watch and re-validate triggers, the rows a monitoring
   * window needs, this audit's outcome, and a note (e.g. a delta rule needs the teacher's scores).
   */
  public record Row(
      String id,
      String title,
      String severity,
      String check,
      String watch,
      String revalidate,
      String windowRows,
      String baseline,
      String note) {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Monitoring plan (template)";
  }

  @Override
  public Object model(AuditResult audit, ReportModel report) {
    PolicyRecord policy = audit.policy();
    if (policy == null || policy.policy() == null) {
      return null;
    }
    int minSlice = audit.config() == null ? 0 : audit.config().minSliceSize();
    List<Row> rows = new ArrayList<>();
    for (PolicyHeader.RuleHeader rule : policy.policy().rules()) {
      List<RuleCheck> checks =
          policy.checks().stream().filter(c -> c.id().equals(rule.id())).toList();
      rows.add(row(rule, checks, minSlice));
    }
    return new Model(report.policy(), rows, TO_FILL, TO_FILL);
  }

  static Row row(PolicyHeader.RuleHeader rule, List<RuleCheck> checks, int minSlice) {
    Evidence e =
        checks.stream()
            .map(RuleCheck::evidence)
            .filter(x -> x != null && x.threshold() != null)
            .findFirst()
            .orElse(null);
    String failLevel = e == null ? "" : breach(e.comparator(), e.threshold());
    String warnLevel =
        e == null || e.warnThreshold() == null ? "" : breach(e.comparator(), e.warnThreshold());
    String watch;
    String revalidate;
    if (rule.severity() == Severity.WARN) {
      watch = failLevel.isEmpty() ? "when the rule warns" : failLevel + " (the rule's level)";
      revalidate = "warn-only rule: review when a warning repeats in consecutive windows";
    } else {
      watch =
          !warnLevel.isEmpty()
              ? warnLevel + " (the policy's warning level)"
              : failLevel.isEmpty()
                  ? "when the rule warns"
                  : e.mode() == EvidenceMode.POINT
                      ? "the interval reaching " + failLevel + " (an early sign)"
                      : "an estimate " + failLevel + " that is not yet shown (the rule warns)";
      revalidate =
          failLevel.isEmpty()
              ? "when the rule fails"
              : failLevel + " as the rule judges it (the policy's fail level)";
    }
    long needed =
        checks.stream()
            .filter(c -> c.requiredRows() != null)
            .mapToLong(RuleCheck::requiredRows)
            .max()
            .orElse(-1);
    String windowRows =
        needed > 0
            ? "about "
                + Numbers.count(needed)
                + " rows in the slice it judges (this audit's rows needed to settle it)"
            : minSlice > 0
                ? "at least " + minSlice + " rows per group (the minimum slice size)"
                : "";
    boolean delta = checks.stream().anyMatch(c -> c.subject() == Subject.DELTA);
    return new Row(
        rule.id(),
        rule.title(),
        rule.severity() == null ? "" : rule.severity().name().toLowerCase(Locale.ROOT),
        rule.check(),
        watch,
        revalidate,
        windowRows,
        baseline(checks),
        delta
            ? "compares the student with the teacher: keep scoring the teacher on a sample of"
                + " production rows (shadow scoring)"
            : "");
  }

  /** The breach of a level: "below 0.8", "above 0.1" or "outside [-0.3, 0.3]". */
  static String breach(Comparator c, Threshold t) {
    return switch (c) {
      case AT_LEAST -> "below " + Numbers.threshold(t.low());
      case AT_MOST -> "above " + Numbers.threshold(t.high());
      case BETWEEN ->
          "outside [" + Numbers.threshold(t.low()) + ", " + Numbers.threshold(t.high()) + "]";
    };
  }

  /** "12 checks: 1 fail, 2 warn, 9 pass" (the statuses that occur, worst first). */
  static String baseline(List<RuleCheck> checks) {
    if (checks.isEmpty()) {
      return "not evaluated";
    }
    List<String> parts = new ArrayList<>();
    for (Status s : List.of(Status.FAIL, Status.ERROR, Status.WARN, Status.PASS)) {
      long n = checks.stream().filter(c -> c.status() == s).count();
      if (n > 0) {
        parts.add(n + " " + s.name().toLowerCase(Locale.ROOT));
      }
    }
    return checks.size()
        + (checks.size() == 1 ? " check: " : " checks: ")
        + String.join(", ", parts);
  }
}

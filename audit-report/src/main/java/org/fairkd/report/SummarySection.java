package org.fairkd.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.fairkd.audit.facts.AuditFacts;
import org.fairkd.audit.result.AuditResult;
import org.fairkd.audit.result.ModelRole;
import org.fairkd.audit.result.RuleCheck;
import org.fairkd.fairness.report.Comparison;
import org.fairkd.fairness.report.Estimate;
import org.fairkd.fairness.report.ModelResult;
import org.fairkd.fairness.report.SliceResult;
import org.fairkd.fairness.report.SliceStatus;
import org.fairkd.policies.eval.Finding;
import org.fairkd.policies.eval.Numbers;
import org.fairkd.policies.eval.Status;
import org.fairkd.policies.facts.Figure;
import org.fairkd.policies.facts.SliceKey;
import org.fairkd.policies.metric.MetricKind;
import org.fairkd.policies.metric.PolicyMetrics;
import org.fairkd.policies.model.Subject;
import org.fairkd.policies.model.Threshold;

/**
 * The report's first page, the decision: the verdict and tally; every failing and warning check
 * with its group, value, interval, threshold and finding (harm, or not shown with the test rows
 * that would settle it) and, for each, whether the teacher fails the same way (the same rule's
 * figure for the teacher on the same slice, judged against the same threshold: inherited) or
 * distillation introduced it; the checks on slices too small to judge as one grouped line; the
 * student's accuracy and AUC against the teacher's and their decision agreement; and what to do
 * next.
 *
 * @param verdict PASS, WARN, FAIL or ERROR
 * @param policy the policy's id
 * @param tally the checks per status and finding
 * @param rows the failing and warning checks that judged something, failing first
 * @param tooSmall the checks left unjudged because their slice is too small, in one line (empty
 *     when there are none)
 * @param tooSmallCount how many checks that line groups
 * @param figures the models' headline figures
 * @param next what to do next, most important first
 */
public record SummarySection(
    String verdict,
    String policy,
    String tally,
    List<Row> rows,
    String tooSmall,
    int tooSmallCount,
    List<ModelFigure> figures,
    List<String> next) {

  /**
   * One failing or warning check: {@code origin} is "inherited", "introduced" or "change" (a rule
   * on the student − teacher difference, which distillation makes by definition), or "" when the
   * teacher's figure is not available; {@code teacher} is the teacher's own figure in words.
   */
  public record Row(
      String status,
      String rule,
      String slice,
      String value,
      String threshold,
      String finding,
      String teacher,
      String origin) {}

  /** A headline figure of teacher and student on the test split. */
  public record ModelFigure(String name, String teacher, String student) {}

  /** Copies the lists. */
  public SummarySection {
    rows = List.copyOf(rows);
    figures = List.copyOf(figures);
    next = List.copyOf(next);
  }

  /** The section's model: the summary of {@code audit} with the core model's verdict and gate. */
  static SummarySection model(AuditResult audit, ReportModel report) {
    return build(audit, report.verdict(), report.policy(), report.gate());
  }

  /** The summary of {@code audit}, whose gate table is {@code gate}. */
  static SummarySection build(AuditResult audit, String verdict, String policy, GateSection gate) {
    List<Row> rows = new ArrayList<>();
    List<String> small = new ArrayList<>();
    AuditFacts facts = new AuditFacts(audit);
    List<RuleCheck> checks =
        audit.policy() == null ? List.<RuleCheck>of() : new ArrayList<>(audit.policy().checks());
    checks.sort(Comparator.comparingInt(c -> c.status() == Status.WARN ? 1 : 0));
    long worstRows = 0;
    String worst = "";
    boolean introducedHarm = false;
    String searchAttribute = null;
    boolean inheritedHarm = false;
    for (RuleCheck c : checks) {
      if (c.status() == Status.PASS) {
        continue;
      }
      if (c.finding() == Finding.NOT_EVALUATED && tooSmall(audit, c)) {
        small.add(c.id() + " on " + c.slice());
        continue;
      }
      String origin = origin(facts, c);
      String teacher = teacherFigure(facts, c);
      rows.add(
          new Row(
              c.status().jsonName(),
              c.id(),
              c.slice() == null ? "(overall)" : c.slice(),
              value(c),
              threshold(c),
              finding(c),
              teacher,
              origin));
      if (c.requiredRows() != null && c.requiredRows() > worstRows) {
        worstRows = c.requiredRows();
        worst = c.id() + " on " + (c.slice() == null ? "the whole test set" : c.slice());
      }
      if (c.finding() == Finding.HARM) {
        if (!origin.equals("inherited") && searchAttribute == null && c.slice() != null) {
          searchAttribute = c.slice().replaceFirst("=.*", "").split("\\*")[0];
        }
        introducedHarm |= !origin.equals("inherited");
        inheritedHarm |= origin.equals("inherited");
      }
    }
    String tooSmall =
        small.isEmpty()
            ? ""
            : small.size()
                + (small.size() == 1 ? " check was" : " checks were")
                + " not judged because the slice is below the minimum slice size: "
                + String.join("; ", small.subList(0, Math.min(6, small.size())))
                + (small.size() > 6 ? " and " + (small.size() - 6) + " more" : "")
                + " (all in the gate table, appendix).";
    return new SummarySection(
        verdict,
        policy,
        gate.tally(),
        rows,
        tooSmall,
        small.size(),
        figures(audit),
        next(
            audit,
            verdict,
            rows,
            worst,
            worstRows,
            introducedHarm ? (searchAttribute == null ? "ATTR" : searchAttribute) : null,
            inheritedHarm,
            small.size()));
  }

  /** Whether the check's slice is below the minimum size for the teacher or the student. */
  private static boolean tooSmall(AuditResult audit, RuleCheck c) {
    if (c.slice() == null || !c.slice().contains("=")) {
      return c.explanation() != null && c.explanation().contains("insufficient data");
    }
    String key = c.slice().substring(0, c.slice().indexOf('='));
    String group = c.slice().substring(c.slice().indexOf('=') + 1);
    for (ModelRole role : List.of(ModelRole.TEACHER, ModelRole.STUDENT)) {
      ModelResult m = audit.model(role).map(a -> a.result()).orElse(null);
      SliceResult s =
          m == null
              ? null
              : AttributeSection.slicesFor(
                      m.slices(), SliceResult::attributes, List.of(key.split("\\*")))
                  .get(group);
      if (s != null && s.status() != SliceStatus.OK) {
        return true;
      }
    }
    return c.explanation() != null && c.explanation().contains("insufficient data");
  }

  /** "≥ 0.8", "≤ 0.02", "in [-0.3,0.3]". */
  private static String threshold(RuleCheck c) {
    String t = GateSection.threshold(c.evidence());
    if (t.isEmpty() || c.comparator() == null) {
      return t;
    }
    return switch (c.comparator()) {
      case AT_LEAST -> "≥ " + t;
      case AT_MOST -> "≤ " + t;
      case BETWEEN -> "in " + t;
    };
  }

  /** "harm", "not shown: about 5,966 test rows needed", "not evaluated". */
  private static String finding(RuleCheck c) {
    if (c.finding() == null) {
      return c.status().jsonName();
    }
    return switch (c.finding()) {
      case HARM -> "harm";
      case NOT_SHOWN ->
          "not shown"
              + (c.requiredRows() == null
                  ? ""
                  : ": about " + Numbers.count(c.requiredRows()) + " test rows needed");
      case NOT_EVALUATED -> "not evaluated";
      case SHOWN -> "shown";
    };
  }

  private static String value(RuleCheck c) {
    Double v = c.evidence().value();
    if (v == null || !Double.isFinite(v)) {
      return "undefined";
    }
    String s = Numbers.estimate(v);
    if (c.evidence().ciLow() != null && c.evidence().ciHigh() != null) {
      s +=
          " ["
              + Numbers.estimate(c.evidence().ciLow())
              + ", "
              + Numbers.estimate(c.evidence().ciHigh())
              + "]";
    }
    return s;
  }

  /** The teacher's figure for the check's metric and slice, or null when it has none. */
  private static Estimate teacherEstimate(AuditFacts facts, RuleCheck c) {
    var info = PolicyMetrics.lookup(c.metric()).orElse(null);
    if (info == null) {
      return null;
    }
    String slice = c.slice();
    int eq = slice == null ? -1 : slice.indexOf('=');
    Figure f =
        switch (info.kind()) {
          case SLICE ->
              slice == null
                  ? facts.overall(Subject.TEACHER, c.metric())
                  : eq < 0
                      ? null
                      : facts.slice(
                          Subject.TEACHER,
                          new SliceKey(slice.substring(0, eq), slice.substring(eq + 1)),
                          c.metric());
          case ATTRIBUTE ->
              slice == null || eq >= 0
                  ? null
                  : facts.wholeDisparity(Subject.TEACHER, slice, c.metric());
          case GROUP_VS_REFERENCE ->
              eq < 0
                  ? null
                  : facts.groupDisparity(
                      Subject.TEACHER,
                      slice.substring(0, eq),
                      slice.substring(eq + 1),
                      c.metric(),
                      info.testMetric());
          default -> null;
        };
    return f == null || f.estimate() == null || !f.estimate().defined() ? null : f.estimate();
  }

  private static String teacherFigure(AuditFacts facts, RuleCheck c) {
    Estimate t = teacherEstimate(facts, c);
    return t == null ? "—" : Numbers.estimate(t.value());
  }

  /**
   * "inherited" when the teacher's own figure breaks the same threshold, "introduced" when it does
   * not, "change" for a rule on the paired difference, "" when the teacher has no such figure.
   */
  private static String origin(AuditFacts facts, RuleCheck c) {
    boolean comparison =
        PolicyMetrics.lookup(c.metric())
            .map(i -> i.kind() == MetricKind.COMPARISON || i.kind() == MetricKind.DISTILLATION)
            .orElse(false);
    if (c.subject() == Subject.DELTA || comparison) {
      return "change";
    }
    if (c.subject() == Subject.TEACHER) {
      return "inherited";
    }
    Estimate t = teacherEstimate(facts, c);
    Threshold th = c.evidence().threshold();
    if (t == null || th == null) {
      return "";
    }
    Threshold warn = c.evidence().warnThreshold();
    boolean breaks =
        !th.contains(t.value())
            || (c.status() == Status.WARN && warn != null && !warn.contains(t.value()));
    return breaks ? "inherited" : "introduced";
  }

  /** Accuracy and AUC of teacher and student, their agreement and the paired tests. */
  private static List<ModelFigure> figures(AuditResult audit) {
    List<ModelFigure> out = new ArrayList<>();
    ModelResult t = audit.model(ModelRole.TEACHER).map(a -> a.result()).orElse(null);
    ModelResult s = audit.model(ModelRole.STUDENT).map(a -> a.result()).orElse(null);
    for (String m : List.of("accuracy", "auc")) {
      out.add(new ModelFigure(m.equals("auc") ? "AUC" : "accuracy", overall(t, m), overall(s, m)));
    }
    Comparison cmp = audit.comparison();
    if (cmp != null) {
      out.add(
          new ModelFigure(
              "decisions agreeing with the teacher's (fidelity)",
              "—",
              Cell.of(cmp.fidelity()).text()));
      if (cmp.tests() != null && cmp.tests().mcnemarPValue() != null) {
        out.add(
            new ModelFigure(
                "accuracy differs (McNemar test)", "—", Numbers.p(cmp.tests().mcnemarPValue())));
      }
      if (cmp.tests() != null && cmp.tests().delongPValue() != null) {
        out.add(
            new ModelFigure(
                "AUC differs (paired DeLong test)",
                "—",
                "Δ "
                    + Numbers.estimate(cmp.tests().delongDifference())
                    + ", "
                    + Numbers.p(cmp.tests().delongPValue())));
      }
    }
    return out;
  }

  private static String overall(ModelResult m, String metric) {
    return m == null ? "—" : Cell.of(m.overall().metrics().get(metric)).text();
  }

  /** What the validator should do next, from the findings. */
  private static List<String> next(
      AuditResult audit,
      String verdict,
      List<Row> rows,
      String worst,
      long worstRows,
      String searchAttribute,
      boolean inheritedHarm,
      int small) {
    List<String> out = new ArrayList<>();
    String data = audit.dataset() == null ? "NAME" : audit.dataset();
    if (searchAttribute != null) {
      out.add(
          "Distillation introduced harm: search for a less discriminatory student, e.g. `fairkd"
              + " search --dataset "
              + data
              + " --attribute "
              + searchAttribute
              + " --out search`, and audit the selected candidate against this policy.");
    }
    if (inheritedHarm) {
      out.add(
          "The teacher fails the same way: the disparity is inherited from the teacher or the"
              + " data; a student cannot be expected to remove it alone. Review the teacher's"
              + " features (proxies) or train with the fairness-regularised loss.");
    }
    if (worstRows > 0) {
      int used = audit.data().isEmpty() ? 0 : (int) audit.data().get(0).rowsUsed();
      out.add(
          "Collect more test rows: about "
              + Numbers.count(worstRows)
              + " (for "
              + worst
              + (used > 0 ? "; this audit used " + Numbers.count(used) : "")
              + ") would settle the checks that are not shown.");
    }
    if (small > 0) {
      out.add(
          "Slices too small to judge: collect more rows of those groups, or set the policy's"
              + " minimum slice size and on_insufficient_data deliberately.");
    }
    if (rows.stream().anyMatch(r -> r.status().equals("warn"))) {
      out.add("Review every warning with the model owner and record the justification below.");
    }
    if (verdict.equals("PASS")) {
      out.add("The gate passes: release may proceed after sign-off, with the monitoring plan.");
    } else if (verdict.equals("FAIL") || verdict.equals("ERROR")) {
      out.add("Do not release this student until the failing checks are resolved and re-audited.");
    }
    return out;
  }
}

package org.fairkd.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fairkd.audit.result.AuditResult;
import org.fairkd.audit.result.AuditedModel;
import org.fairkd.audit.result.ModelRole;
import org.fairkd.fairness.report.Estimate;
import org.fairkd.fairness.report.ModelResult;
import org.fairkd.fairness.report.SliceResult;
import org.fairkd.fairness.report.SliceStatus;
import org.fairkd.policies.eval.Numbers;
import org.fairkd.report.svg.Charts;

/**
 * The NYC Local Law 144 style impact-ratio table, shown when the {@code nyc-ll144} framework is
 * selected: per protected attribute and intersection, each category's selection rate over the
 * selection rate of the most-selected category, for the student and the teacher, with the rows
 * excluded for an unknown category. The most-selected category is taken among categories with
 * enough data (a slice below the minimum slice size is listed, not compared); a category under 2%
 * of the rows is marked, since the rule lets an auditor leave it out.
 */
public final class ImpactRatioSection implements ReportSection {
  /** The section id. */
  public static final String ID = "impact-ratios";

  /** The framework that asks for the table. */
  public static final String FRAMEWORK = "nyc-ll144";

  /** A category under this share of the rows may be left out of the ratios (6 RCNY 5-301). */
  static final double SMALL_SHARE = 0.02;

  private static final String SELECTION_RATE = "selection_rate";

  /** The template's model: one table per attribute key. */
  public record Model(List<Table> tables) {}

  /**
   * One attribute or intersection: its rows, the most-selected category of each model and the rows
   * excluded for an unknown category (of any of the intersection's attributes).
   */
  public record Table(
      String key, List<Row> rows, String studentTop, String teacherTop, String excluded) {}

  /**
   * One category: rows, share of the audited rows, each model's selection rate and impact ratio
   * ("—" when undefined or not compared), and a note (insufficient data, under 2%).
   */
  public record Row(
      String category,
      String count,
      String share,
      String studentRate,
      String studentRatio,
      String teacherRate,
      String teacherRatio,
      String note) {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Impact ratios (NYC Local Law 144 style)";
  }

  @Override
  public Object model(AuditResult audit, ReportModel report) {
    if (audit.frameworks().stream().noneMatch(f -> f.id().equals(FRAMEWORK))) {
      return null;
    }
    ModelResult student = result(audit, ModelRole.STUDENT);
    ModelResult teacher = result(audit, ModelRole.TEACHER);
    ModelResult any = student != null ? student : teacher;
    if (any == null) {
      return null;
    }
    List<Table> tables = new ArrayList<>();
    for (String key : AttributeSection.keys(any)) {
      List<String> names = List.of(key.split("\\*"));
      Map<String, SliceResult> s = slices(student, names);
      Map<String, SliceResult> t = slices(teacher, names);
      Map<String, SliceResult> base = s.isEmpty() ? t : s;
      if (base.isEmpty()) {
        continue;
      }
      double total = any.overall().count();
      Top sTop = top(s);
      Top tTop = top(t);
      List<Row> rows = new ArrayList<>();
      for (Map.Entry<String, SliceResult> e : base.entrySet()) {
        SliceResult slice = e.getValue();
        double share = total > 0 ? slice.count() / total : Double.NaN;
        String note =
            slice.status() != SliceStatus.OK
                ? "insufficient data: not compared"
                : share < SMALL_SHARE ? "under 2% of rows: may be left out" : "";
        rows.add(
            new Row(
                e.getKey(),
                Numbers.count(slice.count()),
                DataSection.percent(share),
                rate(s.get(e.getKey())),
                ratio(s.get(e.getKey()), sTop),
                rate(t.get(e.getKey())),
                ratio(t.get(e.getKey()), tTop),
                note));
      }
      tables.add(
          new Table(
              key,
              rows,
              sTop.category,
              tTop.category,
              Numbers.count(AttributeSection.missing(any, base))));
    }
    return new Model(tables);
  }

  /** The most-selected category with enough data and a defined rate, or none. */
  private record Top(String category, double rate) {}

  private static Top top(Map<String, SliceResult> slices) {
    Top best = new Top("—", Double.NaN);
    for (Map.Entry<String, SliceResult> e : slices.entrySet()) {
      double r = value(e.getValue());
      if (e.getValue().status() == SliceStatus.OK
          && Double.isFinite(r)
          && (Double.isNaN(best.rate) || r > best.rate)) {
        best = new Top(e.getKey(), r);
      }
    }
    return best;
  }

  private static String rate(SliceResult slice) {
    double r = value(slice);
    return Double.isFinite(r) ? Numbers.estimate(r) : "—";
  }

  /** Selection rate over the top category's; "—" when either is undefined or not compared. */
  private static String ratio(SliceResult slice, Top top) {
    double r = value(slice);
    if (slice == null
        || slice.status() != SliceStatus.OK
        || !Double.isFinite(r)
        || !(top.rate > 0)) {
      return "—";
    }
    return Numbers.estimate(r / top.rate);
  }

  private static double value(SliceResult slice) {
    Estimate e = slice == null ? null : slice.metrics().get(SELECTION_RATE);
    return Charts.plotted(e) ? e.value() : Double.NaN;
  }

  private static Map<String, SliceResult> slices(ModelResult m, List<String> names) {
    return AttributeSection.slicesFor(
        m == null ? null : m.slices(), SliceResult::attributes, names);
  }

  private static ModelResult result(AuditResult audit, ModelRole role) {
    return audit.model(role).map(AuditedModel::result).orElse(null);
  }
}

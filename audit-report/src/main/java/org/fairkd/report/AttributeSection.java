package org.fairkd.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.fairkd.fairness.metrics.EngineMetric;
import org.fairkd.fairness.metrics.MetricInfo;
import org.fairkd.fairness.metrics.MetricKind;
import org.fairkd.fairness.metrics.MetricRegistry;
import org.fairkd.fairness.metrics.ReportPlacement;
import org.fairkd.fairness.report.AttributeDisparities;
import org.fairkd.fairness.report.Deltas;
import org.fairkd.fairness.report.Estimate;
import org.fairkd.fairness.report.ModelResult;
import org.fairkd.fairness.report.SkippedGroup;
import org.fairkd.fairness.report.SliceDelta;
import org.fairkd.fairness.report.SliceResult;
import org.fairkd.fairness.report.SliceStatus;
import org.fairkd.fairness.report.UndefinedReason;
import org.fairkd.policies.eval.Numbers;
import org.fairkd.policies.model.Subject;
import org.fairkd.report.svg.Charts;
import org.fairkd.report.svg.Svg;

/**
 * Section 4 of the report for one protected attribute or intersection (e.g. {@code sex} or {@code
 * sex*race}): charts of teacher vs student per group with interval whiskers, the group-vs-reference
 * ratio charts with the 0.8 line (adverse impact ratio), the full table with intervals and paired
 * deltas, a "(missing)" row with the rows in no group (a missing value: no metrics, left out of
 * disparities and rules), the whole-attribute disparities, and the slices with insufficient data or
 * left out of disparities. Which metric goes where is each metric's {@link ReportPlacement} in the
 * {@link MetricRegistry}.
 */
public record AttributeSection(
    String key,
    String reference,
    List<Svg> charts,
    List<Svg> referenceCharts,
    List<String> columns,
    List<GroupRow> rows,
    List<DisparityRow> disparities,
    List<String> insufficient,
    List<String> skipped) {

  /** Per-group charts: the slice metrics the registry places in a chart. */
  static List<MetricInfo> charted(MetricRegistry r) {
    return r.shown(MetricKind.SLICE, ReportPlacement.CHART);
  }

  /** Per-group table columns from slice metrics, in registry order. */
  static List<String> sliceColumns(MetricRegistry r) {
    return inTable(r, MetricKind.SLICE);
  }

  /** Per-group table columns from group-vs-reference disparities, in registry order. */
  static List<String> groupColumns(MetricRegistry r) {
    return inTable(r, MetricKind.GROUP_VS_REFERENCE);
  }

  /** Per-group table columns from comparison figures (shown in the Δ rows only). */
  static List<String> comparisonColumns(MetricRegistry r) {
    return inTable(r, MetricKind.COMPARISON);
  }

  /** Rows of the whole-attribute disparity table. */
  static List<String> wholeAttribute(MetricRegistry r) {
    return r.shown(MetricKind.ATTRIBUTE, ReportPlacement.ATTRIBUTE_TABLE).stream()
        .map(MetricInfo::name)
        .toList();
  }

  private static List<String> inTable(MetricRegistry r, MetricKind kind) {
    return r.ofKind(kind).stream()
        .filter(i -> i.shown().inGroupTable())
        .map(MetricInfo::name)
        .toList();
  }

  /** The group label of the rows with no value for the attribute. */
  public static final String MISSING_GROUP = "(missing)";

  /**
   * One table row: a group and one of teacher / student / Δ (student − teacher); or, with {@code
   * missing}, the rows with no value for the attribute (their count only, no model and no cells).
   */
  public record GroupRow(
      String group,
      String model,
      String count,
      String status,
      boolean first,
      boolean missing,
      List<Cell> cells) {}

  /** One whole-attribute disparity: teacher, student and paired Δ. */
  public record DisparityRow(String metric, Cell teacher, Cell student, Cell delta) {}

  /**
   * The attribute keys in the order a model's slices list them ("sex", "race", "sex*race"), then
   * its other disparity keys; null (a model not audited) has none.
   */
  static List<String> keys(ModelResult model) {
    Set<String> keys = new LinkedHashSet<>();
    if (model != null) {
      for (SliceResult s : model.slices()) {
        keys.add(String.join("*", s.attributes().keySet()));
      }
      keys.addAll(model.disparities().keySet());
    }
    return new ArrayList<>(keys);
  }

  /**
   * Builds the section for {@code key} from the teacher's and student's results and the paired
   * deltas (each may be null when the audit lacks it).
   */
  static AttributeSection build(
      String key, ModelResult teacher, ModelResult student, Deltas cmp, PolicyThresholds policy) {
    MetricRegistry registry = MetricRegistry.current();
    List<String> attrNames = List.of(key.split("\\*"));
    Map<String, SliceResult> tSlices =
        slicesFor(teacher == null ? null : teacher.slices(), SliceResult::attributes, attrNames);
    Map<String, SliceResult> sSlices =
        slicesFor(student == null ? null : student.slices(), SliceResult::attributes, attrNames);
    Map<String, SliceDelta> dSlices =
        slicesFor(cmp == null ? null : cmp.slices(), SliceDelta::attributes, attrNames);
    Set<String> groups = new LinkedHashSet<>(tSlices.keySet());
    groups.addAll(sSlices.keySet());
    AttributeDisparities tDisp = disparities(teacher == null ? null : teacher.disparities(), key);
    AttributeDisparities sDisp = disparities(student == null ? null : student.disparities(), key);
    AttributeDisparities dDisp = disparities(cmp == null ? null : cmp.disparities(), key);
    String reference = tDisp.reference() != null ? tDisp.reference() : sDisp.reference();
    reference = reference == null ? "" : reference;

    List<String> groupList = new ArrayList<>(groups);
    List<Svg> charts = new ArrayList<>();
    for (MetricInfo m : charted(registry)) {
      List<Estimate> t = new ArrayList<>();
      List<Estimate> s = new ArrayList<>();
      for (String g : groupList) {
        t.add(metric(tSlices.get(g), m.name()));
        s.add(metric(sSlices.get(g), m.name()));
      }
      charts.add(
          Charts.groupedBars(
              m.title() + " by " + key,
              groupList,
              series(t, s, Set.of(), policy.failingGroups(Subject.STUDENT, m.name(), key)),
              new Charts.BarAxes(key, m.title(), 0, 1),
              policy.lines(Subject.STUDENT, m.name())));
    }
    List<Svg> referenceCharts = new ArrayList<>();
    for (MetricInfo m :
        registry.shown(MetricKind.GROUP_VS_REFERENCE, ReportPlacement.REFERENCE_CHART)) {
      Svg chart = ratioChart(m, key, reference, groupList, tDisp, sDisp, policy);
      if (chart != null) {
        referenceCharts.add(chart);
      }
    }
    List<GroupRow> rows = new ArrayList<>();
    List<String> insufficient = new ArrayList<>();
    for (String g : groupList) {
      SliceResult ts = tSlices.get(g);
      SliceResult ss = sSlices.get(g);
      SliceResult any = ts != null ? ts : ss;
      String count = Numbers.count(any.count());
      String status = any.status().jsonName();
      if (any.status() != SliceStatus.OK) {
        insufficient.add(g + " (n = " + count + ", " + status + ")");
      }
      String label = g.equals(reference) ? g + " (reference)" : g;
      List<Cell> t = cells(registry, ts == null ? null : ts.metrics(), tDisp, g);
      List<Cell> s = cells(registry, ss == null ? null : ss.metrics(), sDisp, g);
      SliceDelta ds = dSlices.get(g);
      List<Cell> d = cells(registry, ds == null ? null : ds.metrics(), dDisp, g);
      for (String c : comparisonColumns(registry)) {
        t.add(Cell.EMPTY);
        s.add(Cell.EMPTY);
        d.add(Cell.of(ds == null ? null : comparison(ds, c)));
      }
      rows.add(new GroupRow(label, "teacher", count, status, true, false, t));
      rows.add(new GroupRow(label, "student", count, status, false, false, s));
      rows.add(new GroupRow(label, "Δ (S − T)", count, status, false, false, d));
    }
    if (teacher != null || student != null) {
      double left = teacher != null ? missing(teacher, tSlices) : missing(student, sSlices);
      String n = Numbers.count(left);
      rows.add(new GroupRow(MISSING_GROUP, "", n, "missing", true, true, List.of()));
    }
    List<DisparityRow> disp = new ArrayList<>();
    for (String m : wholeAttribute(registry)) {
      if (tDisp.overall().containsKey(m) || sDisp.overall().containsKey(m)) {
        disp.add(
            new DisparityRow(
                m,
                Cell.of(tDisp.overall().get(m)),
                Cell.of(sDisp.overall().get(m)),
                Cell.of(dDisp.overall().get(m))));
      }
    }
    List<String> skipped = new ArrayList<>();
    addSkipped(skipped, "teacher", tDisp, tSlices, reference);
    addSkipped(skipped, "student", sDisp, sSlices, reference);
    List<String> columns = new ArrayList<>(sliceColumns(registry));
    columns.addAll(groupColumns(registry));
    columns.addAll(comparisonColumns(registry));
    return new AttributeSection(
        key, reference, charts, referenceCharts, columns, rows, disp, insufficient, skipped);
  }

  /**
   * Teacher vs student ratio of each group to the reference, with the policy's thresholds for the
   * metric (e.g. fail below 0.8, warn below 0.9) and the parity line; groups whose check did not
   * pass are outlined.
   */
  private static Svg ratioChart(
      MetricInfo m,
      String key,
      String reference,
      List<String> groupList,
      AttributeDisparities tDisp,
      AttributeDisparities sDisp,
      PolicyThresholds policy) {
    List<String> others = new ArrayList<>();
    List<Estimate> tRatio = new ArrayList<>();
    List<Estimate> sRatio = new ArrayList<>();
    double yMax = 1.2;
    for (String g : groupList) {
      if (g.equals(reference)) {
        continue;
      }
      others.add(g);
      Estimate t = tDisp.byGroup().getOrDefault(m.name(), Map.of()).get(g);
      Estimate s = sDisp.byGroup().getOrDefault(m.name(), Map.of()).get(g);
      tRatio.add(t);
      sRatio.add(s);
      for (Estimate e : Arrays.asList(t, s)) {
        if (Charts.plotted(e)) {
          yMax = Math.max(yMax, Charts.hasInterval(e) ? e.ciHigh() : e.value());
        }
      }
    }
    yMax = Math.min(3.2, Math.ceil(yMax / 0.4) * 0.4);
    List<Charts.RefLine> refs = new ArrayList<>(policy.lines(Subject.STUDENT, m.name()));
    refs.add(new Charts.RefLine(1.0, "parity", "parity"));
    return others.isEmpty()
        ? null
        : Charts.groupedBars(
            m.title() + " by " + key,
            others,
            series(
                tRatio,
                sRatio,
                policy.failingGroups(Subject.TEACHER, m.name(), key),
                policy.failingGroups(Subject.STUDENT, m.name(), key)),
            new Charts.BarAxes(key + " (reference " + reference + ")", m.title(), 0, yMax),
            refs);
  }

  private static List<Charts.Series> series(
      List<Estimate> t, List<Estimate> s, Set<String> tFailing, Set<String> sFailing) {
    return List.of(
        new Charts.Series("teacher", "teacher", t, tFailing),
        new Charts.Series("student", "student", s, sFailing));
  }

  /** The sections of single protected attributes (the main body). */
  static List<AttributeSection> single(ReportModel r) {
    return r.attributes().stream().filter(a -> !a.key().contains("*")).toList();
  }

  /** The sections of intersections (an appendix), or null when there are none. */
  static List<AttributeSection> intersections(ReportModel r) {
    List<AttributeSection> out =
        r.attributes().stream().filter(a -> a.key().contains("*")).toList();
    return out.isEmpty() ? null : out;
  }

  /** This section without the whole-attribute rows of {@code metrics}. */
  AttributeSection without(Set<String> metrics) {
    List<DisparityRow> kept =
        disparities.stream().filter(d -> !metrics.contains(d.metric())).toList();
    return new AttributeSection(
        key, reference, charts, referenceCharts, columns, rows, kept, insufficient, skipped);
  }

  private static List<Cell> cells(
      MetricRegistry registry,
      Map<String, Estimate> metrics,
      AttributeDisparities disp,
      String group) {
    List<Cell> out = new ArrayList<>();
    for (String m : sliceColumns(registry)) {
      out.add(Cell.of(metrics == null ? null : metrics.get(m)));
    }
    for (String m : groupColumns(registry)) {
      Map<String, Estimate> byGroup = disp.byGroup().getOrDefault(m, Map.of());
      out.add(byGroup.containsKey(group) ? Cell.of(byGroup.get(group)) : Cell.EMPTY);
    }
    return out;
  }

  /**
   * The rows (weight) of {@code model} in none of {@code slices}: its overall count less the
   * slices' counts, which is the rows with a missing value for the attribute (or, for an
   * intersection, for one of its attributes).
   */
  static double missing(ModelResult model, Map<String, SliceResult> slices) {
    double inGroups = 0;
    for (SliceResult s : slices.values()) {
      inGroups += s.count();
    }
    return Math.max(0, model.overall().count() - inGroups);
  }

  private static Estimate metric(SliceResult slice, String m) {
    return slice == null ? null : slice.metrics().get(m);
  }

  /** A comparison figure of one slice: its fidelity (the only per-slice comparison figure). */
  private static Estimate comparison(SliceDelta slice, String metric) {
    return metric.equals(EngineMetric.FIDELITY) ? slice.fidelity() : null;
  }

  private static AttributeDisparities disparities(
      Map<String, AttributeDisparities> byKey, String key) {
    AttributeDisparities d = byKey == null ? null : byKey.get(key);
    return d != null ? d : new AttributeDisparities(null, Map.of(), Map.of(), List.of());
  }

  /**
   * "teacher: female*other — insufficient data (n = 26, below the minimum slice size)": an
   * insufficient slice is said with its count as an integer; other groups with their reason.
   */
  private static void addSkipped(
      List<String> out,
      String model,
      AttributeDisparities disp,
      Map<String, SliceResult> slices,
      String reference) {
    for (SkippedGroup s : disp.skipped()) {
      SliceResult slice = slices.get(s.group());
      String why =
          s.code() == UndefinedReason.INSUFFICIENT_DATA && slice != null
              ? "insufficient data (n = "
                  + Numbers.count(slice.count())
                  + ", below the minimum slice size)"
                  + (s.group().equals(reference) ? "; it is the reference group" : "")
              : s.reason();
      out.add(model + ": " + s.group() + " — " + why);
    }
  }

  /**
   * The slices among {@code slices} (results or deltas) whose attribute names are exactly {@code
   * names}, by group key (the group values in {@code names} order, joined with {@code *}).
   */
  static <S> Map<String, S> slicesFor(
      List<S> slices, Function<S, Map<String, String>> attributes, List<String> names) {
    Map<String, S> out = new LinkedHashMap<>();
    for (S s : slices == null ? List.<S>of() : slices) {
      Map<String, String> attrs = attributes.apply(s);
      if (attrs.size() != names.size() || !attrs.keySet().containsAll(names)) {
        continue;
      }
      List<String> values = new ArrayList<>();
      for (String n : names) {
        values.add(attrs.get(n));
      }
      out.put(String.join("*", values), s);
    }
    return out;
  }
}

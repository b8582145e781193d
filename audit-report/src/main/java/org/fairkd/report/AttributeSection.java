package org.fairkd.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fairkd.fairness.metrics.MetricInfo;
import org.fairkd.fairness.metrics.MetricKind;
import org.fairkd.fairness.metrics.MetricRegistry;
import org.fairkd.fairness.metrics.ReportPlacement;
import org.fairkd.report.svg.Charts;
import org.fairkd.report.svg.Estimate;
import org.fairkd.report.svg.Svg;

/**
 * Section 4 of the report for one protected attribute or intersection (e.g. {@code sex} or {@code
 * sex*race}): charts of teacher vs student per group with interval whiskers, the group-vs-reference
 * ratio charts with the 0.8 line (adverse impact ratio), the full table with intervals and paired
 * deltas, the whole-attribute disparities, and the slices with insufficient data or left out of
 * disparities. Which metric goes where is each metric's {@link ReportPlacement} in the {@link
 * MetricRegistry}.
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

  /** One table row: a group and one of teacher / student / Δ (student − teacher). */
  public record GroupRow(
      String group, String model, String count, String status, boolean first, List<Cell> cells) {}

  /** One whole-attribute disparity: teacher, student and paired Δ. */
  public record DisparityRow(String metric, Cell teacher, Cell student, Cell delta) {}

  /** The attribute keys in the order slices list them ("sex", "race", "sex*race"). */
  static List<String> keys(JsonNode model) {
    Set<String> keys = new LinkedHashSet<>();
    for (JsonNode s : model.path("slices")) {
      keys.add(String.join("*", names(s.path("attributes"))));
    }
    model.path("disparities").fieldNames().forEachRemaining(keys::add);
    return new ArrayList<>(keys);
  }

  /** Builds the section for {@code key} from the teacher, student and comparison nodes. */
  static AttributeSection build(String key, JsonNode teacher, JsonNode student, JsonNode cmp) {
    MetricRegistry registry = MetricRegistry.current();
    List<String> attrNames = List.of(key.split("\\*"));
    Map<String, JsonNode> tSlices = slicesFor(teacher, attrNames);
    Map<String, JsonNode> sSlices = slicesFor(student, attrNames);
    Map<String, JsonNode> dSlices = slicesFor(cmp.path("deltas"), attrNames);
    Set<String> groups = new LinkedHashSet<>(tSlices.keySet());
    groups.addAll(sSlices.keySet());
    JsonNode tDisp = teacher.path("disparities").path(key);
    JsonNode sDisp = student.path("disparities").path(key);
    JsonNode dDisp = cmp.path("deltas").path("disparities").path(key);
    String reference = tDisp.path("reference").asText(sDisp.path("reference").asText(""));

    List<String> groupList = new ArrayList<>(groups);
    List<Svg> charts = new ArrayList<>();
    for (MetricInfo m : charted(registry)) {
      List<Estimate> t = new ArrayList<>();
      List<Estimate> s = new ArrayList<>();
      for (String g : groupList) {
        t.add(Cell.estimate(metric(tSlices.get(g), m.name())));
        s.add(Cell.estimate(metric(sSlices.get(g), m.name())));
      }
      charts.add(
          Charts.groupedBars(m.title() + " by " + key, groupList, series(t, s), 0, 1, List.of()));
    }
    List<Svg> referenceCharts = new ArrayList<>();
    for (MetricInfo m :
        registry.shown(MetricKind.GROUP_VS_REFERENCE, ReportPlacement.REFERENCE_CHART)) {
      Svg chart = ratioChart(m, key, reference, groupList, tDisp, sDisp);
      if (chart != null) {
        referenceCharts.add(chart);
      }
    }
    List<GroupRow> rows = new ArrayList<>();
    List<String> insufficient = new ArrayList<>();
    for (String g : groupList) {
      JsonNode ts = tSlices.get(g);
      JsonNode ss = sSlices.get(g);
      JsonNode any = ts != null ? ts : ss;
      String count = Charts.fmt(any.path("count").asDouble(Double.NaN));
      String status = any.path("status").asText("ok");
      if (!"ok".equals(status)) {
        insufficient.add(g + " (n = " + count + ", " + status + ")");
      }
      String label = g.equals(reference) ? g + " (reference)" : g;
      List<Cell> t = cells(registry, ts, tDisp, g);
      List<Cell> s = cells(registry, ss, sDisp, g);
      JsonNode ds = dSlices.get(g);
      List<Cell> d = cells(registry, ds, dDisp, g);
      for (String c : comparisonColumns(registry)) {
        t.add(Cell.EMPTY);
        s.add(Cell.EMPTY);
        d.add(Cell.of(ds == null ? null : ds.get(c)));
      }
      rows.add(new GroupRow(label, "teacher", count, status, true, t));
      rows.add(new GroupRow(label, "student", count, status, false, s));
      rows.add(new GroupRow(label, "Δ (S − T)", count, status, false, d));
    }
    List<DisparityRow> disp = new ArrayList<>();
    for (String m : wholeAttribute(registry)) {
      if (tDisp.has(m) || sDisp.has(m)) {
        disp.add(
            new DisparityRow(
                m, Cell.of(tDisp.get(m)), Cell.of(sDisp.get(m)), Cell.of(dDisp.get(m))));
      }
    }
    List<String> skipped = new ArrayList<>();
    addSkipped(skipped, "teacher", tDisp);
    addSkipped(skipped, "student", sDisp);
    List<String> columns = new ArrayList<>(sliceColumns(registry));
    columns.addAll(groupColumns(registry));
    columns.addAll(comparisonColumns(registry));
    return new AttributeSection(
        key, reference, charts, referenceCharts, columns, rows, disp, insufficient, skipped);
  }

  /** Teacher vs student ratio of each group to the reference, with the 0.8 and parity lines. */
  private static Svg ratioChart(
      MetricInfo m,
      String key,
      String reference,
      List<String> groupList,
      JsonNode tDisp,
      JsonNode sDisp) {
    List<String> others = new ArrayList<>();
    List<Estimate> tRatio = new ArrayList<>();
    List<Estimate> sRatio = new ArrayList<>();
    double yMax = 1.2;
    for (String g : groupList) {
      if (g.equals(reference)) {
        continue;
      }
      others.add(g);
      Estimate t = Cell.estimate(tDisp.path(m.name()).get(g));
      Estimate s = Cell.estimate(sDisp.path(m.name()).get(g));
      tRatio.add(t);
      sRatio.add(s);
      for (Estimate e : List.of(t, s)) {
        if (e.defined()) {
          yMax = Math.max(yMax, e.hasInterval() ? e.high() : e.value());
        }
      }
    }
    yMax = Math.min(3.2, Math.ceil(yMax / 0.4) * 0.4);
    return others.isEmpty()
        ? null
        : Charts.groupedBars(
            m.title() + " by " + key + " (reference " + reference + ")",
            others,
            series(tRatio, sRatio),
            0,
            yMax,
            List.of(
                new Charts.RefLine(0.8, "0.8 (four-fifths)", "threshold"),
                new Charts.RefLine(1.0, "parity", "parity")));
  }

  private static List<Charts.Series> series(List<Estimate> t, List<Estimate> s) {
    return List.of(
        new Charts.Series("teacher", "teacher", t), new Charts.Series("student", "student", s));
  }

  private static List<Cell> cells(
      MetricRegistry registry, JsonNode slice, JsonNode disp, String group) {
    List<Cell> out = new ArrayList<>();
    for (String m : sliceColumns(registry)) {
      out.add(Cell.of(metric(slice, m)));
    }
    for (String m : groupColumns(registry)) {
      JsonNode byGroup = disp.path(m);
      out.add(byGroup.has(group) ? Cell.of(byGroup.get(group)) : Cell.EMPTY);
    }
    return out;
  }

  private static JsonNode metric(JsonNode slice, String m) {
    return slice == null ? null : slice.path("metrics").get(m);
  }

  private static void addSkipped(List<String> out, String model, JsonNode disp) {
    for (JsonNode s : disp.path("skipped")) {
      out.add(model + ": " + s.path("group").asText() + " — " + s.path("reason").asText());
    }
  }

  /** Slices of {@code container} whose attribute names are exactly {@code names}, by group. */
  static Map<String, JsonNode> slicesFor(JsonNode container, List<String> names) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (JsonNode s : container.path("slices")) {
      JsonNode attrs = s.path("attributes");
      if (attrs.size() != names.size() || !names.stream().allMatch(attrs::has)) {
        continue;
      }
      List<String> values = new ArrayList<>();
      for (String n : names) {
        values.add(attrs.get(n).asText());
      }
      out.put(String.join("*", values), s);
    }
    return out;
  }

  private static List<String> names(JsonNode attrs) {
    List<String> out = new ArrayList<>();
    Iterator<String> it = attrs.fieldNames();
    it.forEachRemaining(out::add);
    return out;
  }
}

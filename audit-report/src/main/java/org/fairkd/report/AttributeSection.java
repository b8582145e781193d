package org.fairkd.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fairkd.report.svg.Charts;
import org.fairkd.report.svg.Estimate;
import org.fairkd.report.svg.Svg;

/**
 * Section 4 of the report for one protected attribute or intersection (e.g. {@code sex} or {@code
 * sex*race}): charts of teacher vs student per group with interval whiskers, the adverse-impact
 * chart with the 0.8 line, the full table with intervals and paired deltas, the whole-attribute
 * disparities, and the slices with insufficient data or left out of disparities.
 */
public record AttributeSection(
    String key,
    String reference,
    List<Svg> charts,
    Svg airChart,
    List<String> columns,
    List<GroupRow> rows,
    List<DisparityRow> disparities,
    List<String> insufficient,
    List<String> skipped) {

  /** Metrics charted per group, with their display names. */
  static final Map<String, String> CHARTED =
      Map.of(
          "selection_rate", "Selection rate",
          "true_positive_rate", "True positive rate (TPR)",
          "false_positive_rate", "False positive rate (FPR)");

  private static final List<String> CHART_ORDER =
      List.of("selection_rate", "true_positive_rate", "false_positive_rate");

  /** Per-group table columns: slice metrics then group-vs-reference disparities. */
  static final List<String> SLICE_COLUMNS =
      List.of(
          "selection_rate",
          "true_positive_rate",
          "false_positive_rate",
          "precision",
          "accuracy",
          "auc",
          "expected_calibration_error");

  static final List<String> GROUP_COLUMNS =
      List.of("adverse_impact_ratio", "marginal_effect", "standardized_mean_difference");

  static final List<String> WHOLE_ATTRIBUTE =
      List.of(
          "demographic_parity_difference",
          "demographic_parity_ratio",
          "equalized_odds_difference",
          "equalized_odds_ratio",
          "equal_opportunity_difference",
          "theil_index");

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
    for (String m : CHART_ORDER) {
      List<Estimate> t = new ArrayList<>();
      List<Estimate> s = new ArrayList<>();
      for (String g : groupList) {
        t.add(Cell.estimate(metric(tSlices.get(g), m)));
        s.add(Cell.estimate(metric(sSlices.get(g), m)));
      }
      charts.add(
          Charts.groupedBars(
              CHARTED.get(m) + " by " + key, groupList, series(t, s), 0, 1, List.of()));
    }
    List<String> airGroups = new ArrayList<>();
    List<Estimate> tAir = new ArrayList<>();
    List<Estimate> sAir = new ArrayList<>();
    double yMax = 1.2;
    for (String g : groupList) {
      if (g.equals(reference)) {
        continue;
      }
      airGroups.add(g);
      Estimate t = Cell.estimate(tDisp.path("adverse_impact_ratio").get(g));
      Estimate s = Cell.estimate(sDisp.path("adverse_impact_ratio").get(g));
      tAir.add(t);
      sAir.add(s);
      for (Estimate e : List.of(t, s)) {
        if (e.defined()) {
          yMax = Math.max(yMax, e.hasInterval() ? e.high() : e.value());
        }
      }
    }
    yMax = Math.min(3.2, Math.ceil(yMax / 0.4) * 0.4);
    Svg air =
        airGroups.isEmpty()
            ? null
            : Charts.groupedBars(
                "Adverse impact ratio by " + key + " (reference " + reference + ")",
                airGroups,
                series(tAir, sAir),
                0,
                yMax,
                List.of(
                    new Charts.RefLine(0.8, "0.8 (four-fifths)", "threshold"),
                    new Charts.RefLine(1.0, "parity", "parity")));

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
      List<Cell> t = cells(ts, tDisp, g);
      t.add(Cell.EMPTY);
      List<Cell> s = cells(ss, sDisp, g);
      s.add(Cell.EMPTY);
      rows.add(new GroupRow(label, "teacher", count, status, true, t));
      rows.add(new GroupRow(label, "student", count, status, false, s));
      JsonNode ds = dSlices.get(g);
      List<Cell> d = cells(ds, dDisp, g);
      d.add(Cell.of(ds == null ? null : ds.get("fidelity")));
      rows.add(new GroupRow(label, "Δ (S − T)", count, status, false, d));
    }
    List<DisparityRow> disp = new ArrayList<>();
    for (String m : WHOLE_ATTRIBUTE) {
      if (tDisp.has(m) || sDisp.has(m)) {
        disp.add(
            new DisparityRow(
                m, Cell.of(tDisp.get(m)), Cell.of(sDisp.get(m)), Cell.of(dDisp.get(m))));
      }
    }
    List<String> skipped = new ArrayList<>();
    addSkipped(skipped, "teacher", tDisp);
    addSkipped(skipped, "student", sDisp);
    List<String> columns = new ArrayList<>(SLICE_COLUMNS);
    columns.addAll(GROUP_COLUMNS);
    columns.add("fidelity");
    return new AttributeSection(
        key, reference, charts, air, columns, rows, disp, insufficient, skipped);
  }

  private static List<Charts.Series> series(List<Estimate> t, List<Estimate> s) {
    return List.of(
        new Charts.Series("teacher", "teacher", t), new Charts.Series("student", "student", s));
  }

  private static List<Cell> cells(JsonNode slice, JsonNode disp, String group) {
    List<Cell> out = new ArrayList<>();
    for (String m : SLICE_COLUMNS) {
      out.add(Cell.of(metric(slice, m)));
    }
    for (String m : GROUP_COLUMNS) {
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

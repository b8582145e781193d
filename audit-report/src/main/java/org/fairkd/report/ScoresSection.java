package org.fairkd.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fairkd.audit.result.AuditResult;
import org.fairkd.audit.result.AuditedModel;
import org.fairkd.audit.result.CalibrationBins;
import org.fairkd.audit.result.ModelRole;
import org.fairkd.report.svg.ScoreCharts;
import org.fairkd.report.svg.Svg;

/**
 * "Scores by group": per protected attribute, the distribution of each model's scores by group (the
 * picture behind the standardized mean difference) and its ROC curves by group, both from the score
 * bins the audit records for every model and group ({@code models.*.calibration}: weighted count
 * and observed favourable rate per tenth of the score range).
 *
 * @param attributes one entry per attribute, in the audit's order
 */
public record ScoresSection(List<Attribute> attributes) {

  /** One attribute's charts: teacher and student score distributions, then their ROC curves. */
  public record Attribute(String attribute, List<Svg> charts) {}

  /** Copies the list. */
  public ScoresSection {
    attributes = List.copyOf(attributes);
  }

  /** The section's model, or null when the audit has no score bins. */
  static ScoresSection model(AuditResult audit, ReportModel report) {
    Map<String, Map<String, List<CalibrationBins.Bin>>> t = bins(audit, ModelRole.TEACHER);
    Map<String, Map<String, List<CalibrationBins.Bin>>> s = bins(audit, ModelRole.STUDENT);
    Set<String> attrs = new LinkedHashSet<>(t.keySet());
    attrs.addAll(s.keySet());
    if (attrs.isEmpty()) {
      return null;
    }
    Double th = audit.config() == null ? null : audit.config().threshold();
    double threshold = th == null ? Double.NaN : th;
    List<Attribute> out = new ArrayList<>();
    for (String a : attrs) {
      List<ScoreCharts.GroupBins> tg = groups(t.getOrDefault(a, Map.of()));
      List<ScoreCharts.GroupBins> sg = groups(s.getOrDefault(a, Map.of()));
      List<Svg> charts = new ArrayList<>();
      charts.add(ScoreCharts.distribution("Teacher scores by " + a, tg, threshold));
      charts.add(ScoreCharts.distribution("Student scores by " + a, sg, threshold));
      charts.add(ScoreCharts.roc("Teacher ROC by " + a, tg));
      charts.add(ScoreCharts.roc("Student ROC by " + a, sg));
      out.add(new Attribute(a, charts));
    }
    return new ScoresSection(out);
  }

  private static Map<String, Map<String, List<CalibrationBins.Bin>>> bins(
      AuditResult audit, ModelRole role) {
    return audit
        .model(role)
        .map(AuditedModel::calibration)
        .map(CalibrationBins::byAttribute)
        .orElse(Map.of());
  }

  private static List<ScoreCharts.GroupBins> groups(
      Map<String, List<CalibrationBins.Bin>> byGroup) {
    List<ScoreCharts.GroupBins> out = new ArrayList<>();
    byGroup.forEach(
        (g, bins) -> {
          List<double[]> rows = new ArrayList<>();
          for (CalibrationBins.Bin b : bins) {
            double rate = b.observedRate() == null ? Double.NaN : b.observedRate();
            rows.add(new double[] {b.lower(), b.upper(), b.count(), rate});
          }
          out.add(new ScoreCharts.GroupBins(g, rows));
        });
    return out;
  }
}

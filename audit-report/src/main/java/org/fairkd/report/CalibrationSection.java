package org.fairkd.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fairkd.audit.result.CalibrationBins;
import org.fairkd.report.svg.Charts;
import org.fairkd.report.svg.Svg;

/**
 * Section 5 of the report for one protected attribute: reliability curves by group for the teacher
 * and for the student, from each model's {@link CalibrationBins} (bins of mean score, observed
 * favourable rate and weighted count).
 */
public record CalibrationSection(String attribute, Svg teacher, Svg student) {

  /**
   * One section per attribute present in the teacher's or student's bins (either may be null when
   * the model was not audited).
   */
  static List<CalibrationSection> build(CalibrationBins teacher, CalibrationBins student) {
    Map<String, Map<String, List<CalibrationBins.Bin>>> t = byAttribute(teacher);
    Map<String, Map<String, List<CalibrationBins.Bin>>> s = byAttribute(student);
    List<String> attrs = new ArrayList<>(t.keySet());
    for (String a : s.keySet()) {
      if (!attrs.contains(a)) {
        attrs.add(a);
      }
    }
    List<CalibrationSection> out = new ArrayList<>();
    for (String a : attrs) {
      out.add(
          new CalibrationSection(
              a,
              chart("Teacher reliability by " + a, t.getOrDefault(a, Map.of())),
              chart("Student reliability by " + a, s.getOrDefault(a, Map.of()))));
    }
    return out;
  }

  private static Map<String, Map<String, List<CalibrationBins.Bin>>> byAttribute(
      CalibrationBins bins) {
    return bins == null ? Map.of() : bins.byAttribute();
  }

  private static Svg chart(String title, Map<String, List<CalibrationBins.Bin>> byGroup) {
    List<Charts.Curve> curves = new ArrayList<>();
    for (Map.Entry<String, List<CalibrationBins.Bin>> g : byGroup.entrySet()) {
      List<double[]> pts = new ArrayList<>();
      for (CalibrationBins.Bin b : g.getValue()) {
        pts.add(new double[] {orNaN(b.meanScore()), orNaN(b.observedRate()), b.count()});
      }
      curves.add(new Charts.Curve(g.getKey(), pts));
    }
    return Charts.reliability(title, curves);
  }

  private static double orNaN(Double v) {
    return v == null ? Double.NaN : v;
  }
}

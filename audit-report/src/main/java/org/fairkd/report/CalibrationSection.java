package org.fairkd.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.fairkd.report.svg.Charts;
import org.fairkd.report.svg.Svg;

/**
 * Section 5 of the report for one protected attribute: reliability curves by group for the teacher
 * and for the student, from {@code models.<m>.calibration.<attribute>.<group>} (bins of mean score,
 * observed favourable rate and weighted count).
 */
public record CalibrationSection(String attribute, Svg teacher, Svg student) {

  /** One section per attribute present in the teacher's or student's calibration. */
  static List<CalibrationSection> build(JsonNode teacher, JsonNode student) {
    List<String> attrs = new ArrayList<>();
    teacher.path("calibration").fieldNames().forEachRemaining(attrs::add);
    student
        .path("calibration")
        .fieldNames()
        .forEachRemaining(
            a -> {
              if (!attrs.contains(a)) {
                attrs.add(a);
              }
            });
    List<CalibrationSection> out = new ArrayList<>();
    for (String a : attrs) {
      out.add(
          new CalibrationSection(
              a,
              chart("Teacher reliability by " + a, teacher.path("calibration").path(a)),
              chart("Student reliability by " + a, student.path("calibration").path(a))));
    }
    return out;
  }

  private static Svg chart(String title, JsonNode byGroup) {
    List<Charts.Curve> curves = new ArrayList<>();
    int[] i = {0};
    byGroup
        .fields()
        .forEachRemaining(
            e -> {
              List<double[]> pts = new ArrayList<>();
              for (JsonNode b : e.getValue()) {
                pts.add(
                    new double[] {
                      b.path("mean_score").asDouble(Double.NaN),
                      b.path("observed_rate").asDouble(Double.NaN),
                      b.path("count").asDouble(0)
                    });
              }
              curves.add(new Charts.Curve(e.getKey(), "s" + (i[0]++ % 6), pts));
            });
    return Charts.reliability(title, curves);
  }
}

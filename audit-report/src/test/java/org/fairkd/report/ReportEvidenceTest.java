package org.fairkd.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fairkd.audit.LibraryVersions;
import org.fairkd.audit.Provenance;
import org.fairkd.audit.RunInfo;
import org.fairkd.audit.result.AuditResult;
import org.fairkd.audit.result.AuditedModel;
import org.fairkd.audit.result.CalibrationBins;
import org.fairkd.audit.result.ModelRole;
import org.fairkd.audit.result.PolicyRecord;
import org.fairkd.audit.result.RuleCheck;
import org.fairkd.base.files.Sha256;
import org.fairkd.fairness.report.ModelResult;
import org.fairkd.fairness.report.SliceResult;
import org.fairkd.policies.eval.Evidence;
import org.fairkd.policies.model.Threshold;
import org.fairkd.report.svg.ScoreCharts;
import org.fairkd.report.svg.Shape;
import org.fairkd.report.svg.Svg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's drawn evidence against independent figures of the same audit: ROC points from the
 * score bins against the fairness engine's TPR and FPR, the summary's teacher figures against the
 * teacher's own disparities, reference lines against the policy's thresholds, and provenance hashes
 * against the files.
 */
class ReportEvidenceTest {
  @Test
  void rocPointAtTheDecisionThresholdIsTheEnginesTprAndFpr() throws Exception {
    AuditResult demo = HtmlReportBrowserTest.demoAudit();
    double threshold = demo.config().threshold();
    int checked = 0;
    for (ModelRole role : List.of(ModelRole.TEACHER, ModelRole.STUDENT)) {
      AuditedModel m = demo.model(role).orElseThrow();
      for (var attr : m.calibration().byAttribute().entrySet()) {
        for (var group : attr.getValue().entrySet()) {
          List<double[]> bins = new ArrayList<>();
          for (CalibrationBins.Bin b : group.getValue()) {
            double rate = b.observedRate() == null ? Double.NaN : b.observedRate();
            bins.add(new double[] {b.lower(), b.upper(), b.count(), rate});
          }
          double[] at =
              ScoreCharts.rocPoints(bins).stream()
                  .filter(p -> Math.abs(p[2] - threshold) < 1e-9)
                  .findFirst()
                  .orElseThrow();
          SliceResult s = slice(m.result(), attr.getKey(), group.getKey());
          assertEquals(s.metrics().get("false_positive_rate").value(), at[0], 1e-9, group.getKey());
          assertEquals(s.metrics().get("true_positive_rate").value(), at[1], 1e-9, group.getKey());
          checked++;
        }
      }
    }
    assertTrue(checked >= 20, "every model, attribute and group: " + checked);
  }

  @Test
  void summaryTellsInheritedFromIntroducedByTheTeachersOwnFigure() throws Exception {
    AuditResult demo = HtmlReportBrowserTest.demoAudit();
    ReportModel r = ReportModel.from(demo, List.of());
    SummarySection s = SummarySection.model(demo, r);
    ModelResult teacher = demo.model(ModelRole.TEACHER).orElseThrow().result();
    SummarySection.Row air =
        s.rows().stream()
            .filter(x -> x.rule().equals("air-four-fifths") && x.slice().equals("race=black"))
            .findFirst()
            .orElseThrow();
    double t =
        teacher
            .disparities()
            .get("race")
            .byGroup()
            .get("adverse_impact_ratio")
            .get("black")
            .value();
    assertEquals(org.fairkd.policies.eval.Numbers.estimate(t), air.teacher());
    assertEquals(t < 0.8 ? "inherited" : "introduced", air.origin());
    long notPassing =
        demo.policy().checks().stream().filter(c -> !c.status().jsonName().equals("pass")).count();
    assertEquals(notPassing, s.rows().size() + s.tooSmallCount(), "every check that did not pass");
    assertTrue(
        s.rows().stream()
            .filter(x -> x.rule().startsWith("dpd-non-inferiority"))
            .allMatch(x -> x.origin().equals("change")));
  }

  @Test
  void referenceLinesAreThePolicysThresholdsNotConstants() throws Exception {
    AuditResult demo = HtmlReportBrowserTest.demoAudit();
    assertEquals(List.of(0.8, 0.9), lineValues(demo), "lending-standard: fail 0.8, warn 0.9");
    List<RuleCheck> moved = new ArrayList<>();
    for (RuleCheck c : demo.policy().checks()) {
      Evidence e = c.evidence();
      Evidence e2 =
          c.metric().equals("adverse_impact_ratio")
              ? new Evidence(
                  e.value(),
                  e.ciLow(),
                  e.ciHigh(),
                  e.ciLevel(),
                  e.pValue(),
                  e.comparator(),
                  new Threshold(0.7, Double.POSITIVE_INFINITY),
                  new Threshold(0.85, Double.POSITIVE_INFINITY),
                  e.mode(),
                  e.alpha())
              : e;
      moved.add(
          new RuleCheck(
              c.id(),
              c.title(),
              c.severity(),
              c.status(),
              c.finding(),
              c.requiredRows(),
              c.verdict(),
              c.subject(),
              c.metric(),
              c.slice(),
              c.comparator(),
              e2,
              c.explanation(),
              c.source()));
    }
    PolicyRecord p = demo.policy();
    AuditResult other =
        demo.withPolicy(new PolicyRecord(p.verdict(), p.policy(), moved, p.unevaluated()));
    assertEquals(List.of(0.7, 0.85), lineValues(other));
  }

  /** The values of the fail and warn lines of the adverse-impact chart by race. */
  private static List<Double> lineValues(AuditResult audit) {
    ReportModel r = ReportModel.from(audit, List.of());
    AttributeSection race =
        r.attributes().stream().filter(a -> a.key().equals("race")).findFirst().orElseThrow();
    Svg chart = race.referenceCharts().get(0);
    List<Double> out = new ArrayList<>();
    for (Shape s : chart.shapes()) {
      if (s.kind().equals("text") && s.cssClass().endsWith("threshold-label")) {
        out.add(Double.parseDouble(s.text().replaceAll(".*< ", "")));
      }
    }
    return out;
  }

  @Test
  void theilIsShownOnceWhenItIsNotPerAttribute() throws Exception {
    ReportModel r = ReportModel.from(HtmlReportBrowserTest.demoAudit(), List.of());
    assertEquals(
        List.of("theil_index"),
        r.pooled().stream().map(AttributeSection.DisparityRow::metric).toList());
    assertTrue(
        r.attributes().stream()
            .flatMap(a -> a.disparities().stream())
            .noneMatch(d -> d.metric().equals("theil_index")));
  }

  @Test
  void passingChecksShowRawAndAdjustedP() throws Exception {
    ReportModel r = ReportModel.from(HtmlReportBrowserTest.demoAudit(), List.of());
    GateSection.RuleRow female =
        r.gate().rules().stream()
            .filter(x -> x.id().equals("air-four-fifths") && x.slice().equals("sex=female"))
            .findFirst()
            .orElseThrow();
    assertEquals("pass", female.status());
    assertTrue(
        female.evidence().matches(".*p = [0-9.]+ raw, [0-9.]+ adjusted \\(holm\\).*"),
        female.evidence());
    assertTrue(
        r.pairedTests().stream().anyMatch(k -> k.key().startsWith("McNemar")), "McNemar shown");
  }

  @Test
  void distillArtifactsAreHashedByTheirPathInTheOutputDirectory(@TempDir Path out)
      throws Exception {
    Files.createDirectories(out.resolve("distill/student/djl"));
    Files.createDirectories(out.resolve("distill/teacher/members"));
    Files.writeString(out.resolve("distill/predictions.csv"), "row_id\n1\n");
    Files.writeString(out.resolve("distill/distill.json"), "{}");
    Files.writeString(out.resolve("distill/student/djl/student-0000.params"), "w");
    Files.writeString(out.resolve("distill/teacher/members/xgboost.tribuo"), "m");
    Files.writeString(out.resolve("distill/teacher/provenance.json"), "{}");
    List<RunInfo.Input> in = Provenance.artifacts(out);
    assertEquals(
        List.of(
            "predictions distill/predictions.csv",
            "student-model distill/student/djl/student-0000.params",
            "teacher-model distill/teacher/members/xgboost.tribuo"),
        in.stream().map(i -> i.role() + " " + i.recorded()).toList());
    assertEquals(
        Sha256.of(out.resolve("distill/predictions.csv")),
        Sha256.of(in.get(0).path()),
        "hashed from the file itself");
  }

  @Test
  void libraryVersionsComeFromTheJarsOnTheClassPath() {
    Map<String, String> v = LibraryVersions.current();
    assertEquals(org.tribuo.Tribuo.VERSION, v.get("tribuo"));
    assertEquals(freemarker.template.Configuration.getVersion().toString(), v.get("freemarker"));
    assertNotNull(v.get("commons-math3"));
  }

  private static SliceResult slice(ModelResult m, String attribute, String group) {
    return m.slices().stream()
        .filter(s -> s.attributes().equals(Map.of(attribute, group)))
        .findFirst()
        .orElseThrow();
  }
}

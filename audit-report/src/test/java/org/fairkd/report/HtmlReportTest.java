package org.fairkd.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fairkd.audit.json.AuditJsonReader;
import org.fairkd.audit.result.AuditResult;
import org.fairkd.audit.result.RuleCheck;
import org.fairkd.fairness.report.Estimate;
import org.fairkd.fairness.report.UndefinedReason;
import org.fairkd.policies.eval.Evidence;
import org.fairkd.policies.model.Comparator;
import org.fairkd.policies.model.Threshold;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
  static final String HOSTILE = "<script>alert(1)</script>";

  /** A hand-made audit (hostile group names, every section) read back as the typed result. */
  static AuditResult fixture() throws Exception {
    try (InputStream in =
        HtmlReportTest.class.getResourceAsStream("/fixtures/audit-fixture.json")) {
      return AuditJsonReader.read(new ObjectMapper().readTree(in));
    }
  }

  static String renderFixture() throws Exception {
    return HtmlReport.render(
        fixture(),
        List.of(
            new MetricDoc(
                "selection_rate", "slice", "higher", "P(ŷ = 1)", "share approved <b>x</b>")));
  }

  @Test
  void rendersAllSectionsAndEscapesUserText() throws Exception {
    String html = renderFixture();
    Path out = Path.of("target", "report-fixture.html");
    Files.createDirectories(out.getParent());
    Files.writeString(out, html);
    for (String id :
        List.of(
            "summary",
            "gate",
            "data",
            "distillation",
            "comparison",
            "groups",
            "scores",
            "calibration",
            "methodology",
            "provenance",
            "checks",
            "intersections",
            "metrics",
            "configuration")) {
      assertTrue(html.contains("<section id=\"" + id + "\""), id);
    }
    assertFalse(html.contains(HOSTILE), "hostile group value must be escaped");
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assertFalse(html.contains("<b>"), "metric description and rationale are escaped too");
    assertFalse(html.toLowerCase().contains("<script"), "no scripts at all");
    assertFalse(
        html.contains("http://")
            && html.replace("http://www.w3.org/2000/svg", "").contains("http://"));
    assertFalse(html.contains("https://"));
    assertTrue(html.contains("insufficient_data"));
  }

  @Test
  void gateTableListsFailingRulesFirst() throws Exception {
    ReportModel m = ReportModel.from(fixture(), List.of());
    assertEquals(
        List.of("fail", "fail", "error", "warn", "pass", "pass"),
        m.gate().rules().stream().map(GateSection.RuleRow::status).toList());
    assertEquals(
        List.of("harm", "not_shown", "not_evaluated", "harm", "shown", "shown"),
        m.gate().rules().stream().map(GateSection.RuleRow::finding).toList(),
        "within a status, harm before not shown");
    assertEquals(2, m.gate().counts().get("fail"));
    assertEquals(
        List.of("sex", "race", "sex*race"),
        m.attributes().stream().map(AttributeSection::key).toList());
  }

  @Test
  void gateRowsSpellOutTheEvidence() throws Exception {
    ReportModel m = ReportModel.from(fixture(), List.of());
    GateSection.RuleRow fail = m.gate().rules().get(0);
    assertEquals("race=" + HOSTILE, fail.slice());
    assertEquals(
        "value 0.630 [0.550, 0.710]; p = 0.004; threshold 0.8; mode significant", fail.evidence());
    RuleCheck c = fixture().policy().checks().get(0);
    Evidence between =
        new Evidence(
            null,
            null,
            null,
            0.95,
            0.0004,
            Comparator.BETWEEN,
            new Threshold(0.8, 1.25),
            null,
            c.evidence().mode(),
            0.05);
    AuditResult a =
        fixture()
            .withPolicy(
                new org.fairkd.audit.result.PolicyRecord(
                    fixture().policy().verdict(),
                    fixture().policy().policy(),
                    List.of(
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
                            null,
                            Comparator.BETWEEN,
                            between,
                            c.explanation(),
                            c.source())),
                    null));
    GateSection.RuleRow row = ReportModel.from(a, List.of()).gate().rules().get(0);
    assertEquals("(overall)", row.slice());
    assertEquals(
        "value undefined; p < 0.001; threshold [0.8,1.25]; mode significant", row.evidence());
  }

  @Test
  void cellsShowIntervalsAndSayWhyAFigureIsUndefined() {
    assertEquals(
        new Cell("0.630", "[0.550, 0.710]", "", ""), Cell.of(Estimate.of(0.63, 0.55, 0.71)));
    assertEquals(new Cell("0.630", "", "", ""), Cell.of(Estimate.of(0.63, 0.55, null)));
    assertEquals(new Cell("-0.00917", "", "", ""), Cell.of(Estimate.of(-0.00917431, null, null)));
    assertEquals(
        new Cell("undefined", "", "no positives in the group", "undef"),
        Cell.of(Estimate.undefined(UndefinedReason.NO_POSITIVES, "no positives in the group")));
    assertEquals("undefined", Cell.of(Estimate.of(Double.NaN, null, null)).value());
    assertEquals(Cell.MISSING, Cell.of(null));
  }
}

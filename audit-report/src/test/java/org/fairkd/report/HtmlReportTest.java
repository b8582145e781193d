package org.fairkd.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
  static final String HOSTILE = "<script>alert(1)</script>";

  static JsonNode fixture() throws Exception {
    try (InputStream in =
        HtmlReportTest.class.getResourceAsStream("/fixtures/audit-fixture.json")) {
      return new ObjectMapper().readTree(in);
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
            "verdict",
            "gate",
            "distillation",
            "groups",
            "calibration",
            "methodology",
            "provenance")) {
      assertTrue(html.contains("<section id=\"" + id + "\">"), id);
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
        List.of("fail", "warn", "pass", "pass"),
        m.rules().stream().map(ReportModel.RuleRow::status).toList());
    assertEquals(1, m.counts().get("fail"));
    assertEquals(
        List.of("sex", "race", "sex*race"),
        m.attributes().stream().map(AttributeSection::key).toList());
  }
}

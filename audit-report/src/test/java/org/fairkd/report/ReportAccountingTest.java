package org.fairkd.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The report on the hand-made fixture (1,200 rows read, 1,000 audited; 300 without sex, 100 without
 * race; a harm, a not-shown and a not-evaluated failure): every row accounted for, harm told apart
 * from "not shown", counts as integers.
 */
class ReportAccountingTest {
  /** The cells of the {@code <table class="cls">} rows, as text. */
  static List<List<String>> rows(String html, String cls) {
    int start = html.indexOf("<table class=\"" + cls + "\">");
    assertTrue(start >= 0, "table " + cls);
    String table = html.substring(start, html.indexOf("</table>", start));
    List<List<String>> out = new ArrayList<>();
    for (String tr : table.split("<tr")) {
      if (!tr.contains("<td")) {
        continue;
      }
      List<String> cells = new ArrayList<>();
      Matcher m = Pattern.compile("<td[^>]*>(.*?)</td>").matcher(tr);
      while (m.find()) {
        cells.add(m.group(1).replaceAll("<[^>]+>", ""));
      }
      out.add(cells);
    }
    return out;
  }

  @Test
  void theDataBlockStatesEveryInputsRows() throws Exception {
    String html = HtmlReportTest.renderFixture();
    assertTrue(html.contains("<section id=\"data\">"));
    assertEquals(
        List.of(List.of("fixture.csv", "split = test", "1200", "1000", "200")),
        rows(html, "data-inputs"));
    assertEquals(
        List.of(
            List.of("fixture.csv", "sex", "300", "30.0%"),
            List.of("fixture.csv", "race", "100", "10.0%")),
        rows(html, "data-missing"));
  }

  @Test
  void eachAttributeTableHasAVisibleMissingRowWithItsSize() throws Exception {
    ReportModel m = ReportModel.from(HtmlReportTest.fixture(), List.of());
    AttributeSection sex = m.attributes().get(0);
    AttributeSection.GroupRow last = sex.rows().get(sex.rows().size() - 1);
    assertEquals(AttributeSection.MISSING_GROUP, last.group());
    assertTrue(last.missing());
    assertEquals("300", last.count(), "1000 rows, 400 male + 300 female");
    assertEquals(List.of(), last.cells(), "no metrics");
    assertEquals("100", m.attributes().get(1).rows().get(9).count(), "race: 1000 − 900");
    String html = HtmlReportTest.renderFixture();
    assertTrue(
        html.contains(
            "<tr class=\"first missing-group\"><td class=\"group\">(missing)</td>"
                + "<td class=\"num\">300</td>"),
        "the sex table's (missing) row");
    // the disparities leave it out: no (missing) group among any chart or disparity
    for (AttributeSection a : m.attributes()) {
      a.disparities().forEach(d -> assertFalse(d.metric().contains("missing")));
    }
  }

  @Test
  void harmIsToldApartFromNotShown() throws Exception {
    ReportModel m = ReportModel.from(HtmlReportTest.fixture(), List.of());
    assertEquals(
        "2 failed (1 harm, 1 not shown) · 1 not evaluable · 1 warned (1 harm) · 2 passed",
        m.gate().tally());
    SummarySection summary = SummarySection.model(HtmlReportTest.fixture(), m);
    assertEquals(
        List.of(
            "air-four-fifths race=" + HtmlReportTest.HOSTILE + " harm",
            "dpd-non-inferiority race not shown: about 3945 test rows needed",
            "eod-max sex harm"),
        summary.rows().stream().map(r -> r.rule() + " " + r.slice() + " " + r.finding()).toList(),
        "every failing and warning check, failing first; the unjudged small slice apart");
    assertEquals(1, summary.tooSmallCount());
    assertTrue(
        summary.tooSmall().contains("air-four-fifths on sex*race=female*"), summary.tooSmall());
    List<List<String>> gate = rows(HtmlReportTest.renderFixture(), "gate");
    assertEquals("harm", gate.get(0).get(1));
    assertEquals("not shownabout 3945 test rows would be needed", gate.get(1).get(1));
    assertEquals("not evaluated", gate.get(2).get(1));
    assertEquals(4, gate.size(), "the main gate table lists the checks that did not pass");
    List<List<String>> all = rows(HtmlReportTest.renderFixture(), "gate all-checks");
    assertEquals("shown", all.get(5).get(1), "the appendix lists every check");
  }

  @Test
  void countsPrintAsIntegers() throws Exception {
    String html = HtmlReportTest.renderFixture();
    List<List<String>> groups = rows(html, "groups");
    assertFalse(groups.isEmpty());
    int counted = 0;
    for (List<String> row : groups) {
      if (!row.get(1).isEmpty()) {
        assertTrue(row.get(1).matches("\\d+"), "n as an integer: " + row);
        counted++;
      }
    }
    assertTrue(counted >= 3, "a count per group and (missing)");
    assertFalse(html.contains("(n = 12.0"), "insufficient-data callout counts");
    assertTrue(html.contains("(n = 12, insufficient_data)"), "the callout's count");
    assertFalse(html.contains("12.0"), "nor the groups left out of disparities");
    assertTrue(
        html.contains(
            "student: female*&lt;script&gt;alert(1)&lt;/script&gt; — insufficient data (n = 12,"
                + " below the minimum slice size)"),
        "a skipped group's count from its slice, as an integer");
  }
}

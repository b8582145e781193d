package org.fairkd.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fairkd.audit.facts.SearchFactsFixture;
import org.fairkd.audit.result.AuditResult;
import org.junit.jupiter.api.Test;

/**
 * The report section "Less discriminatory alternatives": shown only when the audit records a
 * search; the frontier plot with every admissible candidate, the frontier, the reference and the
 * selected student marked and both axes titled; the table with validation and test figures; the
 * selection and stopping sentences; the collapse guard's rejection. Checked as text and, when
 * chromium is installed, in a real browser.
 */
class LdaSectionTest {
  static String render(AuditResult a) {
    return HtmlReport.render(a, List.of());
  }

  static AuditResult withSearch() throws Exception {
    return HtmlReportTest.fixture().withSearch(SearchFactsFixture.search());
  }

  static String section(String html) {
    int i = html.indexOf("<section id=\"lda\">");
    assertTrue(i >= 0, "the section is in the report");
    return html.substring(i, html.indexOf("</section>", i));
  }

  @Test
  void leftOutWithoutASearch() throws Exception {
    String html = render(HtmlReportTest.fixture());
    assertFalse(html.contains("Less discriminatory alternatives"));
    assertFalse(html.contains("id=\"lda\""));
  }

  @Test
  void plotTableAndSentences() throws Exception {
    String html = render(withSearch());
    assertTrue(
        html.matches("(?s).*<a href=\"#lda\">\\d+\\. Less discriminatory alternatives</a>.*"),
        "in the toc");
    String s = section(html);
    // the plot: 3 admissible candidates as dots (the collapsed one is not drawn), the 3 frontier
    // rings, the reference and the selected marked, axis titles
    assertEquals(3, count(s, "class=\"dot s0\""));
    assertEquals(3, count(s, "class=\"dot s1\""));
    assertEquals(1, count(s, "class=\"dot s3\""));
    assertEquals(1, count(s, "class=\"dot s2\""));
    assertTrue(s.contains("<polyline points=\""), "the frontier line");
    assertTrue(s.contains("validation demographic_parity_difference (lower is fairer)"));
    assertTrue(s.contains(">validation accuracy</text>"));
    assertTrue(s.contains("selected s01-t0.45"));
    assertTrue(s.contains("unconstrained reference s00-t0.50"));
    // the table: reference first, then selected, then the other frontier candidate; validation
    // and test figures side by side
    int ref = s.indexOf("<tr><td>s00-t0.50");
    int sel = s.indexOf("<tr><td>s01-t0.45");
    int other = s.indexOf("<tr><td>s01-t0.50");
    assertTrue(ref > 0 && ref < sel && sel < other, s);
    assertFalse(s.contains("<tr><td>s02-t0.50"), "the rejected candidate is not a table row");
    assertTrue(
        s.contains("<td class=\"num\">0.7980</td><td class=\"num\">0.7400</td>"), "validation");
    assertTrue(s.contains("<td class=\"num\">0.7900</td><td class=\"num\">0.7350</td>"), "test");
    // the sentences
    assertTrue(
        s.contains(
            "Rule: the candidate with the lowest validation demographic_parity_difference among"
                + " those whose validation AUC is within 0.005 of the unconstrained student&#39;s."
                + " Selected: s01-t0.45 is best of the 3 eligible candidates"),
        s);
    assertTrue(s.contains("The choice used the validation split only"));
    assertTrue(s.contains("The audited student is the selected candidate s01-t0.45."));
    assertTrue(
        s.contains(
            "The search stopped because budget reached: 3 of 3 students trained, after 3 trained"
                + " students (4 candidates measured, 1 rejected by the collapse guard)."));
    assertTrue(
        s.contains(
            "s02-t0.50: collapsed: validation scores near-constant (standard deviation 0.00010"
                + " &lt; 0.01)"));
  }

  @Test
  void aReleaseOtherThanTheSelectedIsSaid() throws Exception {
    AuditResult a =
        HtmlReportTest.fixture().withSearch(SearchFactsFixture.search().withReleased("s00-t0.50"));
    String s = section(render(a));
    assertTrue(
        s.contains(
            "The audited student is candidate s00-t0.50, NOT the selected candidate s01-t0.45. Its"
                + " validation disparity is 0.150 above the least discriminatory frontier candidate"
                + " within the tolerance."),
        s);
  }

  @Test
  void rendersCleanlyInABrowser() throws Exception {
    BrowserHarness.assumeChromium();
    Path html = Path.of("target", "report-lda.html");
    Files.createDirectories(html.getParent());
    Files.writeString(html, render(withSearch()));
    var o = BrowserHarness.open(html, html.resolveSibling("report-lda.png"));
    BrowserHarness.assertCleanReport(o, html);
    assertTrue(o.text().contains("Less discriminatory alternatives"));
    assertTrue(o.text().contains("The audited student is the selected candidate s01-t0.45."));
  }

  private static int count(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}

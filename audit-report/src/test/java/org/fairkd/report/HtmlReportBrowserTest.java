package org.fairkd.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HtmlReportBrowserTest {
  @Test
  void fixtureReportIsCleanInARealBrowser() throws Exception {
    BrowserHarness.assumeChromium();
    Path html = Path.of("target", "browser", "report-fixture.html").toAbsolutePath();
    Files.createDirectories(html.getParent());
    Files.writeString(html, HtmlReportTest.renderFixture());
    var o = BrowserHarness.open(html, html.resolveSibling("report-fixture.png"));
    BrowserHarness.assertCleanReport(o, html);
    assertTrue(o.text().contains(HtmlReportTest.HOSTILE), "hostile group value shown as text");
    assertTrue(o.text().contains("Provenance and reproduction"));
  }
}

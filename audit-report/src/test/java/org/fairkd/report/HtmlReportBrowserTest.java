package org.fairkd.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.fairkd.audit.json.AuditJsonReader;
import org.fairkd.audit.result.AuditResult;
import org.fairkd.audit.result.RuleCheck;
import org.fairkd.policies.eval.Status;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The report as a reader sees it in a real browser, and as a validator prints it: the demo's report
 * (from the demo's golden audit.json) printed to PDF by headless Chromium, its pages read back with
 * poppler's {@code pdfinfo} and {@code pdftotext}.
 */
class HtmlReportBrowserTest {
  /** The demo's main body must print in at most this many A4 pages (issue 13). */
  static final int MAX_MAIN_PAGES = 12;

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

  @Test
  void theDemoReportPrintsTheDecisionFirstAndStaysShort() throws Exception {
    BrowserHarness.assumeChromium();
    Assumptions.assumeTrue(
        hasTool("pdfinfo") && hasTool("pdftotext"),
        "pdfinfo/pdftotext not found: skipping the printed-report checks"
            + " (apt-get install poppler-utils)");
    AuditResult demo = demoAudit();
    Path dir = Path.of("target", "browser").toAbsolutePath();
    Files.createDirectories(dir);
    Path html = dir.resolve("report-demo.html");
    Files.writeString(html, HtmlReport.render(demo, MetricDocs.fromCatalog()));
    BrowserHarness.Printed printed = BrowserHarness.print(html, dir.resolve("report-demo.pdf"));

    assertEquals(List.of(), printed.chartsWithoutAxisTitles(), "every chart titles both axes");
    assertEquals(List.of(), printed.overlaps(), "no chart text sits on another");

    int pages =
        Integer.parseInt(
            run("pdfinfo", printed.pdf().toString()).replaceAll("(?s).*Pages:\\s+(\\d+).*", "$1"));
    List<String> text = new ArrayList<>();
    for (int p = 1; p <= pages; p++) {
      text.add(
          run("pdftotext", "-f", "" + p, "-l", "" + p, "-layout", printed.pdf().toString(), "-"));
    }
    int appendix = 0;
    for (int p = 0; p < pages && appendix == 0; p++) {
      if (text.get(p).strip().startsWith("Appendices")) {
        appendix = p + 1;
      }
    }
    assertTrue(appendix > 1, "the appendices start on a page of their own");
    int main = appendix - 1;
    System.out.println("demo report: " + main + " main-body pages, " + pages + " in all");
    assertTrue(main <= MAX_MAIN_PAGES, "main body prints in " + main + " pages");

    String first = text.get(0).replaceAll("\\s+", " ");
    assertTrue(first.contains("Summary: the decision"), first);
    assertTrue(first.contains(demo.policy().verdict().name()), "page 1 states the verdict");
    for (RuleCheck c : demo.policy().checks()) {
      if (c.status() == Status.FAIL || c.status() == Status.WARN) {
        String slice = c.slice() == null ? "(overall)" : c.slice();
        assertTrue(
            first.contains(c.id()) && first.contains(slice),
            "page 1 names " + c.id() + " on " + slice);
      }
    }
    assertTrue(first.contains("page 1 of " + pages), "page numbers are printed");
    assertTrue(text.get(1).contains("Contents"), "a printed table of contents follows");
    assertTrue(Files.size(dir.resolve("report-demo-page1.png")) > 10_000);
    assertTrue(Files.size(dir.resolve("report-demo-chart.png")) > 2_000);
  }

  /** The demo's audit, as the demo wrote it (the golden copy of DemoEndToEndTest). */
  static AuditResult demoAudit() throws IOException {
    try (InputStream in =
        new GZIPInputStream(
            Files.newInputStream(
                Path.of("src", "test", "resources", "golden", "demo-audit.json.gz")))) {
      return AuditJsonReader.read(new ObjectMapper().readTree(in));
    }
  }

  private static boolean hasTool(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, name))) {
        return true;
      }
    }
    return false;
  }

  private static String run(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", cmd) + " timed out");
    assertEquals(0, p.exitValue(), String.join(" ", cmd) + ": " + out);
    return out;
  }
}

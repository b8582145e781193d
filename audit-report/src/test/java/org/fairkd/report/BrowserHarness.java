package org.fairkd.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Opens a report in a real headless Chromium (Debian's /usr/bin/chromium) and records what a
 * reader's browser would do: every request, console errors, uncaught errors and dialogs. Skipped
 * with a message when Chromium is not installed.
 */
public final class BrowserHarness {
  private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

  /** What the browser saw. */
  public record Observed(
      List<String> requests,
      List<String> consoleErrors,
      List<String> dialogs,
      String text,
      Path screenshot) {}

  private BrowserHarness() {}

  /** Skips the calling test unless Chromium is installed. */
  public static void assumeChromium() {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM),
        "/usr/bin/chromium not found: skipping the real-browser test (apt-get install chromium)");
  }

  /** Opens {@code html} (a file) and takes a full-page screenshot to {@code screenshot}. */
  public static Observed open(Path html, Path screenshot) {
    List<String> requests = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    List<String> dialogs = new ArrayList<>();
    try (Playwright pw =
        Playwright.create(
            new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
      Browser browser =
          pw.chromium()
              .launch(
                  new BrowserType.LaunchOptions()
                      .setExecutablePath(CHROMIUM)
                      .setHeadless(true)
                      .setArgs(
                          List.of(
                              "--no-sandbox",
                              "--disable-gpu",
                              "--disable-quic",
                              "--disable-background-networking",
                              "--disable-component-update",
                              "--disable-sync",
                              "--no-first-run")));
      BrowserContext ctx = browser.newContext();
      ctx.onRequest(r -> requests.add(r.url()));
      ctx.route(url -> !url.startsWith("file:"), Route::abort);
      Page page = ctx.newPage();
      page.setDefaultTimeout(30_000);
      page.onConsoleMessage(
          m -> {
            if (m.type().equals("error")) {
              errors.add(m.text());
            }
          });
      page.onPageError(errors::add);
      page.onDialog(
          d -> {
            dialogs.add(d.message());
            d.dismiss();
          });
      page.setViewportSize(1280, 900);
      page.navigate(html.toUri().toString());
      page.waitForLoadState();
      page.screenshot(new Page.ScreenshotOptions().setPath(screenshot).setFullPage(true));
      String text = page.textContent("body");
      page.emulateMedia(
          new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
      page.setViewportSize(794, 1123);
      String name = screenshot.getFileName().toString().replace(".png", "-print.png");
      page.screenshot(
          new Page.ScreenshotOptions().setPath(screenshot.resolveSibling(name)).setFullPage(true));
      browser.close();
      return new Observed(requests, errors, dialogs, text, screenshot);
    }
  }

  /**
   * What a printed report looks like: the PDF (A4, the report's own page size and margins, as a
   * reader's "print to PDF" makes it), each chart's axis titles and the pairs of SVG text boxes
   * that overlap, and screenshots of the first printed page's content (the summary) and of one
   * chart.
   */
  public record Printed(Path pdf, List<String> chartsWithoutAxisTitles, List<String> overlaps) {}

  /** Bounding boxes (screen coordinates) of every SVG text, per chart; pairs that intersect. */
  private static final String OVERLAPS =
      "() => { const out = []; let i = 0;"
          + " for (const svg of document.querySelectorAll('figure.chart svg')) { i++;"
          + "  const title = (svg.querySelector('title') || {}).textContent || ('chart ' + i);"
          + "  const boxes = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim())"
          + "   .map(t => [t.textContent, t.getBoundingClientRect()]);"
          + "  for (let a = 0; a < boxes.length; a++) for (let b = a + 1; b < boxes.length; b++) {"
          + "   const p = boxes[a][1], q = boxes[b][1];"
          + "   const w = Math.min(p.right, q.right) - Math.max(p.left, q.left);"
          + "   const h = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);"
          + "   if (w > 0.5 && h > 0.5) out.push(title + ': \\'' + boxes[a][0] + '\\' overlaps \\''"
          + "    + boxes[b][0] + '\\''); } }"
          + " return out; }";

  /** Charts with fewer than two axis titles (one per axis). */
  private static final String NO_AXIS_TITLES =
      "() => [...document.querySelectorAll('figure.chart svg')]"
          + ".filter(s => s.querySelectorAll('text.axis-title').length < 2)"
          + ".map(s => (s.querySelector('title') || {}).textContent)";

  /**
   * Prints {@code html} to {@code pdf} in headless Chromium and measures its charts; the
   * screenshots go beside the PDF ({@code -page1.png}, {@code -chart.png}).
   */
  public static Printed print(Path html, Path pdf) {
    try (Playwright pw =
        Playwright.create(
            new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
      Browser browser =
          pw.chromium()
              .launch(
                  new BrowserType.LaunchOptions()
                      .setExecutablePath(CHROMIUM)
                      .setHeadless(true)
                      .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic")));
      BrowserContext ctx = browser.newContext();
      ctx.route(url -> !url.startsWith("file:"), Route::abort);
      Page page = ctx.newPage();
      page.setDefaultTimeout(60_000);
      page.setViewportSize(1280, 900);
      page.navigate(html.toUri().toString());
      page.waitForLoadState();
      @SuppressWarnings("unchecked")
      List<String> overlaps = (List<String>) page.evaluate(OVERLAPS);
      @SuppressWarnings("unchecked")
      List<String> untitled = (List<String>) page.evaluate(NO_AXIS_TITLES);
      page.pdf(
          new Page.PdfOptions().setPath(pdf).setPreferCSSPageSize(true).setPrintBackground(true));
      page.emulateMedia(
          new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
      page.setViewportSize(794, 1123);
      String base = pdf.getFileName().toString().replace(".pdf", "");
      page.locator("#summary")
          .screenshot(
              new com.microsoft.playwright.Locator.ScreenshotOptions()
                  .setPath(pdf.resolveSibling(base + "-page1.png")));
      page.locator("#comparison figure.chart")
          .first()
          .screenshot(
              new com.microsoft.playwright.Locator.ScreenshotOptions()
                  .setPath(pdf.resolveSibling(base + "-chart.png")));
      browser.close();
      return new Printed(pdf, untitled, overlaps);
    }
  }

  /** The checks every report must pass in a browser. */
  public static void assertCleanReport(Observed o, Path html) {
    assertEquals(List.of(html.toUri().toString()), o.requests(), "only the file itself is loaded");
    assertEquals(List.of(), o.consoleErrors(), "no console errors");
    assertEquals(List.of(), o.dialogs(), "no dialog (no script ran)");
    assertTrue(Files.isRegularFile(o.screenshot()));
  }
}

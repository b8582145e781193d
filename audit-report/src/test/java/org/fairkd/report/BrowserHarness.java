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

  /** The checks every report must pass in a browser. */
  public static void assertCleanReport(Observed o, Path html) {
    assertEquals(List.of(html.toUri().toString()), o.requests(), "only the file itself is loaded");
    assertEquals(List.of(), o.consoleErrors(), "no console errors");
    assertEquals(List.of(), o.dialogs(), "no dialog (no script ran)");
    assertTrue(Files.isRegularFile(o.screenshot()));
  }
}

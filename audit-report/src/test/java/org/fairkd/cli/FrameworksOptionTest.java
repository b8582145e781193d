package org.fairkd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fairkd.policies.eval.Numbers;
import org.fairkd.report.regulatory.Framework;
import org.fairkd.report.regulatory.Frameworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --frameworks} as a user runs it: the default maps the US and the EU, {@code all} adds the
 * NYC Local Law 144 impact-ratio table (checked against selection rates counted from the CSV, with
 * the rows of an unknown race excluded and counted), the choice is recorded in audit.json, and an
 * unknown id is one line and exit 2 with nothing written.
 */
class FrameworksOptionTest {
  @TempDir Path tmp;

  private static final String[] RACES = {"white", "black", "asian"};

  /** label, sex, race (every 25th empty), teacher score t, student score s. */
  private Path predictions() throws Exception {
    StringBuilder sb = new StringBuilder("label,sex,race,t,s\n");
    Random r = new Random(11);
    for (int i = 0; i < 1500; i++) {
      String sex = r.nextBoolean() ? "female" : "male";
      String race = i % 25 == 0 ? "" : RACES[r.nextInt(3)];
      double t = r.nextDouble();
      double s = race.equals("black") ? t * 0.8 : t;
      sb.append(
          String.format(
              Locale.ROOT, "%d,%s,%s,%.6f,%.6f%n", r.nextDouble() < t ? 1 : 0, sex, race, t, s));
    }
    Path csv = tmp.resolve("p.csv");
    Files.writeString(csv, sb.toString());
    return csv;
  }

  private static String[] args(Path csv, Path out, String... extra) {
    return CliRun.plus(
        AuditArgs.of(
            csv,
            out,
            "--label",
            "label",
            "--group",
            "sex",
            "--group",
            "race",
            "--reference",
            "race=white",
            "--bootstrap",
            "50"),
        extra);
  }

  @Test
  void defaultAndAllAreRecordedAndAllAddsTheImpactRatios() throws Exception {
    Path csv = predictions();
    CliRun dflt = CliRun.run(args(csv, tmp.resolve("d")));
    assertTrue(dflt.exitCode() <= 1, dflt.err());
    JsonNode d = new ObjectMapper().readTree(tmp.resolve("d/audit.json").toFile());
    List<String> ids = new ArrayList<>();
    d.path("frameworks").forEach(f -> ids.add(f.path("id").asText()));
    assertEquals(List.of("us-model-risk", "us-ecoa-reg-b", "eu-ai-act"), ids);
    String dHtml = Files.readString(tmp.resolve("d/report.html"));
    assertTrue(dHtml.contains("<section id=\"regulatory\" class=\"appendix\">"));
    assertFalse(dHtml.contains("<section id=\"impact-ratios\""), "only with nyc-ll144");

    CliRun all = CliRun.run(args(csv, tmp.resolve("a"), "--frameworks", "all"));
    assertTrue(all.exitCode() <= 1, all.err());
    JsonNode a = new ObjectMapper().readTree(tmp.resolve("a/audit.json").toFile());
    assertEquals(Frameworks.BUNDLED.size(), a.path("frameworks").size());
    for (int i = 0; i < Frameworks.BUNDLED.size(); i++) {
      Framework f = Frameworks.bundled().get(i);
      JsonNode n = a.path("frameworks").get(i);
      assertEquals(f.id(), n.path("id").asText());
      assertEquals(f.version(), n.path("version").asText());
      assertEquals(f.asOf().toString(), n.path("as_of").asText());
    }
    String html = Files.readString(tmp.resolve("a/report.html"));
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "report-all-frameworks.html"), html);
    int start = html.indexOf("<section id=\"impact-ratios\" class=\"appendix\">");
    assertTrue(start >= 0, "impact-ratio table");
    String section = html.substring(start, html.indexOf("</section>", start));
    String race = section.substring(section.indexOf("<h3>race</h3>"));
    race = race.substring(0, race.indexOf("</p>"));
    // independent count from the CSV: student approves s >= 0.5; rows without race excluded
    Map<String, int[]> counts = new LinkedHashMap<>();
    int unknown = 0;
    for (String line : Files.readAllLines(csv).subList(1, 1501)) {
      String[] c = line.split(",", -1);
      if (c[2].isEmpty()) {
        unknown++;
        continue;
      }
      int[] k = counts.computeIfAbsent(c[2], x -> new int[2]);
      k[0]++;
      k[1] += Double.parseDouble(c[4]) >= 0.5 ? 1 : 0;
    }
    double top = 0;
    String topName = "";
    for (Map.Entry<String, int[]> e : counts.entrySet()) {
      double rate = (double) e.getValue()[1] / e.getValue()[0];
      if (rate > top) {
        top = rate;
        topName = e.getKey();
      }
    }
    for (Map.Entry<String, int[]> e : counts.entrySet()) {
      double rate = (double) e.getValue()[1] / e.getValue()[0];
      Matcher m =
          Pattern.compile(
                  "<tr><td class=\"group\">"
                      + e.getKey()
                      + "</td><td class=\"num\">([^<]*)</td><td class=\"num\">[^<]*</td>"
                      + "<td class=\"num\">([^<]*)</td><td class=\"num\">([^<]*)</td>")
              .matcher(race);
      assertTrue(m.find(), e.getKey() + " in " + race);
      assertEquals(Integer.toString(e.getValue()[0]), m.group(1).replace(",", ""));
      assertEquals(Numbers.estimate(rate), m.group(2), e.getKey() + " selection rate");
      assertEquals(Numbers.estimate(rate / top), m.group(3), e.getKey() + " impact ratio");
    }
    assertTrue(race.contains("Most-selected category: student " + topName), race);
    assertTrue(race.contains("Excluded for an unknown category: " + unknown + " rows"), race);
    assertEquals(60, unknown);
    assertTrue(section.contains("<h3>sex*race</h3>"), "intersections included");
  }

  @Test
  void anUnknownFrameworkIsOneLineAndExit2() throws Exception {
    Path out = tmp.resolve("x");
    CliRun r = CliRun.run(args(predictions(), out, "--frameworks", "eu-ai-act,sr-11-7"));
    assertEquals(ExitCodes.ERROR, r.exitCode());
    assertEquals(
        "fairkd: error: --frameworks: unknown framework 'sr-11-7' (known: us-model-risk,"
            + " us-ecoa-reg-b, eu-ai-act, nyc-ll144, colorado; or default, all)\n",
        r.err());
    assertFalse(Files.exists(out.resolve("audit.json")));
  }
}

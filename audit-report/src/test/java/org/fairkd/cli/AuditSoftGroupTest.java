package org.fairkd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fairkd audit --soft-group}: BISG-style probabilities kept as weights, checked against a
 * direct weighted recomputation from the file.
 */
class AuditSoftGroupTest {
  @TempDir Path tmp;

  /** Columns: label, sex, p_white, p_black, t, s; some rows leave part of the mass unknown. */
  private static Path write(Path file, int n, boolean breakRow) throws Exception {
    Random r = new Random(11);
    StringBuilder sb = new StringBuilder("label,sex,p_white,p_black,t,s\n");
    for (int i = 0; i < n; i++) {
      double pBlack = r.nextDouble();
      double pWhite = (1 - pBlack) * (i % 5 == 0 ? 0.8 : 1.0);
      if (breakRow && i == 7) {
        pWhite = 0.9;
        pBlack = 0.4;
      }
      double t = r.nextDouble();
      double s = Math.max(0, t - 0.3 * pBlack);
      sb.append(
          String.format(
              Locale.ROOT,
              "%d,%s,%.6f,%.6f,%.6f,%.6f%n",
              r.nextDouble() < t ? 1 : 0,
              r.nextBoolean() ? "male" : "female",
              pWhite,
              pBlack,
              t,
              s));
    }
    Files.writeString(file, sb.toString());
    return file;
  }

  private static String[] args(Path csv, Path out) {
    return AuditArgs.of(
        csv,
        out,
        "--label",
        "label",
        "--group",
        "sex",
        "--soft-group",
        "race=white:p_white,black:p_black",
        "--reference",
        "race=white",
        "--bootstrap",
        "50");
  }

  @Test
  void softMembershipIsAWeightedCountMatchingDirectComputation() throws Exception {
    Path csv = write(tmp.resolve("p.csv"), 2000, false);
    Path out = tmp.resolve("out");
    CliRun run = CliRun.run(args(csv, out));
    assertTrue(run.exitCode() == 0 || run.exitCode() == 1, run.err());
    assertEquals("", run.err());

    double[] count = new double[2];
    double[] selected = new double[2];
    List<String> lines = Files.readAllLines(csv);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      boolean approved = Double.parseDouble(f[5]) >= 0.5;
      for (int g = 0; g < 2; g++) {
        double w = Double.parseDouble(f[2 + g]);
        count[g] += w;
        selected[g] += approved ? w : 0;
      }
    }
    JsonNode student =
        new ObjectMapper()
            .readTree(out.resolve("audit.json").toFile())
            .path("models")
            .path("student");
    List<String> seen = new ArrayList<>();
    for (JsonNode sl : student.path("slices")) {
      JsonNode a = sl.path("attributes");
      if (a.size() == 1 && a.has("race")) {
        int g = List.of("white", "black").indexOf(a.path("race").asText());
        seen.add(a.path("race").asText());
        assertEquals(count[g], sl.path("count").asDouble(), 1e-6);
        assertEquals(
            selected[g] / count[g],
            sl.path("metrics").path("selection_rate").path("value").asDouble(),
            1e-9);
      }
    }
    assertEquals(List.of("white", "black"), seen);
    double air = (selected[1] / count[1]) / (selected[0] / count[0]);
    JsonNode fileAir =
        student.path("disparities").path("race").path("adverse_impact_ratio").path("black");
    assertEquals(air, fileAir.path("value").asDouble(), 1e-9);
    assertTrue(fileAir.path("ci_low").asDouble() < air && air < fileAir.path("ci_high").asDouble());
  }

  @Test
  void probabilitiesOverOneNameTheLine() throws Exception {
    Path csv = write(tmp.resolve("bad.csv"), 50, true);
    CliRun run = CliRun.run(args(csv, tmp.resolve("out")));
    assertEquals(ExitCodes.ERROR, run.exitCode());
    assertTrue(run.err().startsWith("fairkd: error: bad.csv:9: "), run.err());
    assertTrue(run.err().contains("sum to 1.3"), run.err());
    assertEquals(1, run.err().strip().lines().count(), run.err());
    assertFalse(Files.exists(tmp.resolve("out/audit.json")));
  }

  @Test
  void malformedSoftGroupIsAUsageError() {
    CliRun run =
        CliRun.run(
            AuditArgs.of(
                Path.of("x.csv"),
                tmp.resolve("o"),
                "--label",
                "label",
                "--soft-group",
                "race=white"));
    assertEquals(ExitCodes.ERROR, run.exitCode());
    assertTrue(run.err().contains("expected ATTR=GROUP:COL"), run.err());
  }
}

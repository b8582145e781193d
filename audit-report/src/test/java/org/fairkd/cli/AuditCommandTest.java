package org.fairkd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.fairkd.report.BrowserHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fairkd audit} on a hand-made predictions file, checked against direct recomputation. */
class AuditCommandTest {
  static final String HOSTILE = "<script>alert(1)</script>";
  static final String[] RACES = {"white", "black", HOSTILE};

  @TempDir Path tmp;

  /** Rows: label, sex, race, teacher score t, student score s (student biased against black). */
  static Path writePredictions(Path file, int n) throws Exception {
    Random r = new Random(7);
    StringBuilder sb = new StringBuilder("id,label,sex,race,t,s\n");
    for (int i = 0; i < n; i++) {
      String sex = r.nextBoolean() ? "male" : "female";
      String race = RACES[r.nextInt(10) < 6 ? 0 : r.nextInt(10) < 7 ? 1 : 2];
      double t = r.nextDouble();
      boolean y = r.nextDouble() < t;
      double s = race.equals("black") ? t * 0.55 : Math.min(1, t * 1.02);
      String q = race.contains("<") ? "\"" + race + "\"" : race;
      sb.append(String.format(Locale.ROOT, "%d,%d,%s,%s,%.6f,%.6f%n", i, y ? 1 : 0, sex, q, t, s));
    }
    Files.writeString(file, sb.toString());
    return file;
  }

  /** Audit of {@link #writePredictions}'s file, {@code extra} options appended. */
  static String[] auditArgs(Path csv, Path out, String... extra) {
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
            "sex=male",
            "--reference",
            "race=white",
            "--bootstrap",
            "100"),
        extra);
  }

  @Test
  void auditsExternalScoresAndMatchesDirectComputation() throws Exception {
    Path csv = writePredictions(tmp.resolve("preds.csv"), 3000);
    Path out = tmp.resolve("out");
    CliRun run = CliRun.run(auditArgs(csv, out));
    assertEquals("", run.err());
    JsonNode audit = new ObjectMapper().readTree(out.resolve("audit.json").toFile());
    assertEquals(1, run.exitCode(), run.out());
    assertEquals("FAIL", audit.path("verdict").asText());
    assertFalse(audit.has("distillation"), "no distillation for external scores");

    // independent recomputation of the student's selection rates from the file
    List<String> lines = Files.readAllLines(csv);
    double[] sel = new double[3];
    double[] cnt = new double[3];
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
      String race = f[3].replace("\"", "");
      int g = List.of(RACES).indexOf(race);
      cnt[g]++;
      sel[g] += Double.parseDouble(f[5]) >= 0.5 ? 1 : 0;
    }
    JsonNode student = audit.path("models").path("student");
    for (JsonNode sl : student.path("slices")) {
      JsonNode a = sl.path("attributes");
      if (a.size() == 1 && a.has("race")) {
        int g = List.of(RACES).indexOf(a.path("race").asText());
        assertEquals(cnt[g], sl.path("count").asDouble(), 1e-9);
        assertEquals(
            sel[g] / cnt[g],
            sl.path("metrics").path("selection_rate").path("value").asDouble(),
            1e-12);
      }
    }
    double air = (sel[1] / cnt[1]) / (sel[0] / cnt[0]);
    assertEquals(
        air,
        student
            .path("disparities")
            .path("race")
            .path("adverse_impact_ratio")
            .path("black")
            .path("value")
            .asDouble(),
        1e-12);
    boolean blackFails = false;
    for (JsonNode r : audit.path("rules")) {
      if (r.path("slice").asText().equals("race=black")) {
        blackFails |= r.path("status").asText().equals("fail");
      }
    }
    assertTrue(blackFails, "AIR " + air + " must fail four-fifths");
    String sha = audit.path("provenance").path("inputs").get(0).path("sha256").asText();
    assertEquals(org.fairkd.base.files.Sha256.of(csv), sha);

    // the report in a real browser: hostile group value shown as text, nothing else loaded
    String html = Files.readString(out.resolve("report.html"));
    assertFalse(html.contains(HOSTILE));
    BrowserHarness.assumeChromium();
    Path shot = Path.of("target", "browser", "audit-report.png").toAbsolutePath();
    Files.createDirectories(shot.getParent());
    var seen = BrowserHarness.open(out.resolve("report.html").toAbsolutePath(), shot);
    BrowserHarness.assertCleanReport(seen, out.resolve("report.html").toAbsolutePath());
    assertTrue(seen.text().contains("race=" + HOSTILE) || seen.text().contains(HOSTILE));
  }

  @Test
  void existingOutputIsNotClobberedWithoutForce() throws Exception {
    Path csv = writePredictions(tmp.resolve("p.csv"), 400);
    Path out = Files.createDirectories(tmp.resolve("o"));
    Files.writeString(out.resolve("keep.txt"), "x");
    CliRun r = CliRun.run(auditArgs(csv, out));
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("--force"), r.err());
    assertEquals("x", Files.readString(out.resolve("keep.txt")));
    CliRun forced = CliRun.run(auditArgs(csv, out, "--force"));
    assertTrue(forced.exitCode() == 0 || forced.exitCode() == 1, forced.err());
  }

  @Test
  void strictTurnsWarningsIntoAFailingGate() throws Exception {
    Path csv = tmp.resolve("w.csv");
    StringBuilder sb = new StringBuilder("label,g,t,s\n");
    Random r = new Random(3);
    for (int i = 0; i < 2000; i++) {
      boolean b = i % 2 == 0;
      double t = r.nextDouble();
      // group b's student selection rate is ~0.85 of a's: the four-fifths warning band
      double s = b && r.nextDouble() < 0.15 && t >= 0.5 ? 0.2 : t;
      sb.append(
          String.format(
              Locale.ROOT, "%d,%s,%.5f,%.5f%n", r.nextDouble() < t ? 1 : 0, b ? "b" : "a", t, s));
    }
    Files.writeString(csv, sb.toString());
    String[] columns = {
      "--label", "label", "--group", "g", "--reference", "g=a", "--bootstrap", "100"
    };
    CliRun normal = CliRun.run(AuditArgs.of(csv, tmp.resolve("n"), columns));
    JsonNode audit = new ObjectMapper().readTree(tmp.resolve("n").resolve("audit.json").toFile());
    boolean warned = false;
    for (JsonNode x : audit.path("rules")) {
      warned |= x.path("status").asText().equals("warn");
    }
    assertTrue(warned, audit.path("rules").toString());
    assertEquals(0, normal.exitCode(), normal.out());
    CliRun strict =
        CliRun.run(CliRun.plus(AuditArgs.of(csv, tmp.resolve("s"), columns), "--strict"));
    assertEquals(1, strict.exitCode(), strict.out());
  }

  @Test
  void policyHeaderIsTheSameInAuditJsonAndInPolicyEvaluate() throws Exception {
    Path csv = writePredictions(tmp.resolve("h.csv"), 400);
    Path out = tmp.resolve("h");
    CliRun audit = CliRun.run(CliRun.with(auditArgs(csv, out), "--policy", "lending-standard"));
    assertTrue(audit.exitCode() == 0 || audit.exitCode() == 1, audit.err());
    Path result = tmp.resolve("result.json");
    Path auditJson = out.resolve("audit.json");
    CliRun eval =
        CliRun.run(
            "policy",
            "evaluate",
            "--policy",
            "lending-standard",
            auditJson.toString(),
            "--out",
            result.toString());
    assertEquals(audit.exitCode(), eval.exitCode(), eval.err());
    ObjectMapper m = new ObjectMapper();
    JsonNode inAudit = m.readTree(auditJson.toFile()).path("policy");
    assertEquals(m.readTree(result.toFile()).path("policy"), inAudit);
    // the fields the report reads, and the ones evaluate adds
    assertEquals("lending-standard", inAudit.path("id").asText());
    assertEquals(
        List.of("four-fifths", "distillation-non-regression"),
        m.convertValue(inAudit.path("includes"), List.class));
    assertTrue(inAudit.path("references").toString().contains("29 CFR 1607.4(D)"));
    JsonNode eod = inAudit.path("rules").get(5);
    assertEquals("eod-cap", eod.path("id").asText());
    assertEquals(eod.path("source").asText(), eod.path("references").get(0).asText());
    assertEquals("warn", eod.path("severity").asText());
    assertTrue(eod.path("check").asText().startsWith("student equalized_odds_difference"));
  }

  @Test
  void badInputsEndWithOneLineAndExit2() throws Exception {
    Path good = writePredictions(tmp.resolve("g.csv"), 200);
    Path nan = tmp.resolve("nan.csv");
    Files.writeString(
        nan, Files.readString(good).replaceFirst("\n(\\d+,\\d,\\w+,\\w+,)[0-9.]+,", "\n$1NaN,"));
    Path big = tmp.resolve("big.csv");
    Files.writeString(
        big,
        Files.readString(good).replaceFirst("\n(\\d+,\\d,\\w+,\\w+,)[0-9.]+,", "\n$1" + "1.5,"));
    Path blocker = Files.writeString(tmp.resolve("file"), "x");
    List<String[]> cases =
        List.of(
            CliRun.with(auditArgs(good, tmp.resolve("a")), "--teacher-score", "nope"),
            auditArgs(nan, tmp.resolve("b")),
            auditArgs(big, tmp.resolve("c")),
            CliRun.with(auditArgs(good, tmp.resolve("d")), "--policy", "no-such-policy"),
            auditArgs(good, blocker.resolve("sub")),
            auditArgs(tmp.resolve("missing.csv"), tmp.resolve("e")),
            auditArgs(good, tmp.resolve("f"), "--reference", "race=martian"));
    for (String[] c : cases) {
      CliRun r = CliRun.run(c);
      assertEquals(2, r.exitCode(), String.join(" ", c) + "\n" + r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
      assertTrue(r.err().startsWith("fairkd: error: "), r.err());
    }
  }
}

package org.fairkd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} and {@code demo}: bad input fails fast (before any training) with exit 2; an external
 * teacher ({@code --teacher-scores}) is audited as the teacher.
 */
class RunCommandTest {
  @TempDir Path tmp;

  @Test
  void badInputsFailFastWithOneLine() throws Exception {
    Path file = Files.writeString(tmp.resolve("file"), "x");
    Path full = Files.createDirectories(tmp.resolve("full"));
    Files.writeString(full.resolve("old.json"), "{}");
    Path badConfig = Files.writeString(tmp.resolve("bad.yaml"), "student:\n  temperature: -1\n");
    List<String[]> cases =
        List.of(
            new String[] {
              "run",
              "--dataset",
              "no-such-data",
              "--policy",
              "four-fifths",
              "--out",
              tmp.resolve("a").toString()
            },
            new String[] {
              "run",
              "--dataset",
              "synthetic-lending",
              "--policy",
              "no-such-policy",
              "--out",
              tmp.resolve("b").toString()
            },
            new String[] {
              "run",
              "--dataset",
              "synthetic-lending",
              "--policy",
              "four-fifths",
              "--out",
              file.resolve("x").toString()
            },
            new String[] {
              "run",
              "--dataset",
              "synthetic-lending",
              "--policy",
              "four-fifths",
              "--config",
              badConfig.toString(),
              "--out",
              tmp.resolve("c").toString()
            },
            new String[] {"demo", "--out", full.toString()},
            new String[] {"demo", "--rows", "10", "--out", tmp.resolve("d").toString()},
            new String[] {"demo", "--threshold", "1.5", "--out", tmp.resolve("e").toString()});
    for (String[] args : cases) {
      var r = CliRun.run(args);
      assertEquals(2, r.exitCode(), String.join(" ", args) + "\n" + r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
      assertTrue(r.err().startsWith("fairkd: error: "), r.err());
      assertFalse(r.err().contains("Exception"), r.err());
    }
    assertEquals("{}", Files.readString(full.resolve("old.json")), "not clobbered");
  }

  @Test
  void runWithAnExternalTeacherAuditsTheFilesScores() throws Exception {
    Path spec = SyntheticSpec.write(tmp, 1200);
    Path scores = tmp.resolve("teacher.csv");
    Map<String, Double> expected = SyntheticSpec.writeTeacherScores(spec, scores, null);
    Path cfg =
        Files.writeString(tmp.resolve("c.yaml"), "student: {architecture: \"8\", epochs: 10}\n");
    Path out = tmp.resolve("ext");
    CliRun r =
        CliRun.run(
            SyntheticSpec.withTeacher(
                scores,
                "run",
                "--spec",
                spec.toString(),
                "--config",
                cfg.toString(),
                "--policy",
                "four-fifths",
                "--bootstrap",
                "100",
                "--out",
                out.toString()));
    ObjectMapper m = new ObjectMapper();
    JsonNode audit = m.readTree(out.resolve("audit.json").toFile());
    String verdict = audit.path("verdict").asText();
    assertEquals(verdict.equals("FAIL") ? 1 : 0, r.exitCode(), verdict + "\n" + r.err());
    assertTrue(r.out().contains(verdict), r.out());

    JsonNode distill = m.readTree(out.resolve("distill/distill.json").toFile());
    assertEquals(distill, audit.path("distillation"));
    assertEquals(
        scores.toString(), distill.at("/config/teacher/external/file").asText(), "external");
    assertTrue(distill.at("/deployment/teacher").isNull());
    assertTrue(distill.at("/deployment/teacher_reason").asText().contains("external"));
    boolean hashed = false;
    for (JsonNode in : audit.at("/provenance/inputs")) {
      hashed |=
          in.path("role").asText().equals("teacher-scores")
              && in.path("sha256").asText().equals(org.fairkd.base.files.Sha256.of(scores));
    }
    assertTrue(hashed, audit.at("/provenance/inputs").toString());

    // the audited teacher is the file: its test-split scores and selection rate
    List<String> lines = Files.readAllLines(out.resolve("distill/predictions.csv"));
    List<String> head = List.of(lines.get(0).split(","));
    int id = head.indexOf("row_id");
    int split = head.indexOf("split");
    int teacher = head.indexOf("teacher_score");
    double selected = 0;
    double test = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split(",");
      assertEquals(expected.get(c[id]), Double.parseDouble(c[teacher]), 0.0, c[id]);
      if (c[split].equals("test")) {
        test++;
        selected += expected.get(c[id]) >= 0.5 ? 1 : 0;
      }
    }
    JsonNode overall = audit.at("/models/teacher/overall");
    assertEquals(test, overall.path("count").asDouble());
    assertEquals(selected / test, overall.at("/metrics/selection_rate/value").asDouble(), 1e-12);
    String html = Files.readString(out.resolve("report.html"));
    assertFalse(html.contains("NaN"));
    assertTrue(html.contains("teacher ensemble not measured: external teacher"), "reason shown");
  }

  @Test
  void badTeacherScoresAreOneLineNamingTheFile() throws Exception {
    Path spec = SyntheticSpec.write(tmp, 600);
    Path scores = tmp.resolve("teacher.csv");
    SyntheticSpec.writeTeacherScores(spec, scores, null);
    Path missing = tmp.resolve("none.csv");
    Map<String[], String> cases =
        Map.of(
            new String[] {
              "run",
              "--spec",
              spec.toString(),
              "--teacher-scores",
              scores.toString(),
              "--policy",
              "four-fifths",
              "--out",
              tmp.resolve("a").toString()
            },
            scores + ": no column 'row_id' (columns: id, p_good)",
            new String[] {
              "demo", "--teacher-scores", missing.toString(), "--out", tmp.resolve("b").toString()
            },
            missing + ": teacher scores file not found",
            new String[] {
              "run",
              "--spec",
              spec.toString(),
              "--teacher-id-column",
              "id",
              "--policy",
              "four-fifths",
              "--out",
              tmp.resolve("c").toString()
            },
            "--teacher-id-column and --teacher-score-column need --teacher-scores");
    for (var c : cases.entrySet()) {
      CliRun r = CliRun.run(c.getKey());
      assertEquals(2, r.exitCode(), String.join(" ", c.getKey()) + "\n" + r.err());
      assertEquals("fairkd: error: " + c.getValue(), r.err().strip());
      assertFalse(Files.exists(tmp.resolve("a").resolve("audit.json")));
      assertFalse(Files.exists(tmp.resolve("b").resolve("audit.json")));
    }
  }
}

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
import org.fairkd.datasets.Datasets;
import org.fairkd.kd.portable.PortableScorer;
import org.fairkd.kd.portable.PortableStudent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code fairkd distill} and {@code fairkd bench scoring} through the command line. */
class DistillCommandTest {
  @TempDir static Path dir;
  static Path spec;

  @BeforeAll
  static void synthData() throws Exception {
    spec = SyntheticSpec.write(dir, 1200);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "student: {temperature: -1}|bad.yaml: key 'student.temperature': must be > 0, got -1",
        "student: {alpha: 2}|bad.yaml: key 'student.alpha': must be in [0, 1], got 2",
        "student: {lambda: -0.5}|bad.yaml: key 'student.lambda': must be >= 0, got -0.5",
        "student: {penalty: fairness}|bad.yaml: key 'student.penalty': unknown penalty 'fairness'",
        "student: {lambda: 1, penalty_attribute: religion}|bad.yaml: key 'student.penalty_attribute': unknown protected attribute 'religion'",
        "teacher: {members: [{type: deep_forest}]}|bad.yaml",
        "teacher: {members: [{name: o, type: onnx, path: m.onnx, inputs: {x: [salary]}}]}|bad.yaml: teacher member 'o': input column 'salary' is not a feature of the dataset",
      })
  void invalidConfigIsOneLineAndExitTwo(String yaml, String expected) throws Exception {
    Path cfg = dir.resolve("bad.yaml");
    Files.writeString(cfg, yaml + "\n");
    Path out = dir.resolve("never");
    CliRun r =
        CliRun.run(
            "distill",
            "--spec",
            spec.toString(),
            "--config",
            cfg.toString(),
            "--out",
            out.toString());
    assertEquals(ExitCodes.ERROR, r.exitCode(), r.out());
    assertTrue(r.err().startsWith("fairkd: error: " + expected), r.err());
    assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
    assertFalse(Files.exists(out.resolve("distill.json")));
  }

  @Test
  void refusesNonEmptyOutWithoutForce() throws Exception {
    Path out = Files.createDirectories(dir.resolve("full"));
    Files.writeString(out.resolve("keep.txt"), "x");
    CliRun r = CliRun.run("distill", "--spec", spec.toString(), "--out", out.toString());
    assertEquals(ExitCodes.ERROR, r.exitCode());
    assertTrue(r.err().contains("--force"), r.err());
    assertEquals("x", Files.readString(out.resolve("keep.txt")));
  }

  @Test
  void distillsWritesEveryOutputAndBenchScoringReadsThem() throws Exception {
    Path cfg = dir.resolve("small.yaml");
    Files.writeString(
        cfg,
        """
        teacher: {members: [{type: logistic}, {type: naive_bayes}], soft_targets: in_sample}
        student: {architecture: "8", epochs: 4, transfer: "off"}
        """);
    Path out = dir.resolve("out");
    CliRun r =
        CliRun.run(
            "distill",
            "--spec",
            spec.toString(),
            "--config",
            cfg.toString(),
            "--seed",
            "5",
            "--repeats",
            "2",
            "--out",
            out.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("student AUC"), r.out());
    List<String> lines = Files.readAllLines(out.resolve("predictions.csv"));
    assertEquals(1201, lines.size());
    assertTrue(
        lines
            .get(0)
            .startsWith(
                "row_id,split,label,sex,race,age_band,teacher_score,student_score,baseline_score"),
        lines.get(0));
    JsonNode d = new ObjectMapper().readTree(out.resolve("distill.json").toFile());
    assertEquals("fairkd.distill/1", d.path("schema").asText());
    assertEquals(5, d.path("seed").asLong());
    assertEquals(2, d.path("repeats").size());
    for (String k :
        List.of(
            "fidelity", "kl", "deployment", "training_seconds", "inputs", "provenance", "config")) {
      assertTrue(d.has(k), "distill.json lacks " + k);
    }
    assertEquals(64, d.path("inputs").get(0).path("sha256").asText().length());
    // the test-split rows of predictions.csv reproduce the reported student AUC
    double auc = d.path("test").path("student").path("auc").asDouble();
    assertEquals(auc, aucOfTestRows(lines), 1e-9);
    // the portable student scores the test rows as in predictions.csv
    PortableStudent p = PortableStudent.read(out.resolve("student/student.json"));
    assertTrue(new PortableScorer(p).inputColumns().contains("income"));
    assertTrue(Files.isDirectory(out.resolve("teacher")));
    // reasons.csv: one line per test row; every decline below 0.5 has its reasons
    List<String> reasons = Files.readAllLines(out.resolve("reasons.csv"));
    assertTrue(reasons.get(0).startsWith("row_id,decision,student_reason_1,"), reasons.get(0));
    int declined = 0;
    int withTeacher = 0;
    for (String line : reasons.subList(1, reasons.size())) {
      String[] c = line.split(",", -1);
      assertEquals(14, c.length, line);
      if (c[1].equals("declined")) {
        declined++;
        withTeacher += c[10].isEmpty() ? 0 : 1;
        assertFalse(c[6].isEmpty() || Double.parseDouble(c[6]) >= 0, line);
      } else {
        assertEquals("approved", c[1], line);
        assertTrue(c[2].isEmpty(), line);
      }
    }
    assertEquals(testRows(lines), reasons.size() - 1);
    assertTrue(declined > 0 && withTeacher > 0, "declined " + declined);
    assertTrue(r.out().contains("reasons: " + declined + " declines, top-4 overlap"), r.out());

    CliRun b =
        CliRun.run(
            "bench",
            "scoring",
            "--model",
            out.toString(),
            "--spec",
            spec.toString(),
            "--rows",
            "100",
            "--min-time-ms",
            "0",
            "--json");
    assertEquals(0, b.exitCode(), b.err());
    JsonNode f = b.json();
    assertTrue(f.path("latency_speedup").asDouble() > 0, b.out());
    assertEquals(
        Files.size(out.resolve("student/student.json")),
        f.path("student_portable").path("size_bytes").asLong());
  }

  @Test
  void externalTeacherScoresAreTheTeacher() throws Exception {
    Path scores = dir.resolve("teacher-scores.csv");
    Map<String, Double> expected = SyntheticSpec.writeTeacherScores(spec, scores, null);
    Path cfg = dir.resolve("ext.yaml");
    Files.writeString(cfg, "student: {architecture: \"8\", epochs: 25, transfer: \"on\"}\n");
    Path out = dir.resolve("ext-out");
    CliRun r =
        CliRun.run(
            SyntheticSpec.withTeacher(
                scores,
                "distill",
                "--spec",
                spec.toString(),
                "--config",
                cfg.toString(),
                "--out",
                out.toString()));
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("teacher not timed"), r.out());
    List<String> lines = Files.readAllLines(out.resolve("predictions.csv"));
    assertEquals(1201, lines.size());
    int same = 0;
    int test = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split(",");
      double teacher = Double.parseDouble(c[c.length - 3]);
      assertEquals(expected.get(c[0]), teacher, 0.0, c[0]);
      if (c[1].equals("test")) {
        test++;
        same += (Double.parseDouble(c[c.length - 2]) >= 0.5) == (teacher >= 0.5) ? 1 : 0;
      }
    }
    double fidelity = (double) same / test;
    assertTrue(fidelity > 0.9, "student agrees with the external teacher: " + fidelity);
    JsonNode d = new ObjectMapper().readTree(out.resolve("distill.json").toFile());
    assertEquals(fidelity, d.path("fidelity").asDouble(), 1e-12);
    JsonNode ext = d.path("config").path("teacher").path("external");
    assertEquals(scores.toString(), ext.path("file").asText());
    assertEquals("p_good", ext.path("score_column").asText());
    assertEquals("off", d.path("config").path("student").path("transfer").asText());
    assertFalse(d.path("selection").path("transfer_used").asBoolean());
    assertTrue(d.path("deployment").path("teacher").isNull());
    assertTrue(d.path("deployment").path("teacher_reason").asText().contains("external"));
    assertFalse(d.path("deployment").has("latency_speedup"));
    assertTrue(d.path("notes").get(0).asText().contains("MUNGE"), d.path("notes").toString());
    assertEquals(
        64, d.path("provenance").path("teacher").path("external").path("sha256").asText().length());
    assertFalse(Files.exists(out.resolve("teacher")));
    // an external teacher is scores, not a model: the student's reasons only
    assertTrue(r.out().contains("no teacher reasons"), r.out());
    for (String line : Files.readAllLines(out.resolve("reasons.csv")).subList(1, test + 1)) {
      assertTrue(line.endsWith(",,,"), line);
    }
  }

  @Test
  void externalTeacherMissingARowIdIsOneLineAndExitTwo() throws Exception {
    Path scores = dir.resolve("teacher-missing.csv");
    String missing = Datasets.loadSpec(spec).rowId(7);
    SyntheticSpec.writeTeacherScores(spec, scores, missing);
    Path out = dir.resolve("ext-missing");
    CliRun r =
        CliRun.run(
            SyntheticSpec.withTeacher(
                scores, "distill", "--spec", spec.toString(), "--out", out.toString()));
    assertEquals(ExitCodes.ERROR, r.exitCode(), r.out());
    assertEquals(
        "fairkd: error: " + scores + ": 1 row id(s) have no teacher score, e.g. " + missing,
        r.err().strip());
    assertFalse(Files.exists(out.resolve("distill.json")));
  }

  @Test
  void externalTeacherWrongColumnIsOneLineAndExitTwo() throws Exception {
    Path scores = dir.resolve("teacher-cols.csv");
    SyntheticSpec.writeTeacherScores(spec, scores, null);
    CliRun r =
        CliRun.run(
            "distill",
            "--spec",
            spec.toString(),
            "--teacher-scores",
            scores.toString(),
            "--out",
            dir.resolve("ext-cols").toString());
    assertEquals(ExitCodes.ERROR, r.exitCode(), r.out());
    assertEquals(
        "fairkd: error: " + scores + ": no column 'row_id' (columns: id, p_good)", r.err().strip());
  }

  private static long testRows(List<String> predictions) {
    return predictions.stream().skip(1).filter(l -> l.split(",")[1].equals("test")).count();
  }

  private static double aucOfTestRows(List<String> lines) {
    List<String[]> test =
        lines.stream().skip(1).map(l -> l.split(",")).filter(c -> c[1].equals("test")).toList();
    double pos = 0;
    double neg = 0;
    double wins = 0;
    for (String[] a : test) {
      if (!a[2].equals("1")) {
        continue;
      }
      pos++;
      for (String[] b : test) {
        if (b[2].equals("0")) {
          double sa = Double.parseDouble(a[a.length - 2]);
          double sb = Double.parseDouble(b[b.length - 2]);
          wins += sa > sb ? 1 : sa == sb ? 0.5 : 0;
        }
      }
    }
    for (String[] b : test) {
      if (b[2].equals("0")) {
        neg++;
      }
    }
    return wins / (pos * neg);
  }
}

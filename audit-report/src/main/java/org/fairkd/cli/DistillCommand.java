package org.fairkd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.kd.DistillationException;
import org.fairkd.kd.pipeline.DistillConfig;
import org.fairkd.kd.pipeline.DistillationResult;
import org.fairkd.kd.pipeline.Distiller;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fairkd distill}: train the teacher ensemble (or read an external teacher's scores with
 * {@code --teacher-scores}), distil it into a student and a hard-label baseline, measure the
 * deployment gain, and write predictions.csv, distill.json, teacher/ (trained teachers only) and
 * student/ to {@code --out}. Exit 0 on success, 2 on bad input or error.
 */
@Command(
    name = "distill",
    mixinStandardHelpOptions = true,
    description = {
      "Distil a teacher ensemble into a small, fast student model.",
      "Writes OUT/predictions.csv, OUT/distill.json, OUT/teacher/ and OUT/student/"
          + " (student/student.json is the portable student).",
      "Exit codes: 0 success, 2 bad input or error."
    })
public final class DistillCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DatasetOptions dataset;

  @Option(names = "--config", description = "Distillation configuration (YAML).")
  Path config;

  @Mixin TeacherScoresOptions teacher;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: 42).")
  long seed;

  @Option(
      names = "--repeats",
      defaultValue = "1",
      description = "Students and baselines trained with seeds S, S+1, ... (default: 1).")
  int repeats;

  @Option(names = "--out", required = true, description = "Output directory.")
  Path out;

  @Option(names = "--force", description = "Overwrite a non-empty --out directory.")
  boolean force;

  @Override
  public Integer call() {
    if (repeats < 1 || repeats > 100) {
      throw new DistillationException("--repeats must be in 1..100, got " + repeats);
    }
    DistillConfig cfg =
        teacher.applyTo(config == null ? DistillConfig.defaults() : DistillConfig.read(config));
    TabularDataset data = dataset.load();
    org.fairkd.audit.OutputDir.prepare(out, force);
    Progress.step("distilling " + data.name() + " (seed " + seed + ", repeats " + repeats + ")");
    DistillationResult r = Distiller.run(data, cfg, seed, repeats, out);
    printSummary(spec.commandLine().getOut(), r.distill(), out);
    return ExitCodes.PASS;
  }

  static void printSummary(PrintWriter w, JsonNode d, Path out) {
    JsonNode t = d.path("test");
    w.printf(
        Locale.ROOT,
        "%s: teacher AUC %.4f, student AUC %.4f (%s), baseline AUC %.4f%n",
        d.path("dataset").asText(),
        t.path("teacher").path("auc").asDouble(),
        t.path("student").path("auc").asDouble(),
        t.path("student").path("architecture").asText(),
        t.path("baseline").path("auc").asDouble());
    w.printf(
        Locale.ROOT,
        "fidelity %.4f, KL %.5f, gap recovered %s%n",
        d.path("fidelity").asDouble(),
        d.path("kl").asDouble(),
        d.path("gap_recovered").isNull()
            ? "undefined (" + d.path("gap_recovered_reason").asText() + ")"
            : String.format(Locale.ROOT, "%.3f", d.path("gap_recovered").asDouble()));
    JsonNode s = d.path("repeats_summary");
    if (s.path("n").asInt() > 1) {
      w.printf(
          Locale.ROOT,
          "over %d seeds: student AUC %.4f ± %.4f, baseline AUC %.4f ± %.4f, gap recovered %s%n",
          s.path("n").asInt(),
          s.path("student_auc").path("mean").asDouble(),
          s.path("student_auc").path("sd").asDouble(),
          s.path("baseline_auc").path("mean").asDouble(),
          s.path("baseline_auc").path("sd").asDouble(),
          s.path("gap_recovered").path("mean").isNull()
              ? "undefined"
              : String.format(
                  Locale.ROOT,
                  "%.3f ± %.3f",
                  s.path("gap_recovered").path("mean").asDouble(),
                  s.path("gap_recovered").path("sd").asDouble()));
    }
    JsonNode dep = d.path("deployment");
    boolean external = dep.path("teacher").isNull();
    if (external) {
      w.printf(
          Locale.ROOT,
          "single-row p50: portable student %.2f µs, %d bytes (teacher not timed: %s)%n",
          dep.path("student_portable").path("latency_p50_us").asDouble(),
          dep.path("student_portable").path("size_bytes").asLong(),
          dep.path("teacher_reason").asText());
    } else {
      w.printf(
          Locale.ROOT,
          "single-row p50: teacher %.1f µs, portable student %.2f µs (%.0f× faster); size %d → %d"
              + " bytes%n",
          dep.path("teacher").path("latency_p50_us").asDouble(),
          dep.path("student_portable").path("latency_p50_us").asDouble(),
          dep.path("latency_speedup").asDouble(),
          dep.path("teacher").path("size_bytes").asLong(),
          dep.path("student_portable").path("size_bytes").asLong());
    }
    w.printf(
        Locale.ROOT,
        "wrote %s (predictions.csv, distill.json, %sstudent/)%n",
        out,
        external ? "" : "teacher/, ");
    w.flush();
  }
}

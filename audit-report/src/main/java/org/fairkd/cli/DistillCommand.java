package org.fairkd.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fairkd.audit.reasons.AdverseActionReasons;
import org.fairkd.audit.reasons.AdverseActionResult;
import org.fairkd.audit.reasons.DistilledReasons;
import org.fairkd.audit.reasons.ReasonsCsv;
import org.fairkd.audit.reasons.ReasonsLine;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.kd.bench.DeploymentSummary;
import org.fairkd.kd.pipeline.DistillConfig;
import org.fairkd.kd.pipeline.DistillationResult;
import org.fairkd.kd.pipeline.Distiller;
import org.fairkd.kd.summary.DistillSummary;
import org.fairkd.kd.summary.Repeat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fairkd distill}: train the teacher ensemble (or read an external teacher's scores with
 * {@code --teacher-scores}), distil it into a student and a hard-label baseline, measure the
 * deployment gain, and write predictions.csv, distill.json, reasons.csv (adverse-action reasons of
 * the student's test-split declines), teacher/ (trained teachers only) and student/ to {@code
 * --out}. Exit 0 on success, 2 on bad input or error.
 */
@Command(
    name = "distill",
    mixinStandardHelpOptions = true,
    description = {
      "Distil a teacher ensemble into a small, fast student model.",
      "Writes OUT/predictions.csv, OUT/distill.json, OUT/reasons.csv, OUT/teacher/ and"
          + " OUT/student/ (student/student.json is the portable student).",
      "Exit codes: 0 success, 2 bad input or error."
    })
public final class DistillCommand implements Callable<Integer> {
  /** Most students (and baselines) trained with {@code --repeats}. */
  static final int MAX_REPEATS = 100;

  @Spec CommandSpec spec;

  @Mixin DatasetOptions dataset;

  @Mixin DistillInputOptions inputs;

  @Option(
      names = "--repeats",
      defaultValue = "1",
      description =
          "Students and baselines trained with seeds S, S+1, ..., 1 to "
              + MAX_REPEATS
              + " (default: 1).")
  int repeats;

  @Override
  public Integer call() {
    OptionRanges.between("--repeats", repeats, 1, MAX_REPEATS);
    long seed = inputs.seed;
    OptionRanges.seed(seed);
    DistillConfig cfg = inputs.distillConfig();
    TabularDataset data = dataset.load();
    inputs.prepareOut();
    Progress.step("distilling " + data.name() + " (seed " + seed + ", repeats " + repeats + ")");
    DistillationResult r = Distiller.run(data, cfg, seed, repeats, inputs.out);
    printSummary(spec.commandLine().getOut(), r.summary(), inputs.out);
    writeReasons(data, cfg, r);
    return ExitCodes.PASS;
  }

  /** reasons.csv of the student's declines on the test split, and its fidelity line. */
  private void writeReasons(TabularDataset data, DistillConfig cfg, DistillationResult r) {
    Progress.step("adverse-action reasons of the student's declines");
    AdverseActionResult reasons =
        DistilledReasons.compute(
            data,
            cfg,
            inputs.seed,
            inputs.out,
            r.testRows(),
            AdverseActionReasons.Settings.of(
                0.5, AdverseActionReasons.REPLICATES, 0.95, inputs.seed));
    ReasonsCsv.write(inputs.out.resolve(ReasonsCsv.FILE), reasons.rows(), reasons.k());
    PrintWriter w = spec.commandLine().getOut();
    w.println(ReasonsLine.of(reasons) + "; wrote " + inputs.out.resolve(ReasonsCsv.FILE));
    w.flush();
  }

  static void printSummary(PrintWriter w, DistillSummary d, Path out) {
    DistillSummary.TestMetrics t = d.test();
    w.printf(
        Locale.ROOT,
        "%s: teacher AUC %.4f, student AUC %.4f (%s), baseline AUC %.4f%n",
        d.dataset(),
        t.teacher().auc(),
        t.student().metrics().auc(),
        t.student().architecture(),
        t.baseline().metrics().auc());
    w.printf(
        Locale.ROOT,
        "fidelity %.4f, KL %.5f, gap recovered %s%n",
        d.fidelity(),
        d.kl(),
        d.gapRecovered().describe());
    if (d.repeats().size() > 1) {
      DistillSummary.Spread student = d.spread(Repeat::studentAuc);
      DistillSummary.Spread baseline = d.spread(Repeat::baselineAuc);
      DistillSummary.Spread gap = d.spread(Repeat::gapRecoveredValue);
      w.printf(
          Locale.ROOT,
          "over %d seeds: student AUC %.4f ± %.4f, baseline AUC %.4f ± %.4f, gap recovered %s%n",
          d.repeats().size(),
          student.mean(),
          orZero(student.sd()),
          baseline.mean(),
          orZero(baseline.sd()),
          Double.isNaN(gap.mean())
              ? "undefined"
              : String.format(Locale.ROOT, "%.3f ± %.3f", gap.mean(), orZero(gap.sd())));
    }
    DeploymentSummary dep = d.deployment();
    boolean external = dep.teacher() == null;
    if (external) {
      w.printf(
          Locale.ROOT,
          "single-row p50: portable student %.2f µs, %d bytes (teacher not timed: %s)%n",
          dep.studentPortable().latencyP50Us(),
          dep.studentPortable().sizeBytes(),
          dep.teacherReason());
    } else {
      w.printf(
          Locale.ROOT,
          "single-row p50: teacher %.1f µs (fastest serving path %s), portable student %.2f µs"
              + " (%.0f× faster than the teacher's fastest path, %.0f× than its library path);"
              + " size %d → %d bytes%n",
          dep.teacher().latencyP50Us(),
          dep.teacherFast() == null
              ? "the library"
              : String.format(Locale.ROOT, "%.1f µs", dep.teacherFast().latencyP50Us()),
          dep.studentPortable().latencyP50Us(),
          dep.latencySpeedupVsFastest(),
          dep.latencySpeedup(),
          dep.teacher().sizeBytes(),
          dep.studentPortable().sizeBytes());
    }
    w.printf(
        Locale.ROOT,
        "wrote %s (predictions.csv, distill.json, %sstudent/)%n",
        out,
        external ? "" : "teacher/, ");
    w.flush();
  }

  /** The JSON tree printed a null SD as 0 (Jackson's asDouble of null); kept so. */
  private static double orZero(double v) {
    return Double.isNaN(v) ? 0 : v;
  }
}

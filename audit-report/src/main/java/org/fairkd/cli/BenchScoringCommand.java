package org.fairkd.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fairkd.datasets.Datasets;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.datasets.encode.FeatureEncoder;
import org.fairkd.kd.DistillationException;
import org.fairkd.kd.bench.DeploymentFigures;
import org.fairkd.kd.bench.DeploymentSummary;
import org.fairkd.kd.bench.ScoringBench;
import org.fairkd.kd.files.DistillJsonWriter;
import org.fairkd.kd.pipeline.Deployment;
import org.fairkd.kd.portable.PortableStudent;
import org.fairkd.kd.student.DjlStudent;
import org.fairkd.kd.teacher.TeacherEnsemble;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fairkd bench scoring --model DIR}: single-row latency (p50/p99, from a raw row), batch
 * throughput and size on disk of a saved student (portable and DJL), and of the teacher when the
 * directory holds one (a {@code fairkd distill --out} directory).
 */
@Command(
    name = "scoring",
    mixinStandardHelpOptions = true,
    description = {
      "Measure single-row latency and batch throughput of a saved student (and its teacher).",
      "--model is a 'fairkd distill' output directory or its student/ directory."
    })
public final class BenchScoringCommand implements Callable<Integer> {
  /** Largest time budget per model and phase: one hour. */
  static final long MAX_TIME_MS = 3_600_000;

  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, description = "Distill output or student directory.")
  Path model;

  /** The rows to score; default: the built-in dataset named in the student file. */
  @Mixin DatasetOptions dataset;

  @Option(
      names = "--rows",
      defaultValue = "5000",
      description = "Raw rows scored (the first N of the data; default: 5000).")
  int rows;

  @Option(
      names = "--min-time-ms",
      defaultValue = "2000",
      description = "Minimum warm-up time and minimum batch-timing time per model (default: 2000).")
  long minTimeMs;

  @Option(names = "--json", description = "Print the figures as JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    OptionRanges.atLeast("--rows", rows, 1);
    OptionRanges.between("--min-time-ms", minTimeMs, 0, MAX_TIME_MS);
    Path studentDir =
        Files.isRegularFile(model.resolve("student/student.json"))
            ? model.resolve("student")
            : model;
    Path studentFile = studentDir.resolve("student.json");
    if (!Files.isRegularFile(studentFile)) {
      throw new DistillationException(
          "--model "
              + model
              + ": no student/student.json or student.json (a 'fairkd distill --out' directory is expected)");
    }
    PortableStudent p = PortableStudent.read(studentFile);
    TabularDataset data;
    if (dataset.given()) {
      data = dataset.load();
    } else {
      Object name = p.metadata() == null ? null : p.metadata().get("dataset");
      if (name == null || !Datasets.builtInNames().contains(name.toString())) {
        throw new DistillationException(
            studentFile
                + ": the student names no built-in dataset; give --dataset or --spec for raw rows");
      }
      data = dataset.loadBuiltIn(name.toString());
    }
    int n = Math.min(rows, data.rowCount());
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    Path teacherDir = studentDir.toAbsolutePath().getParent().resolve("teacher");
    TeacherEnsemble teacher = null;
    long teacherBytes = 0;
    if (Files.isDirectory(teacherDir)) {
      teacher = TeacherEnsemble.load(teacherDir);
      teacherBytes = teacher.sizeOnDiskBytes(teacherDir);
    }
    long djlBytes = 0;
    Path djlDir = studentDir.resolve("djl");
    if (Files.isDirectory(djlDir)) {
      try (var s = Files.list(djlDir)) {
        djlBytes = s.mapToLong(f -> f.toFile().length()).sum();
      }
    }
    FeatureEncoder enc = FeatureEncoder.fromSpec(p.encoder());
    DeploymentSummary figures;
    try (DjlStudent djl = DjlStudent.of(p.weights())) {
      figures =
          Deployment.measure(
              data,
              idx,
              enc,
              teacher,
              teacherBytes,
              djl,
              djlBytes,
              p,
              Files.size(studentFile),
              new ScoringBench(1000, minTimeMs, 5000, 3, minTimeMs));
    }
    PrintWriter w = spec.commandLine().getOut();
    if (json) {
      ObjectNode o = DistillJsonWriter.deployment(figures).put("rows", n);
      w.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(o));
    } else {
      print(w, figures, n);
    }
    w.flush();
    return ExitCodes.PASS;
  }

  static void print(PrintWriter w, DeploymentSummary f, int rows) {
    w.printf(
        Locale.ROOT,
        "%-17s %12s %12s %14s %12s%n",
        "model",
        "p50_us",
        "p99_us",
        "rows_per_s",
        "size_bytes");
    row(w, "teacher", f.teacher());
    row(w, "student_djl", f.studentDjl());
    row(w, "student_portable", f.studentPortable());
    if (f.teacher() != null) {
      w.printf(
          Locale.ROOT,
          "portable vs teacher: latency %.0f× lower, throughput %.1f× higher, %.0f× smaller (%d rows)%n",
          f.latencySpeedup(),
          f.throughputSpeedup(),
          f.sizeRatio(),
          rows);
    }
  }

  private static void row(PrintWriter w, String model, DeploymentFigures x) {
    if (x != null) {
      w.printf(
          Locale.ROOT,
          "%-17s %12.2f %12.2f %14.0f %12d%n",
          model,
          x.latencyP50Us(),
          x.latencyP99Us(),
          x.throughputRowsPerS(),
          x.sizeBytes());
    }
  }
}

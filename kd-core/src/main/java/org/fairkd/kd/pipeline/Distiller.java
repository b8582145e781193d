package org.fairkd.kd.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fairkd.base.files.AtomicFiles;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.kd.DistillationException;
import org.fairkd.kd.bench.ScoringBench;
import org.fairkd.kd.student.TrainingData;
import org.fairkd.kd.summary.DistillSummary;

/**
 * The {@code distill} pipeline as typed stages, each a small class with its own input and output:
 *
 * <ol>
 *   <li>{@link EncodedSplits}: seeded stratified split, encoder fitted on the training rows;
 *   <li>{@link TeacherScores}: teacher ensemble with out-of-fold soft targets — or, with {@link
 *       DistillConfig#externalTeacher()}, the file's scores;
 *   <li>{@link TransferSet}: the MUNGE rows labelled by the teacher (none for an external teacher);
 *   <li>{@link ArchitectureChoice}: the student architecture, configured or searched on validation
 *       ({@link StudentSelection});
 *   <li>{@link StudentTraining}: the hard-label baseline, then the distilled student, restarted by
 *       the {@link CollapseGuard} if a fairness penalty collapsed it, and the transfer decision;
 *   <li>{@link RepeatTraining}: test scores and {@code repeats} seeds {@code seed, seed+1, …};
 *   <li>{@link Export}: the portable and DJL student, the saved teacher and the deployment gain;
 *   <li>{@link Compression}: the compressed students ({@code student.compress}), written beside the
 *       student, scored and timed;
 * </ol>
 *
 * then the {@link DistillSummary} ({@link SummaryBuilder}) and, with an output directory, the files
 * ({@link DistillOutputs}): predictions.csv, distill.json, teacher/ and student/.
 */
public final class Distiller {
  private Distiller() {}

  /**
   * Runs one distillation with the default deployment benchmark; {@code outDirOrNull} receives the
   * output files when not null.
   */
  public static DistillationResult run(
      TabularDataset data, DistillConfig cfg, long seed, int repeats, Path outDirOrNull) {
    return run(data, cfg, seed, repeats, outDirOrNull, ScoringBench.defaults());
  }

  /** Runs one distillation, measuring the deployment gain with {@code bench}. */
  public static DistillationResult run(
      TabularDataset data,
      DistillConfig cfg,
      long seed,
      int repeats,
      Path outDirOrNull,
      ScoringBench bench) {
    if (repeats < 1) {
      throw new DistillationException("--repeats must be >= 1, got " + repeats);
    }
    long t0 = System.nanoTime();
    StageClock clock = new StageClock();
    EncodedSplits splits = EncodedSplits.of(data, cfg, seed);
    clock.mark("split_and_encode");
    TeacherScores teacher = TeacherScores.of(cfg, splits, seed);
    TrainingData train = teacher.trainingData(splits);
    TrainingData val = teacher.validationData(splits);
    clock.mark("teacher");

    long tSel = System.nanoTime();
    TransferSet transfer = TransferSet.build(cfg, splits, teacher, train, seed);
    clock.mark("transfer_set");
    ArchitectureChoice arch = ArchitectureChoice.choose(cfg, train, transfer, val, seed);
    clock.mark("architecture");
    StudentTraining training =
        StudentTraining.train(cfg, splits, train, val, transfer, arch.architecture(), seed);
    clock.mark("student_and_baseline");
    double selectionSeconds =
        (System.nanoTime() - tSel) / 1e9
            - training.student().student().seconds()
            - training.baseline().seconds();

    RepeatTraining reps =
        RepeatTraining.run(cfg, splits, teacher, training, val, arch.architecture(), seed, repeats);
    clock.mark("repeats");
    Path work = outDirOrNull != null ? outDirOrNull : tempDir();
    Export export =
        Export.run(
            splits,
            cfg,
            teacher.teacher().ensemble(),
            training.student().student().weights(),
            seed,
            work,
            bench);
    clock.mark("export_and_bench");
    Compression compression =
        Compression.run(cfg, splits, export.portable(), export.studentDir(), bench);
    clock.mark("compression");
    double totalSeconds = (System.nanoTime() - t0) / 1e9;
    SummaryBuilder.Stages stages =
        new SummaryBuilder.Stages(splits, teacher, arch, training, reps, export, compression);
    DistillSummary summary =
        SummaryBuilder.build(cfg, seed, stages, selectionSeconds, totalSeconds, clock.seconds());
    if (outDirOrNull != null) {
      DistillOutputs.publish(outDirOrNull, stages, summary);
    } else {
      deleteQuietly(work);
    }
    return result(stages, summary);
  }

  /** What {@link #run} returns of the stages {@code st} and their {@code summary}. */
  static DistillationResult result(SummaryBuilder.Stages st, DistillSummary summary) {
    EncodedSplits splits = st.splits();
    List<String> ids = new ArrayList<>();
    for (int r : splits.test().rows()) {
      ids.add(splits.data().rowId(r));
    }
    Map<String, double[]> compressed = new LinkedHashMap<>();
    st.compression()
        .students()
        .forEach(c -> compressed.put(c.student().method().role(), c.testScores()));
    return new DistillationResult(
        splits.test().rows().clone(),
        ids,
        splits.test().y(),
        st.teacher().test(),
        st.repeats().studentTest(),
        st.repeats().baselineTest(),
        compressed,
        summary);
  }

  static void deleteQuietly(Path p) {
    try {
      AtomicFiles.deleteTree(p);
    } catch (IOException e) {
      // temporary directory left behind; harmless
    }
  }

  static Path tempDir() {
    try {
      return Files.createTempDirectory("fairkd-distill");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

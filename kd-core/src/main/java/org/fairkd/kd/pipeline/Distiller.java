package org.fairkd.kd.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fairkd.datasets.ProtectedAttribute;
import org.fairkd.datasets.Split;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.datasets.encode.FeatureEncoder;
import org.fairkd.kd.DistillationException;
import org.fairkd.kd.bench.ScoringBench;
import org.fairkd.kd.portable.PortableStudent;
import org.fairkd.kd.student.DjlStudent;
import org.fairkd.kd.student.StudentArchitecture;
import org.fairkd.kd.student.StudentSettings;
import org.fairkd.kd.student.StudentTrainer;
import org.fairkd.kd.student.TrainedStudent;
import org.fairkd.kd.student.TrainingData;
import org.fairkd.kd.teacher.TeacherEnsemble;
import org.fairkd.kd.teacher.TeacherTrainer;
import org.fairkd.kd.transfer.Munge;

/**
 * The {@code distill} pipeline: seeded stratified split; encoder fitted on the training rows;
 * teacher ensemble with out-of-fold soft targets; the MUNGE transfer set labelled by the teacher;
 * student architecture search and transfer-set decision on validation ({@link StudentSelection}) —
 * or, with {@link DistillConfig#externalTeacher()}, the file's scores as soft targets and no
 * transfer set; the hard-label baseline (same architecture and procedure), then the distilled
 * student, restarted by the {@link CollapseGuard} if a fairness penalty collapsed it; {@code
 * repeats} seeds {@code seed, seed+1, …} for both against the same teacher and transfer set; test
 * metrics, {@code gap_recovered = (AUC_S − AUC_B) / (AUC_T − AUC_B)}, the deployment gain; and,
 * with an output directory, predictions.csv, distill.json, teacher/ and student/.
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
    StudentSettings settings = cfg.settings();
    ProtectedAttribute attr = penaltyAttribute(data, cfg);
    boolean penalised = settings.lambda() > 0;
    Split split = Split.stratified(data, cfg.validationFraction(), cfg.testFraction(), seed);
    FeatureEncoder enc = FeatureEncoder.fit(data, split.train());
    float[][] xTr = enc.transform(data, split.train());
    float[][] xVa = enc.transform(data, split.validation());
    float[][] xTe = enc.transform(data, split.test());
    boolean[] yTr = labels(data, split.train());
    boolean[] yVa = labels(data, split.validation());
    boolean[] yTe = labels(data, split.test());

    PipelineTeacher pt =
        cfg.externalTeacher() != null
            ? PipelineTeacher.external(cfg.externalTeacher(), data)
            : PipelineTeacher.trained(
                TeacherTrainer.fit(cfg.teacher(), xTr, yTr, xVa, yVa, enc.outputNames(), seed));
    TeacherEnsemble teacher = pt.ensemble();
    double[] teacherVa = pt.score(split.validation(), xVa);
    double[] teacherTe = pt.score(split.test(), xTe);

    double[][] memTr = penalised ? membership(attr, split.train()) : null;
    double[][] memVa = penalised ? membership(attr, split.validation()) : null;
    TrainingData train =
        new TrainingData(xTr, yTr, null, pt.trainSoftTargets(split.train()), memTr);
    TrainingData val = new TrainingData(xVa, yVa, null, teacherVa, memVa);

    long tSel = System.nanoTime();
    String transfer = teacher == null ? "off" : cfg.transfer(); // an external teacher: off
    StudentSelection.Augmented transferTrain =
        transfer.equals("off") ? null : transferSet(cfg, enc, teacher, train, xTr, memTr, seed);
    StudentArchitecture arch = cfg.architecture();
    List<StudentSelection.Candidate> candidates = List.of();
    if (arch == null) {
      candidates =
          StudentSelection.search(cfg.searchSpace(), train, transferTrain, val, settings, seed);
      arch = StudentSelection.best(candidates, settings);
    }
    TrainingData hardTrain = new TrainingData(xTr, yTr, null, null, null);
    TrainingData hardVal = new TrainingData(xVa, yVa, null, null, null);
    TrainedStudent baseline =
        trainStudent("baseline", hardTrain, hardVal, arch, settings.baseline(), seed);
    CollapseGuard guard = CollapseGuard.of(settings.lambda(), baseline.validationAuc());
    StudentArchitecture a = arch;
    CollapseGuard.Outcome outcome;
    boolean useTransfer;
    Double objectiveWithout = null;
    Double objectiveWith = null;
    if (transfer.equals("auto")) {
      CollapseGuard.Outcome plain =
          guard.train(sd -> trainStudent("student", train, val, a, settings, sd), seed);
      CollapseGuard.Outcome munged =
          guard.train(
              sd -> trainStudent("student+munge", transferTrain.data(), val, a, settings, sd),
              seed);
      objectiveWithout = StudentSelection.transferScore(settings, plain.student());
      objectiveWith = StudentSelection.transferScore(settings, munged.student());
      useTransfer = objectiveWith < objectiveWithout - StudentSelection.TOLERANCE;
      outcome = useTransfer ? munged : plain;
    } else {
      useTransfer = transfer.equals("on");
      TrainingData rows = useTransfer ? transferTrain.data() : train;
      outcome = guard.train(sd -> trainStudent("student", rows, val, a, settings, sd), seed);
    }
    TrainedStudent student = outcome.student();
    double selectionSeconds =
        (System.nanoTime() - tSel) / 1e9 - student.seconds() - baseline.seconds();
    TrainingData studentData = useTransfer ? transferTrain.data() : train;

    List<Repeat> reps = new ArrayList<>();
    double[] studentTe;
    double[] baselineTe;
    try (DjlStudent s = DjlStudent.of(student.weights());
        DjlStudent b = DjlStudent.of(baseline.weights())) {
      studentTe = s.predict(xTe);
      baselineTe = b.predict(xTe);
    }
    reps.add(Repeat.of(seed, teacherTe, studentTe, baselineTe, yTe));
    for (int r = 1; r < repeats; r++) {
      long sr = seed + r;
      TrainedStudent bR =
          trainStudent("baseline#" + r, hardTrain, hardVal, arch, settings.baseline(), sr);
      String task = "student#" + r;
      TrainedStudent sR =
          CollapseGuard.of(settings.lambda(), bR.validationAuc())
              .train(sd -> trainStudent(task, studentData, val, a, settings, sd), sr)
              .student();
      try (DjlStudent s = DjlStudent.of(sR.weights());
          DjlStudent b = DjlStudent.of(bR.weights())) {
        reps.add(Repeat.of(sr, teacherTe, s.predict(xTe), b.predict(xTe), yTe));
      }
    }

    PortableStudent portable =
        PortableStudent.of(
            enc.spec(),
            enc.outputNames(),
            student.weights(),
            Map.of(
                "dataset", data.name(),
                "seed", seed,
                "temperature", settings.temperature(),
                "alpha", settings.alpha(),
                "lambda", settings.lambda()));
    Path work = outDirOrNull != null ? outDirOrNull : tempDir();
    ObjectNode deployment;
    Path teacherTmp = OutputFiles.tempDirFor(work.resolve("teacher"));
    Path studentTmp = OutputFiles.tempDirFor(work.resolve("student"));
    try (DjlStudent djl = DjlStudent.of(student.weights())) {
      if (teacher != null) {
        teacher.save(teacherTmp);
      }
      byte[] json = portable.toJson();
      OutputFiles.write(studentTmp.resolve("student.json"), json);
      Path params = djl.save(studentTmp.resolve("djl"));
      deployment =
          Deployment.measure(
              data,
              split.test(),
              enc,
              teacher,
              OutputFiles.treeSize(teacherTmp),
              djl,
              params.toFile().length(),
              portable,
              json.length,
              bench);
    }
    if (teacher == null) {
      deployment.putNull("teacher");
      deployment.put("teacher_reason", PipelineTeacher.NOT_TIMED);
    }
    double totalSeconds = (System.nanoTime() - t0) / 1e9;
    DistillReport report =
        new DistillReport(
            data,
            cfg,
            seed,
            split,
            teacher,
            xTe,
            yTe,
            teacherTe,
            studentTe,
            baselineTe,
            student,
            baseline,
            arch,
            candidates,
            useTransfer,
            guard,
            outcome,
            objectiveWithout,
            objectiveWith,
            reps,
            deployment,
            pt,
            selectionSeconds,
            totalSeconds,
            attr);
    ObjectNode distill = report.build();
    if (outDirOrNull != null) {
      if (teacher != null) {
        OutputFiles.publishDir(teacherTmp, outDirOrNull.resolve("teacher"));
      } else { // no teacher/ for an external teacher (bench scoring would try to load it)
        deleteQuietly(teacherTmp);
        deleteQuietly(outDirOrNull.resolve("teacher"));
      }
      OutputFiles.publishDir(studentTmp, outDirOrNull.resolve("student"));
      float[][] xAll = enc.transform(data, allRows(data));
      double[] allTeacher = pt.score(allRows(data), xAll);
      double[] allStudent;
      double[] allBaseline;
      try (DjlStudent s = DjlStudent.of(student.weights());
          DjlStudent b = DjlStudent.of(baseline.weights())) {
        allStudent = s.predict(xAll);
        allBaseline = b.predict(xAll);
      }
      OutputFiles.write(
          outDirOrNull.resolve("predictions.csv"),
          PredictionsCsv.render(data, split, allTeacher, allStudent, allBaseline));
      OutputFiles.write(outDirOrNull.resolve("distill.json"), DistillReport.toBytes(distill));
    } else {
      deleteQuietly(work);
    }
    List<String> ids = new ArrayList<>();
    for (int r : split.test()) {
      ids.add(data.rowId(r));
    }
    return new DistillationResult(
        split.test().clone(), ids, yTe, teacherTe, studentTe, baselineTe, distill);
  }

  private static TrainedStudent trainStudent(
      String task,
      TrainingData train,
      TrainingData val,
      StudentArchitecture arch,
      StudentSettings settings,
      long seed) {
    try (TrainingProgress p = TrainingProgress.start(task + " " + arch, settings.epochs())) {
      return StudentTrainer.train(train, val, arch, settings, seed, p.listener());
    }
  }

  /** The training rows plus MUNGE rows labelled by the teacher (group membership of the origin). */
  private static StudentSelection.Augmented transferSet(
      DistillConfig cfg,
      FeatureEncoder enc,
      TeacherEnsemble teacher,
      TrainingData train,
      float[][] xTr,
      double[][] memTr,
      long seed) {
    Munge munge = new Munge(0.5, 2.0, cfg.transferMultiplier(), 256);
    Munge.TransferSet ts = munge.generate(xTr, enc.spec(), seed);
    double[][] memT = null;
    if (memTr != null) {
      memT = new double[ts.origin().length][];
      for (int i = 0; i < memT.length; i++) {
        memT[i] = memTr[ts.origin()[i]];
      }
    }
    return StudentSelection.withTransfer(
        train, ts.x(), ts.origin(), teacher.predictFavourable(ts.x()), memT);
  }

  /** The attribute the penalty uses (and fairness is reported on); null when there is none. */
  static ProtectedAttribute penaltyAttribute(TabularDataset data, DistillConfig cfg) {
    List<ProtectedAttribute> attrs = data.protectedAttributes();
    String wanted = cfg.penaltyAttribute();
    if (wanted != null) {
      return attrs.stream()
          .filter(a -> a.name().equals(wanted))
          .findFirst()
          .orElseThrow(
              () ->
                  new DistillationException(
                      cfg.source()
                          + ": key 'student.penalty_attribute': unknown protected attribute '"
                          + wanted
                          + "' (dataset "
                          + data.name()
                          + " has: "
                          + String.join(", ", attrs.stream().map(ProtectedAttribute::name).toList())
                          + ")"));
    }
    if (attrs.isEmpty()) {
      if (cfg.settings().lambda() > 0) {
        throw new DistillationException(
            cfg.source()
                + ": key 'student.lambda': a fairness penalty needs a protected attribute, and dataset "
                + data.name()
                + " declares none");
      }
      return null;
    }
    return attrs.get(0);
  }

  static double[][] membership(ProtectedAttribute a, int[] rows) {
    int g = a.groups().size();
    double[][] m = new double[rows.length][g];
    for (int i = 0; i < rows.length; i++) {
      for (int k = 0; k < g; k++) {
        m[i][k] = a.membership(rows[i], k);
      }
    }
    return m;
  }

  static boolean[] labels(TabularDataset d, int[] rows) {
    boolean[] y = new boolean[rows.length];
    for (int i = 0; i < rows.length; i++) {
      y[i] = d.favourable(rows[i]);
    }
    return y;
  }

  static int[] allRows(TabularDataset d) {
    int[] a = new int[d.rowCount()];
    for (int i = 0; i < a.length; i++) {
      a[i] = i;
    }
    return a;
  }

  private static void deleteQuietly(Path p) {
    try {
      OutputFiles.deleteTree(p);
    } catch (IOException e) {
      // temporary directory left behind; harmless
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("fairkd-distill");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package org.fairkd.kd.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fairkd.kd.bench.ScoringBench;
import org.fairkd.kd.portable.PortableStudent;
import org.fairkd.kd.student.StudentSettings;
import org.fairkd.kd.student.StudentWeights;
import org.fairkd.kd.student.TrainedStudent;
import org.fairkd.kd.summary.DistillSummary;

/**
 * A candidate of a {@link PreparedDistillation} as {@link Distiller} describes its student: the
 * same stages and the same {@link SummaryBuilder}, fed with the preparation's split, teacher and
 * architecture choice and the candidate's training run instead of a new student:
 *
 * <ul>
 *   <li>{@code config.student} is the candidate's: its temperature, lambda and penalty (on the
 *       prepared attribute), its architecture ({@code auto} kept when it is the prepared one);
 *   <li>{@link StudentTraining}: the candidate as the kept student (no collapse restarts: a search
 *       candidate is trained once), and the hard-label baseline trained now, with the candidate's
 *       architecture and seed, as distill trains it;
 *   <li>{@link RepeatTraining} with one seed, the candidate's: no spread over seeds;
 *   <li>{@link Export} of the given portable file, {@link Compression} of it as configured;
 *   <li>{@code training_seconds}: {@code student} is the candidate's training, {@code stages} the
 *       preparation's, then {@code search} (wall time from the end of the preparation to this
 *       summary: every candidate's training and measuring), {@code baseline}, {@code repeats},
 *       {@code export_and_bench}, {@code compression}; {@code total} from the preparation's start;
 *   <li>notes: which candidate the student is and how it was trained, and where its architecture or
 *       transfer set came from when that differs from {@code distill}.
 * </ul>
 */
final class CandidateDistillation {
  private CandidateDistillation() {}

  static DistillationResult run(
      PreparedDistillation p,
      CandidateStudent c,
      PortableStudent file,
      String id,
      Path outDirOrNull,
      ScoringBench bench) {
    TrainedStudent trained = c.trained();
    if (trained == null) {
      throw new IllegalArgumentException(
          "candidate " + id + " has no training run: it was not trained by PreparedDistillation");
    }
    if (!sameWeights(file.weights(), trained.weights())) {
      throw new IllegalArgumentException(
          "the portable student given for candidate " + id + " holds other weights");
    }
    long summaryStarted = System.nanoTime();
    PreparedDistillation.Preparation prep = p.preparation();
    EncodedSplits s = p.splits();
    CandidateSettings cs = c.settings();
    StudentSettings settings = p.settingsOf(cs);
    boolean preparedArchitecture = cs.architecture().equals(prep.architecture().architecture());
    ArchitectureChoice arch =
        preparedArchitecture
            ? prep.architecture()
            : new ArchitectureChoice(cs.architecture(), false, List.of());
    DistillConfig cfg =
        p.config()
            .withStudent(
                preparedArchitecture ? p.config().architecture() : cs.architecture(),
                settings,
                s.attribute().name());

    StageClock clock = new StageClock();
    TrainedStudent baseline =
        StudentTraining.run(
            "baseline",
            StudentTraining.hardLabels(s.train()),
            StudentTraining.hardLabels(s.validation()),
            cs.architecture(),
            settings.baseline(),
            cs.seed());
    clock.mark("baseline");
    CollapseGuard guard = CollapseGuard.of(settings.lambda(), baseline.validationAuc());
    StudentTraining training =
        new StudentTraining(
            new CollapseGuard.Outcome(trained, 0, guard.collapsed(trained)),
            baseline,
            guard,
            prep.transferUsed(),
            null,
            null,
            p.trainingRows());
    RepeatTraining reps =
        RepeatTraining.run(
            cfg, s, p.teacher(), training, p.validation(), cs.architecture(), cs.seed(), 1);
    clock.mark("repeats");
    Path work = outDirOrNull != null ? outDirOrNull : Distiller.tempDir();
    Export export =
        Export.run(s, p.teacher().teacher().ensemble(), file, trained.weights(), work, bench);
    clock.mark("export_and_bench");
    Compression compression =
        Compression.run(cfg, s, export.portable(), export.studentDir(), bench);
    clock.mark("compression");

    Map<String, Double> stages = new LinkedHashMap<>(prep.stages());
    stages.put("search", (summaryStarted - prep.preparedNanos()) / 1e9);
    stages.putAll(clock.seconds());
    double selectionSeconds =
        prep.stages().getOrDefault("transfer_set", 0.0)
            + prep.stages().getOrDefault("architecture", 0.0);
    double totalSeconds = (System.nanoTime() - prep.startedNanos()) / 1e9;
    SummaryBuilder.Stages st =
        new SummaryBuilder.Stages(s, p.teacher(), arch, training, reps, export, compression);
    DistillSummary summary =
        SummaryBuilder.build(
            cfg,
            prep.seed(),
            st,
            selectionSeconds,
            totalSeconds,
            stages,
            notes(p, cs, id, preparedArchitecture));
    if (outDirOrNull != null) {
      DistillOutputs.publish(outDirOrNull, st, summary);
    } else {
      Distiller.deleteQuietly(work);
    }
    return Distiller.result(st, summary);
  }

  /** What a reader of the summary needs to know about its student. */
  static List<String> notes(
      PreparedDistillation p, CandidateSettings cs, String id, boolean preparedArchitecture) {
    List<String> notes = new ArrayList<>();
    String attribute = p.splits().attribute().name();
    notes.add(
        String.format(
            Locale.ROOT,
            "the student is search candidate %s, trained once from the search's preparation (the"
                + " split, teacher, soft targets and transfer set every candidate shares) with %s,"
                + " temperature %s, architecture %s and seed %d; its hard-label baseline was"
                + " trained for this summary with the same architecture and seed; one seed, no"
                + " repeats; accuracy, fidelity and the demographic-parity gaps here are at 0.5, as"
                + " in every distill.json, whatever threshold the candidate is deployed at;"
                + " training_seconds.stages.search is the whole search's wall time",
            id,
            cs.lambda() > 0
                ? "the "
                    + cs.penalty().configName()
                    + " penalty on "
                    + attribute
                    + ", lambda "
                    + fmt(cs.lambda())
                : "no fairness penalty (lambda 0)",
            fmt(cs.temperature()),
            cs.architecture(),
            cs.seed()));
    ArchitectureChoice prepared = p.preparation().architecture();
    if (!preparedArchitecture) {
      notes.add(
          "architecture "
              + cs.architecture()
              + " was set by the search for this candidate, not by distill's architecture choice"
              + " (the preparation's architecture: "
              + prepared.architecture()
              + ", "
              + (prepared.searched() ? "searched" : "configured")
              + ")");
    }
    if (p.config().transfer().equals("auto") && p.preparation().transferUsed()) {
      notes.add(
          "transfer auto: every search candidate is trained with the transfer set (no decision"
              + " per candidate)");
    }
    return notes;
  }

  private static boolean sameWeights(StudentWeights a, StudentWeights b) {
    if (a.weights().size() != b.weights().size()) {
      return false;
    }
    for (int l = 0; l < a.weights().size(); l++) {
      if (!Arrays.deepEquals(a.weights().get(l), b.weights().get(l))
          || !Arrays.equals(a.biases().get(l), b.biases().get(l))) {
        return false;
      }
    }
    return true;
  }

  /** {@code 4} or {@code 0.25}: a setting as the configuration writes it. */
  private static String fmt(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
  }
}

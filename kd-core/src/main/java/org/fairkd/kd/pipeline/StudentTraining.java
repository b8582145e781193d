package org.fairkd.kd.pipeline;

import org.fairkd.kd.student.StudentArchitecture;
import org.fairkd.kd.student.StudentSettings;
import org.fairkd.kd.student.StudentTrainer;
import org.fairkd.kd.student.TrainedStudent;
import org.fairkd.kd.student.TrainingData;

/**
 * Stage 5 of {@link Distiller}: the hard-label baseline (same architecture and procedure), then the
 * distilled student, restarted by the {@link CollapseGuard} if a fairness penalty collapsed it;
 * with {@code transfer: auto}, students with and without the transfer set, keeping the better one
 * ({@link StudentSelection#transferScore}).
 *
 * @param student the kept student and how it was obtained
 * @param baseline the hard-label baseline
 * @param guard the collapse guard (its floor comes from the baseline)
 * @param transferUsed whether the kept student was trained with the transfer set
 * @param objectiveWithout validation objective without the transfer set ({@code auto} only, else
 *     null)
 * @param objectiveWith validation objective with it ({@code auto} only, else null)
 * @param studentData the rows the kept student was trained on (for the repeats)
 */
record StudentTraining(
    CollapseGuard.Outcome student,
    TrainedStudent baseline,
    CollapseGuard guard,
    boolean transferUsed,
    Double objectiveWithout,
    Double objectiveWith,
    TrainingData studentData) {

  /** The baseline's rows: features and labels, no soft targets, no membership. */
  static TrainingData hardLabels(EncodedSplits.Part p) {
    return new TrainingData(p.x(), p.y(), null, null, null);
  }

  static StudentTraining train(
      DistillConfig cfg,
      EncodedSplits s,
      TrainingData train,
      TrainingData val,
      TransferSet transfer,
      StudentArchitecture arch,
      long seed) {
    StudentSettings settings = cfg.settings();
    TrainedStudent baseline =
        run(
            "baseline",
            hardLabels(s.train()),
            hardLabels(s.validation()),
            arch,
            settings.baseline(),
            seed);
    CollapseGuard guard = CollapseGuard.of(settings.lambda(), baseline.validationAuc());
    if (transfer.mode().equals("auto")) {
      TrainingData munged = transfer.rows().data();
      CollapseGuard.Outcome plain =
          guard.train(sd -> run("student", train, val, arch, settings, sd), seed);
      CollapseGuard.Outcome withMunge =
          guard.train(sd -> run("student+munge", munged, val, arch, settings, sd), seed);
      double without = StudentSelection.transferScore(settings, plain.student());
      double with = StudentSelection.transferScore(settings, withMunge.student());
      boolean use = with < without - StudentSelection.TOLERANCE;
      return new StudentTraining(
          use ? withMunge : plain, baseline, guard, use, without, with, use ? munged : train);
    }
    boolean use = transfer.mode().equals("on");
    TrainingData rows = use ? transfer.rows().data() : train;
    CollapseGuard.Outcome outcome =
        guard.train(sd -> run("student", rows, val, arch, settings, sd), seed);
    return new StudentTraining(outcome, baseline, guard, use, null, null, rows);
  }

  /** One training run with a progress bar named {@code task}. */
  static TrainedStudent run(
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
}

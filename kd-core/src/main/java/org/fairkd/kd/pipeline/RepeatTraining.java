package org.fairkd.kd.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.fairkd.kd.student.DjlStudent;
import org.fairkd.kd.student.StudentArchitecture;
import org.fairkd.kd.student.StudentSettings;
import org.fairkd.kd.student.TrainedStudent;
import org.fairkd.kd.student.TrainingData;
import org.fairkd.kd.summary.Repeat;

/**
 * Stage 6 of {@link Distiller}: the test scores of the kept student and baseline, and {@code
 * repeats − 1} more pairs trained with seeds {@code seed+1, seed+2, …} against the same teacher and
 * the same rows, each with its own collapse guard.
 *
 * @param studentTest the kept student's test scores
 * @param baselineTest the baseline's test scores
 * @param repeats the test figures of every seed, {@code seed} first
 */
record RepeatTraining(double[] studentTest, double[] baselineTest, List<Repeat> repeats) {

  static RepeatTraining run(
      DistillConfig cfg,
      EncodedSplits s,
      TeacherScores t,
      StudentTraining first,
      TrainingData val,
      StudentArchitecture arch,
      long seed,
      int repeats) {
    StudentSettings settings = cfg.settings();
    float[][] xTe = s.test().x();
    boolean[] yTe = s.test().y();
    double[] studentTe;
    double[] baselineTe;
    try (DjlStudent st = DjlStudent.of(first.student().student().weights());
        DjlStudent b = DjlStudent.of(first.baseline().weights())) {
      studentTe = st.predict(xTe);
      baselineTe = b.predict(xTe);
    }
    List<Repeat> reps = new ArrayList<>();
    reps.add(Repeat.of(seed, t.test(), studentTe, baselineTe, yTe));
    TrainingData hardTrain = StudentTraining.hardLabels(s.train());
    TrainingData hardVal = StudentTraining.hardLabels(s.validation());
    for (int r = 1; r < repeats; r++) {
      long sr = seed + r;
      TrainedStudent bR =
          StudentTraining.run("baseline#" + r, hardTrain, hardVal, arch, settings.baseline(), sr);
      String task = "student#" + r;
      TrainedStudent sR =
          CollapseGuard.of(settings.lambda(), bR.validationAuc())
              .train(
                  sd -> StudentTraining.run(task, first.studentData(), val, arch, settings, sd), sr)
              .student();
      try (DjlStudent st = DjlStudent.of(sR.weights());
          DjlStudent b = DjlStudent.of(bR.weights())) {
        reps.add(Repeat.of(sr, t.test(), st.predict(xTe), b.predict(xTe), yTe));
      }
    }
    return new RepeatTraining(studentTe, baselineTe, reps);
  }
}

package org.fairkd.kd.pipeline;

import org.fairkd.kd.student.TrainingData;
import org.fairkd.kd.teacher.TeacherTrainer;

/**
 * Stage 2 of {@link Distiller}: the teacher (trained here, or an external teacher's scores) and its
 * P(favourable) on every split: soft targets of the training rows, scores of validation and test.
 *
 * @param teacher the teacher
 * @param trainSoftTargets soft targets of the training rows (out of fold or in sample)
 * @param validation scores of the validation rows
 * @param test scores of the test rows
 */
record TeacherScores(
    PipelineTeacher teacher, double[] trainSoftTargets, double[] validation, double[] test) {

  static TeacherScores of(DistillConfig cfg, EncodedSplits s, long seed) {
    PipelineTeacher pt =
        cfg.externalTeacher() != null
            ? PipelineTeacher.external(cfg.externalTeacher(), s.data())
            : PipelineTeacher.trained(
                TeacherTrainer.fit(
                    cfg.teacher(),
                    s.train().x(),
                    s.train().y(),
                    s.validation().x(),
                    s.validation().y(),
                    s.encoder().outputNames(),
                    s.encoder().spec(),
                    s.data(),
                    seed));
    return new TeacherScores(
        pt,
        pt.trainSoftTargets(s.train().rows()),
        pt.score(s.validation().rows(), s.validation().x()),
        pt.score(s.test().rows(), s.test().x()));
  }

  /** The distilled student's training rows: labels, soft targets and membership. */
  TrainingData trainingData(EncodedSplits s) {
    return new TrainingData(
        s.train().x(), s.train().y(), null, trainSoftTargets, s.train().membership());
  }

  /** The distilled student's validation rows. */
  TrainingData validationData(EncodedSplits s) {
    return new TrainingData(
        s.validation().x(), s.validation().y(), null, validation, s.validation().membership());
  }
}

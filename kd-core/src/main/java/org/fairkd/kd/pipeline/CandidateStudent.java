package org.fairkd.kd.pipeline;

import org.fairkd.kd.portable.PortableStudent;
import org.fairkd.kd.student.TrainedStudent;

/**
 * One candidate trained by {@link PreparedDistillation#train}: its scores (P(favourable)) on the
 * validation and test rows, in the order of {@link PreparedDistillation#validationRows()} and
 * {@link PreparedDistillation#testRows()}, and the deployable student.
 *
 * @param settings the settings it was trained with
 * @param validationScores scores of the validation rows
 * @param testScores scores of the test rows
 * @param student the portable student (metadata: dataset, seed, penalty, lambda, temperature,
 *     alpha)
 * @param bestEpoch the 1-based epoch whose weights were kept (early stopping on validation)
 * @param seconds training time
 * @param trained the training run (weights, epochs run, validation AUC), which {@link
 *     PreparedDistillation#distillation} describes; null for a candidate made without one (tests)
 */
public record CandidateStudent(
    CandidateSettings settings,
    double[] validationScores,
    double[] testScores,
    PortableStudent student,
    int bestEpoch,
    double seconds,
    TrainedStudent trained) {

  /** A candidate without its training run (it cannot be described as a distillation). */
  public CandidateStudent(
      CandidateSettings settings,
      double[] validationScores,
      double[] testScores,
      PortableStudent student,
      int bestEpoch,
      double seconds) {
    this(settings, validationScores, testScores, student, bestEpoch, seconds, null);
  }
}

package org.fairkd.kd.summary;

import org.fairkd.base.scores.ScoreStats;

/**
 * One seed's test figures of a distillation: the student's, the baseline's and the teacher's AUC,
 * the student's fidelity to the teacher and {@code gap_recovered} with its evidence.
 */
public record Repeat(
    long seed,
    double studentAuc,
    double baselineAuc,
    double teacherAuc,
    double fidelity,
    GapRecovered gapRecovered) {

  /** The figures of test scores {@code teacher}, {@code student}, {@code baseline} vs labels. */
  public static Repeat of(
      long seed, double[] teacher, double[] student, double[] baseline, boolean[] labels) {
    return new Repeat(
        seed,
        ScoreStats.auc(student, labels),
        ScoreStats.auc(baseline, labels),
        ScoreStats.auc(teacher, labels),
        ScoreStats.agreement(student, teacher, 0.5),
        GapRecoveredInference.of(teacher, student, baseline, labels));
  }

  /** {@code gap_recovered}'s value, NaN when undefined (for spreads over repeats). */
  public double gapRecoveredValue() {
    return gapRecovered.value();
  }
}

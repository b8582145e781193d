package org.fairkd.kd.summary;

import org.fairkd.base.scores.ScoreStats;

/**
 * One seed's test figures of a distillation: the student's, the baseline's and the teacher's AUC,
 * the student's fidelity to the teacher and {@code gap_recovered} (NaN when undefined).
 */
public record Repeat(
    long seed,
    double studentAuc,
    double baselineAuc,
    double teacherAuc,
    double fidelity,
    double gapRecovered) {

  /** The figures of test scores {@code teacher}, {@code student}, {@code baseline} vs labels. */
  public static Repeat of(
      long seed, double[] teacher, double[] student, double[] baseline, boolean[] labels) {
    double at = ScoreStats.auc(teacher, labels);
    double as = ScoreStats.auc(student, labels);
    double ab = ScoreStats.auc(baseline, labels);
    return new Repeat(
        seed, as, ab, at, ScoreStats.agreement(student, teacher, 0.5), gapRecovered(at, as, ab));
  }

  /**
   * {@code (AUC_S − AUC_B) / (AUC_T − AUC_B)}; NaN when the teacher is not ahead of the baseline.
   */
  public static double gapRecovered(double teacher, double student, double baseline) {
    double gap = teacher - baseline;
    return gap > 0 ? (student - baseline) / gap : Double.NaN;
  }
}

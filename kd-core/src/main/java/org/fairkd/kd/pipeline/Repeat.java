package org.fairkd.kd.pipeline;

/**
 * One seed's test figures of a distillation: the student's, the baseline's and the teacher's AUC,
 * the student's fidelity to the teacher and {@code gap_recovered}.
 */
record Repeat(
    long seed,
    double studentAuc,
    double baselineAuc,
    double teacherAuc,
    double fidelity,
    double gapRecovered) {

  static Repeat of(long seed, double[] t, double[] s, double[] b, boolean[] y) {
    double at = Scores.auc(t, y);
    double as = Scores.auc(s, y);
    double ab = Scores.auc(b, y);
    return new Repeat(seed, as, ab, at, Scores.fidelity(s, t), gapRecovered(at, as, ab));
  }

  /**
   * {@code (AUC_S − AUC_B) / (AUC_T − AUC_B)}; NaN when the teacher is not ahead of the baseline.
   */
  static double gapRecovered(double teacher, double student, double baseline) {
    double gap = teacher - baseline;
    return gap > 0 ? (student - baseline) / gap : Double.NaN;
  }
}

package org.fairkd.kd.pipeline;

import java.util.Locale;
import java.util.function.LongFunction;
import org.fairkd.kd.student.TrainedStudent;
import org.slf4j.LoggerFactory;

/**
 * Guards a fairness-penalised student against collapse to a near-constant score. A constant score
 * has no demographic-parity gap, so a large penalty can pull training into that corner; whether a
 * run falls in depends on last-bit float differences (seen in about one test-suite run in three at
 * lambda 3–5 on small synthetic data, never when the run was repeated alone).
 *
 * <p>A penalised student counts as collapsed when its validation AUC keeps less than half of the
 * hard-label baseline's discrimination above chance: {@code AUC < 0.5 + (AUC_baseline − 0.5) / 2}.
 * It is then retrained with up to {@value #RESTARTS} other seeds ({@code seed + 7919·k}); the first
 * that does not collapse is kept, else the restart with the lowest validation objective, and
 * distill.json's {@code notes} say so. Unpenalised students are never restarted.
 *
 * @param floor the validation AUC below which a student counts as collapsed
 * @param active whether the student is penalised (lambda > 0)
 */
record CollapseGuard(double floor, boolean active) {
  static final int RESTARTS = 2;
  static final long SEED_STEP = 7919;

  /** The guard for a student whose hard-label baseline reached {@code baselineValidationAuc}. */
  static CollapseGuard of(double lambda, double baselineValidationAuc) {
    return new CollapseGuard(0.5 + (baselineValidationAuc - 0.5) / 2, lambda > 0);
  }

  /** Whether {@code s} collapsed (always false when the guard is inactive). */
  boolean collapsed(TrainedStudent s) {
    return active && !(s.validationAuc() >= floor);
  }

  /**
   * A trained student and how it was obtained.
   *
   * @param student the kept student
   * @param restarts how many restarts were needed (0 = the first run was kept)
   * @param collapsed whether even the kept student collapsed
   */
  record Outcome(TrainedStudent student, int restarts, boolean collapsed) {}

  /** Trains with {@code seed}, restarting with other seeds while the student collapses. */
  Outcome train(LongFunction<TrainedStudent> trainer, long seed) {
    TrainedStudent best = trainer.apply(seed);
    int k = 0;
    while (collapsed(best) && k < RESTARTS) {
      k++;
      LoggerFactory.getLogger(CollapseGuard.class)
          .warn(note(best) + "; restarting with seed " + (seed + SEED_STEP * k));
      TrainedStudent next = trainer.apply(seed + SEED_STEP * k);
      if (!collapsed(next) || next.validationObjective() < best.validationObjective()) {
        best = next;
      }
    }
    return new Outcome(best, k, collapsed(best));
  }

  /**
   * distill.json's note on {@code o} (trained from {@code seed}), or null when nothing happened:
   * the kept student still collapsed, or a restart replaced the collapsed first run.
   */
  String outcomeNote(Outcome o, long seed) {
    if (o.collapsed()) {
      return note(o.student()) + " after " + o.restarts() + " restarts: lower student.lambda";
    }
    if (o.restarts() > 0) {
      return "the penalised student collapsed to a near-constant score with seed "
          + seed
          + "; kept restart "
          + o.restarts()
          + " (seed "
          + (seed + SEED_STEP * o.restarts())
          + ")";
    }
    return null;
  }

  /** The note for a collapsed student. */
  String note(TrainedStudent s) {
    return String.format(
        Locale.ROOT,
        "the fairness penalty collapsed the student to a near-constant score (validation AUC %.3f"
            + " < %.3f, half the baseline's lift over chance)",
        s.validationAuc(),
        floor);
  }
}

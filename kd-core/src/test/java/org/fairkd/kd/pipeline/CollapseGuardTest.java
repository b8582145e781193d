package org.fairkd.kd.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fairkd.kd.student.StudentWeights;
import org.fairkd.kd.student.TrainedStudent;
import org.junit.jupiter.api.Test;

/** A penalised student that ranks nobody is retrained with other seeds, and flagged if it stays. */
class CollapseGuardTest {
  static TrainedStudent student(double validationAuc, double objective) {
    float[][] layer = {{0f}, {0f}};
    StudentWeights w = new StudentWeights(List.<float[][]>of(layer), List.of(new float[] {0f, 0f}));
    return new TrainedStudent(w, 1, 1, validationAuc, objective, 0.1);
  }

  @Test
  void floorKeepsHalfTheBaselinesLiftOverChance() {
    CollapseGuard g = CollapseGuard.of(3, 0.70);
    assertEquals(0.60, g.floor(), 1e-12);
    assertTrue(g.collapsed(student(0.55, 0)));
    assertTrue(g.collapsed(student(Double.NaN, 0)));
    assertFalse(g.collapsed(student(0.68, 0)));
    assertFalse(CollapseGuard.of(0, 0.70).collapsed(student(0.55, 0)), "no penalty: never");
  }

  @Test
  void aCollapsedRunIsRestartedWithTheNextSeedAndTheFirstHealthyOneKept() {
    Map<Long, TrainedStudent> bySeed =
        Map.of(
            3L,
            student(0.55, 0.10),
            3L + CollapseGuard.SEED_STEP,
            student(0.69, 0.30),
            3L + 2 * CollapseGuard.SEED_STEP,
            student(0.70, 0.20));
    List<Long> seen = new ArrayList<>();
    CollapseGuard.Outcome o =
        CollapseGuard.of(3, 0.70)
            .train(
                s -> {
                  seen.add(s);
                  return bySeed.get(s);
                },
                3);
    assertEquals(List.of(3L, 3L + CollapseGuard.SEED_STEP), seen);
    assertSame(bySeed.get(3L + CollapseGuard.SEED_STEP), o.student());
    assertEquals(1, o.restarts());
    assertFalse(o.collapsed());
    assertEquals(
        "the penalised student collapsed to a near-constant score with seed 3; kept restart 1"
            + " (seed 7922)",
        CollapseGuard.of(3, 0.70).outcomeNote(o, 3));
  }

  @Test
  void whenEveryRestartCollapsesTheLowestObjectiveIsKeptAndFlagged() {
    TrainedStudent best = student(0.52, 0.05);
    Map<Long, TrainedStudent> bySeed =
        Map.of(
            1L,
            student(0.51, 0.10),
            1L + CollapseGuard.SEED_STEP,
            best,
            1L + 2 * CollapseGuard.SEED_STEP,
            student(0.53, 0.20));
    CollapseGuard.Outcome o = CollapseGuard.of(5, 0.70).train(bySeed::get, 1);
    assertSame(best, o.student());
    assertEquals(CollapseGuard.RESTARTS, o.restarts());
    assertTrue(o.collapsed());
    assertEquals(
        "the fairness penalty collapsed the student to a near-constant score (validation AUC"
            + " 0.520 < 0.600, half the baseline's lift over chance)",
        CollapseGuard.of(5, 0.70).note(best));
    assertEquals(
        CollapseGuard.of(5, 0.70).note(best) + " after 2 restarts: lower student.lambda",
        CollapseGuard.of(5, 0.70).outcomeNote(o, 1));
  }

  @Test
  void anUnpenalisedStudentIsTrainedOnce() {
    List<Long> seen = new ArrayList<>();
    CollapseGuard.Outcome o =
        CollapseGuard.of(0, 0.9)
            .train(
                s -> {
                  seen.add(s);
                  return student(0.5, 0);
                },
                9);
    assertEquals(List.of(9L), seen);
    assertEquals(0, o.restarts());
    assertFalse(o.collapsed());
    assertNull(CollapseGuard.of(0, 0.9).outcomeNote(o, 9));
  }
}

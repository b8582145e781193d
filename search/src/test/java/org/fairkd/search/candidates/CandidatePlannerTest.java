package org.fairkd.search.candidates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.fairkd.kd.pipeline.CandidateSettings;
import org.fairkd.kd.student.PenaltyKind;
import org.fairkd.kd.student.StudentArchitecture;
import org.junit.jupiter.api.Test;

/** The planner's rounds: what each round proposes, before seeing any of the round's students. */
class CandidatePlannerTest {
  static final CandidateSettings REF =
      new CandidateSettings(
          PenaltyKind.DEMOGRAPHIC_PARITY, 0, 2.0, StudentArchitecture.parse("64x64"), 42);

  static CandidatePlanner planner() {
    return new CandidatePlanner(
        REF,
        PenaltyKind.DEMOGRAPHIC_PARITY,
        List.of(0.5, 2.0),
        List.of(StudentArchitecture.linear(), StudentArchitecture.parse("64x64")));
  }

  @Test
  void roundsPairTheBisectionsAndVariantsAsDocumented() {
    CandidatePlanner p = planner();
    List<CandidateSettings> r0 = p.round(0, 2, REF);
    assertEquals(REF, r0.get(0));
    assertEquals(PenaltyKind.DEMOGRAPHIC_PARITY, r0.get(1).penalty());
    assertEquals(LambdaBracket.START, r0.get(1).lambda());
    p.observe(r0.get(0), false);
    p.observe(r0.get(1), false); // λ 1 too weak: ×4 next
    List<CandidateSettings> r1 = p.round(1, 2, REF);
    assertEquals(4.0, r1.get(0).lambda());
    assertEquals(PenaltyKind.DEMOGRAPHIC_PARITY, r1.get(0).penalty());
    assertEquals(PenaltyKind.EQUALIZED_ODDS, r1.get(1).penalty());
    assertEquals(LambdaBracket.START, r1.get(1).lambda());
    p.observe(r1.get(0), true); // λ 4 strong enough: geometric mean 2 next
    p.observe(r1.get(1), true);
    List<CandidateSettings> r2 = p.round(2, 2, r1.get(0));
    assertEquals(2.0, r2.get(0).lambda(), 1e-12);
    assertEquals(0.25, r2.get(1).lambda(), 1e-12);
    p.observe(r2.get(0), true);
    p.observe(r2.get(1), false);
    // round 3: the first variant around the best (temperature × 0.5), then the next bisection step
    CandidateSettings best = r2.get(0);
    List<CandidateSettings> r3 = p.round(3, 2, best);
    assertEquals(1.0, r3.get(0).temperature());
    assertEquals(best.lambda(), r3.get(0).lambda());
    assertEquals(Math.sqrt(2.0), r3.get(1).lambda(), 1e-12);
    List<CandidateSettings> r4 = p.round(4, 2, best);
    assertEquals(4.0, r4.get(0).temperature());
    // the architecture variant skips the reference's own architecture
    CandidateSettings linear = p.round(5, 1, best).get(0);
    assertEquals(StudentArchitecture.linear(), linear.architecture());
    CandidateSettings reseeded = p.round(6, 1, best).get(0);
    assertNotEquals(REF.seed(), reseeded.seed());
    assertEquals(REF.architecture(), reseeded.architecture());
  }

  @Test
  void aRoundHasOneOrTwoStudents() {
    assertEquals(1, planner().round(0, 1, REF).size());
    assertThrows(IllegalArgumentException.class, () -> planner().round(0, 3, REF));
    assertThrows(IllegalArgumentException.class, () -> planner().round(0, 0, REF));
  }
}

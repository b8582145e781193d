package org.fairkd.fairness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fairkd.fairness.report.AttributeAccounting;
import org.fairkd.fairness.report.DataAccounting;
import org.fairkd.fairness.report.FairnessReport;
import org.fairkd.fairness.report.UndefinedReason;
import org.junit.jupiter.api.Test;

/** Every row accounted for: missing values per attribute, and attributes with one group. */
class DataAccountingTest {
  static final boolean[] Y = {true, false, true, false, true, false};
  static final double[] S = {0.9, 0.2, 0.7, 0.4, 0.6, 0.1};

  @Test
  void hardMissingAndSoftAllZeroRowsAreCountedWithTheirWeight() {
    double[][] p = {{1, 0, 0.5, 0, 0.2, 0}, {0, 1, 0.25, 0, 0.8, 0}};
    FairnessReport r =
        FairnessAnalysis.analyze(
            FairnessInput.builder(Y)
                .scores(S)
                .weights(new double[] {1, 2, 1, 1, 3, 4})
                .bootstrap(0)
                .minSliceSize(1)
                .attribute(
                    ProtectedAttribute.hard(
                        "sex", List.of("f", "m"), null, new int[] {0, 1, -1, 0, -1, 1}))
                .attribute(ProtectedAttribute.soft("race", List.of("x", "z"), null, p))
                .build());
    DataAccounting d = r.data();
    assertEquals(6, d.rows());
    assertEquals(12, d.weight(), 0);
    AttributeAccounting sex = d.attribute("sex").orElseThrow();
    assertEquals(2, sex.missingRows());
    assertEquals(1 + 3, sex.missingWeight(), 0);
    assertEquals(List.of("f", "m"), sex.groupsWithRows());
    assertFalse(sex.tooFewGroups());
    assertNull(sex.problem());
    AttributeAccounting race = d.attribute("race").orElseThrow();
    assertEquals(2, race.missingRows()); // rows 3 and 5: probabilities all zero
    assertEquals(1 + 4 + 0.25 * 1, race.missingWeight(), 1e-12); // + row 2's remainder 0.25
    // the groups' counts and the missing weight add up to the total
    double groups = r.primary().slices().get(0).count() + r.primary().slices().get(1).count();
    assertEquals(d.weight(), groups + sex.missingWeight(), 1e-12);
    assertEquals(
        d.weight(),
        r.primary().slices().get(2).count()
            + r.primary().slices().get(3).count()
            + race.missingWeight(),
        1e-12);
  }

  @Test
  void anAttributeWithOneGroupIsFlaggedTooFewGroups() {
    FairnessReport r =
        FairnessAnalysis.analyze(
            FairnessInput.builder(Y)
                .scores(S)
                .bootstrap(0)
                .attribute(
                    ProtectedAttribute.hard(
                        "sex", List.of("f", "m"), null, new int[] {1, 1, -1, 1, 1, 1}))
                .build());
    AttributeAccounting sex = r.data().attribute("sex").orElseThrow();
    assertTrue(sex.tooFewGroups());
    assertEquals(List.of(sex), r.data().tooFewGroups());
    assertEquals(UndefinedReason.TOO_FEW_GROUPS, sex.problem().code());
    assertEquals("attribute 'sex' has one group (m): nothing to compare", sex.problem().text());
  }
}

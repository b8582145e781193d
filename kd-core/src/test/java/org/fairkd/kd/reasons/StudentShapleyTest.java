package org.fairkd.kd.reasons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.fairkd.datasets.encode.EncoderSpec;
import org.fairkd.kd.portable.PortableScorer;
import org.fairkd.kd.portable.PortableStudent;
import org.junit.jupiter.api.Test;

/**
 * The student's exact Shapley path ({@link ShapleyAttributor#ofStudent}, coalitions walked in
 * Gray-code order) against the same estimator scoring every coalition row with the portable scorer,
 * and against closed forms: completeness, a linear student's weights times distance, null players.
 */
class StudentShapleyTest {
  private final EncoderSpec enc = ReasonFixtures.encoder();
  private final FeatureGroups groups = FeatureGroups.of(enc);

  @Test
  void equalsTheEstimatorOnScoredRowsForOneAndTwoHiddenLayers() {
    float[][] x = ReasonFixtures.rows(40, 5);
    ReferencePoint ref = ReferencePoint.trainingMean(ReasonFixtures.rows(500, 6));
    for (int[] hidden : new int[][] {{8}, {16, 8}, {6, 5, 4}}) {
      PortableStudent s = ReasonFixtures.student(enc, 11, hidden);
      List<Attribution> fast = ShapleyAttributor.ofStudent(s, ref, 4, 1).attribute(x);
      List<Attribution> rows =
          new ShapleyAttributor(new PortableScorer(s)::scoreEncoded, groups, ref, 4, 1)
              .attribute(x);
      for (int a = 0; a < x.length; a++) {
        // the scorer works in float: agreement to float precision of the logits
        assertArrayEquals(rows.get(a).contributions(), fast.get(a).contributions(), 2e-5);
        assertEquals(0, fast.get(a).completenessGap(), 1e-9);
      }
    }
  }

  @Test
  void aLinearStudentsValuesAreWeightTimesDistanceFromTheReference() {
    PortableStudent s = ReasonFixtures.student(enc, 3);
    float[][] x = ReasonFixtures.rows(20, 8);
    ReferencePoint ref = ReferencePoint.trainingMean(ReasonFixtures.rows(300, 9));
    float[][] w = s.layers().get(0).weights();
    List<Attribution> a = ShapleyAttributor.ofStudent(s, ref, 4, 1).attribute(x);
    for (int r = 0; r < x.length; r++) {
      for (int f = 0; f < groups.count(); f++) {
        double expected = 0;
        for (int i = groups.start()[f]; i < groups.end()[f]; i++) {
          expected += ((double) w[1][i] - w[0][i]) * ((double) x[r][i] - ref.x()[i]);
        }
        assertEquals(expected, a.get(r).contributions()[f], 1e-9);
      }
    }
  }

  @Test
  void aFeatureAtTheReferenceGetsZeroAndTheOthersAddUp() {
    PortableStudent s = ReasonFixtures.student(enc, 21, 12, 6);
    float[][] x = ReasonFixtures.rows(10, 2);
    ReferencePoint ref = new ReferencePoint(x[0].clone(), "row 0");
    for (float[] row : x) {
      System.arraycopy(ref.x(), 2, row, 2, 4); // "home" equals the reference's
    }
    List<Attribution> a = ShapleyAttributor.ofStudent(s, ref, 4, 1).attribute(x);
    assertArrayEquals(new double[groups.count()], a.get(0).contributions(), 0.0);
    for (Attribution at : a) {
      assertEquals(0.0, at.contributions()[2], 0.0);
      assertEquals(0, at.completenessGap(), 1e-9);
    }
  }
}

package org.fairkd.kd.reasons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.fairkd.datasets.encode.EncoderSpec;
import org.junit.jupiter.api.Test;

/** The best-scoring decile's typical applicant, against a hand computation. */
class ReferencePointTest {
  private final EncoderSpec enc =
      new EncoderSpec(
          List.of(
              new EncoderSpec.Column("income", "numeric", 0.0, 1.0, true, null),
              new EncoderSpec.Column(
                  "home", "categorical", null, null, null, List.of("own", "rent"))));

  @Test
  void medianAndModalLevelOfTheTopTenthNotMissing() {
    // 20 rows, the top 2 by score (rows 5 and 17) form the best decile; row 17's income is missing
    float[][] x = new float[20][];
    double[] score = new double[20];
    for (int i = 0; i < 20; i++) {
      x[i] = new float[] {i, 0, 0, 1, 0}; // rent
      score[i] = 0.01 * i;
    }
    x[5] = new float[] {3.5f, 0, 1, 0, 0}; // own
    score[5] = 0.9;
    x[17] = new float[] {0, 1, 1, 0, 0}; // own, income missing
    score[17] = 0.95;
    ReferencePoint r = ReferencePoint.bestScoringDecile(enc, x, score, "teacher");
    assertArrayEquals(new float[] {3.5f, 0, 1, 0, 0}, r.x());
  }

  @Test
  void aTenthRoundsUpToWholeRows() {
    float[][] x = {
      {1, 0, 0, 1, 0}, {3, 0, 1, 0, 0}, {2, 0, 0, 0, 1}, {9, 0, 1, 0, 0}, {-1, 0, 0, 1, 0}
    };
    double[] score = {0.2, 0.1, 0.3, 0.0, 0.05};
    // ceil(0.5) = 1 row: row 2 (score 0.3), level __other__
    assertArrayEquals(
        new float[] {2, 0, 0, 0, 1},
        ReferencePoint.bestScoringDecile(enc, x, score, "teacher").x());
    assertThrows(
        IllegalArgumentException.class,
        () -> ReferencePoint.bestScoringDecile(enc, x, new double[2], "teacher"));
  }
}

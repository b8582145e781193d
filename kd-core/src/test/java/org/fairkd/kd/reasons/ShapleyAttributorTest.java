package org.fairkd.kd.reasons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ShapleyAttributorTest {

  /** logit f = 2·x0·x1 + x2 : the interaction is split equally, x2 takes its own term. */
  @Test
  void exactValuesSplitAnInteractionEqually() {
    FeatureGroups g =
        new FeatureGroups(List.of("a", "b", "c"), new int[] {0, 1, 2}, new int[] {1, 2, 3});
    ReferencePoint ref = new ReferencePoint(new float[] {0, 0, 0}, "zero");
    ShapleyAttributor s =
        new ShapleyAttributor(
            rows -> {
              double[] p = new double[rows.length];
              for (int r = 0; r < rows.length; r++) {
                double z = 2 * rows[r][0] * rows[r][1] + rows[r][2];
                p[r] = 1 / (1 + Math.exp(-z));
              }
              return p;
            },
            g,
            ref,
            4,
            1);
    assertTrue(s.exact());
    Attribution a = s.attribute(new float[][] {{1.5f, -1f, 0.5f}}).get(0);
    assertEquals(-1.5, a.contributions()[0], 1e-9);
    assertEquals(-1.5, a.contributions()[1], 1e-9);
    assertEquals(0.5, a.contributions()[2], 1e-9);
    assertEquals(0, a.completenessGap(), 1e-9);
  }

  /** A feature the score ignores gets exactly 0 (never a tiny negative "reason"). */
  @Test
  void aFeatureTheScoreIgnoresGetsExactlyZero() {
    FeatureGroups g =
        new FeatureGroups(
            List.of("a", "b", "c", "d"), new int[] {0, 1, 2, 3}, new int[] {1, 2, 3, 4});
    ReferencePoint ref = new ReferencePoint(new float[] {0.1f, 0.2f, 0.3f, 0.4f}, "some point");
    ShapleyAttributor s =
        new ShapleyAttributor(
            rows -> {
              double[] p = new double[rows.length];
              for (int r = 0; r < rows.length; r++) {
                double z = 0.7 * rows[r][0] * rows[r][2] - 1.3 * rows[r][1] + 0.11 * rows[r][2];
                p[r] = 1 / (1 + Math.exp(-z));
              }
              return p;
            },
            g,
            ref,
            4,
            1);
    Attribution a = s.attribute(new float[][] {{1.7f, -0.9f, 2.3f, -5f}}).get(0);
    assertEquals(0.0, a.contributions()[3], 0.0);
    assertEquals(0, a.completenessGap(), 1e-9);
  }

  @Test
  void sampledValuesAddUpAndApproachTheExactOnesOnPairwiseInteractions() {
    int n = 14;
    List<String> names = new ArrayList<>();
    int[] start = new int[n];
    int[] end = new int[n];
    for (int i = 0; i < n; i++) {
      names.add("f" + i);
      start[i] = i;
      end[i] = i + 1;
    }
    FeatureGroups g = new FeatureGroups(names, start, end);
    ReferencePoint ref = new ReferencePoint(new float[n], "zero");
    // logit = Σ w_i x_i + x0·x1: Shapley = w_i x_i, plus x0·x1/2 each for features 0 and 1
    double[] w = new double[n];
    Random rng = new Random(3);
    for (int i = 0; i < n; i++) {
      w[i] = rng.nextGaussian();
    }
    ShapleyAttributor s =
        new ShapleyAttributor(
            rows -> {
              double[] p = new double[rows.length];
              for (int r = 0; r < rows.length; r++) {
                double z = rows[r][0] * rows[r][1];
                for (int i = 0; i < n; i++) {
                  z += w[i] * rows[r][i];
                }
                p[r] = 1 / (1 + Math.exp(-z));
              }
              return p;
            },
            g,
            ref,
            400,
            9);
    assertFalse(s.exact());
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) rng.nextGaussian();
    }
    Attribution a = s.attribute(new float[][] {x}).get(0);
    assertEquals(0, a.completenessGap(), 1e-9);
    for (int i = 0; i < n; i++) {
      double expected = w[i] * x[i] + (i < 2 ? x[0] * x[1] / 2.0 : 0);
      // additive terms are exact in every ordering; the pair's split is a sampled average
      assertEquals(expected, a.contributions()[i], i < 2 ? 0.1 * Math.abs(x[0] * x[1]) : 1e-6);
    }
  }

  @Test
  void principalReasonsAreTheMostNegativeContributionsWithTexts() {
    FeatureGroups g =
        new FeatureGroups(
            List.of("a", "b", "c", "d", "e", "f"),
            new int[] {0, 1, 2, 3, 4, 5},
            new int[] {1, 2, 3, 4, 5, 6});
    Attribution a = new Attribution(new double[] {-0.5, 0.9, -2.0, -0.1, -0.5, -0.05}, -1, 0);
    List<Reason> r =
        PrincipalReasons.of(a, g, new ReasonTexts(java.util.Map.of("c", "Debt too high")), 4);
    assertEquals(List.of("c", "a", "e", "d"), r.stream().map(Reason::feature).toList());
    assertEquals("Debt too high", r.get(0).text());
    assertEquals("a", r.get(1).text());
    assertEquals(-2.0, r.get(0).contribution());
    Attribution few = new Attribution(new double[] {0.5, 0.9, -2.0, 0, 0.1, 0}, -1, 0);
    assertEquals(1, PrincipalReasons.of(few, g, ReasonTexts.none(), 4).size());
  }
}

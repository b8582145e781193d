package org.fairkd.kd.teacher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WeightFitterTest {

  /** Two constant members 0.2 and 0.8, 60% positives: the optimum mixture predicts 0.6. */
  @Test
  void probabilityAverageFindsAnalyticOptimum() {
    boolean[] y = labels(1000, 600);
    double[][] p = {constant(1000, 0.2), constant(1000, 0.8)};
    double[] w = WeightFitter.fit(Combination.PROBABILITY, p, y);
    // 0.2·w1 + 0.8·w2 = 0.6 with w1 + w2 = 1  =>  w2 = 2/3
    assertEquals(2.0 / 3, w[1], 1e-5);
    assertEquals(1.0, w[0] + w[1], 1e-12);
  }

  /** Logit average of logit(0.2) and logit(0.8) must give logit(0.6). */
  @Test
  void logitAverageFindsAnalyticOptimum() {
    boolean[] y = labels(1000, 600);
    double[][] p = {constant(1000, 0.2), constant(1000, 0.8)};
    double[] w = WeightFitter.fit(Combination.LOGIT, p, y);
    double a = Math.log(4); // logit(0.8) = −logit(0.2)
    double expectedW2 = (Math.log(0.6 / 0.4) / a + 1) / 2;
    assertEquals(expectedW2, w[1], 1e-5);
  }

  /** Against a brute-force grid over the 3-simplex, and never worse than the best member. */
  @Test
  void threeMembersMatchGridSearchAndBeatBestMember() {
    Random rnd = new Random(7);
    int n = 800;
    boolean[] y = new boolean[n];
    double[][] p = new double[3][n];
    for (int i = 0; i < n; i++) {
      double truth = rnd.nextDouble();
      y[i] = rnd.nextDouble() < truth;
      p[0][i] = clamp(truth + 0.3 * rnd.nextGaussian());
      p[1][i] = clamp(0.5 + 0.5 * (truth - 0.5) + 0.2 * rnd.nextGaussian());
      p[2][i] = clamp(truth * truth);
    }
    for (Combination c : Combination.values()) {
      double[] w = WeightFitter.fit(c, p, y);
      assertEquals(1.0, Arrays.stream(w).sum(), 1e-9);
      assertTrue(Arrays.stream(w).allMatch(v -> v >= 0));
      double fitted = Combination.logLoss(c.combine(p, w), y);
      double grid = Double.POSITIVE_INFINITY;
      for (int a = 0; a <= 100; a++) {
        for (int b = 0; a + b <= 100; b++) {
          double[] g = {a / 100.0, b / 100.0, (100 - a - b) / 100.0};
          grid = Math.min(grid, Combination.logLoss(c.combine(p, g), y));
        }
      }
      assertTrue(fitted <= grid + 1e-9, c + ": fitted " + fitted + " > grid " + grid);
      for (double[] member : p) {
        assertTrue(fitted <= Combination.logLoss(member, y) + 1e-12);
      }
    }
  }

  /**
   * A member that adds next to nothing (a near copy of the best one) gets no weight: the best
   * member alone, exactly, rather than a mixture that wins by less than MIN_GAIN of the loss.
   */
  @Test
  void aNegligibleGainFallsBackToTheBestMemberAlone() {
    Random rnd = new Random(11);
    int n = 2000;
    boolean[] y = new boolean[n];
    double[][] p = new double[2][n];
    for (int i = 0; i < n; i++) {
      double truth = rnd.nextDouble();
      y[i] = rnd.nextDouble() < truth;
      p[0][i] = clamp(truth + 0.05 * rnd.nextGaussian());
      p[1][i] = clamp(p[0][i] + 0.01 * rnd.nextGaussian());
    }
    for (Combination c : Combination.values()) {
      double[] w = WeightFitter.fit(c, p, y);
      int best = Combination.logLoss(p[0], y) <= Combination.logLoss(p[1], y) ? 0 : 1;
      assertEquals(1.0, w[best], 0.0, c + ": " + Arrays.toString(w));
      assertEquals(0.0, w[1 - best], 0.0);
    }
  }

  @Test
  void projectionOntoSimplex() {
    assertArrayEquals(
        new double[] {0.5, 0.5, 0}, WeightFitter.projectToSimplex(new double[] {1, 1, -1}), 1e-12);
    assertArrayEquals(
        new double[] {0.2, 0.3, 0.5},
        WeightFitter.projectToSimplex(new double[] {0.2, 0.3, 0.5}),
        1e-12);
    assertArrayEquals(
        new double[] {1, 0}, WeightFitter.projectToSimplex(new double[] {3, 0.5}), 1e-12);
  }

  private static boolean[] labels(int n, int positives) {
    boolean[] y = new boolean[n];
    for (int i = 0; i < positives; i++) {
      y[i] = true;
    }
    return y;
  }

  private static double[] constant(int n, double v) {
    double[] a = new double[n];
    Arrays.fill(a, v);
    return a;
  }

  private static double clamp(double v) {
    return Math.min(0.999, Math.max(0.001, v));
  }
}

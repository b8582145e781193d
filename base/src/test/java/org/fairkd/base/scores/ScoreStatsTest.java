package org.fairkd.base.scores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.junit.jupiter.api.Test;

class ScoreStatsTest {
  @Test
  void aucEqualsCommonsMathMannWhitneyUOnTieFreeData() {
    Random r = new Random(11);
    int n = 500;
    double[] s = new double[n];
    boolean[] y = new boolean[n];
    List<Double> pos = new ArrayList<>();
    List<Double> neg = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      y[i] = r.nextBoolean();
      s[i] = 1 / (1 + Math.exp(-(r.nextGaussian() + (y[i] ? 0.8 : 0))));
      (y[i] ? pos : neg).add(s[i]);
    }
    double[] p = pos.stream().mapToDouble(Double::doubleValue).toArray();
    double[] q = neg.stream().mapToDouble(Double::doubleValue).toArray();
    // Commons Math returns max(U_pos, U_neg); the positives are ahead here, so it is U_pos.
    double u = new MannWhitneyUTest().mannWhitneyU(p, q);
    double auc = ScoreStats.auc(s, y);
    assertTrue(auc > 0.5);
    assertEquals(u / ((double) p.length * q.length), auc, 1e-12);
  }

  @Test
  void tiesCountHalfByHand() {
    // positives 0.8, 0.5; negatives 0.5, 0.2, 0.8: 2 x 3 = 6 pairs;
    // 0.8 vs 0.5 win, vs 0.2 win, vs 0.8 tie; 0.5 vs 0.5 tie, vs 0.2 win, vs 0.8 loss → 4 / 6
    double[] s = {0.8, 0.5, 0.5, 0.2, 0.8};
    boolean[] y = {true, true, false, false, false};
    assertEquals(4.0 / 6, ScoreStats.auc(s, y), 1e-15);
    assertTrue(Double.isNaN(ScoreStats.auc(new double[] {0.1, 0.2}, new boolean[] {true, true})));
  }

  @Test
  void integerWeightsEqualRepeatedRows() {
    double[] s = {0.9, 0.4, 0.4, 0.3, 0.7};
    boolean[] y = {true, true, false, false, false};
    double[] w = {2, 1, 3, 1, 2};
    double[] sr = {0.9, 0.9, 0.4, 0.4, 0.4, 0.4, 0.3, 0.7, 0.7};
    boolean[] yr = {true, true, true, false, false, false, false, false, false};
    assertEquals(ScoreStats.auc(sr, yr), ScoreStats.auc(s, y, w), 1e-15);
    assertTrue(Double.isNaN(ScoreStats.auc(s, y, new double[] {0, 0, 1, 1, 1})));
  }

  @Test
  void lossesAndAgreementByHand() {
    double[] p = {0.9, 0.2, 0.5};
    boolean[] y = {true, false, false};
    assertEquals(
        -(Math.log(0.9) + Math.log(0.8) + Math.log(0.5)) / 3, ScoreStats.logLoss(p, y), 1e-12);
    assertEquals(2.0 / 3, ScoreStats.accuracy(p, y, 0.5), 1e-12);
    assertEquals(1.0, ScoreStats.accuracy(p, y, 0.6), 1e-12);
    double[] q = {0.6, 0.6, 0.4};
    assertEquals(1.0 / 3, ScoreStats.agreement(p, q, 0.5), 1e-12);
    double kl0 = 0.9 * Math.log(0.9 / 0.6) + 0.1 * Math.log(0.1 / 0.4);
    double kl1 = 0.2 * Math.log(0.2 / 0.6) + 0.8 * Math.log(0.8 / 0.4);
    double kl2 = 0.5 * Math.log(0.5 / 0.4) + 0.5 * Math.log(0.5 / 0.6);
    assertEquals((kl0 + kl1 + kl2) / 3, ScoreStats.meanKl(p, q), 1e-12);
    assertEquals(
        0.5,
        ScoreStats.demographicParityDifference(
            new double[] {0.9, 0.1, 0.8, 0.7}, new int[] {0, 0, 1, -1}, 2, 0.5),
        1e-12);
  }

  @Test
  void logLossClipsCertainMistakes() {
    double l = ScoreStats.logLoss(new double[] {0.0}, new boolean[] {true});
    assertEquals(-Math.log(1e-15), l, 1e-9);
    assertThrows(
        IllegalArgumentException.class,
        () -> ScoreStats.logLoss(new double[] {0.1}, new boolean[] {true, false}));
  }
}

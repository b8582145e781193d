package org.fairkd.kd.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ScoresTest {
  @Test
  void aucEqualsPairwiseCountWithTies() {
    Random r = new Random(3);
    double[] s = new double[300];
    boolean[] y = new boolean[300];
    for (int i = 0; i < s.length; i++) {
      s[i] = Math.round(r.nextDouble() * 20) / 20.0; // many ties
      y[i] = r.nextDouble() < s[i];
    }
    double wins = 0;
    double pairs = 0;
    for (int i = 0; i < s.length; i++) {
      for (int j = 0; j < s.length; j++) {
        if (y[i] && !y[j]) {
          pairs++;
          wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
        }
      }
    }
    assertEquals(wins / pairs, Scores.auc(s, y), 1e-12);
    assertTrue(Double.isNaN(Scores.auc(new double[] {0.1, 0.2}, new boolean[] {true, true})));
  }

  @Test
  void lossesAndAgreementByHand() {
    double[] p = {0.9, 0.2, 0.5};
    boolean[] y = {true, false, false};
    assertEquals(-(Math.log(0.9) + Math.log(0.8) + Math.log(0.5)) / 3, Scores.logLoss(p, y), 1e-12);
    assertEquals(2.0 / 3, Scores.accuracy(p, y), 1e-12);
    double[] q = {0.6, 0.6, 0.4};
    assertEquals(1.0 / 3, Scores.fidelity(p, q), 1e-12);
    double kl0 = 0.9 * Math.log(0.9 / 0.6) + 0.1 * Math.log(0.1 / 0.4);
    double kl1 = 0.2 * Math.log(0.2 / 0.6) + 0.8 * Math.log(0.8 / 0.4);
    double kl2 = 0.5 * Math.log(0.5 / 0.4) + 0.5 * Math.log(0.5 / 0.6);
    assertEquals((kl0 + kl1 + kl2) / 3, Scores.meanKl(p, q), 1e-12);
    assertEquals(
        0.5,
        Scores.demographicParityDifference(
            new double[] {0.9, 0.1, 0.8, 0.7}, new int[] {0, 0, 1, -1}, 2),
        1e-12);
  }
}

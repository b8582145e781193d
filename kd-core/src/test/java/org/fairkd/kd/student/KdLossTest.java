package org.fairkd.kd.student;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class KdLossTest {
  private static final float[] LOGITS = {0.3f, -1.2f, 2.0f, 0.5f, -0.7f, 0.9f};
  private static final double[] TEACHER = {0.2, 0.9, 0.6};
  private static final boolean[] Y = {false, true, true};
  private static final float[] MASK = {1f, 1f, 0f};

  @Test
  void matchesHandComputation() {
    double t = 2.0;
    double alpha = 0.7;
    StudentSettings s =
        new StudentSettings(1, 1, 0.1, 1, t, alpha, 0, PenaltyKind.DEMOGRAPHIC_PARITY);
    double expected = 0;
    for (int i = 0; i < 3; i++) {
      double z0 = LOGITS[2 * i];
      double z1 = LOGITS[2 * i + 1];
      // teacher logits [0, logit(p)] tempered
      double lt = Math.log(TEACHER[i] / (1 - TEACHER[i])) / t;
      double q1 = Math.exp(lt) / (1 + Math.exp(lt));
      double q0 = 1 - q1;
      double e0 = Math.exp(z0 / t);
      double e1 = Math.exp(z1 / t);
      double s0 = e0 / (e0 + e1);
      double s1 = e1 / (e0 + e1);
      double kl = q0 * Math.log(q0 / s0) + q1 * Math.log(q1 / s1);
      double p1 = Math.exp(z1) / (Math.exp(z0) + Math.exp(z1));
      double ce = -(Y[i] ? Math.log(p1) : Math.log(1 - p1));
      expected += alpha * t * t * kl + (1 - alpha) * MASK[i] * ce;
    }
    expected /= 3;
    assertEquals(expected, evaluate(s, null), 1e-5);
  }

  @Test
  void demographicParityPenaltyMatchesHandComputation() {
    double lambda = 3.0;
    StudentSettings base =
        new StudentSettings(1, 1, 0.1, 1, 1.0, 0.0, 0, PenaltyKind.DEMOGRAPHIC_PARITY);
    float[] membership = {1f, 0f, 0.25f, 0.75f, 0f, 1f}; // soft membership for row 2
    double withoutPenalty = evaluate(base, null);
    double with = evaluate(base.withLambda(lambda), membership);
    double[] sc = new double[3];
    for (int i = 0; i < 3; i++) {
      sc[i] = 1 / (1 + Math.exp(LOGITS[2 * i] - LOGITS[2 * i + 1]));
    }
    double w0 = 1 + 0.25;
    double w1 = 0.75 + 1;
    double m0 = (sc[0] + 0.25 * sc[1]) / w0;
    double m1 = (0.75 * sc[1] + sc[2]) / w1;
    double m = (sc[0] + sc[1] + sc[2]) / 3;
    double pen = w0 / 3 * (m0 - m) * (m0 - m) + w1 / 3 * (m1 - m) * (m1 - m);
    assertEquals(withoutPenalty + lambda * pen, with, 1e-5);
  }

  @Test
  void equalizedOddsPenaltyUsesLabelledRowsPerLabel() {
    StudentSettings eo =
        new StudentSettings(1, 1, 0.1, 1, 1.0, 0.0, 1.0, PenaltyKind.EQUALIZED_ODDS);
    float[] membership = {1f, 0f, 0f, 1f, 1f, 0f};
    double base = evaluate(eo.withLambda(0), null);
    // label 0: only row 0 (group 0) -> deviation 0; label 1 labelled: only row 1 (row 2 unlabelled)
    assertEquals(base, evaluate(eo, membership), 1e-6);
  }

  private static double evaluate(StudentSettings s, float[] membership) {
    try (NDManager m = NDManager.newBaseManager("PyTorch")) {
      float[] pT = new float[6];
      float[] y1h = new float[6];
      float[] y = new float[3];
      for (int i = 0; i < 3; i++) {
        double q = KdLoss.temperedTarget(TEACHER[i], s.temperature());
        pT[2 * i] = (float) (1 - q);
        pT[2 * i + 1] = (float) q;
        y1h[2 * i + (Y[i] ? 1 : 0)] = MASK[i];
        y[i] = Y[i] ? 1 : 0;
      }
      NDList labels =
          new NDList(
              m.create(pT, new Shape(3, 2)),
              m.create(y1h, new Shape(3, 2)),
              m.create(MASK, new Shape(3)),
              m.create(y, new Shape(3)));
      if (membership != null) {
        labels.add(m.create(membership, new Shape(3, 2)));
      }
      NDArray logits = m.create(LOGITS, new Shape(3, 2));
      return new KdLoss(s).evaluate(labels, new NDList(logits)).getFloat();
    }
  }
}

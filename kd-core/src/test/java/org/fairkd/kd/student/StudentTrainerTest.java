package org.fairkd.kd.student;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.fairkd.base.scores.ScoreStats;
import org.junit.jupiter.api.Test;

class StudentTrainerTest {
  static final double LAMBDA = 10;

  /** Toy lending data: x0 is a proxy of group membership, the label depends on x0 and x1. */
  static TrainingData toy(int n, long seed) {
    Random r = new Random(seed);
    float[][] x = new float[n][3];
    boolean[] y = new boolean[n];
    double[] teacher = new double[n];
    double[][] mem = new double[n][2];
    for (int i = 0; i < n; i++) {
      int g = r.nextBoolean() ? 1 : 0;
      mem[i][g] = 1;
      x[i][0] = (float) (g + 0.5 * r.nextGaussian());
      x[i][1] = (float) r.nextGaussian();
      x[i][2] = (float) r.nextGaussian();
      double logit = 1.5 * x[i][1] + 1.2 * (g - 0.5) + 0.3 * x[i][2];
      teacher[i] = 1 / (1 + Math.exp(-logit));
      y[i] = r.nextDouble() < teacher[i];
    }
    return new TrainingData(x, y, null, teacher, mem);
  }

  static int[] groups(TrainingData d) {
    int[] g = new int[d.size()];
    for (int i = 0; i < g.length; i++) {
      g[i] = d.membership()[i][1] > 0.5 ? 1 : 0;
    }
    return g;
  }

  static double meanGap(double[] s, int[] g) {
    double[] sum = new double[2];
    double[] cnt = new double[2];
    for (int i = 0; i < s.length; i++) {
      sum[g[i]] += s[i];
      cnt[g[i]]++;
    }
    return Math.abs(sum[1] / cnt[1] - sum[0] / cnt[0]);
  }

  @Test
  void penaltyReducesDemographicParityAndDjlMatchesWeights() {
    TrainingData train = toy(1500, 1);
    TrainingData val = toy(600, 2);
    StudentSettings d0 = StudentSettings.defaults();
    StudentSettings s = new StudentSettings(30, 64, 0.01, 5, 2.0, 0.7, 0, d0.penalty());
    StudentArchitecture arch = StudentArchitecture.parse("8");
    TrainedStudent plain = StudentTrainer.train(train, val, arch, s, 7);
    TrainedStudent fair = StudentTrainer.train(train, val, arch, s.withLambda(LAMBDA), 7);
    try (DjlStudent a = DjlStudent.of(plain.weights());
        DjlStudent b = DjlStudent.of(fair.weights())) {
      double[] sa = a.predict(val.x());
      double[] sb = b.predict(val.x());
      int[] g = groups(val);
      double gapPlain = meanGap(sa, g);
      double gapFair = meanGap(sb, g);
      assertTrue(gapPlain > 0.1, "plain student reproduces the bias: " + gapPlain);
      assertTrue(gapFair < 0.5 * gapPlain, gapFair + " vs " + gapPlain);
      assertEquals(plain.validationAuc(), ScoreStats.auc(sa, val.labels()), 1e-6);
    }
  }

  @Test
  void seededTrainingIsReproducible() {
    TrainingData train = toy(400, 3);
    TrainingData val = toy(200, 4);
    StudentSettings s = StudentSettings.defaults().withEpochs(3);
    TrainedStudent a = StudentTrainer.train(train, val, StudentArchitecture.linear(), s, 11);
    TrainedStudent b = StudentTrainer.train(train, val, StudentArchitecture.linear(), s, 11);
    assertEquals(a.validationAuc(), b.validationAuc(), 0.0);
    assertEquals(a.weights().weights().get(0)[1][2], b.weights().weights().get(0)[1][2], 0.0);
  }

  /**
   * Training must not read memory the garbage collector has freed: with a thread forcing a
   * collection every millisecond the penalised, distilled training gives bit-identical weights (it
   * gave NaN scores while the loss multiplied by DJL's short-lived scalar arrays, see {@link
   * KdLoss#constant}).
   */
  @Test
  void trainingIsUnaffectedByGarbageCollection() throws InterruptedException {
    TrainingData train = toy(600, 5);
    TrainingData val = toy(300, 6);
    StudentSettings s =
        new StudentSettings(8, 64, 0.01, 8, 2.0, 0.7, LAMBDA, StudentSettings.defaults().penalty());
    StudentArchitecture arch = StudentArchitecture.parse("8");
    TrainedStudent quiet = StudentTrainer.train(train, val, arch, s, 13);
    Thread collector =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                System.gc();
                try {
                  Thread.sleep(1);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    collector.setDaemon(true);
    collector.start();
    TrainedStudent collected;
    try {
      collected = StudentTrainer.train(train, val, arch, s, 13);
    } finally {
      collector.interrupt();
      collector.join();
    }
    assertEquals(quiet.validationAuc(), collected.validationAuc(), 0.0);
    for (int l = 0; l < quiet.weights().weights().size(); l++) {
      float[][] a = quiet.weights().weights().get(l);
      float[][] b = collected.weights().weights().get(l);
      for (int o = 0; o < a.length; o++) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(a[o], b[o], 0f, "layer " + l);
      }
    }
  }
}

package org.fairkd.kd.teacher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import me.tongfei.progressbar.ProgressBar;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.datasets.encode.FeatureEncoder;
import org.fairkd.datasets.synth.SyntheticLending;
import org.junit.jupiter.api.Test;

class WeightSourceTest {
  static TeacherConfig config(SoftTargets soft, double[] fixed) {
    return new TeacherConfig(
        List.of(
            MemberSpec.of("logistic", MemberType.LOGISTIC),
            MemberSpec.of("nb", MemberType.NAIVE_BAYES)),
        Combination.LOGIT,
        fixed,
        3,
        soft);
  }

  @Test
  void smallValidationWithOutOfFoldTargetsFitsOnTheTrainingRowsOutOfFold() {
    TeacherConfig oof = config(SoftTargets.OUT_OF_FOLD, null);
    assertEquals(WeightSource.OUT_OF_FOLD, WeightSource.choose(oof, 999));
    assertEquals(WeightSource.VALIDATION, WeightSource.choose(oof, 1000));
    assertEquals(
        WeightSource.VALIDATION, WeightSource.choose(config(SoftTargets.IN_SAMPLE, null), 10));
    assertEquals(
        WeightSource.FIXED,
        WeightSource.choose(config(SoftTargets.OUT_OF_FOLD, new double[] {0.5, 0.5}), 10));
  }

  @Test
  void weightsAndSoftTargetsComeFromTheOutOfFoldMemberPredictions() {
    TabularDataset d = SyntheticLending.generate(900, 8, SyntheticLending.Config.defaults());
    int[] train = IntStream.range(0, 700).toArray();
    int[] val = IntStream.range(700, 900).toArray();
    FeatureEncoder enc = FeatureEncoder.fit(d, train);
    float[][] xTr = enc.transform(d, train);
    float[][] xVa = enc.transform(d, val);
    boolean[] y = d.favourableLabels();
    boolean[] yTr = java.util.Arrays.copyOfRange(y, 0, 700);
    boolean[] yVa = java.util.Arrays.copyOfRange(y, 700, 900);
    TeacherConfig cfg = config(SoftTargets.OUT_OF_FOLD, null);
    TeacherFit fit = TeacherTrainer.fit(cfg, xTr, yTr, xVa, yVa, enc.outputNames(), 4);
    assertEquals(WeightSource.OUT_OF_FOLD, fit.weightSource());
    assertEquals(700, fit.weightRows());

    double[][] oof;
    try (ProgressBar pb = TeacherTrainer.progressBar(1)) {
      oof =
          TeacherTrainer.memberOutOfFold(
              cfg,
              new TribuoRows(enc.outputNames()),
              xTr,
              yTr,
              new int[] {0, 1},
              4,
              pb,
              fit.ensemble().members(),
              new double[2]);
    }
    double[] w = WeightFitter.fit(Combination.LOGIT, oof, yTr);
    assertArrayEquals(w, fit.ensemble().weights(), 1e-12);
    int[] active = TeacherEnsemble.activeMembers(w);
    double[][] probs = new double[active.length][];
    double[] wa = new double[active.length];
    for (int a = 0; a < active.length; a++) {
      probs[a] = oof[active[a]];
      wa[a] = w[active[a]];
    }
    assertArrayEquals(Combination.LOGIT.combine(probs, wa), fit.trainSoftTargets(), 1e-12);
  }
}

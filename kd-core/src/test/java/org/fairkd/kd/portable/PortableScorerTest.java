package org.fairkd.kd.portable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.fairkd.datasets.Split;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.datasets.encode.FeatureEncoder;
import org.fairkd.datasets.synth.SyntheticLending;
import org.fairkd.kd.DistillationException;
import org.fairkd.kd.pipeline.RawRows;
import org.fairkd.kd.student.DjlStudent;
import org.fairkd.kd.student.StudentArchitecture;
import org.fairkd.kd.student.StudentSettings;
import org.fairkd.kd.student.StudentTrainer;
import org.fairkd.kd.student.TrainedStudent;
import org.fairkd.kd.student.TrainingData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortableScorerTest {
  @TempDir Path dir;

  @Test
  void portableScoresEqualDjlFromEncodedAndRawRows() throws Exception {
    TabularDataset d = SyntheticLending.generate(1500, 9, SyntheticLending.Config.defaults());
    Split split = Split.stratified(d, 0.2, 0.2, 1);
    FeatureEncoder enc = FeatureEncoder.fit(d, split.train());
    float[][] xTr = enc.transform(d, split.train());
    float[][] xVa = enc.transform(d, split.validation());
    float[][] xTe = enc.transform(d, split.test());
    TrainingData tr = new TrainingData(xTr, labels(d, split.train()), null, null, null);
    TrainingData va = new TrainingData(xVa, labels(d, split.validation()), null, null, null);
    StudentSettings s = StudentSettings.defaults().baseline().withEpochs(3);
    for (String arch : new String[] {"linear", "8x4"}) {
      TrainedStudent t = StudentTrainer.train(tr, va, StudentArchitecture.parse(arch), s, 5);
      PortableStudent p =
          PortableStudent.of(
              enc.spec(), enc.outputNames(), t.weights(), Map.of("dataset", d.name()));
      Path file = dir.resolve(arch + ".json");
      Files.write(file, p.toJson());
      PortableScorer scorer = new PortableScorer(PortableStudent.read(file));
      PortableScorer.RowScorer raw = scorer.bind(RawRows.of(d, split.test()).header());
      Object[][] rows = RawRows.of(d, split.test()).rows();
      double[] fromEncoded = scorer.scoreEncoded(xTe);
      try (DjlStudent djl = DjlStudent.of(t.weights())) {
        double[] expected = djl.predict(xTe);
        double spread = 0;
        for (int i = 0; i < expected.length; i++) {
          assertEquals(expected[i], fromEncoded[i], 1e-6, arch + " encoded row " + i);
          assertEquals(expected[i], raw.score(rows[i]), 1e-6, arch + " raw row " + i);
          spread = Math.max(spread, Math.abs(expected[i] - expected[0]));
        }
        assertTrue(spread > 0.05, "scores must vary for the check to mean something");
      }
    }
  }

  @Test
  void unseenAndMissingCategoriesGoToTheOtherSlotLikeTheEncoder() {
    TabularDataset d = SyntheticLending.generate(300, 2, SyntheticLending.Config.defaults());
    int[] all = java.util.stream.IntStream.range(0, 300).toArray();
    FeatureEncoder enc = FeatureEncoder.fit(d, all);
    int w = enc.width();
    float[][] w1 = new float[2][w];
    for (int j = 0; j < w; j++) {
      w1[1][j] = (float) Math.sin(j + 1.0);
    }
    var weights =
        new org.fairkd.kd.student.StudentWeights(
            java.util.List.<float[][]>of(w1), java.util.List.<float[]>of(new float[2]));
    PortableScorer scorer =
        new PortableScorer(PortableStudent.of(enc.spec(), enc.outputNames(), weights, Map.of()));
    RawRows raw = RawRows.of(d, new int[] {0});
    PortableScorer.RowScorer rs = scorer.bind(raw.header());
    Object[] row = raw.rows()[0].clone();
    int home = raw.header().indexOf("home_ownership");
    row[home] = "houseboat";
    double unseen = rs.score(row);
    row[home] = null;
    assertEquals(unseen, rs.score(row), 0.0);
    int other = enc.outputNames().indexOf("home_ownership=__other__");
    float[] x = enc.transform(d, new int[] {0})[0];
    for (int j = 0; j < w; j++) {
      if (enc.outputNames().get(j).startsWith("home_ownership=")) {
        x[j] = j == other ? 1f : 0f;
      }
    }
    assertEquals(scorer.scoreEncoded(new float[][] {x})[0], unseen, 1e-6);
    assertThrows(IllegalArgumentException.class, () -> scorer.bind(java.util.List.of("income")));
  }

  @Test
  void readRejectsAnotherFormatOrVersion() throws Exception {
    Path f = dir.resolve("bad.json");
    Files.writeString(
        f,
        "{\"format\": \"fairkd.student\", \"version\": 99, \"layers\": [], \"encoder\": {\"columns\": []}}");
    DistillationException e =
        assertThrows(DistillationException.class, () -> PortableStudent.read(f));
    assertTrue(e.getMessage().contains("'version'"), e.getMessage());
  }

  static boolean[] labels(TabularDataset d, int[] rows) {
    boolean[] y = new boolean[rows.length];
    for (int i = 0; i < rows.length; i++) {
      y[i] = d.favourable(rows[i]);
    }
    return y;
  }
}

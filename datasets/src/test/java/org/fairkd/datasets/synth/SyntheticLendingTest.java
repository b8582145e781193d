package org.fairkd.datasets.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fairkd.datasets.CategoricalColumn;
import org.fairkd.datasets.Datasets;
import org.fairkd.datasets.FeatureColumn;
import org.fairkd.datasets.NumericColumn;
import org.fairkd.datasets.ProtectedAttribute;
import org.fairkd.datasets.Split;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.datasets.encode.FeatureEncoder;
import org.fairkd.datasets.load.SpecReader;
import org.fairkd.datasets.tribuo.TribuoData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;

/** The generator: determinism, CSV round trip, and the planted bias (data and model level). */
class SyntheticLendingTest {
  @TempDir Path dir;

  private static String csv(TabularDataset d) throws Exception {
    StringWriter w = new StringWriter();
    SyntheticLending.writeCsv(d, w);
    return w.toString();
  }

  @Test
  void sameSeedSameBytesOtherSeedOtherBytes() throws Exception {
    SyntheticLending.Config cfg = SyntheticLending.Config.defaults();
    String a = csv(SyntheticLending.generate(2_000, 7, cfg));
    String b = csv(SyntheticLending.generate(2_000, 7, cfg));
    assertEquals(a, b);
    assertFalse(a.equals(csv(SyntheticLending.generate(2_000, 8, cfg))));
    assertTrue(a.startsWith(String.join(",", SyntheticLending.COLUMNS) + "\n"));
  }

  @Test
  void writtenCsvAndSpecLoadBackToTheSameData() throws Exception {
    TabularDataset d = SyntheticLending.generate(3_000, 11, SyntheticLending.Config.defaults());
    Files.writeString(dir.resolve("s.csv"), csv(d));
    Files.writeString(dir.resolve("s.yaml"), SpecReader.write(SyntheticLending.spec("s.csv")));
    TabularDataset back = Datasets.loadSpec(dir.resolve("s.yaml"));
    assertEquals(d.rowCount(), back.rowCount());
    assertArrayEquals(d.favourableLabels(), back.favourableLabels());
    assertEquals(names(d.features()), names(back.features()));
    for (FeatureColumn c : d.columns()) {
      FeatureColumn o = back.column(c.name()).orElseThrow();
      if (c instanceof NumericColumn n) {
        assertArrayEquals(n.values(), ((NumericColumn) o).values(), c.name());
      } else {
        assertArrayEquals(
            ((CategoricalColumn) c).values(), ((CategoricalColumn) o).values(), c.name());
      }
    }
    for (int i = 0; i < d.protectedAttributes().size(); i++) {
      ProtectedAttribute p = d.protectedAttributes().get(i);
      ProtectedAttribute q = back.protectedAttributes().get(i);
      assertEquals(p.groups(), q.groups());
      assertArrayEquals(p.hardCounts(), q.hardCounts());
    }
    assertEquals(d.rowId(5), back.rowId(5));
  }

  private static List<String> names(List<FeatureColumn> cols) {
    return cols.stream().map(FeatureColumn::name).toList();
  }

  /** Favourable rate of {@code group} over {@code ref}, computed by hand from 0/1 outcomes. */
  private static double ratio(ProtectedAttribute a, boolean[] fav, int[] rows, String group) {
    int g = a.groups().indexOf(group);
    int ref = a.referenceIndex();
    double[] n = new double[2];
    double[] f = new double[2];
    for (int i = 0; i < rows.length; i++) {
      int h = a.hardGroup(rows[i]);
      int k = h == g ? 0 : h == ref ? 1 : -1;
      if (k >= 0) {
        n[k]++;
        f[k] += fav[i] ? 1 : 0;
      }
    }
    return (f[0] / n[0]) / (f[1] / n[1]);
  }

  @Test
  void defaultDatasetHasThePlantedBiasInLabelsAndInAModel() {
    TabularDataset d = Datasets.load(Datasets.SYNTHETIC, null);
    assertEquals(SyntheticLending.DEFAULT_ROWS, d.rowCount());
    ProtectedAttribute race = d.protectedAttribute("race").orElseThrow();
    ProtectedAttribute sex = d.protectedAttribute("sex").orElseThrow();
    ProtectedAttribute age = d.protectedAttribute("age_band").orElseThrow();
    assertEquals(List.of("asian", "black", "hispanic", "other", "white"), race.groups());
    assertEquals(List.of("under_25", "25-61", "over_62"), age.groups());
    assertFalse(names(d.features()).contains("race"));
    assertFalse(names(d.features()).contains("age"));

    int[] all = new int[d.rowCount()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    boolean[] y = d.favourableLabels();
    assertTrue(ratio(race, y, all, "black") < 0.6, "label AIR black");
    assertTrue(ratio(sex, y, all, "female") < 0.9, "label AIR female");
    assertTrue(ratio(age, y, all, "under_25") > 0.93, "label AIR under_25");

    Split s = Split.stratified(d, 0.0, 0.3, 1);
    FeatureEncoder enc = FeatureEncoder.fit(d, s.train());
    boolean[] yTrain = new boolean[s.train().length];
    for (int i = 0; i < yTrain.length; i++) {
      yTrain[i] = y[s.train()[i]];
    }
    MutableDataset<Label> train =
        TribuoData.of(enc.transform(d, s.train()), yTrain, enc.outputNames(), "train");
    // a converged logistic regression (Tribuo's default LR trainer, minibatch 1, is noisy)
    Model<Label> model =
        new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), 20, 1000, 32, 1L)
            .train(train);
    boolean[] yTestDummy = new boolean[s.test().length];
    MutableDataset<Label> test =
        TribuoData.of(enc.transform(d, s.test()), yTestDummy, enc.outputNames(), "test");
    List<Prediction<Label>> preds = model.predict(test);
    boolean[] pred = new boolean[preds.size()];
    for (int i = 0; i < pred.length; i++) {
      pred[i] = preds.get(i).getOutput().getLabel().equals(TribuoData.FAVOURABLE);
    }
    double airRace = ratio(race, pred, s.test(), "black");
    double airAgeYoung = ratio(age, pred, s.test(), "under_25");
    double airAgeOld = ratio(age, pred, s.test(), "over_62");
    System.out.printf(
        "synthetic-lending LR: AIR black %.3f, under_25 %.3f, over_62 %.3f%n",
        airRace, airAgeYoung, airAgeOld);
    assertTrue(airRace < 0.7, "model AIR black " + airRace);
    assertTrue(airAgeYoung >= 0.92, "model AIR under_25 " + airAgeYoung);
    assertTrue(airAgeOld >= 0.92, "model AIR over_62 " + airAgeOld);
  }
}

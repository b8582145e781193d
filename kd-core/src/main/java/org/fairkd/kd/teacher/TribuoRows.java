package org.fairkd.kd.teacher;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Conversion between encoded {@code float[][]} rows and Tribuo examples (label names {@code "1"}
 * favourable, {@code "0"} unfavourable, as in the datasets module's {@code TribuoData}), and
 * extraction of {@code P("1")} from predictions.
 */
final class TribuoRows {
  static final String FAVOURABLE = "1";
  static final String UNFAVOURABLE = "0";
  private static final Label FAV = new Label(FAVOURABLE);
  private static final Label UNFAV = new Label(UNFAVOURABLE);
  private static final LabelFactory FACTORY = new LabelFactory();

  private final String[] names;

  TribuoRows(List<String> featureNames) {
    if (new HashSet<>(featureNames).size() != featureNames.size()) {
      throw new IllegalArgumentException("feature names must be unique");
    }
    this.names = featureNames.toArray(new String[0]);
  }

  int width() {
    return names.length;
  }

  /** A Tribuo dataset of the given rows, each feature shifted by {@code offsets} (may be null). */
  MutableDataset<Label> dataset(float[][] x, boolean[] y, int[] rows, float[] offsets) {
    MutableDataset<Label> ds =
        new MutableDataset<>(
            new SimpleDataSourceProvenance(
                "fairkd encoded training rows", OffsetDateTime.now(), FACTORY),
            FACTORY);
    for (int r : rows) {
      ds.add(example(x[r], y[r] ? FAV : UNFAV, offsets));
    }
    return ds;
  }

  /** P(favourable) of {@code model} for every row. */
  double[] predict(Model<Label> model, float[][] x, float[] offsets) {
    List<Example<Label>> ex = new ArrayList<>(x.length);
    for (float[] row : x) {
      ex.add(example(row, LabelFactory.UNKNOWN_LABEL, offsets));
    }
    List<Prediction<Label>> preds = model.predict(ex);
    double[] out = new double[x.length];
    for (int i = 0; i < out.length; i++) {
      Label s = preds.get(i).getOutputScores().get(FAVOURABLE);
      out[i] = s == null ? 0.0 : Math.min(1.0, Math.max(0.0, s.getScore()));
    }
    return out;
  }

  private ArrayExample<Label> example(float[] row, Label label, float[] offsets) {
    if (row.length != names.length) {
      throw new IllegalArgumentException(
          "row has " + row.length + " features, the teacher expects " + names.length);
    }
    double[] v = new double[row.length];
    for (int j = 0; j < v.length; j++) {
      v[j] = offsets == null ? row[j] : Math.max(0.0, row[j] - offsets[j]);
    }
    return new ArrayExample<>(label, names, v);
  }

  /** Per-feature minimum over the given rows (the naive-Bayes shift). */
  static float[] minima(float[][] x, int[] rows, int width) {
    float[] min = new float[width];
    java.util.Arrays.fill(min, Float.POSITIVE_INFINITY);
    for (int r : rows) {
      for (int j = 0; j < width; j++) {
        min[j] = Math.min(min[j], x[r][j]);
      }
    }
    for (int j = 0; j < width; j++) {
      min[j] = Float.isInfinite(min[j]) ? 0f : min[j];
    }
    return min;
  }
}

package org.fairkd.kd.teacher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.fairkd.datasets.tribuo.TribuoData;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

/**
 * Conversion between encoded {@code float[][]} rows and Tribuo examples (via {@link TribuoData},
 * label {@code "1"} favourable), optional per-feature shifts {@code max(0, x − offset)}, and
 * extraction of {@code P("1")} from predictions.
 */
final class TribuoRows {
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
    float[][] xs = new float[rows.length][];
    boolean[] ys = new boolean[rows.length];
    for (int i = 0; i < rows.length; i++) {
      xs[i] = offsets == null ? x[rows[i]] : shifted(x[rows[i]], offsets);
      ys[i] = y[rows[i]];
    }
    return TribuoData.of(xs, ys, Arrays.asList(names), "fairkd teacher training rows");
  }

  /** Rows per prediction chunk: large inputs (e.g. a transfer set) are scored in parallel. */
  static final int CHUNK = 16_384;

  /**
   * P(favourable) of {@code model} for every row. Inputs longer than {@link #CHUNK} rows are cut
   * into chunks scored in parallel (building Tribuo's examples dominates the cost; each row's
   * prediction does not depend on the others, so the result is the same).
   */
  double[] predict(Model<Label> model, float[][] x, float[] offsets) {
    if (x.length <= CHUNK) {
      return predictChunk(model, x, offsets);
    }
    List<java.util.concurrent.Callable<double[]>> tasks = new ArrayList<>();
    for (int start = 0; start < x.length; start += CHUNK) {
      float[][] part = Arrays.copyOfRange(x, start, Math.min(x.length, start + CHUNK));
      tasks.add(() -> predictChunk(model, part, offsets));
    }
    double[] out = new double[x.length];
    int at = 0;
    for (double[] p : ParallelTasks.run(tasks)) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  private double[] predictChunk(Model<Label> model, float[][] x, float[] offsets) {
    if (x.length == 0) {
      return new double[0];
    }
    List<Example<Label>> ex = new ArrayList<>(x.length);
    for (float[] row : x) {
      if (row.length != names.length) {
        throw new IllegalArgumentException(
            "row has " + row.length + " features, the teacher expects " + names.length);
      }
      float[] r = offsets == null ? row : shifted(row, offsets);
      double[] v = new double[r.length];
      for (int j = 0; j < v.length; j++) {
        v[j] = r[j];
      }
      ex.add(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names, v));
    }
    List<Prediction<Label>> preds = model.predict(ex);
    double[] out = new double[x.length];
    for (int i = 0; i < out.length; i++) {
      Label s = preds.get(i).getOutputScores().get(TribuoData.FAVOURABLE);
      out[i] = s == null ? 0.0 : Math.min(1.0, Math.max(0.0, s.getScore()));
    }
    return out;
  }

  private static float[] shifted(float[] row, float[] offsets) {
    float[] v = new float[row.length];
    for (int j = 0; j < v.length; j++) {
      v[j] = Math.max(0f, row[j] - offsets[j]);
    }
    return v;
  }

  /** Per-feature minimum over the given rows (the naive-Bayes shift). */
  static float[] minima(float[][] x, int[] rows, int width) {
    float[] min = new float[width];
    Arrays.fill(min, Float.POSITIVE_INFINITY);
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

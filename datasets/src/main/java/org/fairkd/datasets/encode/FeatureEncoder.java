package org.fairkd.datasets.encode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fairkd.datasets.CategoricalColumn;
import org.fairkd.datasets.DatasetException;
import org.fairkd.datasets.FeatureColumn;
import org.fairkd.datasets.NumericColumn;
import org.fairkd.datasets.TabularDataset;

/**
 * Turns a dataset's feature columns into a dense {@code float[][]}, fitted on training rows only.
 *
 * <p>Numerics are standardised, {@code z = (x - mean) / std} with the training mean and population
 * standard deviation ({@code std = 1} if it is 0); a missing value becomes 0 (the mean), and if any
 * training value was missing a 0/1 indicator column {@code name__missing} follows. Categoricals are
 * one-hot over the training levels (at most {@value #MAX_LEVELS} most frequent, ties broken
 * alphabetically, output in alphabetical order) plus an {@code name=__other__} slot that takes
 * unseen, rare and missing values, so new categories at scoring time never fail.
 */
public final class FeatureEncoder {
  /** Maximum number of one-hot levels per categorical column. */
  public static final int MAX_LEVELS = 64;

  private final EncoderSpec spec;
  private final List<Map<String, Integer>> levelIndex = new ArrayList<>();
  private final List<String> outputNames = new ArrayList<>();
  private final int width;

  private FeatureEncoder(EncoderSpec spec) {
    this.spec = spec;
    int w = 0;
    for (EncoderSpec.Column c : spec.columns()) {
      Map<String, Integer> index = new HashMap<>();
      if ("numeric".equals(c.kind())) {
        outputNames.add(c.name());
        if (Boolean.TRUE.equals(c.missingIndicator())) {
          outputNames.add(c.name() + EncoderSpec.MISSING);
        }
      } else if ("categorical".equals(c.kind())) {
        for (int i = 0; i < c.levels().size(); i++) {
          index.put(c.levels().get(i), i);
          outputNames.add(c.name() + "=" + c.levels().get(i));
        }
        outputNames.add(c.name() + "=" + EncoderSpec.OTHER);
      } else {
        throw new DatasetException("encoder: column '" + c.name() + "': unknown kind " + c.kind());
      }
      levelIndex.add(index);
      w += c.width();
    }
    this.width = w;
  }

  /** Fits the encoder on {@code trainRows} of {@code d}'s feature columns. */
  public static FeatureEncoder fit(TabularDataset d, int[] trainRows) {
    List<EncoderSpec.Column> cols = new ArrayList<>();
    for (FeatureColumn f : d.features()) {
      if (f instanceof NumericColumn n) {
        double sum = 0;
        int count = 0;
        for (int r : trainRows) {
          double v = n.values()[r];
          if (!Double.isNaN(v)) {
            sum += v;
            count++;
          }
        }
        double mean = count == 0 ? 0 : sum / count;
        double ss = 0;
        for (int r : trainRows) {
          double v = n.values()[r];
          if (!Double.isNaN(v)) {
            ss += (v - mean) * (v - mean);
          }
        }
        double std = count == 0 ? 0 : Math.sqrt(ss / count);
        cols.add(
            new EncoderSpec.Column(
                n.name(), "numeric", mean, std > 0 ? std : 1.0, count < trainRows.length, null));
      } else if (f instanceof CategoricalColumn c) {
        Map<String, Integer> counts = new HashMap<>();
        for (int r : trainRows) {
          String v = c.values()[r];
          if (v != null) {
            counts.merge(v, 1, Integer::sum);
          }
        }
        List<String> levels =
            counts.entrySet().stream()
                .sorted(
                    Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_LEVELS)
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        cols.add(new EncoderSpec.Column(c.name(), "categorical", null, null, null, levels));
      }
    }
    return new FeatureEncoder(new EncoderSpec(cols));
  }

  /** Rebuilds an encoder from its serialised state. */
  public static FeatureEncoder fromSpec(EncoderSpec spec) {
    return new FeatureEncoder(spec);
  }

  /**
   * Encodes {@code rows} of {@code d}; {@code d} must have every fitted column (by name) with the
   * same type.
   */
  public float[][] transform(TabularDataset d, int[] rows) {
    float[][] out = new float[rows.length][width];
    int offset = 0;
    for (int ci = 0; ci < spec.columns().size(); ci++) {
      EncoderSpec.Column c = spec.columns().get(ci);
      FeatureColumn col =
          d.column(c.name())
              .orElseThrow(
                  () ->
                      new DatasetException(
                          d.name() + ": column '" + c.name() + "' required by the encoder"));
      if ("numeric".equals(c.kind())) {
        if (!(col instanceof NumericColumn n)) {
          throw new DatasetException(d.name() + ": column '" + c.name() + "' must be numeric");
        }
        boolean ind = Boolean.TRUE.equals(c.missingIndicator());
        double mean = c.mean();
        double std = c.std();
        for (int i = 0; i < rows.length; i++) {
          double v = n.values()[rows[i]];
          if (Double.isNaN(v)) {
            if (ind) {
              out[i][offset + 1] = 1f;
            }
          } else {
            out[i][offset] = (float) ((v - mean) / std);
          }
        }
      } else {
        if (!(col instanceof CategoricalColumn cat)) {
          throw new DatasetException(d.name() + ": column '" + c.name() + "' must be categorical");
        }
        Map<String, Integer> index = levelIndex.get(ci);
        int other = c.levels().size();
        for (int i = 0; i < rows.length; i++) {
          String v = cat.values()[rows[i]];
          Integer k = v == null ? null : index.get(v);
          out[i][offset + (k == null ? other : k)] = 1f;
        }
      }
      offset += c.width();
    }
    return out;
  }

  /** Number of output columns. */
  public int width() {
    return width;
  }

  /**
   * Output column names: {@code col}, {@code col__missing}, {@code col=level}, {@code
   * col=__other__}.
   */
  public List<String> outputNames() {
    return List.copyOf(outputNames);
  }

  /** The fitted state, serialisable with Jackson. */
  public EncoderSpec spec() {
    return spec;
  }
}

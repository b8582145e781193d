package org.fairkd.kd.portable;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fairkd.datasets.encode.EncoderSpec;

/**
 * Plain-Java scorer of a {@link PortableStudent}: no DJL, no natives. Construction resolves the
 * encoder (one category→slot {@link HashMap} per categorical column, mean/std per numeric) and
 * transposes the first layer so that encoding and the first layer are fused: {@code h = b₁ + Σ_num
 * W₁[:, j]·(x_j − mean_j)/std_j + Σ_cat W₁[:, slot(x_c)]}, exactly the dense product with the
 * one-hot encoding. Later layers are evaluated column by column over the active (ReLU > 0) units,
 * {@code z = b + Σ_{j: h_j > 0} W[:, j]·h_j} (contiguous, vectorisable loops); ReLU between layers;
 * the score is {@code σ(z₁ − z₀)}.
 *
 * <p>A scorer holds scratch buffers, so one instance must not be used by two threads at once (make
 * one per thread, they are cheap).
 */
public final class PortableScorer {
  private final int layers;
  private final double[][] w1t; // [input slot][out]
  private final double[][][] wt; // later layers, transposed: [l][in][out]
  private final double[][] b;
  private final double[][] act;
  private final List<EncoderSpec.Column> columns;
  private final int[] offset;
  private final List<Map<String, Integer>> levelSlot;

  /** Compiles a portable student. */
  public PortableScorer(PortableStudent p) {
    this.columns = p.encoder().columns();
    this.layers = p.layers().size();
    float[][] first = p.layers().get(0).weights();
    int in = first[0].length;
    int h1 = first.length;
    w1t = new double[in][h1];
    for (int o = 0; o < h1; o++) {
      for (int j = 0; j < in; j++) {
        w1t[j][o] = first[o][j];
      }
    }
    wt = new double[layers][][];
    b = new double[layers][];
    act = new double[layers][];
    for (int l = 0; l < layers; l++) {
      float[][] wl = p.layers().get(l).weights();
      float[] bl = p.layers().get(l).bias();
      b[l] = new double[bl.length];
      act[l] = new double[bl.length];
      for (int o = 0; o < bl.length; o++) {
        b[l][o] = bl[o];
      }
      if (l > 0) {
        wt[l] = new double[wl[0].length][wl.length];
        for (int o = 0; o < wl.length; o++) {
          for (int j = 0; j < wl[0].length; j++) {
            wt[l][j][o] = wl[o][j];
          }
        }
      }
    }
    offset = new int[columns.size()];
    levelSlot = new java.util.ArrayList<>();
    int off = 0;
    for (int c = 0; c < columns.size(); c++) {
      offset[c] = off;
      EncoderSpec.Column col = columns.get(c);
      Map<String, Integer> slots = new HashMap<>();
      if (col.levels() != null) {
        for (int k = 0; k < col.levels().size(); k++) {
          slots.put(col.levels().get(k), k);
        }
      }
      levelSlot.add(slots);
      off += col.width();
    }
    if (off != in) {
      throw new IllegalArgumentException(
          "encoder width " + off + " does not match first layer input " + in);
    }
  }

  /** Input column names the scorer reads, in encoder order. */
  public List<String> inputColumns() {
    return columns.stream().map(EncoderSpec.Column::name).toList();
  }

  /**
   * Binds the scorer to a raw row layout: {@code header} names the positions of a raw row. Throws
   * IllegalArgumentException naming the first column the student needs that is absent.
   */
  public RowScorer bind(List<String> header) {
    int[] index = new int[columns.size()];
    boolean[] numeric = new boolean[columns.size()];
    double[] mean = new double[columns.size()];
    double[] std = new double[columns.size()];
    boolean[] indicator = new boolean[columns.size()];
    int[] other = new int[columns.size()];
    for (int c = 0; c < columns.size(); c++) {
      EncoderSpec.Column col = columns.get(c);
      index[c] = header.indexOf(col.name());
      if (index[c] < 0) {
        throw new IllegalArgumentException("raw rows lack column '" + col.name() + "'");
      }
      numeric[c] = "numeric".equals(col.kind());
      if (numeric[c]) {
        mean[c] = col.mean();
        std[c] = col.std();
        indicator[c] = Boolean.TRUE.equals(col.missingIndicator());
      } else {
        other[c] = col.levels().size();
      }
    }
    return new RowScorer(this, index, numeric, mean, std, indicator, other);
  }

  /** Scores already-encoded rows (dense), for checks against DJL. */
  public double[] scoreEncoded(float[][] x) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      double[] h = act[0];
      System.arraycopy(b[0], 0, h, 0, h.length);
      for (int j = 0; j < x[i].length; j++) {
        float v = x[i][j];
        if (v != 0f) {
          addScaled(h, w1t[j], v);
        }
      }
      out[i] = finish();
    }
    return out;
  }

  /** Encodes one raw row into the first layer's pre-activation, then runs the rest. */
  double scoreRaw(Object[] row, RowScorer r) {
    double[] h = act[0];
    System.arraycopy(b[0], 0, h, 0, h.length);
    for (int c = 0; c < r.index.length; c++) {
      Object v = row[r.index[c]];
      int off = offset[c];
      if (r.numeric[c]) {
        double x = toDouble(v);
        if (Double.isNaN(x)) {
          if (r.indicator[c]) {
            addScaled(h, w1t[off + 1], 1.0);
          }
        } else {
          addScaled(h, w1t[off], (x - r.mean[c]) / r.std[c]);
        }
      } else {
        Integer k = v == null ? null : levelSlot.get(c).get(v.toString());
        addScaled(h, w1t[off + (k == null ? r.other[c] : k)], 1.0);
      }
    }
    return finish();
  }

  private static double toDouble(Object v) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v == null) {
      return Double.NaN;
    }
    String s = v.toString().trim();
    if (s.isEmpty() || s.equals("?") || s.equalsIgnoreCase("NA")) {
      return Double.NaN;
    }
    return Double.parseDouble(s);
  }

  private static void addScaled(double[] h, double[] col, double v) {
    for (int o = 0; o < h.length; o++) {
      h[o] += col[o] * v;
    }
  }

  private double finish() {
    double[] prev = act[0];
    for (int l = 1; l < layers; l++) {
      double[] cur = act[l];
      System.arraycopy(b[l], 0, cur, 0, cur.length);
      for (int j = 0; j < prev.length; j++) {
        double v = prev[j];
        if (v > 0) { // ReLU: inactive units contribute nothing
          addScaled(cur, wt[l][j], v);
        }
      }
      prev = cur;
    }
    // prev holds the 2 output logits
    return 1.0 / (1.0 + Math.exp(prev[0] - prev[1]));
  }

  /**
   * A scorer bound to a raw row layout (pre-resolved column positions). Values are {@link Number}
   * for numeric columns (a String is parsed, null/NaN = missing) and any object whose {@code
   * toString()} is the category for categorical ones (null = missing).
   */
  public static final class RowScorer {
    private final PortableScorer scorer;
    private final int[] index;
    private final boolean[] numeric;
    private final double[] mean;
    private final double[] std;
    private final boolean[] indicator;
    private final int[] other;

    RowScorer(
        PortableScorer scorer,
        int[] index,
        boolean[] numeric,
        double[] mean,
        double[] std,
        boolean[] indicator,
        int[] other) {
      this.scorer = scorer;
      this.index = index;
      this.numeric = numeric;
      this.mean = mean;
      this.std = std;
      this.indicator = indicator;
      this.other = other;
    }

    /** Probability of the favourable outcome for one raw row. */
    public double score(Object[] row) {
      return scorer.scoreRaw(row, this);
    }
  }
}

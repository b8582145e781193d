package org.fairkd.fairness.cells;

import java.io.Serializable;
import java.util.Arrays;

/**
 * What the row statistics need from rows with weights or soft membership, summed per slice (not per
 * fine group: with membership weights u the sums of u² are not sums over fine groups). For each
 * slice, with u = row weight × membership and v a per-row value ({@link #S1} primary score, {@link
 * #B1} its Brier term, {@link #S2}, {@link #B2} the compared model's, {@link #DS}, {@link #DB}
 * their differences compared − primary, {@link #KL} the Bernoulli KL divergence): the members, Σu,
 * Σu², Σu²s₁s₂ and per value Σuv, Σu²v, Σu²v², Σuv²; per model, label and score bin (as {@link
 * FineCells}' histograms) Σu, Σu², the smallest and largest score; per model and calibration bin
 * Σu, Σus, Σuy. Serializable and mergeable, one per partition.
 */
public final class SliceSums implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Value ids. */
  public static final int S1 = 0;

  /** Brier term (s₁ − y)². */
  public static final int B1 = 1;

  /** Compared score. */
  public static final int S2 = 2;

  /** Compared Brier term. */
  public static final int B2 = 3;

  /** s₂ − s₁. */
  public static final int DS = 4;

  /** b₂ − b₁. */
  public static final int DB = 5;

  /** KL divergence of s₁ from s₂. */
  public static final int KL = 6;

  private static final int VALUES = 7;
  private static final int HEAD = 5; // members, positive members, Σu, Σu², Σu²s₁s₂
  private static final int PER = HEAD + 4 * VALUES;
  private static final int CAL = FineCells.CALIBRATION_BINS;

  private final int slices;
  private final int models;
  private final int resolution;
  private final double[] sums; // [slice × PER]
  private final double[] labelMembers; // [slice × 2]
  private final double[] hist; // [((m × 2 + y) × slices + s) × res + bin] Σu
  private final double[] histSq; // same layout, Σu²
  private final double[] histMin; // [(m × slices + s) × res + bin]
  private final double[] histMax;
  private final double[] calibration; // [((m × slices + s) × CAL + bin) × 3]

  /** Empty sums over {@code slices} slices. */
  public SliceSums(int slices, int models, int resolution) {
    this.slices = slices;
    this.models = models;
    this.resolution = resolution;
    sums = new double[slices * PER];
    labelMembers = new double[slices * 2];
    hist = new double[Math.multiplyExact(models * 2 * slices, resolution)];
    histSq = new double[hist.length];
    histMin = new double[models * slices * resolution];
    histMax = new double[histMin.length];
    Arrays.fill(histMin, Double.POSITIVE_INFINITY);
    Arrays.fill(histMax, Double.NEGATIVE_INFINITY);
    calibration = new double[models * slices * CAL * 3];
  }

  /**
   * Adds a row to a slice.
   *
   * @param s the slice
   * @param u row weight × membership
   * @param member true when the row is a member (the row engine's count of members: a hard slice's
   *     rows whatever their weight, else u &gt; 0)
   * @param label favourable label
   * @param s1 primary score
   * @param s2 compared score (ignored with one model)
   */
  public void add(int s, double u, boolean member, boolean label, double s1, double s2) {
    if (!member) {
      return;
    }
    int y = label ? 1 : 0;
    int o = s * PER;
    double uu = u * u;
    sums[o]++;
    sums[o + 1] += u > 0 ? 1 : 0;
    sums[o + 2] += u;
    sums[o + 3] += uu;
    labelMembers[s * 2 + y]++;
    double b1 = (s1 - y) * (s1 - y);
    value(o, S1, u, s1);
    value(o, B1, u, b1);
    histogram(0, s, y, u, s1);
    calibration(0, s, u, s1, y);
    if (models > 1) {
      double b2 = (s2 - y) * (s2 - y);
      sums[o + 4] += uu * s1 * s2;
      value(o, S2, u, s2);
      value(o, B2, u, b2);
      value(o, DS, u, s2 - s1);
      value(o, DB, u, b2 - b1);
      value(o, KL, u, FineMoment.kl(s1, s2));
      histogram(1, s, y, u, s2);
      calibration(1, s, u, s2, y);
    }
  }

  private void value(int o, int v, double u, double x) {
    int k = o + HEAD + 4 * v;
    double ux = u * x;
    sums[k] += ux;
    sums[k + 1] += u * ux;
    sums[k + 2] += ux * ux;
    sums[k + 3] += ux * x;
  }

  private void histogram(int m, int s, int y, double u, double score) {
    int bin = FineCells.histogramBin(score, resolution);
    int k = ((m * 2 + y) * slices + s) * resolution + bin;
    hist[k] += u;
    histSq[k] += u * u;
    int j = (m * slices + s) * resolution + bin;
    histMin[j] = Math.min(histMin[j], score);
    histMax[j] = Math.max(histMax[j], score);
  }

  private void calibration(int m, int s, double u, double score, int y) {
    int k = ((m * slices + s) * CAL + FineCells.calibrationBin(score)) * 3;
    calibration[k] += u;
    calibration[k + 1] += u * score;
    calibration[k + 2] += u * y;
  }

  /** Adds another partition's sums into this one and returns this. */
  public SliceSums merge(SliceSums o) {
    add(sums, o.sums);
    add(labelMembers, o.labelMembers);
    add(hist, o.hist);
    add(histSq, o.histSq);
    add(calibration, o.calibration);
    for (int k = 0; k < histMin.length; k++) {
      histMin[k] = Math.min(histMin[k], o.histMin[k]);
      histMax[k] = Math.max(histMax[k], o.histMax[k]);
    }
    return this;
  }

  private static void add(double[] into, double[] from) {
    for (int k = 0; k < into.length; k++) {
      into[k] += from[k];
    }
  }

  /** Number of slices. */
  public int slices() {
    return slices;
  }

  /** 1, or 2 with a compared model. */
  public int models() {
    return models;
  }

  /** Histogram bins on [0, 1]. */
  public int resolution() {
    return resolution;
  }

  /** Members of slice s. */
  public double members(int s) {
    return sums[s * PER];
  }

  /** Members of slice s with u &gt; 0. */
  public double positiveMembers(int s) {
    return sums[s * PER + 1];
  }

  /** Members of slice s with the given label (0/1). */
  public double members(int s, int label) {
    return labelMembers[s * 2 + label];
  }

  /** Σu over slice s. */
  public double weight(int s) {
    return sums[s * PER + 2];
  }

  /** Σu² over slice s. */
  public double weightSq(int s) {
    return sums[s * PER + 3];
  }

  /** Σu²s₁s₂ over slice s. */
  public double crossSq(int s) {
    return sums[s * PER + 4];
  }

  /** {Σuv, Σu²v, Σu²v², Σuv²} of value v over slice s. */
  public double[] value(int s, int v) {
    int k = s * PER + HEAD + 4 * v;
    return Arrays.copyOfRange(sums, k, k + 4);
  }

  /** Σu (squared: Σu²) of model m, label y, slice s, score bin b. */
  public double histogram(int m, int y, int s, int b, boolean squared) {
    int k = ((m * 2 + y) * slices + s) * resolution + b;
    return squared ? histSq[k] : hist[k];
  }

  /** Smallest score of model m in slice s's bin b (+∞ when empty). */
  public double histogramMin(int m, int s, int b) {
    return histMin[(m * slices + s) * resolution + b];
  }

  /** Largest score of model m in slice s's bin b (−∞ when empty). */
  public double histogramMax(int m, int s, int b) {
    return histMax[(m * slices + s) * resolution + b];
  }

  /** Reliability sums of model m over slice s: per calibration bin {Σu, Σus, Σuy}. */
  public double[][] reliability(int m, int s) {
    double[][] out = new double[CAL][];
    for (int b = 0; b < CAL; b++) {
      int k = ((m * slices + s) * CAL + b) * 3;
      out[b] = Arrays.copyOfRange(calibration, k, k + 3);
    }
    return out;
  }
}

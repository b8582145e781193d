package org.fairkd.fairness.cells;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Sums rows into {@link FineCells}: one builder per partition of the rows, merged by {@link
 * #merge}; the result does not depend on how the rows were partitioned (sums are exact for counts;
 * score sums differ only by rounding order). Serializable, so that a distributed engine can ship
 * partial builders to its driver.
 */
public final class FineCellsBuilder implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int MOMENTS = FineMoment.values().length;

  private final int models;
  private final int fine;
  private final int resolution;
  private final double threshold;
  private final int atomsPerFine;
  private final double[] atomMoments; // [atom × 6]
  private final long[] atomFirstRow;
  private final double[] fineMoments; // [fine × MOMENTS]
  private final double[] histogram; // [((model × 2 + y) × fine + f) × resolution + bin]
  private final double[] histogramMin; // [(model × fine + f) × resolution + bin]
  private final double[] histogramMax;
  private int rows;

  /**
   * An empty builder.
   *
   * @param models 1, or 2 with a compared model
   * @param fine number of fine groups
   * @param resolution histogram bins of scores on [0, 1]
   * @param threshold decision threshold: a decision is favourable when score ≥ threshold
   */
  public FineCellsBuilder(int models, int fine, int resolution, double threshold) {
    this.models = models;
    this.fine = fine;
    this.resolution = resolution;
    this.threshold = threshold;
    atomsPerFine = FineCells.atom(models, 1, 0, 0, 0, 0, 0);
    int atoms = Math.multiplyExact(fine, atomsPerFine);
    atomMoments = new double[atoms * 6];
    atomFirstRow = new long[atoms];
    Arrays.fill(atomFirstRow, Long.MAX_VALUE);
    fineMoments = new double[fine * MOMENTS];
    histogram = new double[Math.multiplyExact(models * 2 * fine, resolution)];
    histogramMin = new double[models * fine * resolution];
    histogramMax = new double[models * fine * resolution];
    Arrays.fill(histogramMin, Double.POSITIVE_INFINITY);
    Arrays.fill(histogramMax, Double.NEGATIVE_INFINITY);
  }

  /**
   * Adds one row.
   *
   * @param order the row's position in the input (any increasing numbering of the rows)
   * @param f its fine group
   * @param label true when the label is favourable
   * @param s1 primary score in [0, 1]
   * @param s2 compared score in [0, 1] (ignored with one model)
   */
  public void add(long order, int f, boolean label, double s1, double s2) {
    rows++;
    int y = label ? 1 : 0;
    int d1 = s1 >= threshold ? 1 : 0;
    boolean two = models > 1;
    int d2 = two && s2 >= threshold ? 1 : 0;
    int b1 = FineCells.calibrationBin(s1);
    int b2 = two ? FineCells.calibrationBin(s2) : 0;
    double t2 = two ? s2 : 0;
    int a = FineCells.atom(models, f, y, d1, d2, b1, b2);
    atomFirstRow[a] = Math.min(atomFirstRow[a], order);
    int o = a * 6;
    atomMoments[o]++;
    atomMoments[o + 1] += s1;
    atomMoments[o + 2] += s1 * s1;
    atomMoments[o + 3] += t2;
    atomMoments[o + 4] += t2 * t2;
    atomMoments[o + 5] += s1 * t2;
    int m = f * MOMENTS;
    double q1 = (s1 - y) * (s1 - y);
    fineMoments[m + FineMoment.N.ordinal()]++;
    fineMoments[m + FineMoment.POSITIVES.ordinal()] += y;
    fineMoments[m + FineMoment.S1.ordinal()] += s1;
    fineMoments[m + FineMoment.S1_SQ.ordinal()] += s1 * s1;
    fineMoments[m + FineMoment.B1.ordinal()] += q1;
    fineMoments[m + FineMoment.B1_SQ.ordinal()] += q1 * q1;
    histogram(0, f, y, s1);
    if (two) {
      double q2 = (s2 - y) * (s2 - y);
      fineMoments[m + FineMoment.S2.ordinal()] += s2;
      fineMoments[m + FineMoment.S2_SQ.ordinal()] += s2 * s2;
      fineMoments[m + FineMoment.B2.ordinal()] += q2;
      fineMoments[m + FineMoment.B2_SQ.ordinal()] += q2 * q2;
      fineMoments[m + FineMoment.S1_S2.ordinal()] += s1 * s2;
      fineMoments[m + FineMoment.DS.ordinal()] += s2 - s1;
      fineMoments[m + FineMoment.DS_SQ.ordinal()] += (s2 - s1) * (s2 - s1);
      fineMoments[m + FineMoment.DB.ordinal()] += q2 - q1;
      fineMoments[m + FineMoment.DB_SQ.ordinal()] += (q2 - q1) * (q2 - q1);
      double k = FineMoment.kl(s1, s2);
      fineMoments[m + FineMoment.KL.ordinal()] += k;
      fineMoments[m + FineMoment.KL_SQ.ordinal()] += k * k;
      histogram(1, f, y, s2);
    }
  }

  private void histogram(int model, int f, int y, double s) {
    int bin = FineCells.histogramBin(s, resolution);
    histogram[((model * 2 + y) * fine + f) * resolution + bin]++;
    int k = (model * fine + f) * resolution + bin;
    histogramMin[k] = Math.min(histogramMin[k], s);
    histogramMax[k] = Math.max(histogramMax[k], s);
  }

  /** Adds another builder's rows into this one and returns this. */
  public FineCellsBuilder merge(FineCellsBuilder o) {
    rows = Math.addExact(rows, o.rows);
    add(atomMoments, o.atomMoments);
    add(fineMoments, o.fineMoments);
    add(histogram, o.histogram);
    for (int k = 0; k < atomFirstRow.length; k++) {
      atomFirstRow[k] = Math.min(atomFirstRow[k], o.atomFirstRow[k]);
    }
    for (int k = 0; k < histogramMin.length; k++) {
      histogramMin[k] = Math.min(histogramMin[k], o.histogramMin[k]);
      histogramMax[k] = Math.max(histogramMax[k], o.histogramMax[k]);
    }
    return this;
  }

  private static void add(double[] into, double[] from) {
    for (int k = 0; k < into.length; k++) {
      into[k] += from[k];
    }
  }

  /**
   * One builder over {@code perFine.length} fine groups from one-fine-group builders ({@code
   * perFine[f]} holds the rows of fine group f, or is null): for engines that learn the groups only
   * while reading.
   */
  public static FineCellsBuilder place(FineCellsBuilder[] perFine) {
    FineCellsBuilder first =
        java.util.Arrays.stream(perFine)
            .filter(java.util.Objects::nonNull)
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no rows"));
    int fine = perFine.length;
    FineCellsBuilder out =
        new FineCellsBuilder(first.models, fine, first.resolution, first.threshold);
    int res = first.resolution;
    for (int f = 0; f < fine; f++) {
      FineCellsBuilder b = perFine[f];
      if (b == null) {
        continue;
      }
      if (b.fine != 1) {
        throw new IllegalArgumentException("place takes one-fine-group builders");
      }
      out.rows = Math.addExact(out.rows, b.rows);
      int atoms = out.atomsPerFine;
      System.arraycopy(b.atomMoments, 0, out.atomMoments, f * atoms * 6, atoms * 6);
      System.arraycopy(b.atomFirstRow, 0, out.atomFirstRow, f * atoms, atoms);
      System.arraycopy(b.fineMoments, 0, out.fineMoments, f * MOMENTS, MOMENTS);
      for (int m = 0; m < out.models; m++) {
        for (int y = 0; y < 2; y++) {
          System.arraycopy(
              b.histogram, (m * 2 + y) * res, out.histogram, ((m * 2 + y) * fine + f) * res, res);
        }
        System.arraycopy(b.histogramMin, m * res, out.histogramMin, (m * fine + f) * res, res);
        System.arraycopy(b.histogramMax, m * res, out.histogramMax, (m * fine + f) * res, res);
      }
    }
    return out;
  }

  /** The cells; atoms in order of their first row. */
  public FineCells build() {
    Integer[] nonEmpty =
        java.util.stream.IntStream.range(0, atomFirstRow.length)
            .filter(a -> atomMoments[a * 6] > 0)
            .boxed()
            .sorted(java.util.Comparator.comparingLong(a -> atomFirstRow[a]))
            .toArray(Integer[]::new);
    int[] cells = new int[nonEmpty.length];
    double[][] mom = new double[6][nonEmpty.length];
    for (int k = 0; k < cells.length; k++) {
      cells[k] = nonEmpty[k];
      for (int j = 0; j < 6; j++) {
        mom[j][k] = atomMoments[cells[k] * 6 + j];
      }
    }
    double[][] fm = new double[MOMENTS][fine];
    for (int f = 0; f < fine; f++) {
      for (int j = 0; j < MOMENTS; j++) {
        fm[j][f] = fineMoments[f * MOMENTS + j];
      }
    }
    int perModel = fine * resolution;
    double[][][] h = new double[models][2][];
    double[][] lo = new double[models][];
    double[][] hi = new double[models][];
    for (int m = 0; m < models; m++) {
      for (int y = 0; y < 2; y++) {
        int from = (m * 2 + y) * perModel;
        h[m][y] = Arrays.copyOfRange(histogram, from, from + perModel);
      }
      lo[m] = Arrays.copyOfRange(histogramMin, m * perModel, (m + 1) * perModel);
      hi[m] = Arrays.copyOfRange(histogramMax, m * perModel, (m + 1) * perModel);
    }
    return new FineCells(models, rows, cells, mom, fm, resolution, h, lo, hi);
  }
}

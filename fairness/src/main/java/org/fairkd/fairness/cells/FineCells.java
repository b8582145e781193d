package org.fairkd.fairness.cells;

import org.fairkd.fairness.FairnessException;

/**
 * Everything the fairness engine needs from rows with hard groups and unit weights, summed per fine
 * group (the cells of the full cross-classification of the protected attributes, numbered as in
 * {@link org.fairkd.fairness.slices.SliceSpace}): a distributed engine computes these by
 * aggregation, and {@link org.fairkd.fairness.engine.CellAnalyzer} turns them into the same report
 * as the row engine.
 *
 * <ul>
 *   <li>Atoms (fine group × label × decisions × calibration bins, id {@link #atom}) with the moment
 *       sums n, Σs₁, Σs₁², Σs₂, Σs₂², Σs₁s₂, listed in order of their first row: the multinomial
 *       bootstrap draws over them exactly as the row engine does.
 *   <li>Per fine group the sums of {@link FineMoment}: row metrics' means and sandwich variances,
 *       paired deltas, the KL divergence.
 *   <li>Per model, label and fine group a histogram of scores in {@code resolution} equal bins on
 *       [0, 1] with each bin's smallest and largest score: the AUC and DeLong's components. When
 *       every bin holds one distinct score the AUC is exact; else pairs within a bin count as ties.
 * </ul>
 *
 * @param models 1, or 2 with a compared model
 * @param rows number of rows
 * @param atomCells atom ids in order of each atom's first row
 * @param atomMoments [6][atom] moment sums n, Σs₁, Σs₁², Σs₂, Σs₂², Σs₁s₂ (compact atom index)
 * @param fineMoments [{@link FineMoment}][fine group] sums
 * @param resolution histogram bins on [0, 1]
 * @param histogram [model][label 0/1][fine × resolution + bin] row counts
 * @param histogramMin [model][fine × resolution + bin] smallest score (+∞ when empty)
 * @param histogramMax [model][fine × resolution + bin] largest score (−∞ when empty)
 */
public record FineCells(
    int models,
    int rows,
    int[] atomCells,
    double[][] atomMoments,
    double[][] fineMoments,
    int resolution,
    double[][][] histogram,
    double[][] histogramMin,
    double[][] histogramMax) {

  /** Number of calibration bins of an atom (the engine's ECE bins). */
  public static final int CALIBRATION_BINS = 10;

  /** Checks the shapes. */
  public FineCells {
    if (models < 1 || models > 2) {
      throw new FairnessException("models must be 1 or 2, got " + models);
    }
    if (atomMoments.length != 6 || atomMoments[0].length != atomCells.length) {
      throw new FairnessException("atom moments must be [6][atoms]");
    }
    if (fineMoments.length != FineMoment.values().length) {
      throw new FairnessException(
          "fine moments must be [" + FineMoment.values().length + "][fine]");
    }
    if (histogram.length != models || histogramMin.length != models) {
      throw new FairnessException("histograms must have one entry per model");
    }
  }

  /** The calibration bin of a score: {@code min(9, ⌊10 s⌋)}. */
  public static int calibrationBin(double score) {
    return Math.min(CALIBRATION_BINS - 1, (int) (score * CALIBRATION_BINS));
  }

  /** The histogram bin of a score: {@code min(resolution − 1, ⌊resolution · s⌋)}. */
  public static int histogramBin(double score, int resolution) {
    return Math.min(resolution - 1, (int) (score * resolution));
  }

  /**
   * The id of an atom: fine group, label y, decisions d₁ (primary) and d₂ (compared, 0 with one
   * model), calibration bins b₁ and b₂ (0 with one model).
   */
  public static int atom(int models, int fine, int y, int d1, int d2, int b1, int b2) {
    int bPer = models > 1 ? CALIBRATION_BINS : 1;
    int per = 8 * CALIBRATION_BINS * bPer;
    return fine * per + ((y * 4 + d1 * 2 + d2) * CALIBRATION_BINS + b1) * bPer + b2;
  }

  /** Number of fine groups. */
  public int fineCount() {
    return fineMoments[0].length;
  }

  /**
   * Reliability sums of model m over the given fine groups: per calibration bin {count, Σ score, Σ
   * favourable label}, from the atoms.
   */
  public double[][] reliability(int m, int[] fines) {
    int bPer = models > 1 ? CALIBRATION_BINS : 1;
    int per = 8 * CALIBRATION_BINS * bPer;
    java.util.Set<Integer> in = new java.util.HashSet<>();
    for (int f : fines) {
      in.add(f);
    }
    double[][] out = new double[CALIBRATION_BINS][3];
    for (int a = 0; a < atomCells.length; a++) {
      int c = atomCells[a];
      if (!in.contains(c / per)) {
        continue;
      }
      int r = c % per;
      int bin = m == 0 ? (r / bPer) % CALIBRATION_BINS : r % bPer;
      int y = r / bPer / CALIBRATION_BINS >> 2;
      double n = atomMoments[0][a];
      out[bin][0] += n;
      out[bin][1] += atomMoments[m == 0 ? 1 : 3][a];
      out[bin][2] += y * n;
    }
    return out;
  }
}

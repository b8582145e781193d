package org.fairkd.fairness.cells;

import java.io.Serializable;

/**
 * The second pass over the rows that paired AUC deltas need: per slice and label, Σ δ and Σ δ² of δ
 * = V₂ − V₁, the difference of the two models' DeLong components of a row, looked up in each
 * slice's component tables (from the first pass's histograms). Serializable and mergeable like
 * {@link FineCellsBuilder}.
 */
public final class PairedAucSums implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int resolution;
  private final int[][] slicesOfFine;
  private final double[][][][] components; // [slice][model][label][bin]
  private final double[] sums; // [(slice × 2 + label) × 3 + {n, Σδ, Σδ²}]

  /**
   * Empty sums over the given tables.
   *
   * @param resolution histogram bins on [0, 1]
   * @param slicesOfFine per fine group the slices (Quantities order) that contain it
   * @param components per slice, model and label the DeLong component of each score bin
   */
  public PairedAucSums(int resolution, int[][] slicesOfFine, double[][][][] components) {
    this.resolution = resolution;
    this.slicesOfFine = slicesOfFine;
    this.components = components;
    this.sums = new double[components.length * 2 * 3];
  }

  /** A copy with the same tables and zero sums (one per partition). */
  public PairedAucSums empty() {
    return new PairedAucSums(resolution, slicesOfFine, components);
  }

  /** Adds a row: fine group, label, the two models' scores. */
  public void add(int fine, boolean label, double s1, double s2) {
    int y = label ? 1 : 0;
    int b1 = FineCells.histogramBin(s1, resolution);
    int b2 = FineCells.histogramBin(s2, resolution);
    for (int s : slicesOfFine[fine]) {
      double[][] c = components[s][0];
      double d = components[s][1][y][b2] - c[y][b1];
      int k = (s * 2 + y) * 3;
      sums[k]++;
      sums[k + 1] += d;
      sums[k + 2] += d * d;
    }
  }

  /** Adds another partition's sums into this one and returns this. */
  public PairedAucSums merge(PairedAucSums o) {
    for (int k = 0; k < sums.length; k++) {
      sums[k] += o.sums[k];
    }
    return this;
  }

  /** {n, Σδ, Σδ²} of a slice's rows with the given label. */
  public double[] of(int slice, int label) {
    int k = (slice * 2 + label) * 3;
    return new double[] {sums[k], sums[k + 1], sums[k + 2]};
  }
}

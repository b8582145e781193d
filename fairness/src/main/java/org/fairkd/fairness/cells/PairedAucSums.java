package org.fairkd.fairness.cells;

import java.io.Serializable;

/**
 * The second pass over the rows that paired AUC deltas need: per slice and label the members n, Σ
 * u²δ, Σ u²δ² and Σ u² of δ = V₂ − V₁, the difference of the two models' DeLong components of a
 * row, looked up in each slice's component tables (from the first pass's histograms), and u the
 * row's membership weight (1 with unit weights and hard groups). Serializable and mergeable like
 * {@link FineCellsBuilder}.
 */
public final class PairedAucSums implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int resolution;
  private final int[][] slicesOfFine;
  private final double[][][][] components; // [slice][model][label][bin]
  private final double[] sums; // [(slice × 2 + label) × 4 + {n, Σu²δ, Σu²δ², Σu²}]

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
    this.sums = new double[components.length * 2 * 4];
  }

  /** A copy with the same tables and zero sums (one per partition). */
  public PairedAucSums empty() {
    return new PairedAucSums(resolution, slicesOfFine, components);
  }

  /** Adds a unit-weight row: fine group, label, the two models' scores. */
  public void add(int fine, boolean label, double s1, double s2) {
    for (int s : slicesOfFine[fine]) {
      add(s, 1, label, s1, s2);
    }
  }

  /** Adds a member of slice s with membership weight u: label, the two models' scores. */
  public void add(int s, double u, boolean label, double s1, double s2) {
    int y = label ? 1 : 0;
    int b1 = FineCells.histogramBin(s1, resolution);
    int b2 = FineCells.histogramBin(s2, resolution);
    double d = components[s][1][y][b2] - components[s][0][y][b1];
    double uu = u * u;
    int k = (s * 2 + y) * 4;
    sums[k]++;
    sums[k + 1] += uu * d;
    sums[k + 2] += uu * d * d;
    sums[k + 3] += uu;
  }

  /** Adds another partition's sums into this one and returns this. */
  public PairedAucSums merge(PairedAucSums o) {
    for (int k = 0; k < sums.length; k++) {
      sums[k] += o.sums[k];
    }
    return this;
  }

  /** {n, Σu²δ, Σu²δ², Σu²} of a slice's members with the given label. */
  public double[] of(int slice, int label) {
    int k = (slice * 2 + label) * 4;
    return new double[] {sums[k], sums[k + 1], sums[k + 2], sums[k + 3]};
  }
}

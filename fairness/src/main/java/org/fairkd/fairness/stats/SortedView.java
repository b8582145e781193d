package org.fairkd.fairness.stats;

/**
 * A slice's members in ascending score order, laid out sequentially so that rank-based computations
 * (DeLong) run without random memory access.
 *
 * @param pos member position (index into the slice's {@link RowSample}) of each sorted entry
 * @param score the scores, ascending
 * @param label the labels in the same order
 * @param weight the membership weights in the same order, or null for unit weights
 */
public record SortedView(int[] pos, double[] score, boolean[] label, double[] weight) {

  /** Sorts a sample's members by score (used for slices that are not bucketed). */
  public static SortedView of(RowSample sample, double[] scores, boolean[] labels) {
    int m = sample.size();
    double[] key = new double[m];
    for (int k = 0; k < m; k++) {
      key[k] = scores[sample.rows()[k]];
    }
    int[] pos = IndexSort.ascending(key);
    double[] s = new double[m];
    boolean[] l = new boolean[m];
    double[] w = new double[m];
    for (int k = 0; k < m; k++) {
      s[k] = key[pos[k]];
      l[k] = labels[sample.rows()[pos[k]]];
      w[k] = sample.weights()[pos[k]];
    }
    return new SortedView(pos, s, l, w);
  }

  /** The weight of sorted entry k. */
  public double w(int k) {
    return weight == null ? 1.0 : weight[k];
  }
}

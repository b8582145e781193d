package org.fairkd.kd.student;

/**
 * Rows a student is trained or validated on.
 *
 * @param x encoded inputs, one row per example
 * @param labels true labels ({@code true} = favourable); ignored where {@code labelled[i]} is false
 * @param labelled whether row i has a true label (MUNGE transfer rows have none); {@code null} =
 *     all
 * @param teacherProb teacher probability of the favourable outcome per row; {@code null} for
 *     hard-label training
 * @param membership protected-group membership weights {@code [row][group]} for the fairness
 *     penalty; {@code null} when no penalty is used
 */
public record TrainingData(
    float[][] x,
    boolean[] labels,
    boolean[] labelled,
    double[] teacherProb,
    double[][] membership) {
  public TrainingData {
    int n = x.length;
    if (labels.length != n
        || (labelled != null && labelled.length != n)
        || (teacherProb != null && teacherProb.length != n)
        || (membership != null && membership.length != n)) {
      throw new IllegalArgumentException("training arrays differ in length");
    }
  }

  /** Number of rows. */
  public int size() {
    return x.length;
  }

  /** Input width (0 when empty). */
  public int width() {
    return x.length == 0 ? 0 : x[0].length;
  }

  /** Whether row i carries a true label. */
  public boolean isLabelled(int i) {
    return labelled == null || labelled[i];
  }

  /** The rows {@code idx} (in that order) as a new data set sharing the row arrays. */
  public TrainingData rows(int[] idx) {
    float[][] xs = new float[idx.length][];
    boolean[] ys = new boolean[idx.length];
    boolean[] lab = labelled == null ? null : new boolean[idx.length];
    double[] p = teacherProb == null ? null : new double[idx.length];
    double[][] m = membership == null ? null : new double[idx.length][];
    for (int k = 0; k < idx.length; k++) {
      int i = idx[k];
      xs[k] = x[i];
      ys[k] = labels[i];
      if (lab != null) {
        lab[k] = labelled[i];
      }
      if (p != null) {
        p[k] = teacherProb[i];
      }
      if (m != null) {
        m[k] = membership[i];
      }
    }
    return new TrainingData(xs, ys, lab, p, m);
  }
}

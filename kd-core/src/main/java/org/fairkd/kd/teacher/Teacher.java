package org.fairkd.kd.teacher;

/** What a teacher does: probability of the favourable outcome for encoded rows. */
public interface Teacher {
  /**
   * Probability of the favourable outcome (label "1") for each encoded row.
   *
   * @param x encoded rows, one {@code float[]} per row, columns in the encoder's order
   * @return one probability in [0, 1] per row
   */
  double[] predictFavourable(float[][] x);

  /** A short name for reports (e.g. {@code ensemble}). */
  String name();
}

package org.fairkd.fairness.metrics;

/** Which direction of a metric is better for the applicants (or the model). */
public enum Direction {
  /** Higher is better (e.g. accuracy, AUC, adverse impact ratio). */
  HIGHER,
  /** Lower is better (e.g. false positive rate, a disparity's spread). */
  LOWER,
  /** Neither direction is better in itself (e.g. a selection rate, a signed difference). */
  NEITHER
}

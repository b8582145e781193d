package org.fairkd.kd.teacher;

import java.util.Locale;

/**
 * How the teacher's soft targets for training rows are computed.
 *
 * <ul>
 *   <li>{@code OUT_OF_FOLD}: k-fold cross-fitting — each training row is scored by members trained
 *       on the other folds only (stratified by label, seeded), combined with the ensemble's
 *       weights;
 *   <li>{@code IN_SAMPLE}: the final ensemble (trained on all training rows) scores its own rows.
 * </ul>
 */
public enum SoftTargets {
  OUT_OF_FOLD,
  IN_SAMPLE;

  /** The YAML spelling. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}

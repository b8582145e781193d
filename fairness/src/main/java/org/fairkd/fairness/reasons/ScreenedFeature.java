package org.fairkd.fairness.reasons;

/** A feature's values over the screened rows, for {@link ProxyScreen}. */
public sealed interface ScreenedFeature {
  /** The feature's name. */
  String name();

  /**
   * A numeric feature.
   *
   * @param name the feature's name
   * @param values one per row, NaN = missing (left out)
   */
  record Numeric(String name, double[] values) implements ScreenedFeature {}

  /**
   * A categorical feature.
   *
   * @param name the feature's name
   * @param values one per row, null = missing (its own level)
   */
  record Categorical(String name, String[] values) implements ScreenedFeature {}
}

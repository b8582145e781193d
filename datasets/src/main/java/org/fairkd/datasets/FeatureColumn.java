package org.fairkd.datasets;

/** One typed column of a {@link TabularDataset}: numeric ({@code NaN} = missing) or categorical. */
public sealed interface FeatureColumn permits NumericColumn, CategoricalColumn {
  /** The column name (unique within a dataset). */
  String name();

  /** Number of rows. */
  int size();

  /** Whether the value in {@code row} is missing. */
  boolean isMissing(int row);

  /** Number of missing values. */
  default int missingCount() {
    int n = 0;
    for (int i = 0; i < size(); i++) {
      if (isMissing(i)) {
        n++;
      }
    }
    return n;
  }

  /** {@code "numeric"} or {@code "categorical"}. */
  String type();
}

package org.fairkd.datasets;

/** A numeric column stored as a primitive array; {@code NaN} marks a missing value. */
public record NumericColumn(String name, double[] values) implements FeatureColumn {
  @Override
  public int size() {
    return values.length;
  }

  @Override
  public boolean isMissing(int row) {
    return Double.isNaN(values[row]);
  }

  @Override
  public String type() {
    return "numeric";
  }
}

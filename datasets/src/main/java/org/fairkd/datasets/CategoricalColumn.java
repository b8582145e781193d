package org.fairkd.datasets;

/** A categorical column; {@code null} marks a missing value. Equal values share one instance. */
public record CategoricalColumn(String name, String[] values) implements FeatureColumn {
  @Override
  public int size() {
    return values.length;
  }

  @Override
  public boolean isMissing(int row) {
    return values[row] == null;
  }

  @Override
  public String type() {
    return "categorical";
  }
}

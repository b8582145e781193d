package org.fairkd.datasets;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A typed, immutable in-memory dataset: columns as primitive arrays, a favourable/unfavourable
 * label, protected attributes with group memberships and a stable id per row. Arrays returned by
 * accessors are shared, not copied: callers must not modify them.
 */
public final class TabularDataset {
  private final String name;
  private final DatasetSpec spec;
  private final List<FeatureColumn> columns;
  private final List<FeatureColumn> features;
  private final List<String> unnamedColumns;
  private final boolean[] favourable;
  private final List<ProtectedAttribute> protectedAttributes;
  private final String[] rowIds;
  private final int trainRows;
  private final int[] presetTestRows;
  private final List<Path> sourceFiles;
  private final Map<String, FeatureColumn> byName = new LinkedHashMap<>();

  /**
   * Creates a dataset.
   *
   * @param name dataset name
   * @param spec the resolved spec
   * @param columns every loaded column (for describing the data), features included
   * @param featureNames the names of the model-input columns, in order
   * @param unnamedColumns the columns whose header field was empty, under their generated names
   * @param favourable the label per row
   * @param protectedAttributes protected attributes
   * @param rowIds explicit row ids, or null for {@code train:i} / {@code test:j}
   * @param trainRows rows from the main file; rows from that index on come from the test file
   * @param sourceFiles the files read
   */
  public TabularDataset(
      String name,
      DatasetSpec spec,
      List<FeatureColumn> columns,
      List<String> featureNames,
      List<String> unnamedColumns,
      boolean[] favourable,
      List<ProtectedAttribute> protectedAttributes,
      String[] rowIds,
      int trainRows,
      List<Path> sourceFiles) {
    this.name = name;
    this.spec = spec;
    this.columns = List.copyOf(columns);
    this.unnamedColumns = List.copyOf(unnamedColumns);
    this.favourable = favourable;
    this.protectedAttributes = List.copyOf(protectedAttributes);
    this.rowIds = rowIds;
    this.trainRows = trainRows;
    this.sourceFiles = List.copyOf(sourceFiles);
    for (FeatureColumn c : columns) {
      if (c.size() != favourable.length) {
        throw new IllegalArgumentException("column " + c.name() + " has " + c.size() + " rows");
      }
      byName.put(c.name(), c);
    }
    this.features =
        featureNames.stream()
            .map(
                f ->
                    Optional.ofNullable(byName.get(f))
                        .orElseThrow(() -> new IllegalArgumentException("no column " + f)))
            .toList();
    this.presetTestRows = new int[favourable.length - trainRows];
    for (int i = 0; i < presetTestRows.length; i++) {
      presetTestRows[i] = trainRows + i;
    }
  }

  /** The dataset name. */
  public String name() {
    return name;
  }

  /** Number of rows (train file plus test file). */
  public int rowCount() {
    return favourable.length;
  }

  /** A stable row id: the spec'd id column, else {@code train:i} or {@code test:j} (0-based). */
  public String rowId(int row) {
    if (rowIds != null) {
      return rowIds[row];
    }
    return row < trainRows ? "train:" + row : "test:" + (row - trainRows);
  }

  /** Whether the row's label is the favourable outcome. */
  public boolean favourable(int row) {
    return favourable[row];
  }

  /** The label of every row (shared array). */
  public boolean[] favourableLabels() {
    return favourable;
  }

  /** Number of rows with a favourable label. */
  public int favourableCount() {
    int n = 0;
    for (boolean f : favourable) {
      if (f) {
        n++;
      }
    }
    return n;
  }

  /** Model input columns (protected attributes excluded unless the spec allows them). */
  public List<FeatureColumn> features() {
    return features;
  }

  /**
   * The columns whose header field was empty (a saved row index, as in many CSV exports), named
   * {@code column_N} by position; they are features only when the spec lists them.
   */
  public List<String> unnamedColumns() {
    return unnamedColumns;
  }

  /** Every loaded column, features and others (label, protected sources, excluded columns). */
  public List<FeatureColumn> columns() {
    return columns;
  }

  /** A column by name, features or not. */
  public Optional<FeatureColumn> column(String columnName) {
    return Optional.ofNullable(byName.get(columnName));
  }

  /** The protected attributes, in spec order. */
  public List<ProtectedAttribute> protectedAttributes() {
    return protectedAttributes;
  }

  /** A protected attribute by name. */
  public Optional<ProtectedAttribute> protectedAttribute(String attributeName) {
    return protectedAttributes.stream().filter(p -> p.name().equals(attributeName)).findFirst();
  }

  /** Rows that came from a separate test file (Adult), empty if none. A fresh copy. */
  public int[] presetTestRows() {
    return presetTestRows.clone();
  }

  /** The resolved spec. */
  public DatasetSpec spec() {
    return spec;
  }

  /** The files read (for SHA-256 provenance); empty for generated data. */
  public List<Path> sourceFiles() {
    return sourceFiles;
  }
}

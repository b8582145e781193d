package org.fairkd.datasets.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fairkd.datasets.CategoricalColumn;
import org.fairkd.datasets.DatasetException;
import org.fairkd.datasets.DatasetSpec;
import org.fairkd.datasets.FeatureColumn;
import org.fairkd.datasets.NumericColumn;
import org.fairkd.datasets.ProtectedAttribute;
import org.fairkd.datasets.TabularDataset;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Turns a {@link DatasetSpec} and its data file(s) into a {@link TabularDataset}: reads with
 * Tablesaw, converts columns to primitive arrays, derives the label and protected attributes, and
 * validates everything against the spec (errors name the spec key or the data file and line).
 */
public final class DatasetLoader {
  private final DatasetSpec spec;
  private final String specLabel;
  private final Path base;

  private DatasetLoader(DatasetSpec spec, Path base, String specLabel) {
    this.spec = spec;
    this.base = base;
    this.specLabel = specLabel;
  }

  /**
   * Loads the dataset described by {@code spec}, resolving data paths against {@code base}; {@code
   * specLabel} names the spec in error messages.
   */
  public static TabularDataset load(DatasetSpec spec, Path base, String specLabel) {
    return new DatasetLoader(spec, base, specLabel).load();
  }

  private DatasetException keyError(String key, String message) {
    return new DatasetException(specLabel + ": key '" + key + "': " + message);
  }

  private TabularDataset load() {
    if (spec.data() == null || spec.data().isBlank()) {
      throw keyError("data", "missing (path of the data file, relative to the spec)");
    }
    SpecChecks.checkShape(spec, specLabel);
    Path main = base.resolve(spec.data()).normalize();
    CsvTableReader mainReader = new CsvTableReader(main, spec.format());
    CsvTableReader.ColumnNames header = mainReader.columnNames(specLabel);
    List<String> names = header.names();
    Map<String, ColumnType> types = SpecChecks.columnTypes(spec, specLabel, names);
    Table train = mainReader.read(specLabel, names, types);
    List<Path> sources = new ArrayList<>(List.of(main));
    Table test = null;
    if (spec.testData() != null) {
      Path testFile = base.resolve(spec.testData()).normalize();
      Map<String, ColumnType> all = new HashMap<>();
      for (Column<?> c : train.columns()) {
        all.put(c.name(), c.type());
      }
      test = new CsvTableReader(testFile, spec.format()).read(specLabel, names, all);
      sources.add(testFile);
    }
    List<FeatureColumn> columns = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      columns.add(convert(train.column(i), test == null ? null : test.column(i)));
    }
    RowLines lines = new RowLines(sources, spec.format(), train.rowCount());
    return assemble(columns, header.unnamed(), train.rowCount(), lines, sources);
  }

  /**
   * Builds a dataset from already-typed columns (used by the synthetic generator, which produces
   * exactly what loading its written CSV gives).
   */
  public static TabularDataset fromColumns(
      DatasetSpec spec, String specLabel, List<FeatureColumn> columns) {
    DatasetLoader l = new DatasetLoader(spec, Path.of("."), specLabel);
    SpecChecks.checkShape(spec, specLabel);
    List<String> names = columns.stream().map(FeatureColumn::name).toList();
    SpecChecks.columnTypes(spec, specLabel, names);
    int rows = columns.get(0).size();
    return l.assemble(
        columns, List.of(), rows, new RowLines(List.of(), spec.format(), rows), List.of());
  }

  private TabularDataset assemble(
      List<FeatureColumn> columns,
      List<String> unnamed,
      int trainRows,
      RowLines lines,
      List<Path> sources) {
    Map<String, FeatureColumn> byName = new LinkedHashMap<>();
    columns.forEach(c -> byName.put(c.name(), c));
    List<String> names = List.copyOf(byName.keySet());
    boolean[] label = new LabelBuilder(spec, specLabel, lines).build(byName);
    List<ProtectedAttribute> attrs = new ArrayList<>();
    ProtectedBuilder pb = new ProtectedBuilder(specLabel, lines);
    for (int i = 0; i < spec.protectedAttributes().size(); i++) {
      attrs.add(pb.build(spec.protectedAttributes().get(i), "protected[" + i + "]", byName));
    }
    List<String> features = SpecChecks.featureNames(spec, specLabel, names, unnamed);
    String[] ids = rowIds(byName, lines);
    String name =
        spec.name() != null
            ? spec.name()
            : sources.isEmpty() ? "dataset" : sources.get(0).getFileName().toString();
    return new TabularDataset(
        name, spec, columns, features, unnamed, label, attrs, ids, trainRows, sources);
  }

  private String[] rowIds(Map<String, FeatureColumn> byName, RowLines lines) {
    if (spec.rowId() == null) {
      return null;
    }
    FeatureColumn c = byName.get(spec.rowId());
    int n = c.size();
    String[] ids = new String[n];
    Set<String> seen = new HashSet<>();
    for (int r = 0; r < n; r++) {
      String id =
          c instanceof CategoricalColumn cat
              ? cat.values()[r]
              : Double.isNaN(((NumericColumn) c).values()[r])
                  ? null
                  : formatNumber(((NumericColumn) c).values()[r]);
      if (id == null) {
        throw new DatasetException(
            lines.where(r) + ": row id column '" + spec.rowId() + "' is missing");
      }
      if (!seen.add(id)) {
        throw new DatasetException(lines.where(r) + ": duplicate row id '" + id + "'");
      }
      ids[r] = id;
    }
    return ids;
  }

  static String formatNumber(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  private static FeatureColumn convert(Column<?> train, Column<?> test) {
    int n = train.size() + (test == null ? 0 : test.size());
    if (train instanceof DoubleColumn d) {
      double[] values = new double[n];
      System.arraycopy(d.asDoubleArray(), 0, values, 0, d.size());
      if (test != null) {
        System.arraycopy(((DoubleColumn) test).asDoubleArray(), 0, values, d.size(), test.size());
      }
      return new NumericColumn(train.name(), values);
    }
    // Tablesaw's dictionary already shares one String instance per distinct value
    String[] values = new String[n];
    int k = 0;
    for (Column<?> c : test == null ? List.of(train) : List.of(train, test)) {
      StringColumn s = (StringColumn) c;
      for (int i = 0; i < s.size(); i++) {
        String v = s.isMissing(i) ? null : s.get(i).strip();
        values[k++] = v == null || v.isEmpty() ? null : v;
      }
    }
    return new CategoricalColumn(train.name(), values);
  }

  /** Distinct non-null values in first-seen order. */
  static List<String> distinct(String[] values) {
    Set<String> set = new LinkedHashSet<>();
    for (String v : values) {
      if (v != null) {
        set.add(v);
      }
    }
    return new ArrayList<>(set);
  }
}

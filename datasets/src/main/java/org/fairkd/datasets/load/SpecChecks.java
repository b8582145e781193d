package org.fairkd.datasets.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fairkd.datasets.DatasetException;
import org.fairkd.datasets.DatasetSpec;
import tech.tablesaw.api.ColumnType;

/** Spec validation that needs the column names: unknown columns, types, the feature list. */
final class SpecChecks {
  private SpecChecks() {}

  private static DatasetException keyError(String label, String key, String message) {
    return new DatasetException(label + ": key '" + key + "': " + message);
  }

  /** Checks required keys and the shape of each protected attribute. */
  static void checkShape(DatasetSpec spec, String label) {
    if (spec.label() == null) {
      throw keyError(label, "label", "missing (label: {column: ..., favourable: [...]})");
    }
    if (spec.label().column() == null) {
      throw keyError(label, "label.column", "missing");
    }
    if (spec.label().favourable() == null || spec.label().favourable().isEmpty()) {
      throw keyError(label, "label.favourable", "missing (the favourable label value(s))");
    }
    if (spec.protectedAttributes() == null || spec.protectedAttributes().isEmpty()) {
      throw keyError(label, "protected", "at least one protected attribute is required");
    }
    Set<String> names = new LinkedHashSet<>();
    for (int i = 0; i < spec.protectedAttributes().size(); i++) {
      DatasetSpec.Protected p = spec.protectedAttributes().get(i);
      String key = "protected[" + i + "]";
      if (p.name() == null || p.name().isBlank()) {
        throw keyError(label, key + ".name", "missing");
      }
      if (!names.add(p.name())) {
        throw keyError(label, key + ".name", "duplicate attribute name '" + p.name() + "'");
      }
      if (p.reference() == null) {
        throw keyError(
            label, key + ".reference", "missing (the reference group of " + p.name() + ")");
      }
      int forms = (p.soft() != null ? 1 : 0) + (p.column() != null ? 1 : 0);
      if (forms != 1) {
        throw keyError(label, key, "give exactly one of 'column' or 'soft'");
      }
      if (p.map() != null && p.bins() != null) {
        throw keyError(label, key, "give at most one of 'map' or 'bins'");
      }
      if (p.soft() != null && p.soft().size() < 2) {
        throw keyError(label, key + ".soft", "needs at least two groups");
      }
    }
  }

  private static void checkColumn(String label, String key, String column, List<String> names) {
    if (!names.contains(column)) {
      throw keyError(
          label,
          key,
          "unknown column '" + column + "' (columns: " + String.join(", ", names) + ")");
    }
  }

  /** Tablesaw types forced by the spec: declared types, label/row id as text, bins/soft numeric. */
  static Map<String, ColumnType> columnTypes(DatasetSpec spec, String label, List<String> names) {
    Map<String, ColumnType> types = new HashMap<>();
    if (spec.types() != null) {
      for (Map.Entry<String, String> e : spec.types().entrySet()) {
        checkColumn(label, "types." + e.getKey(), e.getKey(), names);
        switch (String.valueOf(e.getValue())) {
          case "numeric" -> types.put(e.getKey(), ColumnType.DOUBLE);
          case "categorical" -> types.put(e.getKey(), ColumnType.STRING);
          default ->
              throw keyError(
                  label,
                  "types." + e.getKey(),
                  "must be numeric or categorical, got " + e.getValue());
        }
      }
    }
    checkColumn(label, "label.column", spec.label().column(), names);
    types.put(spec.label().column(), ColumnType.STRING);
    if (spec.rowId() != null) {
      checkColumn(label, "row_id", spec.rowId(), names);
      types.put(spec.rowId(), ColumnType.STRING);
    }
    if (spec.reasons() != null) {
      for (String column : spec.reasons().keySet()) {
        checkColumn(label, "reasons." + column, column, names);
      }
    }
    for (int i = 0; i < spec.protectedAttributes().size(); i++) {
      DatasetSpec.Protected p = spec.protectedAttributes().get(i);
      String key = "protected[" + i + "]";
      if (p.column() != null) {
        checkColumn(label, key + ".column", p.column(), names);
        ColumnType t = p.bins() != null ? ColumnType.DOUBLE : ColumnType.STRING;
        ColumnType declared = types.get(p.column());
        if (p.bins() != null && declared == ColumnType.STRING) {
          throw keyError(
              label, key + ".bins", "column '" + p.column() + "' is declared categorical");
        }
        if (declared == null) {
          types.put(p.column(), t);
        }
      } else {
        for (Map.Entry<String, String> e : p.soft().entrySet()) {
          checkColumn(label, key + ".soft." + e.getKey(), e.getValue(), names);
          types.put(e.getValue(), ColumnType.DOUBLE);
        }
      }
    }
    return types;
  }

  /**
   * The feature columns: explicit, or all columns minus label, id, excluded, protected sources and
   * the {@code unnamed} ones (an empty header field: a saved row index, not a model input).
   */
  static List<String> featureNames(
      DatasetSpec spec, String label, List<String> names, List<String> unnamed) {
    Set<String> notFeatures = new LinkedHashSet<>();
    notFeatures.add(spec.label().column());
    if (spec.rowId() != null) {
      notFeatures.add(spec.rowId());
    }
    if (spec.exclude() != null) {
      for (int i = 0; i < spec.exclude().size(); i++) {
        checkColumn(label, "exclude[" + i + "]", spec.exclude().get(i), names);
      }
      notFeatures.addAll(spec.exclude());
    }
    Map<String, String> protectedSources = new HashMap<>();
    for (DatasetSpec.Protected p : spec.protectedAttributes()) {
      if (p.column() != null) {
        protectedSources.put(p.column(), p.name());
      } else {
        p.soft().values().forEach(c -> protectedSources.put(c, p.name()));
      }
    }
    boolean allowProtected = Boolean.TRUE.equals(spec.protectedAsFeatures());
    if (spec.features() == null) {
      List<String> out = new ArrayList<>();
      for (String n : names) {
        if (!notFeatures.contains(n)
            && !unnamed.contains(n)
            && (allowProtected || !protectedSources.containsKey(n))) {
          out.add(n);
        }
      }
      if (out.isEmpty()) {
        throw keyError(label, "features", "no feature columns remain");
      }
      return out;
    }
    for (int i = 0; i < spec.features().size(); i++) {
      String f = spec.features().get(i);
      String key = "features[" + i + "]";
      checkColumn(label, key, f, names);
      if (f.equals(spec.label().column())) {
        throw keyError(label, key, "the label column cannot be a feature");
      }
      if (spec.exclude() != null && spec.exclude().contains(f)) {
        throw keyError(label, key, "'" + f + "' is also listed under 'exclude'");
      }
      if (!allowProtected && protectedSources.containsKey(f)) {
        throw keyError(
            label,
            key,
            "'"
                + f
                + "' is the source of protected attribute '"
                + protectedSources.get(f)
                + "' (set protected_as_features: true to allow it)");
      }
    }
    return List.copyOf(new LinkedHashSet<>(spec.features()));
  }
}

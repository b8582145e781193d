package org.fairkd.datasets.load;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fairkd.datasets.CategoricalColumn;
import org.fairkd.datasets.DatasetException;
import org.fairkd.datasets.DatasetSpec;
import org.fairkd.datasets.FeatureColumn;

/**
 * Derives the favourable/unfavourable label: a row is favourable when its label value, after
 * removing {@code strip_suffix}, is one of {@code favourable}. A missing label is an error.
 */
final class LabelBuilder {
  private final DatasetSpec spec;
  private final String specLabel;
  private final RowLines lines;

  LabelBuilder(DatasetSpec spec, String specLabel, RowLines lines) {
    this.spec = spec;
    this.specLabel = specLabel;
    this.lines = lines;
  }

  static String strip(String v, String suffix) {
    return suffix != null && !suffix.isEmpty() && v.endsWith(suffix)
        ? v.substring(0, v.length() - suffix.length())
        : v;
  }

  boolean[] build(Map<String, FeatureColumn> columns) {
    DatasetSpec.Label l = spec.label();
    String[] values = ((CategoricalColumn) columns.get(l.column())).values();
    Set<String> favourable = new HashSet<>(l.favourable());
    boolean[] out = new boolean[values.length];
    Set<String> seenFavourable = new HashSet<>();
    Set<String> seen = new HashSet<>();
    for (int r = 0; r < values.length; r++) {
      if (values[r] == null) {
        throw new DatasetException(
            lines.where(r) + ": label column '" + l.column() + "' is missing");
      }
      String v = strip(values[r], l.stripSuffix());
      seen.add(v);
      if (favourable.contains(v)) {
        out[r] = true;
        seenFavourable.add(v);
      }
    }
    for (int i = 0; i < l.favourable().size(); i++) {
      String f = l.favourable().get(i);
      if (!seenFavourable.contains(f)) {
        throw new DatasetException(
            specLabel
                + ": key 'label.favourable["
                + i
                + "]': value '"
                + f
                + "' never occurs in column '"
                + l.column()
                + "' (values: "
                + String.join(", ", seen.stream().sorted().limit(20).toList())
                + ")");
      }
    }
    if (seen.size() < 2 || seenFavourable.size() == seen.size()) {
      throw new DatasetException(
          specLabel
              + ": key 'label': column '"
              + l.column()
              + "' has no unfavourable rows (values: "
              + String.join(", ", List.copyOf(seen))
              + ")");
    }
    return out;
  }
}

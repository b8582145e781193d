package org.fairkd.datasets.load;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.fairkd.datasets.CategoricalColumn;
import org.fairkd.datasets.DatasetException;
import org.fairkd.datasets.DatasetSpec;
import org.fairkd.datasets.FeatureColumn;
import org.fairkd.datasets.NumericColumn;
import org.fairkd.datasets.ProtectedAttribute;

/**
 * Derives one protected attribute from its spec entry: the column's values as groups (sorted), a
 * value map (groups in map order; a value mapped to {@code ~} is missing), numeric bins (bin
 * order), or soft membership columns. Hard groups with no rows are dropped; at least two groups and
 * the reference group must occur.
 */
final class ProtectedBuilder {
  private static final double DEFAULT_TOLERANCE = 1e-3;
  private final String specLabel;
  private final RowLines lines;

  ProtectedBuilder(String specLabel, RowLines lines) {
    this.specLabel = specLabel;
    this.lines = lines;
  }

  private DatasetException keyError(String key, String message) {
    return new DatasetException(specLabel + ": key '" + key + "': " + message);
  }

  ProtectedAttribute build(DatasetSpec.Protected p, String key, Map<String, FeatureColumn> cols) {
    if (p.soft() != null) {
      return soft(p, key, cols);
    }
    FeatureColumn source = cols.get(p.column());
    String[] labels;
    List<String> candidates;
    if (p.bins() != null) {
      double[] x = ((NumericColumn) source).values();
      candidates = bins(p, key);
      labels = new String[x.length];
      for (int r = 0; r < x.length; r++) {
        labels[r] = Double.isNaN(x[r]) ? null : bin(p.bins(), x[r]);
        if (!Double.isNaN(x[r]) && labels[r] == null) {
          throw new DatasetException(
              lines.where(r)
                  + ": value "
                  + x[r]
                  + " of '"
                  + p.column()
                  + "' is above the last bin of "
                  + key
                  + ".bins in "
                  + specLabel);
        }
      }
    } else {
      String[] raw = textValues(source);
      if (p.map() != null) {
        candidates = new ArrayList<>(new LinkedHashSet<>(p.map().values()));
        candidates.remove(null); // a code mapped to ~ (null) means "missing", not a group
        labels = new String[raw.length];
        for (int r = 0; r < raw.length; r++) {
          if (raw[r] != null) {
            labels[r] = p.map().get(raw[r]);
            if (labels[r] == null && !p.map().containsKey(raw[r])) {
              throw new DatasetException(
                  lines.where(r)
                      + ": value '"
                      + raw[r]
                      + "' of column '"
                      + p.column()
                      + "' is not in "
                      + key
                      + ".map of "
                      + specLabel);
            }
          }
        }
      } else {
        labels = raw;
        candidates = DatasetLoader.distinct(raw).stream().sorted().toList();
      }
    }
    int[] counts = new int[candidates.size()];
    int[] codes = new int[labels.length];
    java.util.Map<String, Integer> index = new java.util.HashMap<>();
    for (int i = 0; i < candidates.size(); i++) {
      index.put(candidates.get(i), i);
    }
    for (int r = 0; r < labels.length; r++) {
      codes[r] = labels[r] == null ? -1 : index.get(labels[r]);
      if (codes[r] >= 0) {
        counts[codes[r]]++;
      }
    }
    List<String> groups = new ArrayList<>();
    int[] remap = new int[candidates.size()];
    for (int i = 0; i < candidates.size(); i++) {
      remap[i] = counts[i] > 0 ? groups.size() : -1;
      if (counts[i] > 0) {
        groups.add(candidates.get(i));
      }
    }
    for (int r = 0; r < codes.length; r++) {
      codes[r] = codes[r] < 0 ? -1 : remap[codes[r]];
    }
    checkGroups(p, key, groups);
    return ProtectedAttribute.hard(p.name(), groups, p.reference(), codes);
  }

  private void checkGroups(DatasetSpec.Protected p, String key, List<String> groups) {
    if (groups.size() < 2) {
      throw keyError(
          key,
          "protected attribute '"
              + p.name()
              + "' has only one group in the data ("
              + String.join(", ", groups)
              + "); at least two are needed");
    }
    if (!groups.contains(p.reference())) {
      throw keyError(
          key + ".reference",
          "'"
              + p.reference()
              + "' is not a group of '"
              + p.name()
              + "' present in the data (groups: "
              + String.join(", ", groups)
              + ")");
    }
  }

  private List<String> bins(DatasetSpec.Protected p, String key) {
    List<String> groups = new ArrayList<>();
    double prev = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < p.bins().size(); i++) {
      DatasetSpec.Bin b = p.bins().get(i);
      String bk = key + ".bins[" + i + "]";
      if (b.group() == null) {
        throw keyError(bk + ".group", "missing");
      }
      if (b.max() == null && i != p.bins().size() - 1) {
        throw keyError(bk + ".max", "only the last bin may omit max");
      }
      if (b.max() != null && b.max() <= prev) {
        throw keyError(bk + ".max", "bins must be in ascending order of max");
      }
      prev = b.max() == null ? prev : b.max();
      groups.add(b.group());
    }
    return groups;
  }

  private static String bin(List<DatasetSpec.Bin> bins, double x) {
    for (DatasetSpec.Bin b : bins) {
      if (b.max() == null || x <= b.max()) {
        return b.group();
      }
    }
    return null;
  }

  private static String[] textValues(FeatureColumn c) {
    if (c instanceof CategoricalColumn cat) {
      return cat.values();
    }
    double[] x = ((NumericColumn) c).values();
    String[] out = new String[x.length];
    for (int r = 0; r < x.length; r++) {
      out[r] = Double.isNaN(x[r]) ? null : DatasetLoader.formatNumber(x[r]);
    }
    return out;
  }

  private ProtectedAttribute soft(
      DatasetSpec.Protected p, String key, Map<String, FeatureColumn> cols) {
    List<String> groups = List.copyOf(p.soft().keySet());
    double[][] m = new double[groups.size()][];
    for (int g = 0; g < groups.size(); g++) {
      m[g] = ((NumericColumn) cols.get(p.soft().get(groups.get(g)))).values().clone();
    }
    double tol = p.tolerance() == null ? DEFAULT_TOLERANCE : p.tolerance();
    int rows = m[0].length;
    for (int r = 0; r < rows; r++) {
      double sum = 0;
      int missing = 0;
      for (int g = 0; g < m.length; g++) {
        double v = m[g][r];
        if (Double.isNaN(v)) {
          missing++;
        } else if (v < 0 || v > 1) {
          throw new DatasetException(
              lines.where(r)
                  + ": membership "
                  + v
                  + " in column '"
                  + p.soft().get(groups.get(g))
                  + "' is outside [0, 1]");
        } else {
          sum += v;
        }
      }
      if (missing == m.length) {
        for (double[] col : m) {
          col[r] = 0;
        }
        continue;
      }
      if (missing > 0 || Math.abs(sum - 1) > tol) {
        throw new DatasetException(
            lines.where(r)
                + ": soft membership columns of '"
                + p.name()
                + "' ("
                + String.join(", ", p.soft().values())
                + ") sum to "
                + (missing > 0 ? "a partly missing value" : String.valueOf(sum))
                + ", not 1 (tolerance "
                + tol
                + ", key "
                + key
                + ".soft in "
                + specLabel
                + ")");
      }
    }
    if (!groups.contains(p.reference())) {
      throw keyError(
          key + ".reference",
          "'" + p.reference() + "' is not one of the soft groups " + String.join(", ", groups));
    }
    ProtectedAttribute a = ProtectedAttribute.soft(p.name(), groups, p.reference(), m);
    long present = java.util.Arrays.stream(a.hardCounts()).filter(c -> c > 0).count();
    if (present < 2) {
      throw keyError(key, "protected attribute '" + p.name() + "' has only one group in the data");
    }
    return a;
  }
}

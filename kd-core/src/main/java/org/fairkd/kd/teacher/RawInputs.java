package org.fairkd.kd.teacher;

import java.util.List;

/**
 * An imported member's inputs read straight from raw rows: per model input, the raw column's
 * position and, for a one-hot input, the level it tests. Numeric values are passed as they are
 * (cast to float32, NaN = missing); a one-hot input is 1 when the value equals its level.
 *
 * @param columns per model input, its column's position in the raw row
 * @param levels per model input, the level of a one-hot input, else null
 */
record RawInputs(int[] columns, String[] levels) {

  /**
   * Binds a mapping to a raw header.
   *
   * @throws org.fairkd.kd.DistillationException naming the column missing from the header
   */
  static RawInputs bind(ImportSpec spec, List<String> header) {
    List<String> names = spec.expandedNames();
    int[] columns = new int[names.size()];
    String[] levels = new String[names.size()];
    int k = 0;
    for (String c : spec.inputs()) {
      int at = header.indexOf(c);
      if (at < 0) {
        throw new org.fairkd.kd.DistillationException(
            spec.source() + ": imported input column '" + c + "' is not in the raw rows");
      }
      List<String> lv = spec.oneHot().get(c);
      for (int j = 0; j < (lv == null ? 1 : lv.size()); j++) {
        columns[k] = at;
        levels[k] = lv == null ? null : lv.get(j);
        k++;
      }
    }
    return new RawInputs(columns, levels);
  }

  /** Number of model inputs. */
  int width() {
    return columns.length;
  }

  /** Writes the model inputs of {@code row} into {@code out}; no allocation. */
  void fill(Object[] row, float[] out) {
    for (int k = 0; k < columns.length; k++) {
      Object v = row[columns[k]];
      if (levels[k] != null) {
        out[k] = levels[k].equals(v) ? 1f : 0f;
      } else {
        out[k] = v == null ? Float.NaN : ((Number) v).floatValue();
      }
    }
  }
}

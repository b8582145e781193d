package org.fairkd.kd.teacher;

import java.util.ArrayList;
import java.util.List;

/**
 * An imported member's inputs read straight from raw rows: per model value, the raw column's
 * position and how it is fed. Numeric values are passed as they are (cast to float32, NaN =
 * missing); a one-hot value is 1 when the value equals its level; a string value is the raw value
 * as it is (null = missing gives the empty string; unlike the encoded-row path, a value fairkd's
 * encoder does not know reaches the model unchanged). Holds one row's buffers: one instance per
 * thread.
 *
 * @param columns per model input, per value, its column's position in the raw row
 * @param slots per model input, per value, its slot (kind and level)
 * @param rows the one-row buffers the values are written into, reused
 */
record RawInputs(int[][] columns, List<List<ImportedInputs.Slot>> slots, ModelRows rows) {

  /**
   * Binds decoding rules to a raw header.
   *
   * @param source the configuration file's name (for the message)
   * @throws org.fairkd.kd.DistillationException naming the column missing from the header
   */
  static RawInputs bind(ImportedInputs inputs, List<String> header, String source) {
    int[][] columns = new int[inputs.feeds().size()][];
    List<List<ImportedInputs.Slot>> slots = new ArrayList<>();
    List<ModelRows.Tensor> tensors = new ArrayList<>();
    for (int f = 0; f < columns.length; f++) {
      ImportedInputs.Feed feed = inputs.feeds().get(f);
      int w = feed.slots().size();
      columns[f] = new int[w];
      for (int k = 0; k < w; k++) {
        String c = feed.slots().get(k).column();
        columns[f][k] = header.indexOf(c);
        if (columns[f][k] < 0) {
          throw new org.fairkd.kd.DistillationException(
              source + ": imported input column '" + c + "' is not in the raw rows");
        }
      }
      slots.add(feed.slots());
      tensors.add(
          new ModelRows.Tensor(
              feed.input(),
              w,
              feed.strings() ? null : new float[w],
              feed.strings() ? new String[w] : null));
    }
    return new RawInputs(columns, List.copyOf(slots), new ModelRows(1, List.copyOf(tensors)));
  }

  /** The model inputs of {@code row}, written into {@link #rows}'s buffers; no allocation. */
  ModelRows fill(Object[] row) {
    for (int f = 0; f < columns.length; f++) {
      ModelRows.Tensor t = rows.tensors().get(f);
      for (int k = 0; k < columns[f].length; k++) {
        Object v = row[columns[f][k]];
        ImportedInputs.Slot s = slots.get(f).get(k);
        switch (s.kind()) {
          case STRING -> t.strings()[k] = v == null ? "" : v.toString();
          case LEVEL -> t.floats()[k] = s.level().equals(v) ? 1f : 0f;
          case NUMERIC -> t.floats()[k] = v == null ? Float.NaN : ((Number) v).floatValue();
        }
      }
    }
    return rows;
  }
}

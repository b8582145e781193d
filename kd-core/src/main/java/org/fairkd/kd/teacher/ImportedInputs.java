package org.fairkd.kd.teacher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import org.fairkd.datasets.NumericColumn;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.datasets.encode.EncoderSpec;
import org.fairkd.kd.DistillationException;

/**
 * The inputs of an imported model recovered from fairkd's encoded rows: the ensemble is scored on
 * encoded rows (training, validation, test and MUNGE rows alike), so each model input is decoded
 * back to its raw value — a numeric column as {@code mean + z·std} (NaN when its missing indicator
 * is set), a one-hot level as 1 when the row's encoded category is that level. Levels the encoder
 * does not know (rare or unseen in training, encoded as {@code __other__}) give 0.
 *
 * <p>Exactness: {@code mean + z·std} of a float32 {@code z} is off the raw value by about 1e-7
 * relative, and XGBoost's histogram split points are data values, so a tree compares a row against
 * its own value and an approximation goes the wrong way. So each numeric slot keeps the sorted
 * distinct values of its dataset column, and a decoded value is replaced by the value whose
 * encoding is exactly {@code z} (the neighbours of {@code mean + z·std}); dataset rows therefore
 * reach the model with their raw values, and only new values (MUNGE rows) stay approximate.
 *
 * @param slots one decoding rule per model input, in the model's order
 */
record ImportedInputs(List<Slot> slots) {

  /**
   * One model input: a numeric encoded column ({@code level == false}: {@code index}, {@code mean},
   * {@code std}, {@code missing} = the indicator's index or −1, {@code values} = the column's
   * sorted distinct raw values) or a one-hot level ({@code index} = the level's encoded slot, or −1
   * when the encoder does not know the level; {@code values} empty).
   */
  record Slot(boolean level, int index, double mean, double std, int missing, double[] values) {

    /**
     * The raw value of encoded {@code z}: a column value encoded exactly as z, else mean + z·std.
     */
    double raw(float z) {
      double guess = mean + z * std;
      int at = java.util.Arrays.binarySearch(values, guess);
      int ins = at >= 0 ? at : -at - 1;
      for (int k = Math.max(0, ins - 2); k < Math.min(values.length, ins + 3); k++) {
        if ((float) ((values[k] - mean) / std) == z) {
          return values[k];
        }
      }
      return guess;
    }
  }

  /**
   * The decoding of {@code spec}'s mapping against the dataset encoder.
   *
   * @throws DistillationException naming the member and column when a column is not a feature, or a
   *     numeric column is one-hot expanded, or a categorical column has no {@code one_hot} levels
   */
  static ImportedInputs of(String member, ImportSpec spec, EncoderSpec enc, TabularDataset data) {
    List<Slot> slots = new ArrayList<>();
    for (String c : spec.inputs()) {
      int offset = 0;
      EncoderSpec.Column col = null;
      for (EncoderSpec.Column ec : enc.columns()) {
        if (ec.name().equals(c)) {
          col = ec;
          break;
        }
        offset += ec.width();
      }
      if (col == null) {
        throw ImportSpec.memberError(
            spec.source(),
            member,
            "input column '"
                + c
                + "' is not a feature of the dataset (features: "
                + String.join(", ", enc.columns().stream().map(EncoderSpec.Column::name).toList())
                + ")");
      }
      boolean numeric = "numeric".equals(col.kind());
      List<String> levels = spec.oneHot().get(c);
      if (numeric && levels != null) {
        throw ImportSpec.memberError(
            spec.source(), member, "input column '" + c + "' is numeric: it cannot be one_hot");
      }
      if (numeric) {
        int miss = Boolean.TRUE.equals(col.missingIndicator()) ? offset + 1 : -1;
        double[] raw =
            data.column(c)
                .filter(NumericColumn.class::isInstance)
                .map(f -> ((NumericColumn) f).values())
                .orElse(new double[0]);
        double[] values =
            java.util.Arrays.stream(raw)
                .filter(v -> !Double.isNaN(v))
                .sorted()
                .distinct()
                .toArray();
        slots.add(new Slot(false, offset, col.mean(), col.std(), miss, values));
      } else if (levels == null) {
        throw ImportSpec.memberError(
            spec.source(),
            member,
            "input column '" + c + "' is categorical: give its levels in one_hot, in model order");
      } else {
        for (String l : levels) {
          int k = col.levels().indexOf(l);
          slots.add(new Slot(true, k < 0 ? -1 : offset + k, 0, 1, -1, new double[0]));
        }
      }
    }
    return new ImportedInputs(slots);
  }

  /** Number of model inputs. */
  int width() {
    return slots.size();
  }

  /** The model inputs of one encoded row, written into {@code out} at {@code at}. */
  void decode(float[] encoded, float[] out, int at) {
    for (int k = 0; k < slots.size(); k++) {
      Slot s = slots.get(k);
      float v;
      if (s.level()) {
        v = s.index() >= 0 && encoded[s.index()] == 1f ? 1f : 0f;
      } else if (s.missing() >= 0 && encoded[s.missing()] == 1f) {
        v = Float.NaN;
      } else {
        v = (float) s.raw(encoded[s.index()]);
      }
      out[at + k] = v;
    }
  }

  /** The rules as JSON (saved in the member's {@code teacher.json} entry). */
  void write(ArrayNode a) {
    for (Slot s : slots) {
      var o = a.addObject();
      o.put("level", s.level());
      o.put("index", s.index());
      if (!s.level()) {
        o.put("mean", s.mean());
        o.put("std", s.std());
        o.put("missing", s.missing());
        var vs = o.putArray("values");
        for (double d : s.values()) {
          vs.add(d);
        }
      }
    }
  }

  /** Reads rules written by {@link #write}. */
  static ImportedInputs read(JsonNode a) {
    List<Slot> slots = new ArrayList<>();
    for (JsonNode o : a) {
      boolean level = o.path("level").asBoolean();
      double[] values = new double[o.path("values").size()];
      for (int k = 0; k < values.length; k++) {
        values[k] = o.path("values").get(k).asDouble();
      }
      slots.add(
          new Slot(
              level,
              o.path("index").asInt(),
              o.path("mean").asDouble(0),
              o.path("std").asDouble(1),
              o.path("missing").asInt(-1),
              values));
    }
    return new ImportedInputs(slots);
  }
}

package org.fairkd.kd.teacher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.fairkd.datasets.NumericColumn;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.datasets.encode.EncoderSpec;
import org.fairkd.kd.DistillationException;

/**
 * The inputs of an imported model recovered from fairkd's encoded rows: the ensemble is scored on
 * encoded rows (training, validation, test and MUNGE rows alike), so each model value is decoded
 * back to its raw value — a numeric column as {@code mean + z·std} (NaN when its missing indicator
 * is set), a one-hot level as 1 when the row's encoded category is that level, a categorical column
 * fed as a string as the name of the row's encoded level. Levels the encoder does not know (rare or
 * unseen in training, and missing values, all encoded as {@code __other__}) give 0, and the empty
 * string. MUNGE copies a categorical block whole, so its rows decode to a level or the empty string
 * too.
 *
 * <p>Exactness: {@code mean + z·std} of a float32 {@code z} is off the raw value by about 1e-7
 * relative, and XGBoost's histogram split points are data values, so a tree compares a row against
 * its own value and an approximation goes the wrong way. So each numeric slot keeps the sorted
 * distinct values of its dataset column, and a decoded value is replaced by the value whose
 * encoding is exactly {@code z} (the neighbours of {@code mean + z·std}); dataset rows therefore
 * reach the model with their raw values, and only new values (MUNGE rows) stay approximate.
 *
 * @param feeds one per model input, in the mapping's order
 */
record ImportedInputs(List<Feed> feeds) {

  /** How a slot is fed: a numeric value, a one-hot 0/1 value, or a category's name. */
  enum Kind {
    NUMERIC,
    LEVEL,
    STRING
  }

  /**
   * One model input and the slots that make its values.
   *
   * @param input the model input's name ({@code ""}: the model's only input)
   * @param slots its values in order; once checked against the model ({@link
   *     ImportedMember#checkInputs}), all {@link Kind#STRING} (a string input) or none
   */
  record Feed(String input, List<Slot> slots) {

    /** Whether this input takes strings. */
    boolean strings() {
      return !slots.isEmpty() && slots.get(0).kind() == Kind.STRING;
    }
  }

  /**
   * One model value: a numeric encoded column ({@code index}, {@code mean}, {@code std}, {@code
   * missing} = the indicator's index or −1, {@code values} = the column's sorted distinct raw
   * values), a one-hot level ({@code level}; {@code index} = the level's encoded slot, or −1 when
   * the encoder does not know it) or a category fed by name ({@code index} = its block's first
   * slot, {@code levels} = the encoder's levels of the block).
   */
  record Slot(
      Kind kind,
      String column,
      String level,
      int index,
      double mean,
      double std,
      int missing,
      double[] values,
      List<String> levels) {

    /**
     * The raw value of encoded {@code z}: a column value encoded exactly as z, else mean + z·std.
     */
    double raw(float z) {
      double guess = mean + z * std;
      int at = Arrays.binarySearch(values, guess);
      int ins = at >= 0 ? at : -at - 1;
      for (int k = Math.max(0, ins - 2); k < Math.min(values.length, ins + 3); k++) {
        if ((float) ((values[k] - mean) / std) == z) {
          return values[k];
        }
      }
      return guess;
    }

    /** The level of an encoded row's block, or {@code ""} for {@code __other__}. */
    String category(float[] encoded) {
      for (int k = 0; k < levels.size(); k++) {
        if (encoded[index + k] == 1f) {
          return levels.get(k);
        }
      }
      return "";
    }
  }

  /**
   * The decoding of {@code spec}'s mapping against the dataset encoder.
   *
   * @param strings whether a categorical column not in {@code one_hot} may be fed as strings (an
   *     ONNX model)
   * @throws DistillationException naming the member and column when a column is not a feature, or a
   *     numeric column is one-hot expanded, or a categorical column has no {@code one_hot} levels
   *     where it cannot be a string
   */
  static ImportedInputs of(
      String member, ImportSpec spec, boolean strings, EncoderSpec enc, TabularDataset data) {
    List<Feed> feeds = new ArrayList<>();
    for (Map.Entry<String, List<String>> f : spec.feeds().entrySet()) {
      List<Slot> slots = new ArrayList<>();
      for (String c : f.getValue()) {
        slots.addAll(slots(member, spec, strings, enc, data, c));
      }
      feeds.add(new Feed(f.getKey(), List.copyOf(slots)));
    }
    return new ImportedInputs(List.copyOf(feeds));
  }

  private static List<Slot> slots(
      String member,
      ImportSpec spec,
      boolean strings,
      EncoderSpec enc,
      TabularDataset data,
      String c) {
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
          Arrays.stream(raw).filter(v -> !Double.isNaN(v)).sorted().distinct().toArray();
      return List.of(
          new Slot(Kind.NUMERIC, c, null, offset, col.mean(), col.std(), miss, values, List.of()));
    }
    if (levels != null) {
      List<Slot> out = new ArrayList<>();
      for (String l : levels) {
        int k = col.levels().indexOf(l);
        out.add(
            new Slot(
                Kind.LEVEL, c, l, k < 0 ? -1 : offset + k, 0, 1, -1, new double[0], List.of()));
      }
      return out;
    }
    if (!strings) {
      throw ImportSpec.memberError(
          spec.source(),
          member,
          "input column '" + c + "' is categorical: give its levels in one_hot, in model order");
    }
    return List.of(new Slot(Kind.STRING, c, null, offset, 0, 1, -1, new double[0], col.levels()));
  }

  /** The model inputs of encoded {@code rows}. */
  ModelRows decode(float[][] rows) {
    int n = rows.length;
    List<ModelRows.Tensor> tensors = new ArrayList<>();
    for (Feed f : feeds) {
      int w = f.slots().size();
      float[] floats = f.strings() ? null : new float[n * w];
      String[] strs = f.strings() ? new String[n * w] : null;
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < w; k++) {
          Slot s = f.slots().get(k);
          if (strs != null) {
            strs[i * w + k] = s.category(rows[i]);
          } else {
            floats[i * w + k] = value(s, rows[i]);
          }
        }
      }
      tensors.add(new ModelRows.Tensor(f.input(), w, floats, strs));
    }
    return new ModelRows(n, tensors);
  }

  private static float value(Slot s, float[] encoded) {
    if (s.kind() == Kind.LEVEL) {
      return s.index() >= 0 && encoded[s.index()] == 1f ? 1f : 0f;
    }
    if (s.missing() >= 0 && encoded[s.missing()] == 1f) {
      return Float.NaN;
    }
    return (float) s.raw(encoded[s.index()]);
  }

  /** The rules as JSON (saved in the member's {@code teacher.json} entry). */
  void write(ArrayNode a) {
    for (Feed f : feeds) {
      var fo = a.addObject();
      fo.put("input", f.input());
      var sa = fo.putArray("slots");
      for (Slot s : f.slots()) {
        var o = sa.addObject();
        o.put("kind", s.kind().name().toLowerCase());
        o.put("column", s.column());
        o.put("index", s.index());
        if (s.kind() == Kind.LEVEL) {
          o.put("level", s.level());
        } else if (s.kind() == Kind.STRING) {
          s.levels().forEach(o.putArray("levels")::add);
        } else {
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
  }

  /** Reads rules written by {@link #write}. */
  static ImportedInputs read(JsonNode a) {
    List<Feed> feeds = new ArrayList<>();
    for (JsonNode fo : a) {
      List<Slot> slots = new ArrayList<>();
      for (JsonNode o : fo.path("slots")) {
        double[] values = new double[o.path("values").size()];
        for (int k = 0; k < values.length; k++) {
          values[k] = o.path("values").get(k).asDouble();
        }
        List<String> levels = new ArrayList<>();
        o.path("levels").forEach(l -> levels.add(l.asText()));
        slots.add(
            new Slot(
                Kind.valueOf(o.path("kind").asText().toUpperCase()),
                o.path("column").asText(),
                o.path("level").isMissingNode() ? null : o.path("level").asText(),
                o.path("index").asInt(),
                o.path("mean").asDouble(0),
                o.path("std").asDouble(1),
                o.path("missing").asInt(-1),
                values,
                List.copyOf(levels)));
      }
      feeds.add(new Feed(fo.path("input").asText(), List.copyOf(slots)));
    }
    return new ImportedInputs(List.copyOf(feeds));
  }
}

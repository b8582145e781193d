package org.fairkd.kd.teacher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.fairkd.kd.DistillationException;

/**
 * How an imported member ({@code onnx}, {@code xgboost_model}) is fed: the model file and the
 * explicit input mapping of the YAML entry.
 *
 * <pre>
 * - {name: xgb, type: xgboost_model, path: models/xgb.json,     # relative to the config file
 *    inputs: [income, age, debt_ratio, purpose],                # dataset columns, model order
 *    one_hot: {purpose: [auto, car, home]},                     # categorical column expanded
 *    predicts: favourable}                                      # favourable | unfavourable
 * - {name: pipe, type: onnx, path: models/pipe.onnx,            # a model with several inputs:
 *    inputs: {num: [income, debt_ratio], purpose: purpose},     # model input: column(s)
 *    favourable_class: repaid}                                  # the class key read
 * </pre>
 *
 * <p>A list gives the columns of the model's only input; a mapping gives, per model input (by
 * name), its column or columns in order. A numeric column is one float value, passed as it is
 * (missing as NaN); a column named in {@code one_hot} becomes one 0/1 float value per listed level,
 * in that order (a missing or other value gives all zeros); a categorical column not in {@code
 * one_hot} is passed as its string (an ONNX string input; missing as the empty string). {@code
 * predicts: unfavourable} means the model's score is the probability of the unfavourable outcome
 * (e.g. of default), so fairkd uses {@code 1 − score}; {@code favourable_class} (ONNX only) names
 * the class whose probability is read instead.
 *
 * @param path the model file, resolved against the config file's directory
 * @param inputs dataset columns in the model's feature order (of all model inputs, in order)
 * @param modelInputs per model input name, its columns, in the mapping's order; empty for the list
 *     form
 * @param oneHot levels of each one-hot expanded column, in expansion order
 * @param unfavourable whether the model scores the unfavourable outcome
 * @param favourableClass the class key or column whose probability is read, or null for class 1
 * @param source the configuration file's name (for error messages)
 */
public record ImportSpec(
    Path path,
    List<String> inputs,
    Map<String, List<String>> modelInputs,
    Map<String, List<String>> oneHot,
    boolean unfavourable,
    String favourableClass,
    String source) {

  static final Set<String> KEYS =
      Set.of(
          "name",
          "type",
          "path",
          "inputs",
          "one_hot",
          "predicts",
          "favourable_class",
          "soft_targets");

  /** What distill.json's config says an imported member's soft targets are. */
  static final String SOFT_TARGETS = "model_scores";

  /** Copies the collections. */
  public ImportSpec {
    inputs = List.copyOf(inputs);
    modelInputs = copy(modelInputs);
    oneHot = copy(oneHot);
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> in) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    in.forEach((k, v) -> m.put(k, List.copyOf(v)));
    return java.util.Collections.unmodifiableMap(m);
  }

  /**
   * Per model input, its columns: the mapping, or {@code "" → inputs} for the list form (the
   * model's only input).
   */
  public Map<String, List<String>> feeds() {
    return modelInputs.isEmpty() ? Map.of("", inputs) : modelInputs;
  }

  /** The names of the model's values the mapping produces: {@code col} or {@code col=level}. */
  public List<String> expandedNames() {
    return expandedNames(inputs);
  }

  /** The names of the values {@code columns} produce: {@code col} or {@code col=level}. */
  public List<String> expandedNames(List<String> columns) {
    List<String> out = new ArrayList<>();
    for (String c : columns) {
      if (oneHot.containsKey(c)) {
        oneHot.get(c).forEach(l -> out.add(c + "=" + l));
      } else {
        out.add(c);
      }
    }
    return out;
  }

  /** Writes the mapping into a member's config entry (the path absolute, so it reloads). */
  void putJson(ObjectNode o) {
    o.put("path", path.toString());
    if (modelInputs.isEmpty()) {
      var in = o.putArray("inputs");
      inputs.forEach(in::add);
    } else {
      ObjectNode in = o.putObject("inputs");
      modelInputs.forEach((k, v) -> v.forEach(in.putArray(k)::add));
    }
    if (!oneHot.isEmpty()) {
      ObjectNode oh = o.putObject("one_hot");
      oneHot.forEach((k, v) -> v.forEach(oh.putArray(k)::add));
    }
    o.put("predicts", unfavourable ? "unfavourable" : "favourable");
    if (favourableClass != null) {
      o.put("favourable_class", favourableClass);
    }
    o.put("soft_targets", SOFT_TARGETS);
  }

  /** The error of one member of the config, {@code source: teacher member 'name': message}. */
  static DistillationException memberError(String source, String member, String message) {
    return new DistillationException(source + ": teacher member '" + member + "': " + message);
  }

  /**
   * Reads the mapping of an imported member's YAML entry.
   *
   * @param v the entry
   * @param key the entry's key path, e.g. {@code teacher.members[1]}
   * @param source the configuration file name (for messages)
   * @param baseDir the directory relative paths resolve against (the config file's), or null for
   *     the working directory
   * @param error builds the one-line error for a key and message
   */
  static ImportSpec read(
      JsonNode v,
      String key,
      String source,
      Path baseDir,
      BiFunction<String, String, DistillationException> error) {
    for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!KEYS.contains(f)) {
        throw error.apply(
            key + "." + f,
            "unknown key for an imported member (allowed: "
                + String.join(", ", KEYS.stream().sorted().toList())
                + ")");
      }
    }
    JsonNode p = v.get("path");
    if (p == null || !p.isTextual() || p.asText().isBlank()) {
      throw error.apply(key + ".path", "missing: the model file (relative to the config file)");
    }
    Path given = Path.of(p.asText());
    Path path =
        given.isAbsolute() || baseDir == null
            ? given.toAbsolutePath()
            : baseDir.resolve(given).normalize();
    boolean onnx = MemberType.ONNX.key().equals(v.path("type").asText());
    JsonNode in = v.get("inputs");
    Map<String, List<String>> modelInputs = new LinkedHashMap<>();
    List<String> inputs = new ArrayList<>();
    if (in != null && in.isObject() && !in.isEmpty()) {
      if (!onnx) {
        throw error.apply(
            key + ".inputs",
            "an xgboost_model has one input vector: give its columns as a list, in model order");
      }
      for (Iterator<String> it = in.fieldNames(); it.hasNext(); ) {
        String m = it.next();
        JsonNode cols = in.get(m);
        List<String> c =
            cols.isArray()
                ? names(cols, key + ".inputs." + m, error)
                : names(
                    JsonNodeFactory.instance.arrayNode().add(cols), key + ".inputs." + m, error);
        modelInputs.put(m, c);
        inputs.addAll(c);
      }
    } else if (in != null && in.isObject()) {
      throw error.apply(key + ".inputs", "must map model inputs to columns, got {}");
    } else {
      inputs = names(in, key + ".inputs", error);
    }
    Set<String> seen = new HashSet<>();
    for (String c : inputs) {
      if (!seen.add(c)) {
        throw error.apply(key + ".inputs", "column '" + c + "' is listed twice");
      }
    }
    Map<String, List<String>> oneHot = new LinkedHashMap<>();
    JsonNode oh = v.get("one_hot");
    if (oh != null) {
      if (!oh.isObject()) {
        throw error.apply(key + ".one_hot", "must be a mapping column: [level, ...]");
      }
      for (Iterator<String> it = oh.fieldNames(); it.hasNext(); ) {
        String c = it.next();
        if (!inputs.contains(c)) {
          throw error.apply(key + ".one_hot." + c, "column '" + c + "' is not in 'inputs'");
        }
        oneHot.put(c, names(oh.get(c), key + ".one_hot." + c, error));
      }
    }
    boolean unfavourable = false;
    JsonNode pr = v.get("predicts");
    if (pr != null) {
      if (!pr.isTextual()
          || !(pr.asText().equals("favourable") || pr.asText().equals("unfavourable"))) {
        throw error.apply(key + ".predicts", "must be favourable or unfavourable, got " + pr);
      }
      unfavourable = pr.asText().equals("unfavourable");
    }
    String favourableClass = null;
    JsonNode fc = v.get("favourable_class");
    if (fc != null) {
      if (!onnx) {
        throw error.apply(
            key + ".favourable_class",
            "is for onnx members (an xgboost_model scores class 1; say predicts: unfavourable"
                + " when class 1 is the unfavourable outcome)");
      }
      if (!fc.isTextual() && !fc.isIntegralNumber()) {
        throw error.apply(key + ".favourable_class", "must be a class label, got " + fc);
      }
      if (unfavourable) {
        throw error.apply(
            key + ".favourable_class",
            "give either favourable_class or predicts: unfavourable, not both");
      }
      favourableClass = fc.asText();
    }
    JsonNode st = v.get("soft_targets");
    if (st != null && !(st.isTextual() && st.asText().equals(SOFT_TARGETS))) {
      throw error.apply(
          key + ".soft_targets",
          "an imported member's soft targets are its own scores ('" + SOFT_TARGETS + "')");
    }
    return new ImportSpec(path, inputs, modelInputs, oneHot, unfavourable, favourableClass, source);
  }

  private static List<String> names(
      JsonNode v, String key, BiFunction<String, String, DistillationException> error) {
    if (v == null || !v.isArray() || v.isEmpty()) {
      throw error.apply(
          key,
          "must be a non-empty list of names"
              + (key.endsWith(".inputs") ? " or a mapping model input: column(s)" : ""));
    }
    List<String> out = new ArrayList<>();
    for (JsonNode n : v) {
      if (!n.isTextual() && !n.isNumber() && !n.isBoolean()) {
        throw error.apply(key, "must list names, got " + n);
      }
      out.add(n.asText());
    }
    return out;
  }
}

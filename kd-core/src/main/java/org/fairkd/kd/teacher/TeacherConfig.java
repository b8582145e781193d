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
import org.fairkd.kd.DistillationException;

/**
 * The YAML {@code teacher:} section.
 *
 * <pre>
 * teacher:
 *   members:                      # each: name (optional, default = type), type, hyper-parameters
 *     - {type: logistic, epochs: 10}
 *     - {name: xgb, type: xgboost, trees: 200, max_depth: 5, eta: 0.08}
 *     - {type: random_forest, trees: 20, max_depth: 10}
 *     - {name: mlp_a, type: mlp, hidden: 64, layers: 2}   # DJL MLPs; names differ, so seeds do
 *     - {name: mlp_b, type: mlp, hidden: 64, layers: 2}
 *     - {name: py_xgb, type: xgboost_model, path: xgb.json, inputs: [income, purpose],
 *        one_hot: {purpose: [auto, car]}, predicts: unfavourable}   # see ImportSpec
 *   combination: logit            # probability | logit
 *   weights: fitted               # fitted | [w1, w2, ...] | {member: w, ...} (fixed, normalised)
 *   folds: 5                      # k of the k-fold cross-fitting, 2..20
 *   soft_targets: out_of_fold     # out_of_fold | in_sample
 * </pre>
 *
 * @param members the members, names unique
 * @param combination how member probabilities are combined
 * @param fixedWeights {@code null} for weights fitted on validation, else one non-negative weight
 *     per member summing to one
 * @param folds k for out-of-fold soft targets
 * @param softTargets how training-row soft targets are computed
 */
public record TeacherConfig(
    List<MemberSpec> members,
    Combination combination,
    double[] fixedWeights,
    int folds,
    SoftTargets softTargets) {

  private static final Set<String> KEYS =
      Set.of("members", "combination", "weights", "folds", "soft_targets");

  /** Validates the invariants (programming errors raise IllegalArgumentException). */
  public TeacherConfig {
    members = List.copyOf(members);
    if (members.isEmpty()) {
      throw new IllegalArgumentException("a teacher needs at least one member");
    }
    if (fixedWeights != null && fixedWeights.length != members.size()) {
      throw new IllegalArgumentException("one fixed weight per member");
    }
    fixedWeights = fixedWeights == null ? null : fixedWeights.clone();
  }

  /**
   * The defaults: logistic regression (5 epochs), XGBoost (150 trees, depth 5, eta 0.1) and a small
   * random forest (10 trees, depth 8), combined by a logit average with weights fitted on
   * validation; 5-fold out-of-fold soft targets (only members of positive weight are refitted).
   */
  public static TeacherConfig defaults() {
    return new TeacherConfig(
        List.of(
            MemberSpec.of("logistic", MemberType.LOGISTIC),
            MemberSpec.of("xgboost", MemberType.XGBOOST),
            MemberSpec.of("random_forest", MemberType.RANDOM_FOREST)),
        Combination.LOGIT,
        null,
        5,
        SoftTargets.OUT_OF_FOLD);
  }

  /** Whether the member weights are fitted on the validation split. */
  public boolean fittedWeights() {
    return fixedWeights == null;
  }

  /**
   * Parses the {@code teacher:} section; missing keys take the defaults' values.
   *
   * @param node the section (an object), or null/missing for the defaults
   * @param sourceName the file name used in error messages
   * @throws DistillationException naming the file and key on any invalid value
   */
  public static TeacherConfig fromNode(JsonNode node, String sourceName) {
    return fromNode(node, sourceName, null);
  }

  /**
   * As {@link #fromNode(JsonNode, String)}, with imported members' relative {@code path}s resolved
   * against {@code baseDir} (the config file's directory), or, when it is null, against the
   * directory of {@code sourceName} read as a path.
   */
  public static TeacherConfig fromNode(JsonNode node, String sourceName, Path baseDir) {
    TeacherConfig d = defaults();
    if (node == null || node.isMissingNode() || node.isNull()) {
      return d;
    }
    Path base = baseDir != null ? baseDir : Path.of(sourceName).toAbsolutePath().getParent();
    ConfigReader r = new ConfigReader(sourceName, base);
    if (!node.isObject()) {
      throw r.error("teacher", "must be a mapping");
    }
    r.rejectUnknown(node, "teacher", KEYS);
    List<MemberSpec> members =
        node.has("members") ? r.members(node.get("members"), "teacher.members") : d.members();
    Combination combination =
        node.has("combination")
            ? r.choice(node.get("combination"), "teacher.combination", Combination.class)
            : d.combination();
    double[] weights =
        node.has("weights") ? r.weights(node.get("weights"), "teacher.weights", members) : null;
    int folds = node.has("folds") ? r.integer(node.get("folds"), "teacher.folds", 2, 20) : 5;
    SoftTargets soft =
        node.has("soft_targets")
            ? r.choice(node.get("soft_targets"), "teacher.soft_targets", SoftTargets.class)
            : d.softTargets();
    return new TeacherConfig(members, combination, weights, folds, soft);
  }

  /** This configuration as JSON in the YAML format above (every parameter explicit). */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    var arr = o.putArray("members");
    for (MemberSpec m : members) {
      ObjectNode mo = arr.addObject();
      mo.put("name", m.name());
      mo.put("type", m.type().key());
      m.putParams(mo);
    }
    o.put("combination", combination.key());
    if (fixedWeights == null) {
      o.put("weights", "fitted");
    } else {
      var w = o.putArray("weights");
      for (double v : fixedWeights) {
        w.add(v);
      }
    }
    o.put("folds", folds);
    o.put("soft_targets", softTargets.key());
    return o;
  }

  /** Field-by-field reading with error messages naming {@code file: key 'path'}. */
  private record ConfigReader(String source, Path baseDir) {
    DistillationException error(String key, String message) {
      return new DistillationException(source + ": key '" + key + "': " + message);
    }

    void rejectUnknown(JsonNode node, String path, Set<String> allowed) {
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!allowed.contains(f)) {
          throw error(
              path + "." + f,
              "unknown key (allowed: "
                  + String.join(", ", allowed.stream().sorted().toList())
                  + ")");
        }
      }
    }

    <E extends Enum<E>> E choice(JsonNode v, String key, Class<E> type) {
      List<String> names = new ArrayList<>();
      for (E e : type.getEnumConstants()) {
        String k = e.name().toLowerCase(java.util.Locale.ROOT);
        names.add(k);
        if (v.isTextual() && v.asText().equals(k)) {
          return e;
        }
      }
      throw error(key, "must be one of " + String.join(", ", names) + ", got " + v);
    }

    int integer(JsonNode v, String key, int min, int max) {
      if (!v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
        throw error(key, "must be an integer in [" + min + ", " + max + "], got " + v);
      }
      return v.asInt();
    }

    List<MemberSpec> members(JsonNode v, String key) {
      if (!v.isArray() || v.isEmpty()) {
        throw error(key, "must be a non-empty list of members");
      }
      List<MemberSpec> out = new ArrayList<>();
      Set<String> names = new HashSet<>();
      for (int i = 0; i < v.size(); i++) {
        MemberSpec m = member(v.get(i), key + "[" + i + "]");
        if (!names.add(m.name())) {
          throw error(key + "[" + i + "].name", "duplicate member name '" + m.name() + "'");
        }
        out.add(m);
      }
      return out;
    }

    MemberSpec member(JsonNode v, String key) {
      if (!v.isObject()) {
        throw error(key, "must be a mapping with a 'type'");
      }
      JsonNode t = v.get("type");
      if (t == null || !t.isTextual()) {
        throw error(key + ".type", "missing (one of " + MemberType.allKeys() + ")");
      }
      MemberType type =
          MemberType.fromKey(t.asText())
              .orElseThrow(
                  () ->
                      error(
                          key + ".type",
                          "unknown trainer '"
                              + t.asText()
                              + "' (known: "
                              + MemberType.allKeys()
                              + ")"));
      String name = type.key();
      if (v.has("name")) {
        JsonNode n = v.get("name");
        if (!n.isTextual() || !n.asText().matches("[A-Za-z0-9_.-]{1,64}")) {
          throw error(key + ".name", "must be 1-64 characters of [A-Za-z0-9_.-], got " + n);
        }
        name = n.asText();
      }
      if (type.isImported()) {
        return new MemberSpec(
            name, type, Map.of(), ImportSpec.read(v, key, source, baseDir, this::error));
      }
      Map<String, Double> params = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        if (f.getKey().equals("type") || f.getKey().equals("name")) {
          continue;
        }
        ParamDef def =
            type.params().stream()
                .filter(p -> p.key().equals(f.getKey()))
                .findFirst()
                .orElseThrow(
                    () ->
                        error(
                            key + "." + f.getKey(),
                            "unknown hyper-parameter for "
                                + type.key()
                                + " (allowed: "
                                + String.join(
                                    ", ", type.params().stream().map(ParamDef::key).toList())
                                + ")"));
        JsonNode pv = f.getValue();
        boolean ok =
            pv.isNumber()
                && (!def.integer() || pv.isIntegralNumber())
                && pv.asDouble() >= def.min()
                && pv.asDouble() <= def.max();
        if (!ok) {
          throw error(key + "." + f.getKey(), "must be " + def.describe() + ", got " + pv);
        }
        params.put(f.getKey(), pv.asDouble());
      }
      return new MemberSpec(name, type, params);
    }

    double[] weights(JsonNode v, String key, List<MemberSpec> members) {
      if (v.isTextual() && v.asText().equals("fitted")) {
        return null;
      }
      double[] w = new double[members.size()];
      if (v.isArray()) {
        if (v.size() != members.size()) {
          throw error(key, "has " + v.size() + " weights for " + members.size() + " members");
        }
        for (int i = 0; i < w.length; i++) {
          w[i] = weight(v.get(i), key + "[" + i + "]");
        }
      } else if (v.isObject()) {
        List<String> names = members.stream().map(MemberSpec::name).toList();
        for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
          String f = it.next();
          if (!names.contains(f)) {
            throw error(
                key + "." + f, "no such member (members: " + String.join(", ", names) + ")");
          }
        }
        for (int i = 0; i < w.length; i++) {
          JsonNode wv = v.get(names.get(i));
          if (wv == null) {
            throw error(key + "." + names.get(i), "missing weight for member");
          }
          w[i] = weight(wv, key + "." + names.get(i));
        }
      } else {
        throw error(key, "must be 'fitted', a list of weights or a mapping member: weight");
      }
      double sum = java.util.Arrays.stream(w).sum();
      if (!(sum > 0)) {
        throw error(key, "fixed weights must not all be zero");
      }
      for (int i = 0; i < w.length; i++) {
        w[i] /= sum;
      }
      return w;
    }

    double weight(JsonNode v, String key) {
      if (!v.isNumber() || !(v.asDouble() >= 0) || Double.isInfinite(v.asDouble())) {
        throw error(key, "must be a non-negative number, got " + v);
      }
      return v.asDouble();
    }
  }
}

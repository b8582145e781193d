package org.fairkd.policies.facts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fairkd.policies.model.Subject;

/**
 * Per-slice lookups in an audit result: slice keys ({@code sex*race} / {@code female*black}), slice
 * status (insufficient data), and the significance test of a group vs its reference.
 */
final class Slices {
  private final JsonNode audit;
  private final Map<String, Map<String, JsonNode>> byKey = new HashMap<>();
  private final Map<String, Map<String, JsonNode>> testsByKey = new HashMap<>();

  Slices(JsonNode audit) {
    this.audit = audit;
  }

  /**
   * A key of the audit's configuration: top-level {@code config}, else a model's {@code config}.
   */
  JsonNode config(String key) {
    for (JsonNode c :
        List.of(
            audit.path("config"),
            audit.path("models").path("student").path("config"),
            audit.path("models").path("teacher").path("config"))) {
      if (c.has(key)) {
        return c.get(key);
      }
    }
    return audit.path("config").path(key);
  }

  /** {attribute key, group key} of a slice's attributes, e.g. {"sex*race", "female*black"}. */
  static String[] sliceKey(JsonNode attributes) {
    List<String> names = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = attributes.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      names.add(e.getKey());
      values.add(e.getValue().asText());
    }
    return new String[] {String.join("*", names), String.join("*", values)};
  }

  /** The slice {@code attr=group} of a model's slices, or null (indexed on first use). */
  JsonNode findSlice(String model, String attr, String group) {
    Map<String, JsonNode> index =
        byKey.computeIfAbsent(
            model,
            m -> {
              Map<String, JsonNode> idx = new HashMap<>();
              for (JsonNode slice : audit.path("models").path(m).path("slices")) {
                String[] key = sliceKey(slice.path("attributes"));
                idx.putIfAbsent(key[0] + "=" + key[1], slice);
              }
              return idx;
            });
    return index.get(attr + "=" + group);
  }

  /**
   * A slice's status ("ok", "insufficient_data"); for a delta, insufficient if either model's is.
   */
  String sliceStatus(Subject s, String attr, String group) {
    List<String> models =
        s == Subject.DELTA ? List.of("student", "teacher") : List.of(s.yamlName());
    String status = null;
    for (String m : models) {
      JsonNode slice = findSlice(m, attr, group);
      if (slice != null) {
        String st = slice.path("status").asText("ok");
        status = status == null || st.equals("insufficient_data") ? st : status;
      }
    }
    return status;
  }

  String insufficientDetail(Subject s, String attr, String group) {
    String model = s == Subject.DELTA ? "student" : s.yamlName();
    JsonNode slice = findSlice(model, attr, group);
    JsonNode count = slice == null ? null : slice.get("count");
    JsonNode min = config("min_slice_size");
    String size =
        count != null && count.isNumber()
            ? String.format(Locale.ROOT, "%.0f rows", count.doubleValue())
            : "too few rows";
    return "insufficient data: "
        + size
        + (min.isNumber() ? ", below the minimum slice size of " + min.asText() : "");
  }

  /**
   * The group-vs-reference test of {@code attr=group} on {@code testMetric}: sets {@code p[0]} to
   * its adjusted p-value ({@code p_value} when not adjusted) and returns a short description, or
   * returns "" and leaves {@code p[0]} null when the audit has no such test.
   */
  String testDetail(Subject s, String attr, String group, String testMetric, Double[] p) {
    if (s == Subject.DELTA || testMetric == null) {
      return "";
    }
    Map<String, JsonNode> index =
        testsByKey.computeIfAbsent(
            s.yamlName(),
            m -> {
              Map<String, JsonNode> idx = new HashMap<>();
              for (JsonNode t : audit.path("models").path(m).path("tests")) {
                String key =
                    t.path("attribute").asText()
                        + "="
                        + t.path("group").asText()
                        + "|"
                        + t.path("metric").asText();
                idx.putIfAbsent(key, t);
              }
              return idx;
            });
    JsonNode t = index.get(attr + "=" + group + "|" + testMetric);
    if (t == null) {
      return "";
    }
    boolean adjusted = t.path("p_adjusted").isNumber();
    JsonNode pv = adjusted ? t.path("p_adjusted") : t.path("p_value");
    if (!pv.isNumber()) {
      return "";
    }
    p[0] = pv.doubleValue();
    String method = t.path("method").asText("test").replace('_', ' ');
    String corr = t.path("correction").asText("");
    return method
        + " on "
        + testMetric
        + " vs "
        + t.path("reference").asText("reference")
        + (adjusted && !corr.isEmpty() ? ", " + corr + "-adjusted" : "");
  }
}

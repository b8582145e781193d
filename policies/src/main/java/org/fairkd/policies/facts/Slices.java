package org.fairkd.policies.facts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
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

  JsonNode findSlice(String model, String attr, String group) {
    JsonNode slices = audit.path("models").path(model).path("slices");
    for (JsonNode slice : slices) {
      String[] key = sliceKey(slice.path("attributes"));
      if (key[0].equals(attr) && key[1].equals(group)) {
        return slice;
      }
    }
    return null;
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

  String testDetail(Subject s, String attr, String group, String testMetric, Double[] p) {
    if (s == Subject.DELTA || testMetric == null) {
      return "";
    }
    for (JsonNode t : audit.path("models").path(s.yamlName()).path("tests")) {
      if (attr.equals(t.path("attribute").asText())
          && group.equals(t.path("group").asText())
          && testMetric.equals(t.path("metric").asText())) {
        boolean adjusted = t.path("p_adjusted").isNumber();
        JsonNode pv = adjusted ? t.path("p_adjusted") : t.path("p_value");
        if (pv.isNumber()) {
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
    }
    return "";
  }
}

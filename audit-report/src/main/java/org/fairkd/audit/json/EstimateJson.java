package org.fairkd.audit.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.fairkd.fairness.report.Estimate;
import org.fairkd.fairness.report.UndefinedReason;

/**
 * The one mapping between an {@link Estimate} and its JSON: {@code {"value", "ci_low", "ci_high"}}
 * when defined, {@code {"value": null, "reason", "reason_code"}} when undefined (the code is the
 * typed {@link UndefinedReason}, lower case); a bare number reads as a value without interval
 * (distill.json's figures). Non-finite numbers are written as null.
 */
public final class EstimateJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private EstimateJson() {}

  /** The JSON object of an estimate. */
  public static ObjectNode write(Estimate e) {
    ObjectNode n = F.objectNode();
    number(n, "value", e.value());
    if (e.value() == null) {
      n.put("reason", e.reason());
      if (e.code() != null) {
        n.put("reason_code", code(e.code()));
      }
    } else {
      number(n, "ci_low", e.ciLow());
      number(n, "ci_high", e.ciHigh());
    }
    return n;
  }

  /** The estimate in {@code node}, or null when the node is absent, null or not an estimate. */
  public static Estimate read(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (node.isNumber()) {
      return new Estimate(finite(node.doubleValue()), null, null, null, null);
    }
    if (!isEstimate(node)) {
      return null;
    }
    JsonNode reason = node.get("reason");
    Double value = number(node.get("value"));
    return new Estimate(
        value,
        number(node.get("ci_low")),
        number(node.get("ci_high")),
        reason == null || reason.isNull() ? null : reason.asText(),
        value == null ? code(node.get("reason_code")) : null);
  }

  /** True when {@code node} is an estimate object (it has a numeric or null {@code value}). */
  static boolean isEstimate(JsonNode node) {
    JsonNode v = node.get("value");
    return node.isObject() && v != null && (v.isNumber() || v.isNull());
  }

  /** {@code e} as it reads back from its JSON ({@code read(write(e))}); null stays null. */
  public static Estimate asWritten(Estimate e) {
    if (e == null) {
      return null;
    }
    if (e.value() == null) {
      return new Estimate(null, null, null, e.reason(), e.code());
    }
    return new Estimate(finite(e.value()), finite(e.ciLow()), finite(e.ciHigh()), null, null);
  }

  /** A reason code as written: {@code insufficient_data}, {@code no_positives}, … */
  static String code(UndefinedReason r) {
    return r.name().toLowerCase(Locale.ROOT);
  }

  /** The reason code in {@code n}, or null when absent (or not one fairkd writes). */
  static UndefinedReason code(JsonNode n) {
    if (n == null || !n.isTextual()) {
      return null;
    }
    try {
      return UndefinedReason.valueOf(n.asText().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }

  static void number(ObjectNode n, String key, Double v) {
    if (v == null || v.isNaN() || v.isInfinite()) {
      n.putNull(key);
    } else {
      n.put(key, v);
    }
  }

  static Double number(JsonNode n) {
    return n != null && n.isNumber() ? finite(n.doubleValue()) : null;
  }

  private static Double finite(Double v) {
    return v == null || v.isNaN() || v.isInfinite() ? null : v;
  }
}

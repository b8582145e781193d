package org.fairkd.policies.facts;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An estimate as the audit reports it: {@code {"value": x, "ci_low": a, "ci_high": b}}, a bare
 * number (no interval), or {@code {"value": null, "reason": "..."}} when undefined.
 *
 * @param value the point estimate, or null when undefined
 * @param ciLow lower end of the confidence interval, or null
 * @param ciHigh upper end of the confidence interval, or null
 * @param reason why the estimate is undefined (empty otherwise)
 */
public record Estimate(Double value, Double ciLow, Double ciHigh, String reason) {

  /** The estimate in {@code node}, or null when the node is absent or not an estimate. */
  public static Estimate from(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (node.isNumber()) {
      return new Estimate(node.doubleValue(), null, null, "");
    }
    if (!node.isObject() || !node.has("value")) {
      return null;
    }
    return new Estimate(
        number(node.get("value")),
        number(node.get("ci_low")),
        number(node.get("ci_high")),
        node.path("reason").asText(""));
  }

  /** The point estimate alone, e.g. a difference of two reported figures. */
  public static Estimate point(double value) {
    return new Estimate(value, null, null, "");
  }

  /** True when the value is defined. */
  public boolean defined() {
    return value != null;
  }

  /** True when both ends of the interval are present. */
  public boolean hasInterval() {
    return ciLow != null && ciHigh != null;
  }

  private static Double number(JsonNode n) {
    return n != null && n.isNumber() && Double.isFinite(n.doubleValue()) ? n.doubleValue() : null;
  }
}

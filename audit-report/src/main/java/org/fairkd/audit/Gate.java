package org.fairkd.audit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The CI gate over an audit's rule checks. Exit 0 when every {@code fail}-severity check passes
 * (warnings allowed); 1 when one fails or cannot be evaluated ({@code error}: the gate fails
 * closed); with {@code strict}, any check that is not {@code pass} fails the gate.
 */
public final class Gate {
  private Gate() {}

  /** The exit code for {@code audit.rules}: 0 pass, 1 gate failed. */
  public static int exitCode(JsonNode audit, boolean strict) {
    for (JsonNode r : audit.path("rules")) {
      String status = r.path("status").asText("error");
      if (status.equals("pass")) {
        continue;
      }
      if (strict) {
        return 1;
      }
      boolean gating = !"warn".equals(r.path("severity").asText("fail"));
      if (status.equals("warn")) {
        continue;
      }
      if (gating || status.equals("error")) {
        return 1;
      }
    }
    return 0;
  }
}

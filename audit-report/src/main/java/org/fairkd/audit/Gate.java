package org.fairkd.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.fairkd.policies.eval.Verdict;

/**
 * The CI gate over an audit's rule checks, consistent with the audit's {@code verdict}: exit 0 when
 * every {@code fail}-severity check passes (warnings allowed); 1 when one fails or cannot be
 * evaluated ({@code error}: the gate fails closed). A {@code warn}-severity check can at most warn,
 * even when it cannot be evaluated. With {@code strict}, a warning fails the gate too.
 */
public final class Gate {
  private Gate() {}

  /** The exit code for {@code audit.rules}: 0 pass, 1 gate failed. */
  public static int exitCode(JsonNode audit, boolean strict) {
    for (JsonNode r : audit.path("rules")) {
      Verdict v = verdictOf(r);
      if (v == Verdict.FAIL || (strict && v == Verdict.WARN)) {
        return 1;
      }
    }
    return 0;
  }

  /**
   * What one check contributes to the verdict: a missing or unknown status or severity counts
   * against the release (fail closed).
   */
  static Verdict verdictOf(JsonNode rule) {
    String status = rule.path("status").asText("error");
    if (status.equals("pass")) {
      return Verdict.PASS;
    }
    boolean warnOnly = rule.path("severity").asText("fail").equals("warn");
    return warnOnly || status.equals("warn") ? Verdict.WARN : Verdict.FAIL;
  }
}

package org.fairkd.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.fairkd.policies.eval.Status;
import org.fairkd.policies.eval.Verdict;
import org.fairkd.policies.model.Severity;

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
   * What one check contributes, as the policy module judges it ({@link Verdict#of}); a missing or
   * unknown status counts as {@code error} and a missing or unknown severity as {@code fail}, so
   * the gate fails closed.
   */
  static Verdict verdictOf(JsonNode rule) {
    Status status = Status.ERROR;
    for (Status s : Status.values()) {
      if (s.jsonName().equals(rule.path("status").asText())) {
        status = s;
      }
    }
    Severity severity =
        Severity.WARN.yamlName().equals(rule.path("severity").asText())
            ? Severity.WARN
            : Severity.FAIL;
    return Verdict.of(status, severity);
  }
}

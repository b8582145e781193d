package org.fairkd.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class GateTest {
  static ObjectNode audit(String... severityStatus) {
    ObjectNode a = new ObjectMapper().createObjectNode();
    var rules = a.putArray("rules");
    for (String s : severityStatus) {
      String[] p = s.split("/");
      rules.addObject().put("severity", p[0]).put("status", p[1]);
    }
    return a;
  }

  @Test
  void exitCodes() {
    assertEquals(0, Gate.exitCode(audit("fail/pass", "warn/warn"), false));
    assertEquals(1, Gate.exitCode(audit("fail/pass", "warn/warn"), true));
    assertEquals(1, Gate.exitCode(audit("fail/fail"), false));
    assertEquals(1, Gate.exitCode(audit("fail/error"), false), "fails closed");
    assertEquals(0, Gate.exitCode(audit("warn/error"), false), "a warn rule can only warn");
    assertEquals(1, Gate.exitCode(audit("warn/error"), true), "... which fails under --strict");
    assertEquals(1, Gate.exitCode(audit("fail/bogus"), false), "unknown status fails closed");
    assertEquals(0, Gate.exitCode(audit("fail/warn"), false), "insufficient data warns");
    assertEquals(0, Gate.exitCode(audit("warn/fail"), false), "warn-severity never gates");
    assertEquals(0, Gate.exitCode(audit(), false));
  }

  @Test
  void gateAgreesWithThePolicyVerdictOfEveryOutcome() {
    for (var status : org.fairkd.policies.eval.Status.values()) {
      for (var severity : org.fairkd.policies.model.Severity.values()) {
        var verdict = org.fairkd.policies.eval.Verdict.of(status, severity);
        ObjectNode a = audit(severity.name().toLowerCase() + "/" + status.name().toLowerCase());
        assertEquals(verdict, Gate.verdictOf(a.path("rules").get(0)), status + "/" + severity);
      }
    }
  }
}

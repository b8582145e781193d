package org.fairkd.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.fairkd.audit.result.PolicyHeader;
import org.fairkd.audit.result.PolicyRecord;
import org.fairkd.audit.result.RuleCheck;
import org.fairkd.policies.eval.Evidence;
import org.fairkd.policies.eval.Finding;
import org.fairkd.policies.eval.Status;
import org.fairkd.policies.eval.Unevaluated;
import org.fairkd.policies.eval.Verdict;
import org.fairkd.policies.model.Comparator;
import org.fairkd.policies.model.EvidenceMode;
import org.fairkd.policies.model.Severity;
import org.fairkd.policies.model.Subject;
import org.fairkd.policies.model.Threshold;
import org.junit.jupiter.api.Test;

class GateTest {
  /** Checks given as "severity/status", e.g. "fail/pass". */
  static PolicyRecord policy(String... severityStatus) {
    List<RuleCheck> checks = new ArrayList<>();
    Verdict worst = Verdict.PASS;
    for (String s : severityStatus) {
      String[] p = s.split("/");
      Severity severity = Severity.valueOf(p[0].toUpperCase());
      Status status = Status.valueOf(p[1].toUpperCase());
      Verdict v = Verdict.of(status, severity);
      worst = worst.worst(v);
      Evidence e =
          new Evidence(
              null,
              null,
              null,
              0.95,
              null,
              Comparator.AT_LEAST,
              Threshold.of(Comparator.AT_LEAST, 0.8),
              null,
              EvidenceMode.POINT,
              0.05);
      checks.add(
          new RuleCheck(
              "r",
              "R",
              severity,
              status,
              finding(status),
              null,
              v,
              Subject.STUDENT,
              "auc",
              null,
              Comparator.AT_LEAST,
              e,
              "",
              ""));
    }
    PolicyHeader header = new PolicyHeader("p", "1", "P", "", "", List.of(), List.of(), List.of());
    return new PolicyRecord(worst, header, checks, null);
  }

  static Finding finding(Status status) {
    return switch (status) {
      case PASS -> Finding.SHOWN;
      case WARN, FAIL -> Finding.HARM;
      case ERROR -> Finding.NOT_EVALUATED;
    };
  }

  @Test
  void aRuleThatJudgedNothingIsBadInputNotAPass() {
    PolicyRecord p = policy("fail/pass");
    PolicyRecord nothing =
        new PolicyRecord(
            p.verdict(),
            p.policy(),
            p.checks(),
            new Unevaluated(
                "air-four-fifths", "attribute 'sex' has one group (m): nothing to compare"));
    AuditException e = assertThrows(AuditException.class, () -> Gate.exitCode(nothing, false));
    assertEquals(
        "rule air-four-fifths: attribute 'sex' has one group (m): nothing to compare",
        e.getMessage());
  }

  @Test
  void exitCodes() {
    assertEquals(0, Gate.exitCode(policy("fail/pass", "warn/warn"), false));
    assertEquals(1, Gate.exitCode(policy("fail/pass", "warn/warn"), true));
    assertEquals(1, Gate.exitCode(policy("fail/fail"), false));
    assertEquals(1, Gate.exitCode(policy("fail/error"), false), "fails closed");
    assertEquals(0, Gate.exitCode(policy("warn/error"), false), "a warn rule can only warn");
    assertEquals(1, Gate.exitCode(policy("warn/error"), true), "... which fails under --strict");
    assertEquals(0, Gate.exitCode(policy("fail/warn"), false), "insufficient data warns");
    assertEquals(0, Gate.exitCode(policy("warn/fail"), false), "warn-severity never gates");
    assertEquals(0, Gate.exitCode(policy(), false));
  }

  @Test
  void gateAgreesWithThePolicyVerdictOfEveryOutcome() {
    for (Status status : Status.values()) {
      for (Severity severity : Severity.values()) {
        PolicyRecord p = policy(severity.name() + "/" + status.name());
        assertEquals(p.verdict() == Verdict.FAIL ? 1 : 0, Gate.exitCode(p, false), p.toString());
        assertEquals(p.verdict() == Verdict.PASS ? 0 : 1, Gate.exitCode(p, true), "strict: " + p);
      }
    }
  }
}

package org.fairkd.audit.facts;

import static org.fairkd.audit.facts.AuditBuilder.est;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.fairkd.audit.json.AuditJsonReader;
import org.fairkd.policies.Policies;
import org.fairkd.policies.eval.Finding;
import org.fairkd.policies.eval.PolicyResult;
import org.fairkd.policies.eval.RuleOutcome;
import org.fairkd.policies.eval.Status;
import org.junit.jupiter.api.Test;

/**
 * The per-group student-versus-teacher rules of {@code lending-standard} on a hand-made audit.json:
 * the slice's paired DeLong test gates its AUC delta, the slice's fidelity its agreement, and a
 * not-shown outcome says how many rows would settle it.
 */
class PerGroupDeltaTest {

  private static AuditBuilder audit() {
    AuditBuilder a = new AuditBuilder();
    Object[][] groups = {
      // group, rows, delta auc, ci, delong p, agreement
      {"white", 600.0, est(0.001, -0.01, 0.012), 0.8, est(0.97, 0.96, 0.98)},
      {"black", 300.0, est(-0.028, -0.047, -0.008), 0.004, est(0.914, 0.88, 0.94)},
      {"other", 100.0, est(-0.016, -0.046, 0.014), 0.3, est(0.96, 0.92, 0.99)},
    };
    for (Object[] g : groups) {
      Map<String, String> k = Map.of("race", (String) g[0]);
      a.slice("student", k, "ok", (Double) g[1], "auc", est(0.7, 0.65, 0.75));
      a.slice("teacher", k, "ok", (Double) g[1], "auc", est(0.7, 0.65, 0.75));
      a.slice(
          "delta",
          k,
          "ok",
          (Double) g[1],
          "auc",
          (com.fasterxml.jackson.databind.node.ObjectNode) g[2]);
      a.sliceDelta(k, (Double) g[3], null, (com.fasterxml.jackson.databind.node.ObjectNode) g[4]);
    }
    return a;
  }

  private static List<RuleOutcome> outcomes(String ruleId) {
    PolicyResult r =
        Policies.evaluate(
            Policies.resolve("lending-standard"),
            new AuditFacts(AuditJsonReader.read(audit().root)));
    return r.outcomes().stream().filter(o -> o.rule().id().equals(ruleId)).toList();
  }

  @Test
  void groupAucFailsOnlyWhereThePairedDeLongTestIsSignificant() {
    List<RuleOutcome> auc = outcomes("group-auc-non-regression");
    assertEquals(
        List.of("race=white", "race=black", "race=other"),
        auc.stream().map(RuleOutcome::slice).toList());
    assertEquals(Status.PASS, auc.get(0).status());
    assertEquals(Finding.SHOWN, auc.get(0).finding());
    RuleOutcome black = auc.get(1);
    assertEquals(Status.FAIL, black.status());
    assertEquals(Finding.HARM, black.finding());
    assertEquals(0.004, black.evidence().pValue());
    assertTrue(black.explanation().contains("[DeLong test] — fails: harm."), black.explanation());
    assertNull(black.requiredRows());
    RuleOutcome other = auc.get(2);
    assertEquals(Status.WARN, other.status(), "a drop that is not significant warns");
    assertEquals(Finding.NOT_SHOWN, other.finding());
    // n · (h / |v − b|)²: h = 0.014 − (−0.016) = 0.030 (the interval end on the threshold's side),
    // margin |−0.016 − (−0.01)| = 0.006, n = the slice's 100 rows
    assertEquals((long) Math.ceil(100 * Math.pow(0.030 / 0.006, 2)), other.requiredRows());
    assertTrue(
        other
            .explanation()
            .contains(
                "warns: not shown — the breach is not significant; about "
                    + other.requiredRows()
                    + " rows in race=other would be needed"),
        other.explanation());
  }

  @Test
  void groupAgreementWarnsBelow95PercentFromTheSlicesFidelity() {
    List<RuleOutcome> agree = outcomes("group-agreement");
    assertEquals(3, agree.size());
    assertEquals(Status.PASS, agree.get(0).status());
    RuleOutcome black = agree.get(1);
    assertEquals(Status.WARN, black.status());
    assertEquals(Finding.HARM, black.finding());
    assertEquals(0.914, black.evidence().value());
    assertEquals(
        "Student fidelity (decision agreement with the teacher) for race=black is 0.914 (95% CI"
            + " 0.880–0.940), below 0.95; this rule only warns — warns: harm.",
        black.explanation());
  }

  @Test
  void withoutThePairedTestASignificantModeBreachIsNotEvaluated() {
    AuditBuilder a = new AuditBuilder();
    Map<String, String> k = Map.of("race", "black");
    a.slice("student", k, "ok", 300, "auc", est(0.7, 0.65, 0.75));
    a.slice("delta", k, "ok", 300, "auc", est(-0.028, -0.047, -0.008));
    PolicyResult r =
        Policies.evaluate(
            Policies.resolve("lending-standard"), new AuditFacts(AuditJsonReader.read(a.root)));
    RuleOutcome o =
        r.outcomes().stream()
            .filter(x -> x.rule().id().equals("group-auc-non-regression"))
            .findFirst()
            .orElseThrow();
    assertEquals(Status.ERROR, o.status());
    assertEquals(Finding.NOT_EVALUATED, o.finding());
  }
}

package org.fairkd.policies.eval;

import static org.fairkd.policies.eval.EvidenceModesTest.ATTRS;
import static org.fairkd.policies.eval.EvidenceModesTest.only;
import static org.fairkd.policies.eval.EvidenceModesTest.rule;
import static org.fairkd.policies.facts.FactsBuilder.est;
import static org.fairkd.policies.facts.FactsBuilder.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fairkd.policies.facts.FactsBuilder;
import org.fairkd.policies.model.Comparator;
import org.fairkd.policies.model.EvidenceMode;
import org.fairkd.policies.model.Policy;
import org.fairkd.policies.model.Rule;
import org.fairkd.policies.model.Severity;
import org.fairkd.policies.model.Subject;
import org.fairkd.policies.model.Threshold;
import org.junit.jupiter.api.Test;

/** Harm versus not shown, the rows that would settle a not-shown outcome, and nothing evaluated. */
class FindingsTest {
  static Rule dpd(Severity severity) {
    return rule(
        "demographic_parity_difference",
        Subject.DELTA,
        ATTRS,
        Comparator.AT_MOST,
        Threshold.of(Comparator.AT_MOST, 0.02),
        null,
        EvidenceMode.CI,
        severity);
  }

  static FactsBuilder dpdAudit(double v, double lo, double hi, double rows) {
    return new FactsBuilder()
        .attribute(Subject.DELTA, "sex", "demographic_parity_difference", est(v, lo, hi))
        .rows(Subject.DELTA, null, rows);
  }

  @Test
  void anEstimateBeyondTheThresholdIsHarm() {
    RuleOutcome o = only(dpd(Severity.FAIL), dpdAudit(0.03, 0.025, 0.035, 2000));
    assertEquals(Status.FAIL, o.status());
    assertEquals(Finding.HARM, o.finding());
    assertNull(o.requiredRows());
    assertTrue(o.explanation().endsWith("its interval reaches above 0.02 — fails: harm."));
  }

  @Test
  void anIntervalCrossingTheThresholdIsNotShownWithTheRowsThatWouldSettleIt() {
    // estimate 0.01, upper end 0.04: h = 0.03, margin 0.01, n = 2000 → 2000 · 3² = 18000
    RuleOutcome o = only(dpd(Severity.FAIL), dpdAudit(0.01, -0.02, 0.04, 2000));
    assertEquals(Status.FAIL, o.status(), "the gate stays fail-closed");
    assertEquals(Finding.NOT_SHOWN, o.finding());
    assertEquals(18000L, o.requiredRows());
    assertTrue(
        o.explanation()
            .contains(
                "— fails: not shown — interval too wide; about 18000 test rows would be needed"
                    + " (n · (half-width / |estimate − bound|)² with n = 2000"),
        o.explanation());
  }

  @Test
  void atTheRequiredRowsTheScaledIntervalJustClearsTheThreshold() {
    // an interval whose half-width shrinks as 1/√n clears the bound at n_req: simulate the scaling
    double v = 0.012;
    double h = 0.021;
    double n = 1234;
    RuleOutcome o = only(dpd(Severity.FAIL), dpdAudit(v, v - h, v + h, n));
    long req = o.requiredRows();
    double scaledAtReq = v + h * Math.sqrt(n / req);
    double scaledBefore = v + h * Math.sqrt(n / (req - 1.0));
    assertTrue(scaledAtReq <= 0.02 + 1e-12, "clears at n_req: " + scaledAtReq);
    assertTrue(scaledBefore > 0.02, "not one row earlier: " + scaledBefore);
  }

  @Test
  void betweenTakesTheCrossedEndAndNoRowCountMeansNoEstimate() {
    Rule smd =
        rule(
            "standardized_mean_difference",
            Subject.STUDENT,
            ATTRS,
            Comparator.BETWEEN,
            new Threshold(-0.3, 0.3),
            null,
            EvidenceMode.CI,
            Severity.FAIL);
    FactsBuilder a =
        new FactsBuilder()
            .group(
                Subject.STUDENT,
                "sex",
                "standardized_mean_difference",
                "female",
                est(-0.2, -0.4, 0.0))
            .rows(Subject.STUDENT, key("sex", "female"), 500);
    RuleOutcome o = only(smd, a);
    assertEquals(Finding.NOT_SHOWN, o.finding());
    assertEquals(2000L, o.requiredRows(), "500 · (0.2 / 0.1)², rows of the group");
    assertTrue(o.explanation().contains("about 2000 rows in sex=female would be needed"));
    RuleOutcome none =
        only(
            dpd(Severity.FAIL),
            new FactsBuilder()
                .attribute(
                    Subject.DELTA, "sex", "demographic_parity_difference", est(0.01, -0.02, 0.04)));
    assertEquals(Finding.NOT_SHOWN, none.finding());
    assertNull(none.requiredRows());
    assertTrue(none.explanation().contains("cannot be estimated (the audit gives no row count"));
  }

  @Test
  void aPassIsShownAndAnUndefinedFigureNotEvaluated() {
    assertEquals(
        Finding.SHOWN, only(dpd(Severity.FAIL), dpdAudit(0.0, -0.01, 0.01, 100)).finding());
    RuleOutcome u =
        only(
            dpd(Severity.FAIL),
            new FactsBuilder()
                .attribute(
                    Subject.DELTA,
                    "sex",
                    "demographic_parity_difference",
                    FactsBuilder.undefined("no positives")));
    assertEquals(Finding.NOT_EVALUATED, u.finding());
    assertEquals(Status.ERROR, u.status());
  }

  @Test
  void aFailRuleThatJudgedNothingIsUnevaluatedAndNeverPasses() {
    FactsBuilder oneGroup =
        new FactsBuilder()
            .slice(Subject.DELTA, key("sex", "m"), "selection_rate", est(0.0, -0.01, 0.01))
            .attribute(
                Subject.DELTA,
                "sex",
                "demographic_parity_difference",
                FactsBuilder.undefined("too few groups"));
    Policy p = new Policy("p", "1", "P", "", "", List.of(), List.of(), List.of(dpd(Severity.FAIL)));
    PolicyResult r = PolicyEvaluator.evaluate(p, oneGroup);
    assertEquals(Verdict.FAIL, r.verdict());
    assertEquals(
        "rule r1: attribute 'sex' has one group (m): nothing to compare",
        r.unevaluated().orElseThrow().message());
    // a warn rule that judged nothing alone in its policy is unevaluated too
    Policy w = new Policy("p", "1", "P", "", "", List.of(), List.of(), List.of(dpd(Severity.WARN)));
    assertTrue(PolicyEvaluator.evaluate(w, oneGroup).unevaluated().isPresent());
    // ... but beside a judged fail rule it is not
    Policy both =
        new Policy(
            "p",
            "1",
            "P",
            "",
            "",
            List.of(),
            List.of(),
            List.of(dpd(Severity.WARN), dpd(Severity.FAIL)));
    FactsBuilder judged = dpdAudit(0.0, -0.01, 0.01, 100);
    assertTrue(PolicyEvaluator.evaluate(both, judged).unevaluated().isEmpty());
  }
}

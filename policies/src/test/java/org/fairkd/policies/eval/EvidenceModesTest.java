package org.fairkd.policies.eval;

import static org.fairkd.policies.facts.FactsBuilder.est;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fairkd.policies.facts.FactsBuilder;
import org.fairkd.policies.model.Comparator;
import org.fairkd.policies.model.EvidenceMode;
import org.fairkd.policies.model.InsufficientDataAction;
import org.fairkd.policies.model.Policy;
import org.fairkd.policies.model.Rule;
import org.fairkd.policies.model.Scope;
import org.fairkd.policies.model.Severity;
import org.fairkd.policies.model.Subject;
import org.fairkd.policies.model.Threshold;
import org.junit.jupiter.api.Test;

/** Every evidence mode at its boundaries, on hand-made figures. */
class EvidenceModesTest {
  static final Scope ATTRS = Scope.of(Scope.Kind.ATTRIBUTES);

  static Rule rule(
      String metric,
      Subject subject,
      Scope scope,
      Comparator c,
      Threshold t,
      Threshold warn,
      EvidenceMode mode,
      Severity severity) {
    return new Rule(
        "r1",
        "Rule one",
        "",
        "",
        metric,
        subject,
        scope,
        c,
        t,
        warn,
        mode,
        0.05,
        severity,
        InsufficientDataAction.WARN);
  }

  static Rule air(EvidenceMode mode, Double warn) {
    return rule(
        "adverse_impact_ratio",
        Subject.STUDENT,
        ATTRS,
        Comparator.AT_LEAST,
        Threshold.of(Comparator.AT_LEAST, 0.8),
        warn == null ? null : Threshold.of(Comparator.AT_LEAST, warn),
        mode,
        Severity.FAIL);
  }

  static RuleOutcome only(Rule rule, FactsBuilder audit) {
    Policy p = new Policy("p", "1", "P", "", "", List.of(), List.of(), List.of(rule));
    PolicyResult r = PolicyEvaluator.evaluate(p, audit);
    assertEquals(1, r.outcomes().size(), r.outcomes().toString());
    return r.outcomes().get(0);
  }

  static FactsBuilder airAudit(double v, double lo, double hi) {
    return new FactsBuilder()
        .group(Subject.STUDENT, "sex", "adverse_impact_ratio", "female", est(v, lo, hi));
  }

  // ---- point

  @Test
  void pointValueExactlyAtThresholdPasses() {
    RuleOutcome o = only(air(EvidenceMode.POINT, null), airAudit(0.8, 0.7, 0.9));
    assertEquals(Status.PASS, o.status());
    assertEquals("sex=female", o.slice());
    assertEquals(
        "Student adverse impact ratio for sex=female is 0.800 (95% CI 0.700–0.900), at or above 0.8.",
        o.explanation());
  }

  @Test
  void pointJustBelowThresholdFailsAndPrintsEnoughDigits() {
    RuleOutcome o = only(air(EvidenceMode.POINT, null), airAudit(0.7995, 0.7, 0.9));
    assertEquals(Status.FAIL, o.status());
    assertEquals(Verdict.FAIL, o.verdict());
    assertTrue(
        o.explanation().endsWith("is 0.7995 (95% CI 0.700–0.900), below 0.8 — fails: harm."),
        o.explanation());
  }

  @Test
  void pointWarnBandIsHalfOpen() {
    assertEquals(Status.WARN, only(air(EvidenceMode.POINT, 0.9), airAudit(0.8, 0.7, 0.9)).status());
    assertEquals(
        Status.WARN, only(air(EvidenceMode.POINT, 0.9), airAudit(0.89, 0.7, 0.9)).status());
    RuleOutcome atWarn = only(air(EvidenceMode.POINT, 0.9), airAudit(0.9, 0.8, 1.0));
    assertEquals(Status.PASS, atWarn.status());
    assertTrue(
        atWarn.explanation().endsWith("at or above 0.9 (the warning level)."),
        atWarn.explanation());
    RuleOutcome band = only(air(EvidenceMode.POINT, 0.9), airAudit(0.85, 0.8, 0.9));
    assertTrue(
        band.explanation()
            .endsWith("at or above 0.8 but below 0.9 (the warning level) — warns: harm."),
        band.explanation());
  }

  // ---- ci

  @Test
  void ciLowerBoundExactlyAtThresholdPasses() {
    RuleOutcome o = only(air(EvidenceMode.CI, null), airAudit(0.9, 0.8, 1.0));
    assertEquals(Status.PASS, o.status());
    assertTrue(
        o.explanation().endsWith("; its whole interval is at or above 0.8."), o.explanation());
  }

  @Test
  void ciIntervalStraddlingThresholdFailsThoughPointPasses() {
    FactsBuilder a = airAudit(0.82, 0.75, 0.89);
    assertEquals(Status.PASS, only(air(EvidenceMode.POINT, null), a).status());
    RuleOutcome o = only(air(EvidenceMode.CI, null), a);
    assertEquals(Status.FAIL, o.status());
    assertTrue(
        o.explanation()
            .contains("; its interval reaches below 0.8 — fails: not shown — interval too wide;"),
        o.explanation());
  }

  @Test
  void ciInsideThresholdButReachingIntoWarnBandWarns() {
    RuleOutcome o = only(air(EvidenceMode.CI, 0.9), airAudit(0.95, 0.85, 1.05));
    assertEquals(Status.WARN, o.status());
  }

  @Test
  void ciWithoutIntervalIsAnError() {
    FactsBuilder a =
        new FactsBuilder()
            .group(
                Subject.STUDENT, "sex", "adverse_impact_ratio", "female", FactsBuilder.point(0.95));
    RuleOutcome o = only(air(EvidenceMode.CI, null), a);
    assertEquals(Status.ERROR, o.status());
    assertEquals(Verdict.FAIL, o.verdict());
    assertTrue(o.explanation().contains("no confidence interval"), o.explanation());
  }

  @Test
  void nonInferiorityOnPairedIntervalUsesUpperBoundForLowerIsBetter() {
    Rule dpd =
        rule(
            "demographic_parity_difference",
            Subject.DELTA,
            ATTRS,
            Comparator.AT_MOST,
            Threshold.of(Comparator.AT_MOST, 0.02),
            null,
            EvidenceMode.CI,
            Severity.FAIL);
    FactsBuilder at =
        new FactsBuilder()
            .attribute(
                Subject.DELTA, "sex", "demographic_parity_difference", est(0.005, -0.01, 0.02));
    RuleOutcome pass = only(dpd, at);
    assertEquals(Status.PASS, pass.status());
    assertEquals("sex", pass.slice());
    assertEquals(
        "Change (student − teacher) in demographic parity difference for sex is 0.00500"
            + " (95% CI -0.0100 to 0.0200); its whole interval is at or below 0.02.",
        pass.explanation());
    FactsBuilder over =
        new FactsBuilder()
            .attribute(
                Subject.DELTA, "sex", "demographic_parity_difference", est(0.005, -0.01, 0.0201));
    assertEquals(Status.FAIL, only(dpd, over).status());
  }

  // ---- significant

  @Test
  void significantBreachFailsWithTheIssuesSentence() {
    FactsBuilder a = airAudit(0.74, 0.69, 0.80).test(Subject.STUDENT, "sex", "female", 0.002);
    RuleOutcome o = only(air(EvidenceMode.SIGNIFICANT, 0.9), a);
    assertEquals(Status.FAIL, o.status());
    assertEquals(0.002, o.evidence().pValue());
    assertEquals(
        "Student adverse impact ratio for sex=female is 0.740 (95% CI 0.690–0.800), below 0.8 and"
            + " significant (p = 0.002, α = 0.05) [fisher exact on selection_rate vs male,"
            + " holm-adjusted] — fails: harm.",
        o.explanation());
  }

  @Test
  void significantBreachNotSignificantWarns() {
    FactsBuilder a = airAudit(0.74, 0.6, 0.9).test(Subject.STUDENT, "sex", "female", 0.21);
    RuleOutcome o = only(air(EvidenceMode.SIGNIFICANT, null), a);
    assertEquals(Status.WARN, o.status());
    assertTrue(
        o.explanation().contains("below 0.8 but not significant (p = 0.21, α = 0.05)"),
        o.explanation());
  }

  @Test
  void pValueExactlyAlphaIsNotSignificant() {
    FactsBuilder a = airAudit(0.7, 0.6, 0.8).test(Subject.STUDENT, "sex", "female", 0.05);
    assertEquals(Status.WARN, only(air(EvidenceMode.SIGNIFICANT, null), a).status());
    FactsBuilder b = airAudit(0.7, 0.6, 0.8).test(Subject.STUDENT, "sex", "female", 0.0499);
    assertEquals(Status.FAIL, only(air(EvidenceMode.SIGNIFICANT, null), b).status());
  }

  @Test
  void significantValueAtThresholdPassesEvenWhenSignificant() {
    FactsBuilder a = airAudit(0.8, 0.78, 0.82).test(Subject.STUDENT, "sex", "female", 0.001);
    RuleOutcome pass = only(air(EvidenceMode.SIGNIFICANT, null), a);
    assertEquals(Status.PASS, pass.status());
    assertEquals(0.001, pass.evidence().pValue());
    assertTrue(pass.explanation().endsWith("at or above 0.8."), pass.explanation());
    assertEquals(Status.WARN, only(air(EvidenceMode.SIGNIFICANT, 0.9), a).status());
  }

  @Test
  void significantBreachWithoutTestIsAnErrorButAPassNeedsNoTest() {
    RuleOutcome o = only(air(EvidenceMode.SIGNIFICANT, null), airAudit(0.7, 0.6, 0.8));
    assertEquals(Status.ERROR, o.status());
    assertTrue(o.explanation().contains("no significance test"), o.explanation());
    assertEquals(
        Status.PASS, only(air(EvidenceMode.SIGNIFICANT, null), airAudit(0.95, 0.9, 1)).status());
  }

  @Test
  void deltaAucSignificantUsesDeLong() {
    Rule r =
        rule(
            "auc",
            Subject.DELTA,
            Scope.of(Scope.Kind.OVERALL),
            Comparator.AT_LEAST,
            Threshold.of(Comparator.AT_LEAST, -0.01),
            null,
            EvidenceMode.SIGNIFICANT,
            Severity.FAIL);
    FactsBuilder a =
        new FactsBuilder()
            .overall(Subject.DELTA, "auc", est(-0.02, -0.03, -0.01))
            .pairedTest("auc", "delong_auc", 0.001);
    RuleOutcome o = only(r, a);
    assertEquals(Status.FAIL, o.status());
    assertEquals(null, o.slice());
    assertTrue(
        o.explanation().startsWith("Change (student − teacher) in AUC overall is -0.020"),
        o.explanation());
    assertTrue(o.explanation().contains("[DeLong test]"), o.explanation());
  }

  // ---- between, severity

  @Test
  void betweenIsInclusiveOnBothEnds() {
    Rule smd =
        rule(
            "standardized_mean_difference",
            Subject.STUDENT,
            ATTRS,
            Comparator.BETWEEN,
            new Threshold(-0.3, 0.3),
            null,
            EvidenceMode.POINT,
            Severity.WARN);
    FactsBuilder lo =
        new FactsBuilder()
            .group(
                Subject.STUDENT,
                "race",
                "standardized_mean_difference",
                "black",
                est(-0.3, -0.4, -0.2));
    assertEquals(Status.PASS, only(smd, lo).status());
    FactsBuilder hi =
        new FactsBuilder()
            .group(
                Subject.STUDENT,
                "race",
                "standardized_mean_difference",
                "black",
                est(0.31, 0.2, 0.4));
    RuleOutcome o = only(smd, hi);
    assertEquals(Status.WARN, o.status(), "a warn-severity rule never fails");
    assertEquals(Verdict.WARN, o.verdict());
    assertTrue(
        o.explanation().endsWith("outside -0.3 to 0.3; this rule only warns — warns: harm."),
        o.explanation());
  }
}

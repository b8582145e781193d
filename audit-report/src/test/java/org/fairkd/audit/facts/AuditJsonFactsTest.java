package org.fairkd.audit.facts;

import static org.fairkd.audit.facts.AuditBuilder.est;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.fairkd.audit.json.AuditJsonReader;
import org.fairkd.policies.Policies;
import org.fairkd.policies.eval.PolicyResult;
import org.fairkd.policies.eval.RuleOutcome;
import org.fairkd.policies.eval.Status;
import org.fairkd.policies.eval.Verdict;
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

/**
 * What a policy finds in an audit.json read back ({@link AuditJsonReader} → {@link AuditFacts}):
 * slice status and reference size make figures insufficient, skipped groups stay in scope, absent
 * sections fail closed with their audit.json location, and scopes select the right slices.
 */
class AuditJsonFactsTest {
  static final Scope ATTRS = Scope.of(Scope.Kind.ATTRIBUTES);

  static Rule rule(
      String metric, Subject subject, Scope scope, Severity sev, InsufficientDataAction ida) {
    return new Rule(
        "r",
        "R",
        "",
        "",
        metric,
        subject,
        scope,
        Comparator.AT_LEAST,
        Threshold.of(Comparator.AT_LEAST, 0.8),
        null,
        EvidenceMode.POINT,
        0.05,
        sev,
        ida);
  }

  static Rule rule(String metric, Subject subject, Scope scope) {
    return rule(metric, subject, scope, Severity.FAIL, InsufficientDataAction.WARN);
  }

  static PolicyResult eval(AuditBuilder a, Rule... rules) {
    Policy p = new Policy("p", "1", "P", "", "", List.of(), List.of(), List.of(rules));
    return Policies.evaluate(p, new AuditFacts(AuditJsonReader.read(a.root)));
  }

  static Map<String, Status> statusBySlice(PolicyResult r) {
    Map<String, Status> m = new java.util.LinkedHashMap<>();
    r.outcomes().forEach(o -> m.put(String.valueOf(o.slice()), o.status()));
    return m;
  }

  static AuditBuilder withSmallAsianSlice() {
    return new AuditBuilder()
        .slice(
            "student", Map.of("race", "white"), "ok", 600, "selection_rate", est(0.6, 0.55, 0.65))
        .slice(
            "student",
            Map.of("race", "asian"),
            "insufficient_data",
            12,
            "selection_rate",
            est(0.5, 0.2, 0.8))
        .group("student", "race", "adverse_impact_ratio", "black", est(0.9, 0.85, 0.95))
        .group("student", "race", "adverse_impact_ratio", "asian", est(0.7, 0.4, 1.1))
        .skipped(
            "student", "race", "other", "insufficient_data: weighted count 8.0 < min slice size 30")
        .skipped(
            "student",
            "race",
            "white",
            "insufficient_data: weighted count 5.0 < min slice size 30 (reference group)")
        .skipped(
            "student",
            "race",
            "black",
            "true_positive_rate undefined (no favourable-label rows in slice): left out of the disparities built on it");
  }

  @Test
  void insufficientSlicesFollowTheRule() {
    AuditBuilder a = withSmallAsianSlice();
    PolicyResult warn = eval(a, rule("adverse_impact_ratio", Subject.STUDENT, ATTRS));
    // black passes; asian is insufficient (its slice), other was skipped as insufficient; the
    // reference's own skipped entry and the TPR-only skip do not concern the adverse impact ratio
    assertEquals(
        Map.of("race=black", Status.PASS, "race=asian", Status.WARN, "race=other", Status.WARN),
        statusBySlice(warn));
    RuleOutcome asian = warn.outcomes().get(1);
    assertEquals(
        "Student adverse impact ratio for race=asian cannot be judged (insufficient data: 12 rows,"
            + " below the minimum slice size of 30); the policy counts this as warn.",
        asian.explanation());
    assertEquals(Verdict.WARN, warn.verdict());
    PolicyResult fail =
        eval(
            a,
            rule(
                "adverse_impact_ratio",
                Subject.STUDENT,
                ATTRS,
                Severity.FAIL,
                InsufficientDataAction.FAIL));
    assertEquals(Verdict.FAIL, fail.verdict());
    assertEquals(2, fail.count(Status.FAIL));
    PolicyResult error =
        eval(
            a,
            rule(
                "adverse_impact_ratio",
                Subject.STUDENT,
                ATTRS,
                Severity.WARN,
                InsufficientDataAction.ERROR));
    assertEquals(2, error.count(Status.ERROR));
    assertEquals(Verdict.WARN, error.verdict(), "an error of a warn-severity rule warns");
  }

  @Test
  void skippedGroupWhoseBaseIsUndefinedIsAnErrorForDisparitiesBuiltOnIt() {
    AuditBuilder a =
        withSmallAsianSlice()
            .group("student", "race", "average_odds_difference", "asian", est(0.0, -0.1, 0.1));
    PolicyResult r = eval(a, rule("average_odds_difference", Subject.STUDENT, ATTRS));
    assertEquals(Status.ERROR, statusBySlice(r).get("race=black"));
    assertTrue(
        r.outcomes().stream()
            .anyMatch(
                o ->
                    o.explanation()
                        .contains(
                            "is undefined (left out of the disparity: true_positive_rate undefined")));
  }

  @Test
  void undefinedEstimateIsAnErrorThatFailsTheGate() {
    AuditBuilder a =
        new AuditBuilder()
            .group(
                "student",
                "sex",
                "adverse_impact_ratio",
                "female",
                AuditBuilder.undefined("reference rate is 0"));
    PolicyResult r = eval(a, rule("adverse_impact_ratio", Subject.STUDENT, ATTRS));
    RuleOutcome o = r.outcomes().get(0);
    assertEquals(Status.ERROR, o.status());
    assertEquals(Verdict.FAIL, r.verdict());
    assertEquals(
        "Student adverse impact ratio for sex=female is undefined (reference rate is 0); an"
            + " undefined figure never passes.",
        o.explanation());
  }

  @Test
  void undefinedBecauseTheReferenceIsTooSmallCountsAsInsufficientData() {
    AuditBuilder a =
        new AuditBuilder()
            .slice(
                "student",
                Map.of("sex", "male"),
                "insufficient_data",
                9,
                "selection_rate",
                est(0.5, 0.2, 0.8))
            .slice(
                "student",
                Map.of("sex", "female"),
                "ok",
                40,
                "selection_rate",
                est(0.4, 0.25, 0.55))
            .group(
                "student",
                "sex",
                "adverse_impact_ratio",
                "female",
                AuditBuilder.undefined(
                    "reference group unusable: selection_rate undefined or"
                        + " insufficient data"));
    RuleOutcome o = eval(a, rule("adverse_impact_ratio", Subject.STUDENT, ATTRS)).outcomes().get(0);
    assertEquals(Status.WARN, o.status());
    assertEquals(
        "Student adverse impact ratio for sex=female cannot be judged (reference group male has"
            + " insufficient data: 9 rows, below the minimum slice size of 30); the policy counts"
            + " this as warn.",
        o.explanation());
  }

  @Test
  void missingAttributesGroupsAndSectionsAreErrors() {
    AuditBuilder a =
        new AuditBuilder()
            .group("student", "sex", "adverse_impact_ratio", "female", est(0.9, 0.85, 0.95));
    Rule named =
        rule(
            "adverse_impact_ratio",
            Subject.STUDENT,
            new Scope(Scope.Kind.ATTRIBUTES, List.of("race"), null));
    RuleOutcome race = eval(a, named).outcomes().get(0);
    assertEquals(Status.ERROR, race.status());
    assertEquals(
        "Student adverse impact ratio for race cannot be evaluated: attribute 'race' is not in the"
            + " audit result (expected at models.student.disparities); the gate fails closed.",
        race.explanation());
    Rule group =
        rule(
            "adverse_impact_ratio",
            Subject.STUDENT,
            new Scope(Scope.Kind.GROUP, List.of("sex"), "nonbinary"));
    assertEquals(Map.of("sex=nonbinary", Status.ERROR), statusBySlice(eval(a, group)));
    Rule teacher = rule("adverse_impact_ratio", Subject.TEACHER, ATTRS);
    RuleOutcome nothing = eval(a, teacher).outcomes().get(0);
    assertEquals(Status.ERROR, nothing.status());
    assertTrue(
        nothing.explanation().contains("nothing in the audit result is in scope"),
        nothing.explanation());
    Rule speed = rule("latency_speedup", Subject.STUDENT, Scope.of(Scope.Kind.OVERALL));
    RuleOutcome noDistill = eval(a, speed).outcomes().get(0);
    assertEquals(Status.ERROR, noDistill.status());
    assertTrue(
        noDistill.explanation().contains("no distillation section"), noDistill.explanation());
    Rule fid = rule("fidelity", Subject.STUDENT, Scope.of(Scope.Kind.OVERALL));
    assertEquals(Status.ERROR, eval(a, fid).outcomes().get(0).status());
  }

  @Test
  void modelFiguresAreFoundWhereTheContractPutsThem() {
    AuditBuilder a =
        new AuditBuilder()
            .comparison("fidelity", est(0.95, 0.94, 0.96))
            .comparison("kl_divergence", AuditBuilder.point(0.01))
            .latencySpeedup(12.5);
    Rule fid = rule("fidelity", Subject.STUDENT, Scope.of(Scope.Kind.OVERALL));
    RuleOutcome o = eval(a, fid).outcomes().get(0);
    assertEquals(Status.PASS, o.status());
    assertEquals(
        "Student fidelity (decision agreement with the teacher) is 0.950 (95% CI 0.940–0.960), at or"
            + " above 0.8.",
        o.explanation());
    Rule kl =
        new Rule(
            "kl",
            "KL",
            "",
            "",
            "kl",
            Subject.STUDENT,
            Scope.of(Scope.Kind.OVERALL),
            Comparator.AT_MOST,
            Threshold.of(Comparator.AT_MOST, 0.01),
            null,
            EvidenceMode.POINT,
            0.05,
            Severity.FAIL,
            InsufficientDataAction.WARN);
    assertEquals(Status.PASS, eval(a, kl).outcomes().get(0).status());
    Rule speed = rule("latency_speedup", Subject.STUDENT, Scope.of(Scope.Kind.OVERALL));
    RuleOutcome s = eval(a, speed).outcomes().get(0);
    assertEquals(12.5, s.evidence().value());
    assertEquals("Student latency speedup is 12.5, at or above 0.8.", s.explanation());
  }

  @Test
  void sliceScopesSelectAttributesIntersectionsAndGroups() {
    AuditBuilder a =
        new AuditBuilder()
            .slice(
                "student",
                Map.of("sex", "female"),
                "ok",
                300,
                "true_positive_rate",
                est(0.85, 0.8, 0.9))
            .slice(
                "student",
                Map.of("sex", "male"),
                "ok",
                700,
                "true_positive_rate",
                est(0.9, 0.85, 0.95))
            .slice(
                "student",
                new java.util.TreeMap<>(Map.of("race", "black", "sex", "female")),
                "ok",
                40,
                "true_positive_rate",
                est(0.7, 0.5, 0.9));
    Map<String, Status> attrs =
        statusBySlice(eval(a, rule("true_positive_rate", Subject.STUDENT, ATTRS)));
    assertEquals(Map.of("sex=female", Status.PASS, "sex=male", Status.PASS), attrs);
    Map<String, Status> inter =
        statusBySlice(
            eval(
                a,
                rule("true_positive_rate", Subject.STUDENT, Scope.of(Scope.Kind.INTERSECTIONS))));
    assertEquals(Map.of("race*sex=black*female", Status.FAIL), inter);
    assertEquals(
        3,
        eval(a, rule("true_positive_rate", Subject.STUDENT, Scope.of(Scope.Kind.ALL)))
            .outcomes()
            .size());
    Rule female =
        rule(
            "true_positive_rate",
            Subject.STUDENT,
            new Scope(Scope.Kind.GROUP, List.of("sex"), "female"));
    assertEquals(Map.of("sex=female", Status.PASS), statusBySlice(eval(a, female)));
    Rule named =
        rule(
            "true_positive_rate",
            Subject.STUDENT,
            new Scope(Scope.Kind.ATTRIBUTES, List.of("race*sex"), null));
    assertEquals(Map.of("race*sex=black*female", Status.FAIL), statusBySlice(eval(a, named)));
  }

  @Test
  void deltaSliceIsInsufficientWhenEitherModelsSliceIs() {
    AuditBuilder a =
        new AuditBuilder()
            .slice(
                "teacher",
                Map.of("sex", "female"),
                "insufficient_data",
                20,
                "selection_rate",
                est(0.5, 0.3, 0.7))
            .slice(
                "student", Map.of("sex", "female"), "ok", 20, "selection_rate", est(0.5, 0.3, 0.7))
            .slice(
                "delta", Map.of("sex", "female"), "ok", 0, "selection_rate", est(0.0, -0.1, 0.1));
    Rule r =
        new Rule(
            "d",
            "D",
            "",
            "",
            "selection_rate",
            Subject.DELTA,
            ATTRS,
            Comparator.BETWEEN,
            new Threshold(-0.05, 0.05),
            null,
            EvidenceMode.CI,
            0.05,
            Severity.FAIL,
            InsufficientDataAction.WARN);
    assertEquals(Map.of("sex=female", Status.WARN), statusBySlice(eval(a, r)));
  }

  @Test
  void overallVerdictIsTheWorst() {
    AuditBuilder a =
        new AuditBuilder()
            .group("student", "sex", "adverse_impact_ratio", "female", est(0.85, 0.8, 0.9))
            .comparison("fidelity", est(0.5, 0.4, 0.6));
    Rule airWarn =
        new Rule(
            "a",
            "A",
            "",
            "",
            "adverse_impact_ratio",
            Subject.STUDENT,
            ATTRS,
            Comparator.AT_LEAST,
            Threshold.of(Comparator.AT_LEAST, 0.8),
            Threshold.of(Comparator.AT_LEAST, 0.9),
            EvidenceMode.POINT,
            0.05,
            Severity.FAIL,
            InsufficientDataAction.WARN);
    assertEquals(Verdict.WARN, eval(a, airWarn).verdict());
    assertEquals(
        Verdict.FAIL,
        eval(a, airWarn, rule("fidelity", Subject.STUDENT, Scope.of(Scope.Kind.OVERALL)))
            .verdict());
    assertEquals(Verdict.PASS, eval(a).verdict());
  }

  @Test
  void significanceComesFromTheModelsTestsAndThePairedTests() {
    Rule air =
        new Rule(
            "air",
            "AIR",
            "",
            "",
            "adverse_impact_ratio",
            Subject.STUDENT,
            ATTRS,
            Comparator.AT_LEAST,
            Threshold.of(Comparator.AT_LEAST, 0.8),
            null,
            EvidenceMode.SIGNIFICANT,
            0.05,
            Severity.FAIL,
            InsufficientDataAction.WARN);
    AuditBuilder a =
        new AuditBuilder()
            .group("student", "sex", "adverse_impact_ratio", "female", est(0.74, 0.69, 0.80))
            .test("student", "sex", "female", 0.002);
    RuleOutcome o = eval(a, air).outcomes().get(0);
    assertEquals(Status.FAIL, o.status());
    assertEquals(0.002, o.evidence().pValue());
    assertEquals(
        "Student adverse impact ratio for sex=female is 0.740 (95% CI 0.690–0.800), below 0.8 and"
            + " significant (p = 0.002, α = 0.05) [fisher exact on selection_rate vs male,"
            + " holm-adjusted] — fails: harm.",
        o.explanation());
    Rule auc =
        new Rule(
            "auc",
            "AUC",
            "",
            "",
            "auc",
            Subject.DELTA,
            Scope.of(Scope.Kind.OVERALL),
            Comparator.AT_LEAST,
            Threshold.of(Comparator.AT_LEAST, -0.01),
            null,
            EvidenceMode.SIGNIFICANT,
            0.05,
            Severity.FAIL,
            InsufficientDataAction.WARN);
    AuditBuilder b =
        new AuditBuilder()
            .overall("delta", "auc", est(-0.02, -0.03, -0.01))
            .pairedTest("delong_auc", 0.001);
    RuleOutcome d = eval(b, auc).outcomes().get(0);
    assertEquals(Status.FAIL, d.status());
    assertTrue(d.explanation().contains("[DeLong test]"), d.explanation());
    RuleOutcome none =
        eval(new AuditBuilder().overall("delta", "auc", est(-0.02, -0.03, -0.01)), auc)
            .outcomes()
            .get(0);
    assertEquals(Status.ERROR, none.status(), "no paired test in the audit");
  }
}

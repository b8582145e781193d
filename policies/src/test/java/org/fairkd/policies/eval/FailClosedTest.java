package org.fairkd.policies.eval;

import static org.fairkd.policies.eval.EvidenceModesTest.ATTRS;
import static org.fairkd.policies.facts.FactsBuilder.est;
import static org.fairkd.policies.facts.FactsBuilder.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.fairkd.policies.facts.Availability;
import org.fairkd.policies.facts.FactsBuilder;
import org.fairkd.policies.facts.Figure;
import org.fairkd.policies.facts.Shortfall;
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

/** Missing, undefined and insufficient figures never pass; scopes select the right slices. */
class FailClosedTest {

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

  static PolicyResult eval(FactsBuilder a, Rule... rules) {
    Policy p = new Policy("p", "1", "P", "", "", List.of(), List.of(), List.of(rules));
    return PolicyEvaluator.evaluate(p, a);
  }

  static Map<String, Status> statusBySlice(PolicyResult r) {
    Map<String, Status> m = new java.util.LinkedHashMap<>();
    r.outcomes().forEach(o -> m.put(String.valueOf(o.slice()), o.status()));
    return m;
  }

  /**
   * Race disparities of the student: black (OK), asian (its slice is too small), other (left out,
   * insufficient) and black's true-positive-rate skip (concerns only disparities built on it).
   */
  static FactsBuilder withSmallAsianSlice() {
    return new FactsBuilder()
        .group(Subject.STUDENT, "race", "adverse_impact_ratio", "black", est(0.9, 0.85, 0.95))
        .group(
            Subject.STUDENT,
            "race",
            "adverse_impact_ratio",
            "asian",
            Figure.insufficient(est(0.7, 0.4, 1.1), new Shortfall(12.0, 30, null), "race.asian"))
        .leftOut(
            Subject.STUDENT,
            "race",
            "other",
            Availability.INSUFFICIENT,
            null,
            "insufficient_data: weighted count 8.0 < min slice size 30")
        .leftOut(
            Subject.STUDENT,
            "race",
            "black",
            Availability.UNDEFINED,
            "true_positive_rate",
            "true_positive_rate undefined (no favourable-label rows in slice): left out of the"
                + " disparities built on it");
  }

  @Test
  void insufficientSlicesFollowTheRule() {
    FactsBuilder a = withSmallAsianSlice();
    PolicyResult warn = eval(a, rule("adverse_impact_ratio", Subject.STUDENT, ATTRS));
    // black passes; asian is insufficient (its slice), other was left out as insufficient; the
    // TPR-only skip does not concern the adverse impact ratio
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
    FactsBuilder a =
        withSmallAsianSlice()
            .group(
                Subject.STUDENT, "race", "average_odds_difference", "asian", est(0.0, -0.1, 0.1));
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
    FactsBuilder a =
        new FactsBuilder()
            .group(
                Subject.STUDENT,
                "sex",
                "adverse_impact_ratio",
                "female",
                FactsBuilder.undefined("reference rate is 0"));
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
    FactsBuilder a =
        new FactsBuilder()
            .group(
                Subject.STUDENT,
                "sex",
                "adverse_impact_ratio",
                "female",
                Figure.insufficient(
                    FactsBuilder.undefined(
                        "reference group unusable: selection_rate undefined or insufficient data"),
                    new Shortfall(9.0, 30, "male"),
                    "sex.female"));
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
    FactsBuilder a =
        new FactsBuilder()
            .group(Subject.STUDENT, "sex", "adverse_impact_ratio", "female", est(0.9, 0.85, 0.95));
    Rule named =
        rule(
            "adverse_impact_ratio",
            Subject.STUDENT,
            new Scope(Scope.Kind.ATTRIBUTES, List.of("race"), null));
    RuleOutcome race = eval(a, named).outcomes().get(0);
    assertEquals(Status.ERROR, race.status());
    assertEquals(
        "Student adverse impact ratio for race cannot be evaluated: attribute 'race' is not in the"
            + " audit result (expected at student.disparities); the gate fails closed.",
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
        noDistill.explanation().contains("latency speedup cannot be evaluated"),
        noDistill.explanation());
    Rule fid = rule("fidelity", Subject.STUDENT, Scope.of(Scope.Kind.OVERALL));
    assertEquals(Status.ERROR, eval(a, fid).outcomes().get(0).status());
  }

  @Test
  void modelFiguresAreJudgedLikeAnyOther() {
    FactsBuilder a =
        new FactsBuilder()
            .model("fidelity", est(0.95, 0.94, 0.96))
            .model("kl", FactsBuilder.point(0.01))
            .model("latency_speedup", FactsBuilder.point(12.5));
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
    FactsBuilder a =
        new FactsBuilder()
            .slice(Subject.STUDENT, key("sex", "female"), "true_positive_rate", est(0.85, 0.8, 0.9))
            .slice(Subject.STUDENT, key("sex", "male"), "true_positive_rate", est(0.9, 0.85, 0.95))
            .slice(
                Subject.STUDENT,
                key("race*sex", "black*female"),
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
  void insufficientDeltaSliceFollowsTheRule() {
    FactsBuilder a =
        new FactsBuilder()
            .slice(
                Subject.DELTA,
                key("sex", "female"),
                "selection_rate",
                Figure.insufficient(
                    est(0.0, -0.1, 0.1), new Shortfall(20.0, 30, null), "delta.sex=female"));
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
    PolicyResult result = eval(a, r);
    assertEquals(Map.of("sex=female", Status.WARN), statusBySlice(result));
    assertEquals(
        "Change (student − teacher) in selection rate for sex=female cannot be judged"
            + " (insufficient data: 20 rows, below the minimum slice size of 30); the policy"
            + " counts this as warn.",
        result.outcomes().get(0).explanation());
  }

  @Test
  void overallVerdictIsTheWorst() {
    FactsBuilder a =
        new FactsBuilder()
            .group(Subject.STUDENT, "sex", "adverse_impact_ratio", "female", est(0.85, 0.8, 0.9))
            .model("fidelity", est(0.5, 0.4, 0.6));
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
}

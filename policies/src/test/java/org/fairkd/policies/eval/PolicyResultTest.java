package org.fairkd.policies.eval;

import static org.fairkd.policies.facts.FactsBuilder.est;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.fairkd.policies.Policies;
import org.fairkd.policies.facts.FactsBuilder;
import org.fairkd.policies.model.Comparator;
import org.fairkd.policies.model.EvidenceMode;
import org.fairkd.policies.model.Policy;
import org.fairkd.policies.model.Subject;
import org.fairkd.policies.model.Threshold;
import org.junit.jupiter.api.Test;

/** The outcomes of a bundled pack: one per rule and slice, each with its evidence. */
class PolicyResultTest {

  @Test
  void outcomesCarryStatusEvidenceAndExplanationPerSlice() {
    Policy policy = Policies.resolve("lending-standard");
    FactsBuilder a =
        new FactsBuilder()
            .group(Subject.STUDENT, "sex", "adverse_impact_ratio", "female", est(0.74, 0.69, 0.80))
            .test(Subject.STUDENT, "sex", "female", 0.002)
            .group(
                Subject.STUDENT,
                "sex",
                "standardized_mean_difference",
                "female",
                est(-0.1, -0.2, 0.0))
            .attribute(Subject.STUDENT, "sex", "equalized_odds_difference", est(0.05, 0.01, 0.09))
            .attribute(Subject.DELTA, "sex", "demographic_parity_difference", est(0.0, -0.01, 0.01))
            .attribute(Subject.DELTA, "sex", "equalized_odds_difference", est(0.0, -0.01, 0.01))
            .overall(Subject.DELTA, "auc", est(-0.002, -0.006, 0.002))
            .model("fidelity", est(0.97, 0.96, 0.98));
    PolicyResult result = PolicyEvaluator.evaluate(policy, a);
    assertEquals(Verdict.FAIL, result.verdict());
    assertEquals(11, policy.rules().size());
    assertEquals(
        "student adverse_impact_ratio (every protected attribute) >= 0.8 (fails only if"
            + " significant at alpha = 0.05; warns when below 0.9; insufficient data: warn)",
        PolicyEvaluator.check(policy.rules().get(0)));
    assertEquals(11, result.outcomes().size()); // the reason rules: not evaluated here
    RuleOutcome air = result.outcomes().get(0);
    assertEquals(Status.FAIL, air.status());
    assertEquals(Verdict.FAIL, air.verdict());
    assertEquals("sex=female", air.slice());
    Evidence ev = air.evidence();
    assertEquals(0.74, ev.value());
    assertEquals(0.69, ev.ciLow());
    assertEquals(0.80, ev.ciHigh());
    assertEquals(0.002, ev.pValue());
    assertEquals(Threshold.of(Comparator.AT_LEAST, 0.8), ev.threshold());
    assertEquals(Threshold.of(Comparator.AT_LEAST, 0.9), ev.warnThreshold());
    assertEquals(EvidenceMode.SIGNIFICANT, ev.mode());
    assertEquals(0.05, ev.alpha());
    assertEquals(0.95, ev.ciLevel());
    RuleOutcome auc = result.outcomes().get(1);
    assertEquals(Subject.DELTA, auc.rule().subject());
    assertNull(auc.slice());
    assertNull(auc.evidence().pValue());
    RuleOutcome smd = result.outcomes().get(6);
    assertEquals("smd-cap", smd.rule().id());
    assertEquals(new Threshold(-0.3, 0.3), smd.evidence().threshold());
    assertEquals(Status.PASS, smd.status());
    assertEquals(1, result.count(Status.FAIL));
    assertEquals(6, result.count(Status.PASS));
  }

  @Test
  void missingFiguresHaveNullEvidenceAndAnError() {
    Policy policy = Policies.resolve("distillation-non-regression");
    PolicyResult result = PolicyEvaluator.evaluate(policy, new FactsBuilder());
    assertEquals(4, result.outcomes().size());
    for (RuleOutcome o : result.outcomes()) {
      assertEquals(Status.ERROR, o.status(), o.toString());
      assertEquals(Verdict.FAIL, o.verdict());
      assertNull(o.evidence().value());
    }
    assertEquals(Verdict.FAIL, result.verdict());
  }
}

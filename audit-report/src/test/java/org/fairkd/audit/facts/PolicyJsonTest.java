package org.fairkd.audit.facts;

import static org.fairkd.audit.facts.AuditBuilder.est;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.fairkd.audit.json.AuditJsonReader;
import org.fairkd.audit.json.AuditJsonWriter;
import org.fairkd.audit.result.PolicyRecord;
import org.fairkd.policies.Policies;
import org.fairkd.policies.eval.PolicyResult;
import org.fairkd.policies.eval.Status;
import org.fairkd.policies.eval.Verdict;
import org.fairkd.policies.model.Policy;
import org.junit.jupiter.api.Test;

/**
 * A policy's evaluation of a hand-made audit.json, written as audit.json's {@code rules} list and
 * {@code policy} header (the {@code policy evaluate --out} shape).
 */
class PolicyJsonTest {
  static PolicyResult evaluate(Policy policy, AuditBuilder a) {
    return Policies.evaluate(policy, new AuditFacts(AuditJsonReader.read(a.root)));
  }

  static JsonNode json(PolicyResult r) throws Exception {
    return new ObjectMapper().readTree(AuditJsonWriter.writePolicy(PolicyRecord.of(r)));
  }

  @Test
  void rulesCarryStatusEvidenceAndExplanationPerSlice() throws Exception {
    Policy policy = Policies.resolve("lending-standard");
    AuditBuilder a =
        new AuditBuilder()
            .group("student", "sex", "adverse_impact_ratio", "female", est(0.74, 0.69, 0.80))
            .test("student", "sex", "female", 0.002)
            .group("student", "sex", "standardized_mean_difference", "female", est(-0.1, -0.2, 0.0))
            .attribute("student", "sex", "equalized_odds_difference", est(0.05, 0.01, 0.09))
            .attribute("delta", "sex", "demographic_parity_difference", est(0.0, -0.01, 0.01))
            .attribute("delta", "sex", "equalized_odds_difference", est(0.0, -0.01, 0.01))
            .overall("delta", "auc", est(-0.002, -0.006, 0.002))
            .comparison("fidelity", est(0.97, 0.96, 0.98));
    PolicyResult result = evaluate(policy, a);
    JsonNode json = json(result);
    assertEquals("FAIL", json.path("verdict").asText());
    assertEquals("lending-standard", json.path("policy").path("id").asText());
    assertEquals(11, json.path("policy").path("rules").size());
    assertEquals(
        "student adverse_impact_ratio (every protected attribute) >= 0.8 (fails only if"
            + " significant at alpha = 0.05; warns when below 0.9; insufficient data: warn)",
        json.path("policy").path("rules").get(0).path("check").asText());
    JsonNode rules = json.path("rules");
    assertEquals(11, rules.size()); // the last two: the reason rules, not evaluated (no reasons)
    JsonNode air = rules.get(0);
    for (String key :
        List.of(
            "id",
            "title",
            "severity",
            "status",
            "finding",
            "subject",
            "metric",
            "slice",
            "evidence",
            "explanation")) {
      assertTrue(air.has(key), key);
    }
    assertEquals("fail", air.path("status").asText());
    assertEquals("harm", air.path("finding").asText());
    assertTrue(!air.has("required_rows"), "only a not_shown entry carries required_rows");
    assertEquals("FAIL", air.path("verdict").asText());
    assertEquals("sex=female", air.path("slice").asText());
    JsonNode ev = air.path("evidence");
    assertEquals(0.74, ev.path("value").asDouble());
    assertEquals(0.69, ev.path("ci_low").asDouble());
    assertEquals(0.80, ev.path("ci_high").asDouble());
    assertEquals(0.002, ev.path("p_value").asDouble());
    assertEquals(0.8, ev.path("threshold").asDouble());
    assertEquals(0.9, ev.path("warn_threshold").asDouble());
    assertEquals("significant", ev.path("mode").asText());
    assertEquals(0.05, ev.path("alpha").asDouble());
    JsonNode auc = rules.get(1);
    assertEquals("delta", auc.path("subject").asText());
    assertTrue(auc.path("slice").isNull());
    assertTrue(auc.path("evidence").path("p_value").isNull());
    JsonNode smd = rules.get(6);
    assertEquals("smd-cap", smd.path("id").asText());
    assertEquals("[-0.3,0.3]", smd.path("evidence").path("threshold").toString());
    assertEquals("pass", smd.path("status").asText());
    assertEquals(1, result.count(Status.FAIL));
    assertEquals(6, result.count(Status.PASS));
  }

  @Test
  void missingFiguresHaveNullEvidenceAndAnError() throws Exception {
    Policy policy = Policies.resolve("distillation-non-regression");
    PolicyResult result = evaluate(policy, new AuditBuilder());
    JsonNode rules = json(result).path("rules");
    assertEquals(4, rules.size());
    for (JsonNode r : rules) {
      assertEquals("error", r.path("status").asText(), r.toString());
      assertEquals("FAIL", r.path("verdict").asText());
      assertTrue(r.path("evidence").path("value").isNull());
    }
    assertEquals(Verdict.FAIL, result.verdict());
  }
}

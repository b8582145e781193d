package org.fairkd.audit.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.fairkd.audit.Gate;
import org.fairkd.audit.json.AuditJsonReader;
import org.fairkd.audit.json.ReasonsJson;
import org.fairkd.audit.reasons.AdverseActionResult;
import org.fairkd.audit.reasons.ReasonCount;
import org.fairkd.audit.reasons.ReasonFigures;
import org.fairkd.audit.reasons.TopReasons;
import org.fairkd.audit.result.AuditResult;
import org.fairkd.fairness.reasons.ProxyFlag;
import org.fairkd.fairness.reasons.ReasonAgreement;
import org.fairkd.fairness.reasons.ReasonFidelity;
import org.fairkd.fairness.report.Estimate;
import org.fairkd.policies.Policies;
import org.fairkd.policies.eval.PolicyResult;
import org.fairkd.policies.eval.RuleOutcome;
import org.fairkd.policies.eval.Status;
import org.fairkd.policies.eval.Verdict;
import org.fairkd.policies.model.Policy;
import org.junit.jupiter.api.Test;

/**
 * The reasons block of audit.json (written, read back) and lending-standard's two reason rules
 * judged through {@link AuditFacts}: the fidelity warning at 0.8, the flagged proxy among the top
 * reasons, and audits without reasons (external scores) or without teacher reasons (external
 * teacher), which warn as not evaluated and never pass or fail the gate.
 */
class ReasonRulesTest {

  @Test
  void theBlockIsWrittenAndReadBackWithItsKeys() {
    AdverseActionResult r = reasons(0.93, true, true);
    JsonNode block = ReasonsJson.write(r);
    assertEquals(4, block.path("k").asInt());
    assertEquals(
        0.93,
        block.path("fidelity").path("overall").path("top_k_overlap").path("value").asDouble());
    assertEquals(
        0.91,
        block.path("fidelity").path("overall").path("top_k_overlap").path("ci_low").asDouble());
    JsonNode female = block.path("fidelity").path("by_group").path("sex").path("female");
    assertEquals(0.8, female.path("first_reason_agreement").path("value").asDouble());
    assertEquals(
        "Region",
        block
            .path("top_reasons_by_group")
            .path("race")
            .path("black")
            .path("reasons")
            .get(0)
            .path("text")
            .asText());
    JsonNode flag = block.path("proxy_flags").get(0);
    for (String k : List.of("feature", "attribute", "association", "flagged")) {
      assertTrue(flag.has(k), k);
    }
    // a flagged feature that is not among the top reasons does not count
    assertEquals(List.of("region_score"), r.flaggedTopReasons());
    assertEquals("region_score", block.path("flagged_top_reasons").get(0).asText());

    AuditResult back = read(r);
    assertEquals(block, ReasonsJson.write(back.reasons()));
    assertTrue(back.reasons().rows().isEmpty(), "rows are reasons.csv's");
  }

  @Test
  void fidelityBelowPointEightAndAFlaggedTopReasonWarn() {
    PolicyResult good = evaluate(read(reasons(0.93, false, true)));
    assertEquals(Verdict.PASS, good.verdict());
    assertEquals(Status.PASS, outcome(good, "reason-fidelity").status());
    assertEquals(Status.PASS, outcome(good, "reason-proxies").status());

    PolicyResult bad = evaluate(read(reasons(0.7, true, true)));
    assertEquals(Verdict.WARN, bad.verdict());
    RuleOutcome fid = outcome(bad, "reason-fidelity");
    assertEquals(Status.WARN, fid.status());
    assertTrue(fid.explanation().contains("0.700"), fid.explanation());
    assertEquals(Status.WARN, outcome(bad, "reason-proxies").status());
    assertEquals(0, Gate.exitCode(bad, false));
  }

  @Test
  void anAuditWithoutReasonsWarnsAsNotEvaluatedAndKeepsTheGateOpen() {
    PolicyResult r = evaluate(read(null));
    assertEquals(Verdict.WARN, r.verdict());
    for (String id : List.of("reason-fidelity", "reason-proxies")) {
      RuleOutcome o = outcome(r, id);
      assertEquals(Status.ERROR, o.status(), id);
      assertEquals(Verdict.WARN, o.verdict(), id);
      assertTrue(o.explanation().contains(ReasonFigures.NO_REASONS), o.explanation());
    }
    assertTrue(r.unevaluated().isEmpty(), "warn rules that judged nothing are not bad input");
    assertEquals(0, Gate.exitCode(r, false));
    assertEquals(1, Gate.exitCode(r, true), "--strict fails on the warning");
  }

  @Test
  void anExternalTeacherHasNoFidelityButTheProxyRuleIsJudged() {
    AuditResult a = read(reasons(0.93, false, false));
    assertNull(a.reasons().fidelity());
    PolicyResult r = evaluate(a);
    RuleOutcome fid = outcome(r, "reason-fidelity");
    assertEquals(Status.ERROR, fid.status());
    assertTrue(fid.explanation().contains(ReasonFigures.NO_TEACHER_REASONS), fid.explanation());
    assertEquals(Status.PASS, outcome(r, "reason-proxies").status());
  }

  /** A hand-made result: overall overlap {@code overlap}, region_score flagged or not. */
  private static AdverseActionResult reasons(double overlap, boolean flagged, boolean teacher) {
    ReasonAgreement overall =
        new ReasonAgreement(
            200,
            Estimate.of(overlap, overlap - 0.02, overlap + 0.02),
            Estimate.of(0.9, 0.85, 0.95));
    ReasonAgreement female =
        new ReasonAgreement(90, Estimate.of(0.9, 0.85, 0.94), Estimate.of(0.8, 0.7, 0.88));
    ReasonFidelity fidelity =
        teacher
            ? new ReasonFidelity(
                4, overall, Map.of("sex", Map.of("female", female)), 1000, 0.95, 42)
            : null;
    TopReasons.Slice all =
        new TopReasons.Slice(
            200,
            List.of(
                new ReasonCount("income", "Income too low", 150, 0.75),
                new ReasonCount("region_score", "Region", 120, 0.6)));
    TopReasons.Slice black =
        new TopReasons.Slice(80, List.of(new ReasonCount("region_score", "Region", 70, 0.875)));
    return new AdverseActionResult(
        "exact Shapley values",
        "best-scoring decile",
        4,
        200,
        teacher ? 200 : 0,
        List.of(),
        fidelity,
        new ReasonAgreement(200, Estimate.of(0.95, null, null), Estimate.of(0.9, null, null)),
        new TopReasons(all, Map.of("race", Map.of("black", black))),
        List.of(
            new ProxyFlag("region_score", "race", "auc", "black", 0.97, 0.7, flagged),
            new ProxyFlag("income", "race", "auc", "black", 0.52, 0.7, false),
            new ProxyFlag("zip_density", "race", "auc", "black", 0.9, 0.7, true)));
  }

  /** A read-back audit.json with the reasons block of {@code r} (none when null). */
  private static AuditResult read(AdverseActionResult r) {
    AuditBuilder b = new AuditBuilder();
    ((com.fasterxml.jackson.databind.node.ObjectNode) b.root.path("comparison"))
        .set("fidelity", AuditBuilder.est(0.97, 0.96, 0.98));
    if (r != null) {
      b.root.set("reasons", ReasonsJson.write(r));
    }
    return AuditJsonReader.read(b.root);
  }

  /** lending-standard's reason rules and its (decision) fidelity rule, which passes. */
  private static PolicyResult evaluate(AuditResult audit) {
    Policy all = Policies.resolve("lending-standard");
    Policy reasons =
        new Policy(
            all.id(),
            all.version(),
            all.title(),
            all.description(),
            all.owner(),
            all.references(),
            List.of(),
            all.rules().stream()
                .filter(x -> x.id().startsWith("reason-") || x.id().equals("fidelity"))
                .toList());
    assertEquals(3, reasons.rules().size());
    return Policies.evaluate(reasons, new AuditFacts(audit));
  }

  private static RuleOutcome outcome(PolicyResult r, String id) {
    return r.outcomes().stream().filter(o -> o.rule().id().equals(id)).findFirst().orElseThrow();
  }
}

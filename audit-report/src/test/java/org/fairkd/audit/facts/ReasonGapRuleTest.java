package org.fairkd.audit.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fairkd.audit.json.AuditJsonReader;
import org.fairkd.audit.json.ReasonsJson;
import org.fairkd.audit.reasons.AdverseActionResult;
import org.fairkd.audit.reasons.ReasonFigures;
import org.fairkd.audit.reasons.TopReasons;
import org.fairkd.audit.result.AuditResult;
import org.fairkd.fairness.reasons.ReasonAgreement;
import org.fairkd.fairness.reasons.ReasonFidelity;
import org.fairkd.fairness.report.Estimate;
import org.fairkd.policies.Policies;
import org.fairkd.policies.eval.RuleOutcome;
import org.fairkd.policies.eval.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A policy gates on the per-group reason fidelity gap, {@code reason_top_k_overlap_gap}: within
 * each attribute the highest group's top-k overlap minus the lowest's, the largest over attributes
 * (groups with an undefined overlap left out), read from a written and read-back reasons block.
 */
class ReasonGapRuleTest {
  private static final String POLICY =
      """
      id: reason-gap
      version: "1"
      title: No group's reasons much less faithful than another's
      description: test
      owner: test
      rules:
        - id: reason-fidelity-gap
          title: No group's top-4 reason overlap is more than 0.05 below another's
          rationale: test
          source: test
          metric: reason_top_k_overlap_gap
          subject: student
          scope: overall
          comparator: "<="
          threshold: 0.05
          mode: point
          severity: warn
          on_insufficient_data: warn
      """;

  @TempDir Path dir;

  @Test
  void theLargestGapWithinAnAttributeIsJudged() throws Exception {
    Map<String, Map<String, ReasonAgreement>> close =
        Map.of(
            "sex", Map.of("female", agreement(0.95), "male", agreement(0.941)),
            "race", Map.of("black", agreement(0.93), "white", agreement(0.96)));
    RuleOutcome pass = judge(close);
    assertEquals(Status.PASS, pass.status(), pass.explanation());
    assertTrue(pass.explanation().contains("0.030"), pass.explanation());

    Map<String, Map<String, ReasonAgreement>> apart =
        Map.of(
            "sex",
            Map.of("female", agreement(0.95), "male", agreement(0.94)),
            "race",
            Map.of(
                "black", agreement(0.85),
                "white", agreement(0.96),
                "other", new ReasonAgreement(3, undefined(), undefined())));
    RuleOutcome warn = judge(apart);
    assertEquals(Status.WARN, warn.status(), warn.explanation());
    assertTrue(warn.explanation().contains("0.110"), warn.explanation());
  }

  @Test
  void withoutTwoDefinedGroupsTheGapIsNotEvaluated() throws Exception {
    RuleOutcome o =
        judge(
            Map.of(
                "sex",
                Map.of(
                    "female",
                    agreement(0.9),
                    "male",
                    new ReasonAgreement(2, undefined(), undefined()))));
    assertTrue(o.status() != Status.PASS && o.status() != Status.FAIL, o.status().toString());
    assertTrue(o.explanation().contains(ReasonFigures.NO_GROUP_GAP), o.explanation());
  }

  private RuleOutcome judge(Map<String, Map<String, ReasonAgreement>> byGroup) throws Exception {
    ReasonAgreement overall = agreement(0.94);
    AdverseActionResult r =
        new AdverseActionResult(
            "exact Shapley values",
            "best-scoring decile",
            4,
            200,
            200,
            List.of(),
            new ReasonFidelity(4, overall, byGroup, 1000, 0.95, 42),
            overall,
            new TopReasons(new TopReasons.Slice(200, List.of()), Map.of()),
            List.of());
    AuditBuilder b = new AuditBuilder();
    b.root.set("reasons", ReasonsJson.write(r));
    AuditResult audit = AuditJsonReader.read(b.root);
    Path yaml = Files.writeString(dir.resolve("gap.yaml"), POLICY);
    return Policies.evaluate(Policies.resolve(yaml.toString()), new AuditFacts(audit))
        .outcomes()
        .get(0);
  }

  private static ReasonAgreement agreement(double overlap) {
    return new ReasonAgreement(
        100, Estimate.of(overlap, overlap - 0.03, overlap + 0.03), Estimate.of(0.9, 0.85, 0.95));
  }

  private static Estimate undefined() {
    return Estimate.undefined(
        org.fairkd.fairness.report.UndefinedReason.INSUFFICIENT_DATA, "too few declines");
  }
}

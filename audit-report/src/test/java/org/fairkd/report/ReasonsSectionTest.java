package org.fairkd.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.fairkd.audit.reasons.AdverseActionResult;
import org.fairkd.audit.reasons.ReasonCount;
import org.fairkd.audit.reasons.TopReasons;
import org.fairkd.audit.result.AuditResult;
import org.fairkd.fairness.reasons.ProxyFlag;
import org.fairkd.fairness.reasons.ReasonAgreement;
import org.fairkd.fairness.reasons.ReasonFidelity;
import org.fairkd.fairness.report.Estimate;
import org.junit.jupiter.api.Test;

/** The "Adverse action reasons" section's model: texts, intervals, flags first, the sample. */
class ReasonsSectionTest {

  @Test
  void showsTextsFidelityWithIntervalsAndFlaggedFeaturesFirst() {
    ReasonAgreement overall =
        new ReasonAgreement(
            1000, Estimate.of(0.944, 0.938, 0.951), Estimate.of(0.904, 0.887, 0.921));
    ReasonAgreement female =
        new ReasonAgreement(380, Estimate.of(0.95, 0.94, 0.961), Estimate.of(0.905, 0.873, 0.932));
    AdverseActionResult r =
        new AdverseActionResult(
            "exact Shapley values",
            "best-scoring decile",
            4,
            13101,
            1000,
            List.of(),
            new ReasonFidelity(4, overall, Map.of("sex", Map.of("Female", female)), 1000, 0.95, 42),
            new ReasonAgreement(
                13101, Estimate.of(0.95, null, null), Estimate.of(0.88, null, null)),
            new TopReasons(
                new TopReasons.Slice(
                    13101,
                    List.of(new ReasonCount("education-num", "Education too short", 10402, 0.794))),
                Map.of()),
            List.of(
                new ProxyFlag("age", "sex", "auc", "Female", 0.561, 0.7, false),
                new ProxyFlag("occupation", "sex", "cramers_v", null, 0.425, 0.3, true)));
    ReasonsSection s = ReasonsSection.of(r);
    assertEquals("0.944 (0.938–0.951)", s.fidelity().get(0).overlap());
    assertEquals("sex=Female", s.fidelity().get(1).slice());
    assertEquals("0.905 (0.873–0.932)", s.fidelity().get(1).first());
    assertEquals(List.of("Education too short (79.4%)"), s.topReasons().get(0).reasons());
    assertEquals("occupation", s.flags().get(0).feature(), "flagged first");
    assertEquals("Cramér's V", s.flags().get(0).measure());
    assertEquals("AUC (Female vs rest)", s.flags().get(1).measure());
    assertTrue(s.sample().contains("1,000") || s.sample().contains("1000"), s.sample());
    assertEquals("top-4 overlap 0.950, first-reason agreement 0.880", s.methodCheck());
  }

  @Test
  void leftOutOfAnAuditWithoutReasons() {
    AuditResult none = new AuditResult(null, List.of(), null, null, null, null, null);
    assertNull(ReasonsSection.SECTION.model(none, null));
  }
}

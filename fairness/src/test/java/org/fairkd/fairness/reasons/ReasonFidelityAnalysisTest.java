package org.fairkd.fairness.reasons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.fairkd.fairness.report.Estimate;
import org.junit.jupiter.api.Test;

class ReasonFidelityAnalysisTest {

  @Test
  void overlapAndFirstReasonAgreementOverallAndPerGroup() {
    List<List<String>> s =
        List.of(
            List.of("a", "b", "c", "d"), List.of("a", "b"), List.of(), List.of("x", "y", "z", "w"));
    List<List<String>> t =
        List.of(
            List.of("a", "c", "e", "f"),
            List.of("b", "a", "c"),
            List.of(),
            List.of("x", "y", "z", "w"));
    String[] sex = {"f", "m", "f", null};
    ReasonFidelity r = ReasonFidelityAnalysis.compute(s, t, 4, Map.of("sex", sex), 200, 0.95, 3);
    // per applicant overlap: 2/4, 2/3, 1 (both empty), 4/4; first: 1, 0, 1, 1
    assertEquals((0.5 + 2 / 3.0 + 1 + 1) / 4, r.overall().topKOverlap().value(), 1e-12);
    assertEquals(0.75, r.overall().firstReasonAgreement().value(), 1e-12);
    ReasonAgreement f = r.byGroup().get("sex").get("f");
    assertEquals(2, f.n());
    assertEquals(0.75, f.topKOverlap().value(), 1e-12);
    assertEquals(1.0, f.firstReasonAgreement().value(), 1e-12);
    ReasonAgreement m = r.byGroup().get("sex").get("m");
    assertEquals(2 / 3.0, m.topKOverlap().value(), 1e-12);
    assertEquals(0.0, m.firstReasonAgreement().value(), 1e-12);
    // cut to k = 1: only first reasons count
    ReasonFidelity one = ReasonFidelityAnalysis.compute(s, t, 1, Map.of(), 0, 0.95, 3);
    assertEquals(0.75, one.overall().topKOverlap().value(), 1e-12);
    assertEquals(null, one.overall().topKOverlap().ciLow());
  }

  @Test
  void noApplicantsIsUndefinedNotZero() {
    ReasonFidelity r =
        ReasonFidelityAnalysis.compute(List.of(), List.of(), 4, Map.of(), 100, 0.95, 1);
    assertFalse(r.overall().topKOverlap().defined());
    assertEquals(0, r.overall().n());
  }

  /** The 95% intervals cover the true agreement rate in about 95% of simulated audits. */
  @Test
  void bootstrapIntervalsCoverTheTrueRates() {
    Random rng = new Random(11);
    int sims = 300;
    int n = 400;
    double pFirst = 0.7;
    double pGroupB = 0.5;
    int coveredOverall = 0;
    int coveredB = 0;
    for (int sim = 0; sim < sims; sim++) {
      List<List<String>> s = new ArrayList<>();
      List<List<String>> t = new ArrayList<>();
      String[] g = new String[n];
      for (int i = 0; i < n; i++) {
        g[i] = rng.nextDouble() < 0.3 ? "b" : "a";
        double p = g[i].equals("b") ? pGroupB : pFirst;
        s.add(List.of("r1"));
        t.add(List.of(rng.nextDouble() < p ? "r1" : "r2"));
      }
      ReasonFidelity r = ReasonFidelityAnalysis.compute(s, t, 4, Map.of("g", g), 400, 0.95, sim);
      double truth = 0.7 * pFirst + 0.3 * pGroupB;
      coveredOverall += covers(r.overall().firstReasonAgreement(), truth) ? 1 : 0;
      coveredB += covers(r.byGroup().get("g").get("b").firstReasonAgreement(), pGroupB) ? 1 : 0;
    }
    assertTrue(
        coveredOverall >= 0.91 * sims && coveredOverall <= 0.985 * sims,
        "overall " + coveredOverall);
    assertTrue(coveredB >= 0.91 * sims && coveredB <= 0.985 * sims, "group b " + coveredB);
  }

  private static boolean covers(Estimate e, double truth) {
    return e.ciLow() <= truth && truth <= e.ciHigh();
  }
}

package org.fairkd.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.fairkd.search.measure.DisparityMetric;
import org.fairkd.search.select.SelectionRule;
import org.junit.jupiter.api.Test;

/**
 * The search as its users rely on it, checked on search.json's own numbers with independent
 * computations: the frontier, the selection rules, the test split's irrelevance to every choice,
 * and the stopping rule.
 */
class LdaSearchTest {
  static final FakeStudents FAKE = new FakeStudents(1500, 11);

  static SearchConfig config(int budget) {
    return SearchConfig.defaults(DisparityMetric.DEMOGRAPHIC_PARITY_DIFFERENCE, budget, 0.005, 7);
  }

  static SearchResult run(SearchConfig cfg, boolean[] testLabels) {
    return LdaSearch.run(
        "group",
        FakeStudents.reference(),
        FAKE.validation(),
        FAKE.test(testLabels),
        FAKE,
        cfg,
        null);
  }

  static JsonNode json(SearchResult r) throws Exception {
    return new ObjectMapper().readTree(org.fairkd.search.files.SearchJsonWriter.bytes(r));
  }

  /** (disparity, accuracy, auc) of a candidate's validation block. */
  static double[] objectives(JsonNode c) {
    JsonNode v = c.get("validation");
    JsonNode d = v.get("demographic_parity_difference");
    return new double[] {
      d.isNull() ? Double.POSITIVE_INFINITY : d.asDouble(),
      v.get("accuracy").asDouble(),
      v.get("auc").asDouble()
    };
  }

  static boolean dominates(double[] a, double[] b) {
    return a[0] <= b[0]
        && a[1] >= b[1]
        && a[2] >= b[2]
        && (a[0] < b[0] || a[1] > b[1] || a[2] > b[2]);
  }

  @Test
  void frontierIsExactlyTheNonDominatedCandidates() throws Exception {
    JsonNode j = json(run(config(10), FAKE.yTest));
    List<double[]> objs = new ArrayList<>();
    j.get("candidates").forEach(c -> objs.add(objectives(c)));
    int on = 0;
    for (int i = 0; i < objs.size(); i++) {
      boolean dominated = false;
      for (int k = 0; k < objs.size(); k++) {
        dominated |= k != i && dominates(objs.get(k), objs.get(i));
      }
      boolean flagged = j.get("candidates").get(i).get("on_frontier").asBoolean();
      assertEquals(!dominated, flagged, j.get("candidates").get(i).get("id").asText());
      on += flagged ? 1 : 0;
    }
    assertTrue(on >= 2 && on < objs.size(), "a real trade-off: " + on + " of " + objs.size());
  }

  @Test
  void leastDiscriminatoryRulePicksTheLowestDisparityWithinTolerance() throws Exception {
    JsonNode j = json(run(config(10), FAKE.yTest));
    JsonNode ref = byId(j, j.get("reference").asText());
    double refAuc = ref.get("validation").get("auc").asDouble();
    String best = null;
    double bestD = Double.POSITIVE_INFINITY;
    double bestAcc = 0;
    for (JsonNode c : j.get("candidates")) {
      JsonNode v = c.get("validation");
      double d = v.get("demographic_parity_difference").asDouble();
      double acc = v.get("accuracy").asDouble();
      if (v.get("auc").asDouble() >= refAuc - 0.005
          && c.get("rejected").isNull()
          && (d < bestD || (d == bestD && acc > bestAcc))) {
        best = c.get("id").asText();
        bestD = d;
        bestAcc = acc;
      }
    }
    assertEquals(best, j.get("selected").get("id").asText());
    assertEquals("least_discriminatory", j.get("selected").get("rule").asText());
    assertTrue(
        bestD < ref.get("validation").get("demographic_parity_difference").asDouble() / 2,
        "the search found a less discriminatory alternative: " + bestD);
    assertTrue(j.get("accuracy_tolerance").isNull(), "no accuracy condition by default");
  }

  @Test
  void optInAccuracyConditionIsRespected() throws Exception {
    SearchConfig cfg = config(10).withRule(new SelectionRule.LeastDiscriminatory(0.005, 0.002));
    JsonNode j = json(run(cfg, FAKE.yTest));
    JsonNode ref = byId(j, j.get("reference").asText()).get("validation");
    JsonNode sel = byId(j, j.get("selected").get("id").asText()).get("validation");
    assertTrue(
        sel.get("accuracy").asDouble() >= ref.get("accuracy").asDouble() - 0.002, sel.toString());
    assertEquals(0.002, j.get("accuracy_tolerance").asDouble());
    JsonNode free = json(run(config(10), FAKE.yTest));
    assertNotEquals(
        free.get("selected").get("id"),
        j.get("selected").get("id"),
        "the condition binds on this data (else the test shows nothing)");
  }

  @Test
  void mostAccurateRulePicksTheMostAccurateMeetingTheTarget() throws Exception {
    JsonNode j = json(run(config(10).withRule(new SelectionRule.MostAccurate(0.03)), FAKE.yTest));
    String best = null;
    double bestAcc = -1;
    for (JsonNode c : j.get("candidates")) {
      JsonNode v = c.get("validation");
      double acc = v.get("accuracy").asDouble();
      if (v.get("demographic_parity_difference").asDouble() <= 0.03 && acc > bestAcc) {
        best = c.get("id").asText();
        bestAcc = acc;
      }
    }
    assertEquals(best, j.get("selected").get("id").asText());
    JsonNode none = json(run(config(3).withRule(new SelectionRule.MostAccurate(0.0)), FAKE.yTest));
    assertTrue(none.get("selected").get("id").isNull(), "no candidate has DP exactly 0");
  }

  @Test
  void permutingTestLabelsChangesNoChoice() throws Exception {
    boolean[] permuted = FAKE.yTest.clone();
    Random r = new Random(5);
    for (int i = permuted.length - 1; i > 0; i--) {
      int k = r.nextInt(i + 1);
      boolean t = permuted[i];
      permuted[i] = permuted[k];
      permuted[k] = t;
    }
    JsonNode a = json(run(config(10), FAKE.yTest));
    JsonNode b = json(run(config(10), permuted));
    assertEquals(a.get("selected"), b.get("selected"));
    assertEquals(a.get("stopping"), b.get("stopping"));
    assertEquals(a.get("candidates").size(), b.get("candidates").size());
    boolean testDiffers = false;
    for (int i = 0; i < a.get("candidates").size(); i++) {
      JsonNode ca = a.get("candidates").get(i);
      JsonNode cb = b.get("candidates").get(i);
      assertEquals(ca.get("params"), cb.get("params"));
      assertEquals(ca.get("validation"), cb.get("validation"));
      assertEquals(ca.get("on_frontier"), cb.get("on_frontier"));
      testDiffers |= !ca.get("test").get("auc").equals(cb.get("test").get("auc"));
    }
    assertTrue(testDiffers, "the permutation changed the test figures");
  }

  @Test
  void budgetAndStoppingAreRecorded() throws Exception {
    SearchResult r = run(config(3), FAKE.yTest);
    assertEquals(3, r.stopping().studentsTrained());
    assertEquals(3 * SearchConfig.defaultThresholds().size(), r.stopping().candidatesEvaluated());
    assertEquals("budget reached: 3 of 3 students trained", r.stopping().stoppedBecause());
    assertEquals("s00-t0.50", r.reference());
  }

  @Test
  void lambdaIsBisectedTowardsTheTarget() {
    SearchResult r = run(config(5), FAKE.yTest);
    double[] lambdas =
        r.candidates().stream()
            .filter(c -> c.params().threshold() == 0.5)
            .mapToDouble(c -> c.params().training().lambda())
            .toArray();
    // the reference, then 1; then 4 if 1 was too weak or 0.25 if strong enough; then a midpoint
    assertEquals(0, lambdas[0]);
    assertEquals(1, lambdas[1]);
    assertTrue(lambdas[2] == 4 || lambdas[2] == 0.25, "" + lambdas[2]);
    assertNotEquals(lambdas[2], lambdas[3]);
  }

  @Test
  void stopsWhenTheFrontierStopsGrowing() {
    org.fairkd.search.stop.StoppingRule rule =
        new org.fairkd.search.stop.StoppingRule(20, 0.001, 2);
    assertNull(rule.stopReason(List.of(0.5, 0.6, 0.6)));
    assertEquals(
        "no frontier improvement larger than 0.001 in the last 2 students (hypervolume 0.60000"
            + " -> 0.60050)",
        rule.stopReason(List.of(0.5, 0.6, 0.6, 0.6005)));
  }

  static JsonNode byId(JsonNode j, String id) {
    for (JsonNode c : j.get("candidates")) {
      if (c.get("id").asText().equals(id)) {
        return c;
      }
    }
    throw new AssertionError(id);
  }
}

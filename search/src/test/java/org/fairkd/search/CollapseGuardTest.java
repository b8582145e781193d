package org.fairkd.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.fairkd.kd.pipeline.CandidateStudent;
import org.fairkd.search.candidates.Candidate;
import org.fairkd.search.candidates.CollapseCheck;
import org.fairkd.search.measure.DisparityMetric;
import org.fairkd.search.measure.Measurement;
import org.fairkd.search.select.FrontierDistance;
import org.fairkd.search.select.SelectionRule;
import org.junit.jupiter.api.Test;

/**
 * The collapse guard: a student whose scores collapse to a constant has no disparity at all, so
 * without the guard the least-discriminatory rule would pick it; it must be recorded as rejected,
 * off the frontier and never selected. Also the distance to the least-discriminatory frontier
 * candidate that policies judge.
 */
class CollapseGuardTest {
  static final FakeStudents FAKE = LdaSearchTest.FAKE;

  /** Students with λ of 1 or more collapse to the constant score 0.6. */
  static SearchResult runCollapsing(SearchConfig cfg) {
    LdaSearch.StudentSource collapsing =
        LdaSearch.StudentSource.oneAtATime(
            s -> {
              CandidateStudent c = FAKE.train(s);
              if (s.lambda() < 1) {
                return c;
              }
              double[] v = new double[c.validationScores().length];
              double[] t = new double[c.testScores().length];
              Arrays.fill(v, 0.6);
              Arrays.fill(t, 0.6);
              return new CandidateStudent(s, v, t, null, 1, 0.0);
            });
    return LdaSearch.run(
        "group",
        FakeStudents.reference(),
        FAKE.validation(),
        FAKE.test(FAKE.yTest),
        collapsing,
        cfg,
        null);
  }

  @Test
  void collapsedStudentsAreRejectedWithWhyAndNeverChosen() {
    SearchResult r = runCollapsing(LdaSearchTest.config(6));
    long collapsed =
        r.candidates().stream().filter(c -> c.params().training().lambda() >= 1).count();
    assertTrue(collapsed > 0, "the planner tried a λ of 1 or more");
    for (Candidate c : r.candidates()) {
      if (c.params().training().lambda() >= 1) {
        assertNotNull(c.rejected(), c.id());
        assertTrue(
            c.rejected().startsWith("collapsed: validation scores near-constant"), c.rejected());
        assertFalse(c.onFrontier(), c.id());
        // a constant score is perfectly 'fair' at every threshold: only the guard keeps it out
        assertTrue(
            c.validation().demographicParityDifference() == 0
                || Double.isNaN(c.validation().demographicParityDifference()),
            c.id());
      } else {
        assertNull(c.rejected(), c.id());
      }
    }
    String selected = r.selection().id();
    assertTrue(r.candidate(selected).orElseThrow().admissible(), selected);
    SearchResult mostAccurate =
        runCollapsing(LdaSearchTest.config(6).withRule(new SelectionRule.MostAccurate(0.0)));
    assertNull(mostAccurate.selection().id(), "only collapsed students reach DP 0");
  }

  @Test
  void decisionsAllOneWayAreRejected() {
    Measurement all = new Measurement(0.8, 0.4, 1.0, 0, 0, 1, Map.of("a", 1.0, "b", 1.0));
    assertEquals(
        "collapsed: every validation decision is favourable at this threshold (selection rate 1)",
        CollapseCheck.rejection(0.2, all));
    Measurement none = new Measurement(0.8, 0.6, 0.0, 0, 0, Double.NaN, Map.of());
    assertTrue(CollapseCheck.rejection(0.2, none).contains("unfavourable"));
    Measurement fine = new Measurement(0.8, 0.7, 0.4, 0.1, 0.1, 0.8, Map.of());
    assertNull(CollapseCheck.rejection(0.2, fine));
    assertTrue(CollapseCheck.rejection(0.001, fine).contains("near-constant"));
  }

  @Test
  void distanceIsZeroForTheDefaultChoiceAndTheDisparityGapOtherwise() {
    SearchResult r = LdaSearchTest.run(LdaSearchTest.config(8), FAKE.yTest);
    assertEquals(0.0, FrontierDistance.of(r, r.selection().id()), 1e-15);
    Candidate ref = r.candidate(r.reference()).orElseThrow();
    double lowest =
        r.candidates().stream()
            .filter(c -> c.admissible() && c.validation().auc() >= ref.validation().auc() - 0.005)
            .mapToDouble(c -> c.validation().demographicParityDifference())
            .min()
            .orElseThrow();
    assertEquals(
        ref.validation().demographicParityDifference() - lowest,
        FrontierDistance.of(r, r.reference()),
        1e-12);
    assertEquals(
        DisparityMetric.DEMOGRAPHIC_PARITY_DIFFERENCE, r.config().metric(), "the metric judged");
  }
}

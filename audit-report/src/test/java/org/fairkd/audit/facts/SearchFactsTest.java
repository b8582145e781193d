package org.fairkd.audit.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.fairkd.audit.json.AuditJsonReader;
import org.fairkd.audit.json.AuditJsonWriter;
import org.fairkd.audit.result.AuditResult;
import org.fairkd.policies.eval.PolicyResult;
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
import org.fairkd.policies.search.SearchFigures;
import org.fairkd.search.SearchResult;
import org.junit.jupiter.api.Test;

/**
 * The audit's search figures as a policy judges them, on a hand-made search (selected s01-t0.45 at
 * validation DP 0.05; the least-discriminatory frontier candidate within the tolerance is that same
 * one; the reference has DP 0.20; a collapsed candidate at DP 0 is rejected): pass, fail, and fail
 * closed without a search — also after audit.json is written and read back.
 */
class SearchFactsTest {
  static SearchResult fixture() throws Exception {
    return SearchFactsFixture.search();
  }

  static Rule rule(String metric, Comparator cmp, double bound) {
    return new Rule(
        metric,
        metric,
        "",
        "",
        metric,
        Subject.STUDENT,
        Scope.of(Scope.Kind.OVERALL),
        cmp,
        Threshold.of(cmp, bound),
        null,
        EvidenceMode.POINT,
        0.05,
        Severity.FAIL,
        InsufficientDataAction.WARN);
  }

  static final Policy POLICY =
      new Policy(
          "p",
          "1",
          "P",
          "",
          "",
          List.of(),
          List.of(),
          List.of(
              rule(SearchFigures.SELECTED, Comparator.AT_LEAST, 1),
              rule(SearchFigures.DISTANCE, Comparator.AT_MOST, 0.01)));

  static AuditResult audit(SearchResult s) {
    return new AuditResult(null, List.of(), null, null, null, null, null).withSearch(s);
  }

  static PolicyResult judge(AuditResult a) {
    return org.fairkd.policies.Policies.evaluate(POLICY, new AuditFacts(a));
  }

  @Test
  void releasedSelectedCandidatePasses() throws Exception {
    AuditFacts f = new AuditFacts(audit(fixture()));
    assertEquals(1.0, f.modelFigure(Subject.STUDENT, SearchFigures.SELECTED).estimate().value());
    assertEquals(0.0, f.modelFigure(Subject.STUDENT, SearchFigures.DISTANCE).estimate().value());
    assertEquals(0.005, f.modelFigure(Subject.STUDENT, SearchFigures.TOLERANCE).estimate().value());
    assertEquals(Verdict.PASS, judge(audit(fixture())).verdict());
  }

  @Test
  void anotherReleasedCandidateFailsWithItsDistance() throws Exception {
    AuditResult a = audit(fixture().withReleased("s00-t0.50"));
    AuditFacts f = new AuditFacts(a);
    assertEquals(0.0, f.modelFigure(Subject.STUDENT, SearchFigures.SELECTED).estimate().value());
    // the reference's DP 0.20 minus the least discriminatory admissible frontier candidate's 0.05;
    // the collapsed candidate at DP 0 does not count
    assertEquals(
        0.15, f.modelFigure(Subject.STUDENT, SearchFigures.DISTANCE).estimate().value(), 1e-12);
    PolicyResult r = judge(a);
    assertEquals(Verdict.FAIL, r.verdict());
    assertEquals(2, r.outcomes().stream().filter(o -> o.status().name().equals("FAIL")).count());
  }

  @Test
  void noSearchOrNoReleaseFailsClosed() throws Exception {
    for (AuditResult a : List.of(audit(null), audit(fixture().withReleased(null)))) {
      PolicyResult r = judge(a);
      assertEquals(Verdict.FAIL, r.verdict());
      assertTrue(r.unevaluated().isPresent(), "nothing judged: the gate exits 2");
    }
    assertTrue(
        new AuditFacts(audit(null))
            .modelFigure(Subject.STUDENT, SearchFigures.SELECTED)
            .reason()
            .contains("records no less-discriminatory-alternative search"));
  }

  @Test
  void theSearchBlockSurvivesAuditJson() throws Exception {
    AuditResult a = audit(fixture());
    String json = AuditJsonWriter.write(a);
    AuditResult back = AuditJsonReader.read(new ObjectMapper().readTree(json));
    assertEquals("s01-t0.45", back.search().released());
    assertEquals(json, AuditJsonWriter.write(back));
    assertEquals(Verdict.PASS, judge(back).verdict());
  }
}

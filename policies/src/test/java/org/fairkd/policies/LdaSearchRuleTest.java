package org.fairkd.policies;

import static org.fairkd.policies.PolicyFiles.header;
import static org.fairkd.policies.PolicyFiles.write;
import static org.fairkd.policies.facts.FactsBuilder.point;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.fairkd.policies.eval.PolicyResult;
import org.fairkd.policies.eval.Status;
import org.fairkd.policies.eval.Verdict;
import org.fairkd.policies.facts.FactsBuilder;
import org.fairkd.policies.model.Comparator;
import org.fairkd.policies.model.Policy;
import org.fairkd.policies.model.Rule;
import org.fairkd.policies.search.SearchFigures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kind: lda_search} rules: what they mean, that they pass and fail on the search figures,
 * and that an audit without a search fails closed (nothing judged: the gate refuses to pass).
 */
class LdaSearchRuleTest {
  @TempDir Path dir;

  private Policy load(String rules) {
    return Policies.resolve(write(dir, "p.yaml", header("p") + "rules:\n" + rules).toString());
  }

  static final String SELECTED =
      "  - id: released-is-selected\n    kind: lda_search\n    require: selected\n";
  static final String NEAR =
      "  - id: near-frontier\n    kind: lda_search\n    max_distance: 0.01\n    severity: warn\n";

  @Test
  void ruleKindsMeanTheirMetricRules() {
    List<Rule> rules =
        load(SELECTED + NEAR + "  - id: tol\n    kind: lda_search\n    max_tolerance: 0.005\n")
            .rules();
    assertEquals(SearchFigures.SELECTED, rules.get(0).metric());
    assertEquals(Comparator.AT_LEAST, rules.get(0).comparator());
    assertEquals(1.0, rules.get(0).threshold().low());
    assertEquals(SearchFigures.DISTANCE, rules.get(1).metric());
    assertEquals(Comparator.AT_MOST, rules.get(1).comparator());
    assertEquals(0.01, rules.get(1).threshold().high());
    assertEquals("warn", rules.get(1).severity().name().toLowerCase());
    assertEquals(SearchFigures.TOLERANCE, rules.get(2).metric());
    assertEquals(0.005, rules.get(2).threshold().high());
  }

  @Test
  void passesAndFailsOnTheSearchFigures() {
    Policy p = load(SELECTED + NEAR.replace("severity: warn", "severity: fail"));
    PolicyResult ok =
        Policies.evaluate(
            p,
            new FactsBuilder()
                .model(SearchFigures.SELECTED, point(1))
                .model(SearchFigures.DISTANCE, point(0)));
    assertEquals(Verdict.PASS, ok.verdict());
    PolicyResult bad =
        Policies.evaluate(
            p,
            new FactsBuilder()
                .model(SearchFigures.SELECTED, point(0))
                .model(SearchFigures.DISTANCE, point(0.0101)));
    assertEquals(Verdict.FAIL, bad.verdict());
    assertTrue(bad.outcomes().stream().allMatch(o -> o.status() == Status.FAIL));
  }

  @Test
  void noSearchRecordedFailsClosed() {
    PolicyResult none = Policies.evaluate(load(SELECTED), new FactsBuilder());
    assertEquals(Verdict.FAIL, none.verdict());
    assertTrue(none.unevaluated().isPresent(), "nothing judged: the gate exits 2, never passes");
    assertEquals("released-is-selected", none.unevaluated().get().ruleId());
  }

  @Test
  void badRuleKindsAreOneLineNamingFileLineAndKey() {
    assertEquals(
        "p.yaml:6: key 'rules[0].kind': unknown rule kind text 'lda' (use lda_search)",
        problem("  - id: a\n    kind: lda\n    require: selected\n"));
    assertEquals(
        "p.yaml:7: key 'rules[0].require': unknown requirement text 'chosen' (use selected)",
        problem("  - id: a\n    kind: lda_search\n    require: chosen\n"));
    assertTrue(
        problem("  - id: a\n    kind: lda_search\n")
            .endsWith("needs exactly one of require, max_distance, max_tolerance"));
    assertEquals(
        "p.yaml:8: key 'rules[0].metric': a 'kind: lda_search' rule states no 'metric'",
        problem("  - id: a\n    kind: lda_search\n    require: selected\n    metric: auc\n"));
    assertEquals(
        "p.yaml:6: key 'rules[0].max_distance': 'max_distance' needs 'kind: lda_search'",
        problem("  - id: a\n    max_distance: 0.1\n    metric: auc\n"));
  }

  private String problem(String rules) {
    Path f = write(dir, "p.yaml", header("p") + "rules:\n" + rules);
    PolicyException e = assertThrows(PolicyException.class, () -> Policies.resolve(f.toString()));
    assertEquals(1, e.problems().size(), e.problems().toString());
    return e.problems().get(0).replace(dir.toString() + "/", "");
  }
}

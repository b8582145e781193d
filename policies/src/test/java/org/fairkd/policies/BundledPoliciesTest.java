package org.fairkd.policies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.fairkd.policies.model.Comparator;
import org.fairkd.policies.model.EvidenceMode;
import org.fairkd.policies.model.InsufficientDataAction;
import org.fairkd.policies.model.Policy;
import org.fairkd.policies.model.Rule;
import org.fairkd.policies.model.Scope;
import org.fairkd.policies.model.Severity;
import org.fairkd.policies.model.Subject;
import org.fairkd.policies.model.Threshold;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledPoliciesTest {

  @Test
  void fourFifthsIsTheIssuesRule() {
    Policy p = Policies.resolve("four-fifths");
    assertEquals(1, p.rules().size());
    Rule r = p.rules().get(0);
    assertEquals("adverse_impact_ratio", r.metric());
    assertEquals(Subject.STUDENT, r.subject());
    assertEquals(Scope.of(Scope.Kind.ATTRIBUTES), r.scope());
    assertEquals(Comparator.AT_LEAST, r.comparator());
    assertEquals(new Threshold(0.8, Double.POSITIVE_INFINITY), r.threshold());
    assertEquals(new Threshold(0.9, Double.POSITIVE_INFINITY), r.warnThreshold());
    assertEquals(EvidenceMode.SIGNIFICANT, r.mode());
    assertEquals(0.05, r.alpha());
    assertEquals(Severity.FAIL, r.severity());
    assertEquals(InsufficientDataAction.WARN, r.onInsufficientData());
    assertTrue(r.source().contains("1607.4(D)"));
  }

  @Test
  void distillationNonRegressionUsesPairedIntervals() {
    Policy p = Policies.resolve("distillation-non-regression");
    assertEquals(
        List.of("auc-non-regression", "dpd-non-inferiority", "eod-non-inferiority", "fidelity"),
        p.rules().stream().map(Rule::id).toList());
    Rule auc = p.rules().get(0);
    assertEquals(Subject.DELTA, auc.subject());
    assertEquals(EvidenceMode.CI, auc.mode());
    assertEquals(-0.01, auc.threshold().low());
    Rule dpd = p.rules().get(1);
    assertEquals(Subject.DELTA, dpd.subject());
    assertEquals(Comparator.AT_MOST, dpd.comparator());
    assertEquals(0.02, dpd.threshold().high());
    assertEquals(EvidenceMode.CI, dpd.mode());
    assertEquals(0.95, p.rules().get(3).threshold().low());
  }

  @Test
  void lendingStandardIncludesBothPacksPlusWarningsAndPerGroupRules() {
    Policy p = Policies.resolve("lending-standard");
    assertEquals(List.of("four-fifths", "distillation-non-regression"), p.includes());
    assertEquals(
        List.of(
            "air-four-fifths",
            "auc-non-regression",
            "dpd-non-inferiority",
            "eod-non-inferiority",
            "fidelity",
            "eod-cap",
            "smd-cap",
            "group-auc-non-regression",
            "group-agreement",
            "reason-fidelity",
            "reason-proxies"),
        p.rules().stream().map(Rule::id).toList());
    Rule smd = p.rules().get(6);
    assertEquals(new Threshold(-0.3, 0.3), smd.threshold());
    assertEquals(Severity.WARN, smd.severity());
    assertEquals(Severity.WARN, p.rules().get(5).severity());
    // references of included packs are kept, without duplicates
    assertTrue(p.references().stream().anyMatch(s -> s.contains("1607.4(D)")));
    assertEquals(p.references().size(), p.references().stream().distinct().count());
  }

  @Test
  void everyBundledRuleCitesItsSourceAndCallsThresholdsConventions() {
    for (Policies.Bundled b : Policies.bundled()) {
      Policy p = Policies.resolve(b.name());
      assertFalse(b.title().isBlank());
      assertTrue(p.description().contains("convention"), b.name());
      for (Rule r : p.rules()) {
        assertFalse(r.source().isBlank(), r.id());
        assertFalse(r.rationale().isBlank(), r.id());
      }
    }
  }

  @Test
  void showOutputIsAStandaloneEquivalentPolicy(@TempDir Path dir) {
    for (Policies.Bundled b : Policies.bundled()) {
      Policy p = Policies.resolve(b.name());
      String yaml = Policies.toYaml(p);
      Path f = PolicyFiles.write(dir, b.name() + ".yaml", yaml);
      Policy back = Policies.resolve(f.toString());
      assertEquals(p.rules(), back.rules(), b.name());
      assertEquals(p.title(), back.title());
      assertEquals(p.references(), back.references());
      assertTrue(back.includes().isEmpty());
    }
  }

  @Test
  void shownYamlQuotesComparatorsAndWritesDefaults() {
    String yaml = Policies.toYaml(Policies.resolve("four-fifths"));
    assertTrue(yaml.contains("comparator: '>='"), yaml);
    assertTrue(yaml.contains("on_insufficient_data: warn"), yaml);
    assertTrue(yaml.contains("version: \"1.0\""), yaml);
  }
}

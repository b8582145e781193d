package org.fairkd.policies.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpellingTest {
  @Test
  void levenshteinDistance() {
    assertEquals(0, Spelling.distance("auc", "auc"));
    assertEquals(3, Spelling.distance("kitten", "sitting"));
    assertEquals(1, Spelling.distance("adverse_impact_rato", "adverse_impact_ratio"));
  }

  @Test
  void suggestsOnlyCloseNames() {
    assertEquals(
        "adverse_impact_ratio", Spelling.closest("adverse_impact_rato", PolicyMetrics.names()));
    assertEquals("threshold", Spelling.closest("treshold", List.of("threshold", "mode")));
    assertNull(Spelling.closest("banana", PolicyMetrics.names()));
    assertEquals("", Spelling.didYouMean("banana", PolicyMetrics.names()));
  }

  @Test
  void catalogueCoversFairnessMetricsAndDistillationFigures() {
    for (String m :
        List.of(
            "selection_rate",
            "auc",
            "adverse_impact_ratio",
            "demographic_parity_difference",
            "standardized_mean_difference",
            "fidelity",
            "kl",
            "kl_divergence",
            "gap_recovered",
            "latency_speedup",
            "throughput_speedup",
            "size_ratio",
            "log_loss",
            "accuracy")) {
      assertTrue(PolicyMetrics.lookup(m).isPresent(), m);
    }
    assertEquals(
        MetricKind.GROUP_VS_REFERENCE,
        PolicyMetrics.lookup("adverse_impact_ratio").orElseThrow().kind());
    assertEquals(
        "selection_rate", PolicyMetrics.lookup("adverse_impact_ratio").orElseThrow().testMetric());
    assertNull(PolicyMetrics.lookup("standardized_mean_difference").orElseThrow().testMetric());
    assertEquals(
        List.of("true_positive_rate", "false_positive_rate"),
        PolicyMetrics.lookup("equalized_odds_difference").orElseThrow().bases());
  }
}

package org.fairkd.audit.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.fairkd.fairness.FairnessAnalysis;
import org.fairkd.fairness.FairnessInput;
import org.fairkd.fairness.ProtectedAttribute;
import org.fairkd.fairness.report.FairnessReport;
import org.junit.jupiter.api.Test;

/**
 * Counts in the fairkd.metrics/1 JSON: whole numbers as integers; the row accounting counts missing
 * rows.
 */
class FairnessJsonCountsTest {
  static FairnessReport report(double[] weights) {
    return FairnessAnalysis.analyze(
        FairnessInput.builder(new boolean[] {true, false, true, false, true})
            .scores(new double[] {0.9, 0.2, 0.7, 0.4, 0.6})
            .weights(weights)
            .bootstrap(0)
            .minSliceSize(1)
            .attribute(
                ProtectedAttribute.hard("sex", List.of("f", "m"), null, new int[] {0, 1, -1, 0, 1}))
            .build());
  }

  @Test
  void unitWeightCountsAreIntegersAndMissingRowsAreCounted() throws Exception {
    String text = FairnessJson.write(report(null));
    assertTrue(text.contains("\"count\" : 2,"), text);
    JsonNode root = FairnessJson.MAPPER.readTree(text);
    assertTrue(root.path("overall").path("count").isIntegralNumber());
    assertEquals(5, root.path("overall").path("count").asInt());
    assertEquals(1, report(null).data().attribute("sex").orElseThrow().missingRows());
  }

  @Test
  void fractionalWeightedCountsStayDecimal() throws Exception {
    JsonNode root =
        FairnessJson.MAPPER.readTree(FairnessJson.write(report(new double[] {0.5, 1, 1, 1.25, 1})));
    assertEquals(1.75, root.path("slices").get(0).path("count").doubleValue(), 0);
    assertEquals(
        1, report(new double[] {0.5, 1, 1, 1.25, 1}).data().attributes().get(0).missingWeight(), 0);
  }
}

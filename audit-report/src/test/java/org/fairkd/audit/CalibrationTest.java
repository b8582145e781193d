package org.fairkd.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.fairkd.fairness.ProtectedAttribute;
import org.junit.jupiter.api.Test;

class CalibrationTest {
  @Test
  void binsByGroupHardAndSoft() {
    double[] s = {0.05, 0.15, 0.12, 1.0, 0.95};
    boolean[] y = {false, true, false, true, true};
    var hard = ProtectedAttribute.hard("sex", List.of("f", "m"), "m", new int[] {0, 0, 1, 1, -1});
    var soft =
        ProtectedAttribute.soft(
            "race",
            List.of("a", "b"),
            "a",
            new double[][] {{1, 0.5, 0, 0.25, 0}, {0, 0.5, 1, 0.75, 0}});
    JsonNode c = Calibration.byGroup(s, y, List.of(hard, soft), 10);
    JsonNode f1 = c.path("sex").path("f").get(1);
    assertEquals(1.0, f1.path("count").asDouble());
    assertEquals(0.15, f1.path("mean_score").asDouble(), 1e-12);
    assertEquals(1.0, f1.path("observed_rate").asDouble());
    assertTrue(c.path("sex").path("f").get(5).path("mean_score").isNull(), "empty bin");
    assertEquals(1.0, c.path("sex").path("m").get(9).path("count").asDouble(), "score 1 in last");
    JsonNode b1 = c.path("race").path("b").get(1);
    assertEquals(1.5, b1.path("count").asDouble(), 1e-12);
    assertEquals((0.5 * 0.15 + 0.12) / 1.5, b1.path("mean_score").asDouble(), 1e-12);
    assertEquals(0.5 / 1.5, b1.path("observed_rate").asDouble(), 1e-12);
  }
}

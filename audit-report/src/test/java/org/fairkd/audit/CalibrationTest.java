package org.fairkd.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.fairkd.audit.result.CalibrationBins;
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
    var c = Calibration.byGroup(s, y, List.of(hard, soft), 10).byAttribute();
    CalibrationBins.Bin f1 = c.get("sex").get("f").get(1);
    assertEquals(1.0, f1.count());
    assertEquals(0.15, f1.meanScore(), 1e-12);
    assertEquals(1.0, f1.observedRate());
    assertNull(c.get("sex").get("f").get(5).meanScore(), "empty bin");
    assertEquals(0, c.get("sex").get("f").get(5).count());
    assertEquals(1.0, c.get("sex").get("m").get(9).count(), "score 1 in last");
    CalibrationBins.Bin b1 = c.get("race").get("b").get(1);
    assertEquals(1.5, b1.count(), 1e-12);
    assertEquals((0.5 * 0.15 + 0.12) / 1.5, b1.meanScore(), 1e-12);
    assertEquals(0.5 / 1.5, b1.observedRate(), 1e-12);
    assertEquals(0.1, b1.lower());
    assertEquals(0.2, b1.upper());
  }
}

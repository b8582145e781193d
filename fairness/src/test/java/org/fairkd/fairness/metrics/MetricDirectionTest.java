package org.fairkd.fairness.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Each disparity's "better" direction agrees with its definition: evaluated on groups at parity and
 * on groups apart, the parity value is the better one in the metric's stated direction (demographic
 * parity and equalized odds ratios: higher is better; their differences: lower).
 */
class MetricDirectionTest {
  private static final MetricRegistry REGISTRY = MetricRegistry.standard();

  @Test
  void wholeAttributeDisparitiesPreferParity() {
    int checked = 0;
    for (Metric m : REGISTRY.all()) {
      if (!(m instanceof WholeDisparity w) || w.info().direction() == Direction.NEITHER) {
        continue;
      }
      int bases = w.info().bases().size();
      double[][] parity = new double[bases][];
      double[][] apart = new double[bases][];
      for (int b = 0; b < bases; b++) {
        parity[b] = new double[] {0.5, 0.5, 0.5};
        apart[b] = new double[] {0.3, 0.5, 0.6};
      }
      assertBetter(
          w.info(), w.aggregate().applyAsDouble(parity), w.aggregate().applyAsDouble(apart));
      checked++;
    }
    assertEquals(5, checked, "the five whole-attribute spreads and ratios");
  }

  @Test
  void groupDisparitiesPreferParityOverADisadvantagedGroup() {
    int checked = 0;
    for (Metric m : REGISTRY.all()) {
      if (!(m instanceof GroupDisparity g) || g.info().direction() == Direction.NEITHER) {
        continue;
      }
      double[] reference = new double[g.info().bases().size()];
      double[] disadvantaged = new double[reference.length];
      Arrays.fill(reference, 0.6);
      Arrays.fill(disadvantaged, 0.3);
      assertBetter(
          g.info(),
          g.contrast().apply(reference, reference),
          g.contrast().apply(disadvantaged, reference));
      checked++;
    }
    assertTrue(checked >= 3, "adverse impact ratio, marginal effect, disparate impact");
  }

  @Test
  void ratiosAreHigherIsBetterAndSpreadsLowerIsBetter() {
    for (MetricInfo i : REGISTRY.ofKind(MetricKind.ATTRIBUTE)) {
      if (i.name().endsWith("_ratio")) {
        assertEquals(Direction.HIGHER, i.direction(), i.name());
      } else if (i.name().endsWith("_difference")) {
        assertEquals(Direction.LOWER, i.direction(), i.name());
      }
    }
    assertEquals(
        Direction.HIGHER, REGISTRY.find("demographic_parity_ratio").orElseThrow().direction());
    assertEquals(Direction.HIGHER, REGISTRY.find("equalized_odds_ratio").orElseThrow().direction());
  }

  private static void assertBetter(MetricInfo info, double parity, double apart) {
    assertFalse(Double.isNaN(parity) || Double.isNaN(apart), info.name());
    if (info.direction() == Direction.HIGHER) {
      assertTrue(parity > apart, info.name() + ": parity " + parity + " vs apart " + apart);
    } else {
      assertTrue(parity < apart, info.name() + ": parity " + parity + " vs apart " + apart);
    }
  }
}

package org.fairkd.fairness.reasons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProxyScreenTest {

  /** 2×2 table [[30, 10], [20, 40]]: V = |ad − bc| / sqrt(row and column totals' product). */
  @Test
  void cramersVOfATwoByTwoTableIsThePhiCoefficient() {
    String[] f = new String[100];
    String[] g = new String[100];
    int i = 0;
    int[][] t = {{30, 10}, {20, 40}};
    for (int r = 0; r < 2; r++) {
      for (int c = 0; c < 2; c++) {
        for (int k = 0; k < t[r][c]; k++, i++) {
          f[i] = "level" + r;
          g[i] = "group" + c;
        }
      }
    }
    ProxyFlag p =
        ProxyScreen.screen(List.of(new ScreenedFeature.Categorical("home", f)), Map.of("race", g))
            .get(0);
    double phi = Math.abs(30.0 * 40 - 10.0 * 20) / Math.sqrt(40.0 * 60 * 50 * 50);
    assertEquals(phi, p.association(), 1e-12);
    assertEquals("cramers_v", p.measure());
    assertTrue(p.flagged()); // 0.408 >= 0.3
  }

  @Test
  void aucEqualsTheShareOfConcordantPairsWithTiesCountingHalf() {
    Random rng = new Random(5);
    int n = 300;
    double[] x = new double[n];
    String[] g = new String[n];
    for (int i = 0; i < n; i++) {
      g[i] = i % 3 == 0 ? "b" : i % 3 == 1 ? "w" : "h";
      x[i] = Math.round(2 * rng.nextGaussian() + (g[i].equals("b") ? -1.5 : 0)); // many ties
    }
    ProxyFlag p =
        ProxyScreen.screen(List.of(new ScreenedFeature.Numeric("region", x)), Map.of("race", g))
            .get(0);
    double best = 0;
    String bestGroup = null;
    for (String grp : new String[] {"b", "h", "w"}) {
      double c = 0;
      double pairs = 0;
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          if (g[i].equals(grp) && !g[j].equals(grp)) {
            pairs++;
            c += x[i] > x[j] ? 1 : x[i] == x[j] ? 0.5 : 0;
          }
        }
      }
      double folded = Math.max(c / pairs, 1 - c / pairs);
      if (folded > best) {
        best = folded;
        bestGroup = grp;
      }
    }
    assertEquals(best, p.association(), 1e-12);
    assertEquals(bestGroup, p.group());
    assertEquals("b", p.group());
  }

  @Test
  void flagsAShiftedFeatureAndNotAnIndependentOne() {
    Random rng = new Random(8);
    int n = 4000;
    double[] proxy = new double[n];
    double[] honest = new double[n];
    String[] level = new String[n];
    String[] race = new String[n];
    for (int i = 0; i < n; i++) {
      race[i] = rng.nextDouble() < 0.15 ? "black" : "white";
      proxy[i] = 50 + 10 * (rng.nextGaussian() - (race[i].equals("black") ? 3 : 0));
      honest[i] = rng.nextGaussian();
      level[i] = rng.nextBoolean() ? "own" : "rent";
    }
    Map<String, String[]> attrs = new LinkedHashMap<>();
    attrs.put("race", race);
    List<ProxyFlag> flags =
        ProxyScreen.screen(
            List.of(
                new ScreenedFeature.Numeric("region_score", proxy),
                new ScreenedFeature.Numeric("income", honest),
                new ScreenedFeature.Categorical("home", level)),
            attrs);
    assertTrue(flags.get(0).flagged());
    assertTrue(flags.get(0).association() > 0.95); // Φ(3/√2) = 0.983
    assertFalse(flags.get(1).flagged());
    assertFalse(flags.get(2).flagged());
  }
}

package org.fairkd.kd.reasons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.fairkd.datasets.encode.EncoderSpec;
import org.fairkd.kd.portable.PortableStudent;
import org.junit.jupiter.api.Test;

/**
 * The student's exact Shapley path ({@link ShapleyAttributor#ofStudent}: per-applicant plan of
 * stable units, Gray-code walk, regrouped aggregation, several threads) against Shapley values
 * computed from the definition: every coalition's row built and scored by a plain double-precision
 * forward pass, {@code φ_g = Σ_{S∌g} |S|!(m−|S|−1)!/m! · (v(S∪g) − v(S))} over the differing
 * features.
 */
class StudentShapleyExactnessTest {
  private final EncoderSpec enc = ReasonFixtures.encoder();
  private final FeatureGroups groups = FeatureGroups.of(enc);

  @Test
  void equalsTheDefinitionOnRandomStudentsOfEveryDepth() {
    float[][] x = ReasonFixtures.rows(60, 15);
    List<ReferencePoint> refs =
        List.of(
            ReferencePoint.trainingMean(ReasonFixtures.rows(400, 16)), // fractional one-hot slots
            new ReferencePoint(ReasonFixtures.rows(1, 17)[0], "an applicant"));
    int[][] shapes = {{}, {7}, {24}, {16, 8}, {32, 24}, {6, 5, 4}};
    for (ReferencePoint ref : refs) {
      for (int[] hidden : shapes) {
        for (double shift : new double[] {0, 1.5, -1.5}) { // mostly mixed, active, dead units
          PortableStudent s =
              shifted(ReasonFixtures.student(enc, 31 + hidden.length, hidden), shift);
          List<Attribution> fast = ShapleyAttributor.ofStudent(s, ref, 4, 1, 2).attribute(x);
          for (int a = 0; a < x.length; a++) {
            Attribution exact = fromDefinition(s, ref.x(), x[a]);
            assertArrayEquals(exact.contributions(), fast.get(a).contributions(), 1e-9);
            assertEquals(exact.margin(), fast.get(a).margin(), 1e-9);
            assertEquals(exact.referenceMargin(), fast.get(a).referenceMargin(), 1e-9);
            assertEquals(0, fast.get(a).completenessGap(), 1e-9);
          }
        }
      }
    }
  }

  @Test
  void aDifferingFeatureThatMovesNoFirstLayerUnitGetsZeroAndTheRestAreUnchanged() {
    PortableStudent s = ReasonFixtures.student(enc, 41, 12, 10);
    for (float[] row : s.layers().get(0).weights()) {
      row[8] = 0f; // "history" moves nothing: a null player though it differs
    }
    ReferencePoint ref = ReferencePoint.trainingMean(ReasonFixtures.rows(300, 42));
    float[][] x = ReasonFixtures.rows(30, 43);
    List<Attribution> fast = ShapleyAttributor.ofStudent(s, ref, 4, 1).attribute(x);
    for (int a = 0; a < x.length; a++) {
      assertEquals(0.0, fast.get(a).contributions()[4], 0.0);
      assertArrayEquals(
          fromDefinition(s, ref.x(), x[a]).contributions(), fast.get(a).contributions(), 1e-9);
    }
  }

  @Test
  void theValuesDoNotDependOnTheNumberOfThreads() {
    PortableStudent s = ReasonFixtures.student(enc, 51, 32, 16);
    ReferencePoint ref = ReferencePoint.trainingMean(ReasonFixtures.rows(300, 52));
    float[][] x = ReasonFixtures.rows(5 * ExactInParallel.CHUNK + 7, 53);
    List<Attribution> one = ShapleyAttributor.ofStudent(s, ref, 4, 1, 1).attribute(x);
    for (int threads : new int[] {2, 3}) {
      List<Attribution> many = ShapleyAttributor.ofStudent(s, ref, 4, 1, threads).attribute(x);
      for (int a = 0; a < x.length; a++) {
        assertArrayEquals(one.get(a).contributions(), many.get(a).contributions(), 0.0);
        assertEquals(one.get(a).margin(), many.get(a).margin(), 0.0);
      }
    }
  }

  /** Shapley values of the margin over the differing features, by the definition. */
  private Attribution fromDefinition(PortableStudent s, float[] ref, float[] x) {
    int[] active =
        java.util.stream.IntStream.range(0, groups.count())
            .filter(
                g ->
                    java.util.stream.IntStream.range(groups.start()[g], groups.end()[g])
                        .anyMatch(i -> x[i] != ref[i]))
            .toArray();
    int m = active.length;
    double[] v = new double[1 << m];
    for (int c = 0; c < v.length; c++) {
      double[] row = new double[ref.length];
      for (int i = 0; i < ref.length; i++) {
        row[i] = ref[i];
      }
      for (int q = 0; q < m; q++) {
        if ((c & (1 << q)) != 0) {
          for (int i = groups.start()[active[q]]; i < groups.end()[active[q]]; i++) {
            row[i] = x[i];
          }
        }
      }
      v[c] = margin(s, row);
    }
    double[] phi = new double[groups.count()];
    for (int q = 0; q < m; q++) {
      for (int c = 0; c < v.length; c++) {
        if ((c & (1 << q)) == 0) {
          int size = Integer.bitCount(c);
          double w = factorial(size) * factorial(m - size - 1) / factorial(m);
          phi[active[q]] += w * (v[c | (1 << q)] - v[c]);
        }
      }
    }
    return new Attribution(phi, v[v.length - 1], v[0]);
  }

  /** z₁ − z₀ by a plain forward pass in double. */
  private static double margin(PortableStudent s, double[] x) {
    double[] h = x;
    List<PortableStudent.Layer> layers = s.layers();
    for (int l = 0; l < layers.size(); l++) {
      float[][] w = layers.get(l).weights();
      double[] out = new double[w.length];
      for (int o = 0; o < w.length; o++) {
        double z = layers.get(l).bias()[o];
        for (int i = 0; i < h.length; i++) {
          z += (double) w[o][i] * h[i];
        }
        out[o] = l < layers.size() - 1 ? Math.max(0, z) : z;
      }
      h = out;
    }
    return h[1] - h[0];
  }

  /** The student with every hidden bias moved by {@code shift}. */
  private static PortableStudent shifted(PortableStudent s, double shift) {
    List<PortableStudent.Layer> layers = s.layers();
    for (int l = 0; l < layers.size() - 1; l++) {
      float[] b = layers.get(l).bias();
      for (int o = 0; o < b.length; o++) {
        b[o] += (float) shift;
      }
    }
    return s;
  }

  private static double factorial(int n) {
    double f = 1;
    for (int i = 2; i <= n; i++) {
      f *= i;
    }
    return f;
  }
}

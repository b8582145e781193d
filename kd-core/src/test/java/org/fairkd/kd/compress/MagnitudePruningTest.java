package org.fairkd.kd.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.fairkd.kd.student.StudentWeights;
import org.junit.jupiter.api.Test;

class MagnitudePruningTest {
  @Test
  void keepsExactlyTheLargestHalfOfEachLayerUnchanged() {
    StudentWeights w = CompressionFixtures.weights(13, new int[] {7, 5}, 11);
    StudentWeights p = new MagnitudePruning(50).apply(w);
    for (int l = 0; l < w.weights().size(); l++) {
      float[][] orig = w.weights().get(l);
      float[][] pruned = p.weights().get(l);
      int n = orig.length * orig[0].length;
      double[] mags = new double[n];
      int k = 0;
      for (float[] row : orig) {
        for (float v : row) {
          mags[k++] = Math.abs(v);
        }
      }
      Arrays.sort(mags);
      double threshold = mags[n / 2]; // the smallest kept magnitude (distinct random values)
      int kept = 0;
      for (int o = 0; o < orig.length; o++) {
        for (int j = 0; j < orig[o].length; j++) {
          if (Math.abs(orig[o][j]) >= threshold) {
            assertEquals(orig[o][j], pruned[o][j], "kept weight " + l + ":" + o + "," + j);
            kept++;
          } else {
            assertEquals(0f, pruned[o][j], "pruned weight " + l + ":" + o + "," + j);
          }
        }
      }
      assertEquals(n - n / 2, kept, "layer " + l + " of " + n + " weights");
      assertArrayEquals(w.biases().get(l), p.biases().get(l));
    }
  }

  @Test
  void tiesArePrunedInRowMajorOrderSoTheCountIsExact() {
    float[][] w = {{1f, -1f, 1f}, {-1f, 1f, 2f}};
    StudentWeights s =
        new StudentWeights(
            java.util.List.of(w, new float[][] {{1f, 1f}, {1f, 1f}}),
            java.util.List.of(new float[2], new float[2]));
    float[][] p = new MagnitudePruning(50).apply(s).weights().get(0);
    assertArrayEquals(new float[][] {{0f, 0f, 0f}, {-1f, 1f, 2f}}, p);
  }

  @Test
  void namesParseAndBadOnesAreRejected() {
    assertEquals("prune_50", CompressionMethod.parseOrNull("prune_50").name());
    assertEquals("student_prune_30", CompressionMethod.parseOrNull("prune_30").role());
    assertEquals("student_int8", CompressionMethod.parseOrNull("int8").role());
    assertNull(CompressionMethod.parseOrNull("prune_0"));
    assertNull(CompressionMethod.parseOrNull("prune_100"));
    assertNull(CompressionMethod.parseOrNull("int4"));
    assertThrows(IllegalArgumentException.class, () -> new MagnitudePruning(100));
  }
}

package org.fairkd.kd.teacher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StratifiedFoldsTest {

  @Test
  void foldsAreStratifiedDisjointAndSeeded() {
    Random rnd = new Random(1);
    boolean[] y = new boolean[503];
    int pos = 0;
    for (int i = 0; i < y.length; i++) {
      y[i] = rnd.nextDouble() < 0.3;
      pos += y[i] ? 1 : 0;
    }
    int k = 5;
    int[] fold = StratifiedFolds.assign(y, k, 42);
    for (int f = 0; f < k; f++) {
      int[] in = StratifiedFolds.rows(fold, f, true);
      int[] out = StratifiedFolds.rows(fold, f, false);
      assertEquals(y.length, in.length + out.length);
      assertTrue(Arrays.stream(in).noneMatch(r -> Arrays.stream(out).anyMatch(o -> o == r)));
      long p = Arrays.stream(in).filter(r -> y[r]).count();
      assertTrue(Math.abs(p - pos / (double) k) <= 1, "fold " + f + " positives " + p);
      assertTrue(Math.abs((in.length - p) - (y.length - pos) / (double) k) <= 1);
    }
    assertArrayEquals(fold, StratifiedFolds.assign(y, k, 42));
    assertFalse(Arrays.equals(fold, StratifiedFolds.assign(y, k, 43)));
  }
}

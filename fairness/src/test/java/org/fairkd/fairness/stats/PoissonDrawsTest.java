package org.fairkd.fairness.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;

/**
 * Row i's Poisson(1) draws are the i·⌈B/2⌉-th and following longs of one {@code new
 * SplittableRandom(seed)} (low then high 32 bits), inverted through the Poisson(1) CDF: what the
 * row engine drew sequentially, now from the row's index alone.
 */
class PoissonDrawsTest {
  @Test
  void aRowsDrawsAreItsLongsOfOneSequentialStream() {
    PoissonDistribution poisson = new PoissonDistribution(null, 1, 1e-12, 100);
    for (int reps : new int[] {1, 7, 10}) {
      SplittableRandom sequential = new SplittableRandom(42);
      PoissonDraws draws = new PoissonDraws(42, reps);
      int[] got = new int[reps];
      double sum = 0;
      int rows = 2000;
      for (int row = 0; row < rows; row++) {
        int[] want = new int[reps];
        for (int b = 0; b < reps; b += 2) {
          long r = sequential.nextLong();
          want[b] = inverse(poisson, r & 0xFFFFFFFFL);
          if (b + 1 < reps) {
            want[b + 1] = inverse(poisson, r >>> 32);
          }
        }
        draws.draw(row, got);
        for (int b = 0; b < reps; b++) {
          assertEquals(want[b], got[b], "row " + row + " replicate " + b);
          sum += got[b];
        }
      }
      assertEquals(1, sum / rows / reps, 0.05, "Poisson(1) mean");
    }
  }

  private static int inverse(PoissonDistribution p, long u32) {
    double u = u32 / 4294967296.0;
    int k = 0;
    while (u >= p.cumulativeProbability(k)) {
      k++;
    }
    return k;
  }
}

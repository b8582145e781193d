package org.fairkd.fairness.stats;

import java.util.SplittableRandom;

/**
 * The Poisson(1) multiplicities of the weighted / soft-membership row bootstrap: row i's draws for
 * replicates 0, 1, … come from the {@code i·⌈B/2⌉}-th and following longs of {@code new
 * SplittableRandom(seed)} (two 32-bit uniforms per long, inverted through the Poisson(1) CDF). A
 * SplittableRandom's k-th long depends only on (seed, k), so a row's draws depend only on (seed,
 * global row index, replicate): any engine that knows each row's index (in any order, on any
 * partitioning) makes the same draws as the row engine.
 */
public final class PoissonDraws {
  /** SplittableRandom's increment of its seed per long ({@code new SplittableRandom(seed)}). */
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private final long seed;
  private final int replicates;
  private final long longsPerRow;
  private final long[] threshold = new long[16];
  private final int[] table;

  /** The draws of {@code replicates} replicates for {@code seed}. */
  public PoissonDraws(long seed, int replicates) {
    this.seed = seed;
    this.replicates = replicates;
    this.longsPerRow = (replicates + 1) / 2;
    double p = Math.exp(-1);
    double acc = 0;
    for (int k = 0; k < threshold.length; k++) {
      acc += p;
      threshold[k] = Math.min(1L << 32, (long) Math.floor(acc * 4294967296.0));
      p /= k + 1;
    }
    threshold[threshold.length - 1] = 1L << 32;
    table = lookupTable(threshold);
  }

  /** Fills {@code out[0 .. replicates)} with the multiplicities of row {@code row} (0-based). */
  public void draw(long row, int[] out) {
    SplittableRandom rng = new SplittableRandom(seed + row * longsPerRow * GOLDEN_GAMMA);
    for (int b = 0; b < replicates; b += 2) {
      long r = rng.nextLong();
      out[b] = poisson(r & 0xFFFFFFFFL);
      if (b + 1 < replicates) {
        out[b + 1] = poisson(r >>> 32);
      }
    }
  }

  /**
   * For each of the 256 ranges of the top 8 bits of a 32-bit uniform: the Poisson value when the
   * whole range maps to one value, else −1 − (the smallest possible value).
   */
  private static int[] lookupTable(long[] threshold) {
    int[] table = new int[256];
    for (int t = 0; t < 256; t++) {
      long lo = (long) t << 24;
      long hi = lo + (1L << 24) - 1;
      int klo = inverse(lo, threshold, 0);
      int khi = inverse(hi, threshold, 0);
      table[t] = klo == khi ? klo : -1 - klo;
    }
    return table;
  }

  private static int inverse(long u, long[] threshold, int from) {
    int k = from;
    while (u >= threshold[k]) {
      k++;
    }
    return k;
  }

  private int poisson(long u) {
    int k = table[(int) (u >>> 24)];
    return k >= 0 ? k : inverse(u, threshold, -1 - k);
  }
}

package org.fairkd.fairness.stats;

/**
 * Stable sort of row indices by a double key without boxing: LSD radix sort (11-bit digits) of the
 * keys' order-preserving 64-bit images, carrying the row index; digit passes in which every key has
 * the same digit are skipped. NaN is not expected (scores are validated).
 */
public final class IndexSort {
  private static final int BITS = 11;
  private static final int RADIX = 1 << BITS;

  private IndexSort() {}

  /** Row indices 0..n−1 in ascending order of {@code key} (ties keep row order). */
  public static int[] ascending(double[] key) {
    int n = key.length;
    long[] k = new long[n];
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      long bits = Double.doubleToLongBits(key[i] + 0.0); // -0.0 → 0.0
      k[i] = bits ^ ((bits >> 63) | Long.MIN_VALUE); // unsigned order = numeric order
      idx[i] = i;
    }
    long[] k2 = new long[n];
    int[] idx2 = new int[n];
    int[] count = new int[RADIX + 1];
    for (int shift = 0; shift < 64; shift += BITS) {
      java.util.Arrays.fill(count, 0);
      for (int i = 0; i < n; i++) {
        count[(int) ((k[i] >>> shift) & (RADIX - 1)) + 1]++;
      }
      boolean same = false;
      for (int d = 1; d <= RADIX; d++) {
        if (count[d] == n) {
          same = true;
        }
        count[d] += count[d - 1];
      }
      if (same) {
        continue;
      }
      for (int i = 0; i < n; i++) {
        int d = (int) ((k[i] >>> shift) & (RADIX - 1));
        int p = count[d]++;
        k2[p] = k[i];
        idx2[p] = idx[i];
      }
      long[] tk = k;
      k = k2;
      k2 = tk;
      int[] ti = idx;
      idx = idx2;
      idx2 = ti;
    }
    return idx;
  }
}

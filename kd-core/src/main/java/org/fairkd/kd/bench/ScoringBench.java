package org.fairkd.kd.bench;

import java.util.Arrays;

/**
 * Latency and throughput of a {@link RowModel}.
 *
 * <p>Warm-up: single-row calls (rows cycled) until at least {@code warmupCalls} calls and {@code
 * warmupMillis} ms have passed, so that the JIT has compiled fast and slow models alike. Latency:
 * {@code timedCalls} calls each timed with {@link System#nanoTime()}; p50 and p99 by the
 * nearest-rank method. Throughput: untimed batches over all rows for {@code warmupMillis}, then
 * timed batches until at least {@code batchRepeats} passes and {@code batchMillis} ms; the best
 * pass, in rows per second.
 *
 * @param warmupCalls minimum untimed single-row calls
 * @param warmupMillis minimum warm-up time
 * @param timedCalls timed single-row calls
 * @param batchRepeats minimum timed batch passes
 * @param batchMillis minimum total time of the timed batch passes
 */
public record ScoringBench(
    int warmupCalls, long warmupMillis, int timedCalls, int batchRepeats, long batchMillis) {

  /**
   * 1000 calls and 1 s of warm-up, 5000 timed calls, at least 3 batches and 1 s (the JIT's compiler
   * threads need the time, or fast models are measured interpreted; the portable student makes
   * about a million calls a second, so 1 s is far past C2's compile threshold).
   */
  public static ScoringBench defaults() {
    return new ScoringBench(1000, 1000, 5000, 3, 1000);
  }

  /** A tiny configuration for tests (figures meaningless, code paths exercised). */
  public static ScoringBench quick() {
    return new ScoringBench(10, 0, 20, 1, 0);
  }

  /** Measures a model over {@code rows} benchmark rows. */
  public DeploymentFigures measure(RowModel model, int rows, long sizeBytes) {
    double sink = 0;
    long warmEnd = System.nanoTime() + warmupMillis * 1_000_000;
    for (int i = 0; i < warmupCalls || System.nanoTime() < warmEnd; i++) {
      sink += model.scoreOne(i % rows);
    }
    long[] ns = new long[timedCalls];
    for (int i = 0; i < timedCalls; i++) {
      long t0 = System.nanoTime();
      sink += model.scoreOne(i % rows);
      ns[i] = System.nanoTime() - t0;
    }
    Arrays.sort(ns);
    long batchWarmEnd = System.nanoTime() + warmupMillis * 1_000_000;
    do {
      sink += model.scoreBatch(rows)[0];
    } while (System.nanoTime() < batchWarmEnd);
    long best = Long.MAX_VALUE;
    long batchEnd = System.nanoTime() + batchMillis * 1_000_000;
    for (int r = 0; r < batchRepeats || (System.nanoTime() < batchEnd && r < 1000); r++) {
      long t0 = System.nanoTime();
      sink += model.scoreBatch(rows)[rows - 1];
      best = Math.min(best, System.nanoTime() - t0);
    }
    if (Double.isNaN(sink)) {
      throw new IllegalStateException("model returned NaN");
    }
    return new DeploymentFigures(
        percentile(ns, 0.50) / 1e3,
        percentile(ns, 0.99) / 1e3,
        rows / (Math.max(1, best) / 1e9),
        sizeBytes);
  }

  /** Nearest-rank percentile of sorted values. */
  static double percentile(long[] sorted, double q) {
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}

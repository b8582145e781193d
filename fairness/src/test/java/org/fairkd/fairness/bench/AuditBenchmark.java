package org.fairkd.fairness.bench;

import java.util.List;
import java.util.SplittableRandom;
import org.fairkd.fairness.FairnessAnalysis;
import org.fairkd.fairness.FairnessInput;
import org.fairkd.fairness.ProtectedAttribute;

/**
 * In-process benchmark of the fairness analysis on synthetic data: {@code rows} rows, two protected
 * attributes (sex: 2 groups, race: 5 groups) and their intersection, 1000 bootstrap replicates.
 * Three timings (thread CPU time): count metrics only (decisions, no scores), everything from
 * scores (adds AUC/DeLong, means, calibration), and the paired comparison of two score columns.
 */
public final class AuditBenchmark {
  private AuditBenchmark() {}

  /**
   * Timings of one run.
   *
   * @param rows rows analysed
   * @param replicates bootstrap replicates
   * @param countMetricsMillis decisions only: count metrics, disparities, tests, intervals
   * @param scoreMetricsMillis from scores: all metrics incl. AUC, mean score, Brier, ECE
   * @param comparisonMillis two models with the paired comparison
   * @param usedHeapMb heap in use after the runs (MB, after a GC request)
   */
  public record Timings(
      int rows,
      int replicates,
      double countMetricsMillis,
      double scoreMetricsMillis,
      double comparisonMillis,
      double usedHeapMb) {}

  /** Generates data with {@code seed} and times the three analyses (after one warm-up). */
  public static Timings run(int rows, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    boolean[] y = new boolean[rows];
    double[] s = new double[rows];
    double[] s2 = new double[rows];
    boolean[] d = new boolean[rows];
    int[] sex = new int[rows];
    int[] race = new int[rows];
    for (int i = 0; i < rows; i++) {
      sex[i] = rng.nextInt(2);
      race[i] = Math.min(4, (int) Math.floor(-Math.log(rng.nextDouble()) * 1.2));
      y[i] = rng.nextDouble() < 0.3 + 0.05 * sex[i];
      double z = (y[i] ? 0.8 : -0.4) - 0.1 * race[i] + rng.nextGaussian();
      s[i] = 1 / (1 + Math.exp(-z));
      s2[i] = 1 / (1 + Math.exp(-(z + 0.3 * rng.nextGaussian())));
      d[i] = s[i] >= 0.5;
    }
    List<ProtectedAttribute> attrs =
        List.of(
            ProtectedAttribute.hard("sex", List.of("male", "female"), "male", sex),
            ProtectedAttribute.hard("race", List.of("a", "b", "c", "d", "e"), "a", race));
    FairnessInput counts = input(y, attrs).decisions(d).build();
    FairnessInput scores = input(y, attrs).scores(s).build();
    FairnessAnalysis.analyze(counts); // warm-up
    double countMs = time(() -> FairnessAnalysis.analyze(counts));
    double scoreMs = time(() -> FairnessAnalysis.analyze(scores));
    double compareMs = time(() -> FairnessAnalysis.compare(scores, s2));
    Runtime rt = Runtime.getRuntime();
    System.gc();
    double heap = (rt.totalMemory() - rt.freeMemory()) / 1e6;
    return new Timings(rows, 1000, countMs, scoreMs, compareMs, heap);
  }

  private static FairnessInput.Builder input(boolean[] y, List<ProtectedAttribute> attrs) {
    FairnessInput.Builder b = FairnessInput.builder(y).bootstrap(1000).seed(1);
    attrs.forEach(b::attribute);
    return b;
  }

  /**
   * CPU time of the calling thread in ms (the analysis is single-threaded), so that the number does
   * not depend on other processes competing for the cores.
   */
  private static double time(Runnable r) {
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long t0 = mx.getCurrentThreadCpuTime();
    r.run();
    return (mx.getCurrentThreadCpuTime() - t0) / 1e6;
  }

  /** Prints the timings: {@code AuditBenchmark [rows] [seed]}. */
  public static void main(String[] args) {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
    System.out.println(run(rows, seed));
  }
}

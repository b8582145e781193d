package org.fairkd.fairness.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.fairkd.fairness.Correction;

/**
 * Multiple-testing adjustment of m p-values sorted ascending p(1) ≤ … ≤ p(m). Holm: {@code adj(i) =
 * max_{j≤i} min(1, (m−j+1)·p(j))}. Benjamini–Hochberg: {@code adj(i) = min_{j≥i} min(1, m·p(j)/j)}.
 */
public final class MultipleTesting {
  private MultipleTesting() {}

  /** Adjusted p-values in the input order. */
  public static double[] adjust(double[] p, Correction correction) {
    int m = p.length;
    Integer[] idx = IntStream.range(0, m).boxed().toArray(Integer[]::new);
    Arrays.sort(idx, Comparator.comparingDouble(i -> p[i]));
    double[] adj = new double[m];
    if (correction == Correction.HOLM) {
      double running = 0;
      for (int r = 0; r < m; r++) {
        running = Math.max(running, Math.min(1, (m - r) * p[idx[r]]));
        adj[idx[r]] = running;
      }
    } else {
      double running = 1;
      for (int r = m - 1; r >= 0; r--) {
        running = Math.min(running, Math.min(1, m * p[idx[r]] / (r + 1)));
        adj[idx[r]] = running;
      }
    }
    return adj;
  }
}

package org.fairkd.kd.compress;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.fairkd.kd.student.StudentWeights;

/**
 * Post-training unstructured magnitude pruning, layer by layer: in each weight matrix of {@code n}
 * weights, the {@code floor(n·percent/100)} smallest by absolute value are set to 0 (ties: the
 * earlier position, row-major, is pruned first), the rest keep their values exactly. Biases are
 * kept. No retraining.
 *
 * @param percent share of each layer's weights set to zero, 1..99
 */
public record MagnitudePruning(int percent) implements CompressionMethod {

  /** Checks the percentage. */
  public MagnitudePruning {
    if (percent < 1 || percent > 99) {
      throw new IllegalArgumentException("pruning percentage must be in 1..99, got " + percent);
    }
  }

  @Override
  public String name() {
    return "prune_" + percent;
  }

  @Override
  public String description() {
    return "magnitude pruning: the "
        + percent
        + "% smallest |w| of each layer set to 0, biases kept, no retraining";
  }

  @Override
  public StudentWeights apply(StudentWeights w) {
    List<float[][]> weights = new ArrayList<>();
    for (float[][] wl : w.weights()) {
      int cols = wl[0].length;
      int n = wl.length * cols;
      int pruned = (int) ((long) n * percent / 100);
      int[] order =
          IntStream.range(0, n)
              .boxed()
              .sorted(
                  Comparator.<Integer>comparingDouble(i -> Math.abs(wl[i / cols][i % cols]))
                      .thenComparingInt(i -> i))
              .mapToInt(Integer::intValue)
              .toArray();
      float[][] out = new float[wl.length][];
      for (int o = 0; o < wl.length; o++) {
        out[o] = wl[o].clone();
      }
      for (int k = 0; k < pruned; k++) {
        out[order[k] / cols][order[k] % cols] = 0f;
      }
      weights.add(out);
    }
    return new StudentWeights(weights, w.biases());
  }
}

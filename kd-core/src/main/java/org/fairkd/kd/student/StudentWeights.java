package org.fairkd.kd.student;

import java.util.ArrayList;
import java.util.List;

/**
 * The fitted parameters of a student: for each layer a weight matrix {@code [out][in]} and bias
 * {@code [out]}; ReLU between layers, softmax over the 2 output logits. The score is {@code
 * softmax(z)[1] = σ(z_1 − z_0)}.
 */
public record StudentWeights(List<float[][]> weights, List<float[]> biases) {
  public StudentWeights {
    weights = List.copyOf(weights);
    biases = List.copyOf(biases);
    if (weights.size() != biases.size() || weights.isEmpty()) {
      throw new IllegalArgumentException("one weight matrix and one bias per layer");
    }
  }

  /** Input width. */
  public int inputWidth() {
    return weights.get(0)[0].length;
  }

  /** Hidden sizes (the architecture these weights belong to). */
  public StudentArchitecture architecture() {
    List<Integer> hidden = new ArrayList<>();
    for (int l = 0; l < weights.size() - 1; l++) {
      hidden.add(weights.get(l).length);
    }
    return new StudentArchitecture(hidden);
  }

  /** Number of scalar parameters. */
  public long parameterCount() {
    long n = 0;
    for (int l = 0; l < weights.size(); l++) {
      n += (long) weights.get(l).length * weights.get(l)[0].length + biases.get(l).length;
    }
    return n;
  }
}

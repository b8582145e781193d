package org.fairkd.kd.student;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Hidden layer sizes of the student MLP (ReLU between layers, 2 output logits); an empty list is
 * the linear (logistic) student. Text form: {@code linear}, {@code 32} or {@code 64x32}.
 */
public record StudentArchitecture(List<Integer> hidden) {
  public StudentArchitecture {
    hidden = List.copyOf(hidden);
  }

  /** The linear student: logits are an affine function of the encoded inputs. */
  public static StudentArchitecture linear() {
    return new StudentArchitecture(List.of());
  }

  /** True for the linear student. */
  public boolean isLinear() {
    return hidden.isEmpty();
  }

  /**
   * Parses {@code linear}, {@code 32} or {@code 64x32}; throws IllegalArgumentException when
   * malformed.
   */
  public static StudentArchitecture parse(String text) {
    String t = text.trim();
    if (t.equals("linear")) {
      return linear();
    }
    List<Integer> sizes = new ArrayList<>();
    for (String part : t.split("x")) {
      int n;
      try {
        n = Integer.parseInt(part.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "expected 'linear' or hidden sizes like '32' or '64x32', got '" + text + "'");
      }
      if (n < 1 || n > 4096) {
        throw new IllegalArgumentException("hidden size must be in 1..4096, got " + n);
      }
      sizes.add(n);
    }
    return new StudentArchitecture(sizes);
  }

  @Override
  public String toString() {
    return isLinear()
        ? "linear"
        : hidden.stream().map(String::valueOf).collect(Collectors.joining("x"));
  }
}

package org.fairkd.kd.teacher;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Seeded stratified k-fold assignment: rows of each label are shuffled with {@code new
 * Random(seed)} and dealt round-robin to the folds, so every fold has the label mix of the whole
 * (±1 row per label).
 */
public final class StratifiedFolds {
  private StratifiedFolds() {}

  /**
   * The fold of each row.
   *
   * @param y labels
   * @param k number of folds, ≥ 2
   * @param seed shuffle seed
   * @return {@code fold[i]} in {@code [0, k)}
   */
  public static int[] assign(boolean[] y, int k, long seed) {
    if (k < 2) {
      throw new IllegalArgumentException("k must be >= 2");
    }
    Random rnd = new Random(seed);
    int[] fold = new int[y.length];
    int next = 0;
    for (boolean label : new boolean[] {false, true}) {
      List<Integer> rows = new ArrayList<>();
      for (int i = 0; i < y.length; i++) {
        if (y[i] == label) {
          rows.add(i);
        }
      }
      Collections.shuffle(rows, rnd);
      for (int r : rows) {
        fold[r] = next;
        next = (next + 1) % k;
      }
    }
    return fold;
  }

  /** The rows whose fold is ({@code in = true}) or is not ({@code in = false}) {@code f}. */
  public static int[] rows(int[] fold, int f, boolean in) {
    return java.util.stream.IntStream.range(0, fold.length)
        .filter(i -> (fold[i] == f) == in)
        .toArray();
  }
}
